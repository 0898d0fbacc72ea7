/** Small text builders for tree rows and prompts. Pure: no `vscode`. */
import { visible } from '../results/visible';

/** "just now", "5 min ago", "3 h ago", "4 d ago", else the date. */
export function relativeTime(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const s = Math.round((now - at) / 1000);
  if (s < 0) return 'in the future';
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  if (s < 30 * 86_400) return `${Math.floor(s / 86_400)} d ago`;
  return new Date(at).toISOString().slice(0, 10);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date for people, in UTC: "5 Dec 2026, 14:03 UTC" ("5 Dec 2026" with `dateOnly`). Text that is
 * not a date is returned as it is (through `oneLine`), so nothing is hidden. Pure.
 */
export function formatDate(iso: string | null | undefined, dateOnly = false): string {
  if (iso === null || iso === undefined || iso === '') return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return oneLine(iso, 60);
  const d = new Date(at);
  const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  if (dateOnly) return day;
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${day}, ${hm} UTC`;
}

/** 75 → "1m 15s", 3700 → "1h 1m", 9 → "9s". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Invisible and bidi characters as visible escapes: shared with the results grid (src/results/visible.ts). */
export { visible };

/** One line for a label, description or tooltip line: `visible`, runs of spaces collapsed, at most `max` characters. */
export function oneLine(text: unknown, max = 200): string {
  const s = visible(text).replace(/ {2,}/g, ' ').trim();
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  const open = cut.lastIndexOf('[U+');
  if (open >= 0 && cut.indexOf(']', open) < 0) cut = cut.slice(0, open); // never half an escape
  return `${cut}…`;
}

/** Several lines (a tooltip body, a modal's detail): `visible` with newlines kept. */
export function multiLine(text: unknown, max = 2000): string {
  const s = visible(text, true);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Lifecycle of an experiment or survey from its dates. */
export type Lifecycle = 'draft' | 'running' | 'complete' | 'archived';

export function lifecycle(o: { start_date?: string | null; end_date?: string | null; archived?: boolean }): Lifecycle {
  if (o.archived) return 'archived';
  if (!o.start_date) return 'draft';
  if (o.end_date) return 'complete';
  return 'running';
}

/**
 * "2024-05-01", "2024-05-01 12:30", or full ISO-8601 → ISO string (UTC); an error message for
 * anything else. A date without a time means midnight UTC.
 */
export function parseDateMarker(text: string): { ok: true; iso: string } | { ok: false; message: string } {
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!m) return { ok: false, message: 'Use a date like 2024-05-01 or 2024-05-01 12:30 (UTC), or ISO-8601.' };
  const [, y, mo, d, h = '00', mi = '00', se = '00', zone = 'Z'] = m;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${se}${zone}`);
  if (Number.isNaN(ms)) return { ok: false, message: `${t} is not a valid date.` };
  const date = new Date(ms);
  if (zone === 'Z' && (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() + 1 !== Number(mo) || date.getUTCDate() !== Number(d))) {
    return { ok: false, message: `${t} is not a valid date.` };
  }
  return { ok: true, iso: date.toISOString() };
}

/** Event properties typed as JSON: must be an object. */
export function parseProperties(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: {} };
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch (e) {
    return { ok: false, message: `Not valid JSON: ${(e as Error).message}` };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, message: 'Properties must be a JSON object, e.g. {"plan": "pro"}.' };
  return { ok: true, value: v as Record<string, unknown> };
}

/** Event names PostHog accepts here: non-empty, at most 200 characters, no control characters. */
export function validateEventName(name: string): string | undefined {
  if (name.trim() === '') return 'Enter an event name, e.g. "signed up".';
  if (name.length > 200) return 'Event names are at most 200 characters.';
  if (/[\u0000-\u001f]/.test(name)) return 'Event names cannot contain control characters.';
  return undefined;
}
