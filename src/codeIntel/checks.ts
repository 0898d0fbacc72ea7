/**
 * Pure checks behind code-intelligence diagnostics: event names that look like a typo of a known
 * event (edit distance), and SDK init hosts that are not PostHog's. No `vscode`; unit-tested.
 */

/** Levenshtein distance, stopping early (returns `max + 1`) once it must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** How far a name may be from a known one to count as its typo: 1 for short names, 2 from 8 characters. */
const allowedDistance = (name: string): number => (name.length < 4 ? 0 : name.length < 8 ? 1 : 2);

/**
 * The known event `name` is most likely a typo of, or undefined: `name` is not itself known, and
 * exactly one known event is nearest within the allowed distance (a case-only difference counts
 * as a typo too). Ties give no suggestion (the fix would be a guess).
 */
export function likelyTypoOf(name: string, known: readonly string[]): string | undefined {
  if (name === '' || known.includes(name)) return undefined;
  const lower = name.toLowerCase();
  const sameCase = known.filter((k) => k.toLowerCase() === lower);
  if (sameCase.length === 1) return sameCase[0];
  const max = allowedDistance(name);
  if (max === 0) return undefined;
  let best: string | undefined;
  let bestD = max + 1;
  let tie = false;
  for (const k of known) {
    const d = editDistance(name, k, max);
    if (d < bestD) [best, bestD, tie] = [k, d, false];
    else if (d === bestD && d <= max) tie = true;
  }
  return bestD <= max && !tie ? best : undefined;
}

/** PostHog Cloud's app hosts, by region (posthog-js `ui_host`; posthog.com/docs/advanced/proxy). */
export const UI_HOSTS = { us: 'https://us.posthog.com', eu: 'https://eu.posthog.com' } as const;

/** The host name of a URL-ish text (`https://x.y/path`, `x.y`), lower case; undefined when none. */
export function hostNameOf(text: string): string | undefined {
  const m = /^\s*(?:[a-z][a-z0-9+.-]*:\/\/)?([^/:?#\s]+)/i.exec(text);
  return m ? m[1].toLowerCase() : undefined;
}

/** Whether a host is PostHog's own (Cloud: `*.posthog.com`) or a local one (development). */
export function isPostHogHost(text: string): boolean {
  const h = hostNameOf(text);
  if (!h) return true; // nothing to judge
  return h === 'posthog.com' || h.endsWith('.posthog.com') || h === 'localhost' || h === '127.0.0.1' || h === '[::1]';
}

/** The Cloud region a host belongs to (`eu` for `eu.…posthog.com`), else undefined. */
export function regionOf(text: string): 'us' | 'eu' | undefined {
  const h = hostNameOf(text);
  if (!h || !(h === 'posthog.com' || h.endsWith('.posthog.com'))) return undefined;
  return h.startsWith('eu.') ? 'eu' : 'us';
}
