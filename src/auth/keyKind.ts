/**
 * What kind of PostHog key a string is, and what is wrong with a pasted key. Pure: no `vscode`.
 *
 * - `phx_…` personal API key: the only kind that works for the private API (queries, insights…).
 * - `phc_…` project API key (public): only for capturing events and evaluating flags.
 * - `phs_…` project secret key: only for feature flag local evaluation.
 */
import { KeyKind, keyKindOf, personalKeysUrl } from '../api/keys';

export type { KeyKind };

export function keyKind(key: string): KeyKind {
  return keyKindOf(key);
}

/** Shortest plausible key (prefix + body); PostHog's are ~47 characters. */
export const MIN_KEY_LENGTH = 24;

export interface KeyCheck {
  ok: boolean;
  kind: KeyKind;
  /** The key with surrounding whitespace/quotes/`Bearer ` removed (use it when `ok`). */
  cleaned: string;
  /** Why it is not usable, or a hint when a fix was applied (never contains the key). */
  message?: string;
}

function clean(raw: string): { value: string; fixes: string[] } {
  const fixes: string[] = [];
  let v = raw;
  if (v !== v.trim()) {
    fixes.push('removed spaces or line breaks around it');
    v = v.trim();
  }
  if (/^bearer\s+/i.test(v)) {
    fixes.push('removed the "Bearer " prefix');
    v = v.replace(/^bearer\s+/i, '');
  }
  const quoted = /^(["'`])(.*)\1$/.exec(v);
  if (quoted) {
    fixes.push('removed the quotes around it');
    v = quoted[2].trim();
  }
  return { value: v, fixes };
}

/**
 * Checks a key pasted for `expected` use. Obvious typos (surrounding whitespace, quotes, a pasted
 * `Bearer ` prefix) are fixed and mentioned; whitespace inside, a short key or the wrong kind
 * make it unusable, with a message saying what to do.
 */
export function checkKey(raw: string, expected: 'personal' | 'project', webBase = 'https://us.posthog.com'): KeyCheck {
  const { value, fixes } = clean(raw);
  const kind = keyKindOf(value);
  const fail = (message: string): KeyCheck => ({ ok: false, kind, cleaned: value, message });
  const createPersonal = `Create a personal API key at ${personalKeysUrl(webBase)}.`;
  if (value === '') return fail('The key is empty.');
  if (/\s/.test(value)) return fail('The key contains spaces or line breaks; copy it again in one piece.');
  if (/["'`]/.test(value)) return fail('The key contains quote characters; paste only the key itself.');
  if (value.length < MIN_KEY_LENGTH) return fail(`The key is too short (${value.length} characters); it looks cut off. Copy it again.`);
  if (!/^[A-Za-z0-9_-]+$/.test(value)) return fail('The key contains characters PostHog keys never have; copy it again.');
  if (expected === 'personal') {
    if (kind === 'project') return fail(`This is a project API key (phc_…), which only captures events. ${createPersonal}`);
    if (kind === 'projectSecret') return fail(`This is a project secret key (phs_…), only for flag local evaluation. ${createPersonal}`);
    if (kind === 'unknown') return fail(`Personal API keys start with phx_. ${createPersonal}`);
  } else {
    if (kind === 'personal') {
      return fail('This is a personal API key (phx_…); it must not be used for capture. Use the project API key (phc_…) from Project settings.');
    }
    if (kind !== 'project') return fail('Project API keys start with phc_; copy it from Project settings.');
  }
  return fixes.length > 0 ? { ok: true, kind, cleaned: value, message: `Fixed the pasted key: ${fixes.join(', ')}.` } : { ok: true, kind, cleaned: value };
}
