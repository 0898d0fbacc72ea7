/**
 * What a flag's status reads like in the editor (inline after a flag call, in the hover): active or
 * not, rollout percentage, variants, linked experiments' status. Pure: no `vscode`, unit-tested.
 */
import type { FeatureFlag } from '../api/resources/flags';

export type FlagState = 'enabled' | 'rollout' | 'inactive' | 'missing';

export interface FlagStatus {
  state: FlagState;
  /** One short line, e.g. `enabled · 100%`, `rollout 30%`, `inactive`, `not in PostHog`. */
  text: string;
}

const pct = (n: number): string => `${Math.round(n * 10) / 10}%`;

/** The share of users a flag's release conditions reach when none has property filters; else undefined. */
export function rolloutOf(flag: FeatureFlag): number | undefined {
  const groups = flag.filters.groups;
  if (groups.length === 0) return 0;
  if (groups.some((g) => (g.properties?.length ?? 0) > 0)) return undefined;
  return Math.max(...groups.map((g) => g.rollout_percentage ?? 100));
}

export function variantsOf(flag: FeatureFlag): { key: string; rollout: number }[] {
  return (flag.filters.multivariate?.variants ?? []).map((v) => ({ key: v.key, rollout: v.rollout_percentage }));
}

/** What of an experiment its status is read from (PostHog's `ExperimentApi`). */
export interface ExperimentDates {
  id: number;
  start_date?: string | null;
  end_date?: string | null;
  archived?: boolean | null;
}

export type ExperimentState = 'draft' | 'running' | 'complete';

/** PostHog's rule: not started (`start_date` null) is a draft, an `end_date` means complete, else running. */
export function experimentState(e: ExperimentDates): ExperimentState {
  if (!e.start_date) return 'draft';
  return e.end_date ? 'complete' : 'running';
}

/** The flag's linked experiments (`experiment_set`) among those loaded, archived ones left out. */
export function linkedExperiments<E extends ExperimentDates>(flag: FeatureFlag | undefined, byId: ReadonlyMap<number, E>): E[] {
  return (flag?.experiment_set ?? []).flatMap((id) => {
    const e = byId.get(id);
    return e && !e.archived ? [e] : [];
  });
}

/** ` · experiment running`, or ` · experiments running / draft` for several; '' for none. */
function experimentText(experiments: readonly ExperimentDates[]): string {
  if (!experiments.length) return '';
  return ` · experiment${experiments.length === 1 ? '' : 's'} ${experiments.map(experimentState).join(' / ')}`;
}

export function flagStatus(flag: FeatureFlag | undefined, experiments: readonly ExperimentDates[] = []): FlagStatus {
  if (!flag) return { state: 'missing', text: 'not in PostHog' };
  const exp = experimentText(experiments);
  if (!flag.active) return { state: 'inactive', text: `inactive${exp}` };
  const rollout = rolloutOf(flag);
  const variants = variantsOf(flag);
  const reach = rollout === undefined ? `${flag.filters.groups.length} condition${flag.filters.groups.length === 1 ? '' : 's'}` : pct(rollout);
  const variantText = variants.length ? ` · ${variants.map((v) => `${v.key} ${pct(v.rollout)}`).join(' / ')}` : '';
  if (rollout === 100) return { state: 'enabled', text: `enabled · 100%${variantText}${exp}` };
  return { state: 'rollout', text: `rollout ${reach}${variantText}${exp}` };
}

/** What the hover says of a linked experiment: its name, id and state with the date it started or ended. */
export interface ExperimentSummary extends ExperimentDates {
  name?: string | null;
}

const day = (iso: string | null | undefined): string => (iso ?? '').slice(0, 10);

function experimentLine(e: ExperimentSummary): string {
  const state = experimentState(e);
  const when = state === 'running' ? ` since ${day(e.start_date)}` : state === 'complete' ? `, ended ${day(e.end_date)}` : ' (not started)';
  return `Experiment ${e.name ? `"${e.name}" ` : ''}#${e.id}: ${state}${when}`;
}

/**
 * Lines of a flag's hover, as plain text (the caller renders them as text, never as markup).
 * `experiments`: the flag's linked experiments that are loaded (`linkedExperiments`), each with its state;
 * a linked id not among them (archived, or not readable) is only named.
 */
export function flagDetails(flag: FeatureFlag, experiments: readonly ExperimentSummary[] = []): string[] {
  const lines = [`Status: ${flagStatus(flag, experiments).text}`];
  if (flag.name) lines.push(`Description: ${flag.name}`);
  const variants = variantsOf(flag);
  if (variants.length) lines.push(`Variants: ${variants.map((v) => `${v.key} (${pct(v.rollout)})`).join(', ')}`);
  const groups = flag.filters.groups;
  groups.forEach((g, i) => {
    const n = g.properties?.length ?? 0;
    const who = n ? `${n} propert${n === 1 ? 'y' : 'ies'} matched` : 'everyone';
    lines.push(`Condition ${i + 1}: ${who}, ${pct(g.rollout_percentage ?? 100)}`);
  });
  for (const e of experiments) lines.push(experimentLine(e));
  const shown = new Set(experiments.map((e) => e.id));
  const others = (flag.experiment_set ?? []).filter((id) => !shown.has(id));
  if (others.length) lines.push(`Linked to experiment${others.length === 1 ? '' : 's'} ${others.map((id) => `#${id}`).join(', ')}`);
  return lines;
}

/** Whether a project token is a personal API key (`phx_…`) where a project key (`phc_…`) belongs. */
export function isPersonalKey(token: string): boolean {
  return token.startsWith('phx_');
}
