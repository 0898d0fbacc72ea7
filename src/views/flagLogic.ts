/** Feature flag logic for rows, prompts and snippets. Pure: no `vscode`. */
import type { FeatureFlag, FlagGroup } from '../api/resources/flags';

export const FLAG_KEY_RE = /^[a-zA-Z0-9_-]+$/;

/** Why a flag key is unusable, or undefined. Same rule as PostHog (`^[a-zA-Z0-9_-]+$`). */
export function validateFlagKey(key: string): string | undefined {
  if (key === '') return 'Enter a key, e.g. new-checkout.';
  if (key.length > 400) return 'Keys are at most 400 characters.';
  if (!FLAG_KEY_RE.test(key)) return 'Only letters, numbers, hyphens (-) and underscores (_) are allowed.';
  return undefined;
}

/** A key format problem, or that the key is taken (flag keys are unique per project). */
export function validateNewFlagKey(key: string, taken: ReadonlySet<string> | undefined, projectName: string): string | undefined {
  const bad = validateFlagKey(key);
  if (bad) return bad;
  if (taken?.has(key)) return `A flag with the key ${key} already exists in project ${projectName}. Pick another key.`;
  return undefined;
}

/** "25", "25%", " 100 " → 25/100; an error message for anything else. */
export function parseRollout(text: string | number): { ok: true; value: number } | { ok: false; message: string } {
  const t = String(text).trim().replace(/%$/, '').trim();
  if (!/^\d{1,3}$/.test(t)) return { ok: false, message: 'Enter a whole percentage from 0 to 100.' };
  const n = Number(t);
  if (n > 100) return { ok: false, message: 'Enter a whole percentage from 0 to 100.' };
  return { ok: true, value: n };
}

const variants = (f: FeatureFlag) => f.filters?.multivariate?.variants ?? [];
const groups = (f: FeatureFlag): FlagGroup[] => f.filters?.groups ?? [];

/** Short state for a row: "25%", "3 variants", "2 conditions", "100% · 1 condition". */
export function flagSummary(f: FeatureFlag): string {
  const vs = variants(f);
  const gs = groups(f);
  if (vs.length > 0) return `${vs.length} variants: ${vs.map((v) => `${v.key} ${v.rollout_percentage}%`).join(', ')}`;
  if (gs.length === 0) return 'no conditions';
  const simple = gs.length === 1 && (gs[0].properties ?? []).length === 0;
  if (simple) return `${gs[0].rollout_percentage ?? 100}% rollout`;
  return `${gs.length} condition${gs.length === 1 ? '' : 's'}`;
}

interface PropertyFilter {
  key?: unknown;
  value?: unknown;
  operator?: unknown;
  type?: unknown;
}

function describeProperty(p: unknown): string {
  const f = (p ?? {}) as PropertyFilter;
  const value = Array.isArray(f.value) ? f.value.map(String).join(' or ') : String(f.value ?? '');
  const op = String(f.operator ?? 'exact');
  const verb = op === 'exact' ? '=' : op === 'is_not' ? '≠' : op;
  return `${String(f.key ?? '?')} ${verb} ${value}`.trim();
}

/** One line per release condition: "Condition 1: 25% of all users", "… where plan = enterprise". */
export function conditionLines(f: FeatureFlag): string[] {
  return groups(f).map((g, i) => {
    const props = (g.properties ?? []).map(describeProperty);
    const who = props.length ? `users where ${props.join(' and ')}` : 'all users';
    const variant = g.variant ? ` → ${g.variant}` : '';
    return `Condition ${i + 1}: ${g.rollout_percentage ?? 100}% of ${who}${variant}`;
  });
}

/** Variant lines: "control — 50%". */
export function variantLines(f: FeatureFlag): string[] {
  return variants(f).map((v) => `${v.key} — ${v.rollout_percentage}%${v.name && v.name !== v.key ? ` (${v.name})` : ''}`);
}

/** The filters after setting every release condition's rollout to `pct` (others untouched). */
export function withRollout(f: FeatureFlag, pct: number, groupIndex?: number): FeatureFlag['filters'] {
  const gs = groups(f);
  const next = gs.length === 0 ? [{ properties: [], rollout_percentage: pct, variant: null }] : gs.map((g, i) => (groupIndex === undefined || i === groupIndex ? { ...g, rollout_percentage: pct } : g));
  return { ...f.filters, groups: next };
}

/** A JS string literal for a key (keys match FLAG_KEY_RE, but be safe for any text). */
const jsString = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

/** posthog-js code that checks the flag (multivariate flags compare the variant). */
export function flagSnippet(f: Pick<FeatureFlag, 'key'> & Partial<Pick<FeatureFlag, 'filters'>>): string {
  const key = jsString(f.key);
  const vs = f.filters?.multivariate?.variants ?? [];
  if (vs.length > 0) {
    const test = vs.find((v) => v.key !== 'control') ?? vs[0];
    return `if (posthog.getFeatureFlag(${key}) === ${jsString(test.key)}) {\n  // ${test.key} variant\n}`;
  }
  return `if (posthog.isFeatureEnabled(${key})) {\n  // flag is on\n}`;
}

/** The body PostHog expects for a new simple flag. */
export function newFlagBody(key: string, name: string, rollout: number): { key: string; name: string; active: boolean; filters: { groups: FlagGroup[] } } {
  return { key, name, active: true, filters: { groups: [{ properties: [], rollout_percentage: rollout, variant: null }] } };
}
