/**
 * Cells that lead somewhere (issue #17): from a column's name, its ClickHouse type and the cell's
 * value, what a cell links to — a web page (http/https only, never another scheme), a session
 * replay, a person, an event, or an insight / flag / cohort. Pure; no vscode, no DOM: the webview
 * uses it to style and post, and the host runs the same checks again on what the webview sent
 * (`checkLink`), because a webview message is untrusted input.
 *
 * Column names are PostHog's (HogQL `events` / `persons` / `sessions` tables and their joins):
 * `$session_id`, `session_id`, `person_id`, `person.id`, `distinct_id`, `uuid`, `events.uuid`,
 * insight `short_id`. A qualified name (`e.person_id`, `events.uuid`) counts by its last part,
 * except `person.id` / `persons.id`, which name a person's uuid.
 */
import { classifyType } from './types';

export type LinkKind = 'url' | 'session' | 'person' | 'distinctId' | 'event' | 'insight' | 'flag' | 'cohort';

export interface CellLink {
  kind: LinkKind;
  /** The URL, id, short id or distinct id (a number id as decimal text). */
  value: string;
  /** Event only: the event's timestamp from the same row, when the row has one (PostHog's event URL needs it). */
  timestamp?: string;
}

/** What each link opens, in words (menus and tooltips). */
export const LINK_LABELS: Record<LinkKind, string> = {
  url: 'Open link',
  session: 'Open replay',
  person: 'Open person',
  distinctId: 'Open person',
  event: 'Open event',
  insight: 'Open insight',
  flag: 'Open feature flag',
  cohort: 'Open cohort',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Session ids: UUIDs (v7 from posthog-js) or the SDKs' other tokens; no spaces, no separators that could form a path. */
const SESSION_ID = /^[A-Za-z0-9_-]{8,128}$/;
/** Insight short ids are 8 characters of [A-Za-z0-9] (PostHog `generate_short_id`). */
const SHORT_ID = /^[A-Za-z0-9]{8}$/;
const NUMERIC_ID = /^[1-9][0-9]{0,15}$/;
/** Nothing invisible or control-like in an id or a URL (C0/C1 controls, bidi marks, zero-widths, spaces). */
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u00a0\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]/;
const MAX_URL = 2048;
const MAX_DISTINCT_ID = 200;

const SESSION_NAMES = new Set(['$session_id', 'session_id', 'session.session_id', 'sessions.session_id', 'session.id']);
const PERSON_NAMES = new Set(['person_id', 'person.id', 'persons.id', 'pdi.person_id', 'actor_id', '$person_id']);
const DISTINCT_NAMES = new Set(['distinct_id', '$distinct_id']);
const EVENT_NAMES = new Set(['uuid', 'events.uuid', 'event_uuid', '$event_uuid']);
const INSIGHT_NAMES = new Set(['short_id', 'insight_short_id', 'insight_id']);
const FLAG_NAMES = new Set(['flag_id', 'feature_flag_id']);
const COHORT_NAMES = new Set(['cohort_id']);
const TIMESTAMP_NAMES = new Set(['timestamp', 'events.timestamp', 'event_timestamp']);

/** The column name as it matters here: lower case, an alias prefix (`e.uuid`) dropped unless it names a table. */
function normalName(name: string): string {
  const n = name.trim().toLowerCase();
  if (n === 'person.id' || n === 'persons.id' || n === 'events.uuid' || n.startsWith('session.') || n.startsWith('sessions.')) return n;
  const dot = n.lastIndexOf('.');
  return dot >= 0 ? n.slice(dot + 1) : n;
}

/** An http(s) URL safe to open, as given; `undefined` for any other scheme or a malformed one. */
export function safeWebUrl(text: string): string | undefined {
  if (text.length > MAX_URL || UNSAFE_CHARS.test(text)) return undefined;
  if (!/^https?:\/\//i.test(text)) return undefined;
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return undefined;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname || u.username || u.password) return undefined;
  return text;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

/** Whether a value has the shape of an id of `kind` (the host re-checks with this). */
export function validId(kind: Exclude<LinkKind, 'url'>, value: string): boolean {
  switch (kind) {
    case 'session':
      return SESSION_ID.test(value);
    case 'person':
    case 'event':
      return UUID.test(value);
    case 'distinctId':
      return value.length > 0 && value.length <= MAX_DISTINCT_ID && !UNSAFE_CHARS.test(value);
    case 'insight':
      return SHORT_ID.test(value) || NUMERIC_ID.test(value);
    case 'flag':
    case 'cohort':
      return NUMERIC_ID.test(value);
  }
}

/** The kind of id a column holds, by its name and type (before looking at a value). */
export function columnLinkKind(name: string, type: string): Exclude<LinkKind, 'url'> | undefined {
  const n = normalName(name);
  const t = classifyType(type);
  const textual = t.kind === 'string' || t.kind === 'uuid' || t.kind === 'unknown';
  const integer = t.kind === 'int' || t.kind === 'unknown';
  if (SESSION_NAMES.has(n) && textual) return 'session';
  if (PERSON_NAMES.has(n) && textual) return 'person';
  if (DISTINCT_NAMES.has(n) && textual) return 'distinctId';
  if (EVENT_NAMES.has(n) && textual) return 'event';
  if (INSIGHT_NAMES.has(n) && (textual || integer)) return 'insight';
  if (FLAG_NAMES.has(n) && integer) return 'flag';
  if (COHORT_NAMES.has(n) && integer) return 'cohort';
  return undefined;
}

/** The index of the row's event timestamp column, if it has one (for event links). */
export function timestampColumn(columns: readonly { name: string; type: string }[]): number {
  return columns.findIndex((c) => TIMESTAMP_NAMES.has(c.name.trim().toLowerCase()) && classifyType(c.type).kind === 'datetime');
}

/**
 * What a cell links to, if anything. `timestamp` is the row's event timestamp (see
 * `timestampColumn`), used for event links. `kind`: the column's `columnLinkKind` (`null`: none),
 * when the caller keeps it per column (the grid asks for every visible cell: parsing the type each
 * time was a third of a scroll frame's JS garbage, issue #21).
 */
export function cellLink(
  column: { name: string; type: string },
  value: unknown,
  timestamp?: unknown,
  kind: Exclude<LinkKind, 'url'> | null | undefined = columnLinkKind(column.name, column.type),
): CellLink | undefined {
  const text = asText(value);
  if (text === undefined || text === '') return undefined;
  if (kind && validId(kind, text)) {
    const link: CellLink = { kind, value: text };
    if (kind === 'event' && typeof timestamp === 'string' && timestamp.length <= 64 && !UNSAFE_CHARS.test(timestamp)) link.timestamp = timestamp;
    return link;
  }
  if (typeof value === 'string' && safeWebUrl(value)) return { kind: 'url', value };
  return undefined;
}

const KINDS = new Set<string>(Object.keys(LINK_LABELS));

/**
 * The host's check of a link the webview sent: the same rules as detection (scheme, host, id
 * shape), applied to the message alone. `undefined` when it does not hold.
 */
export function checkLink(raw: unknown): CellLink | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.kind !== 'string' || !KINDS.has(r.kind) || typeof r.value !== 'string') return undefined;
  const kind = r.kind as LinkKind;
  if (kind === 'url') return safeWebUrl(r.value) ? { kind, value: r.value } : undefined;
  if (!validId(kind, r.value)) return undefined;
  const link: CellLink = { kind, value: r.value };
  if (kind === 'event' && r.timestamp !== undefined) {
    if (typeof r.timestamp !== 'string' || r.timestamp.length > 64 || UNSAFE_CHARS.test(r.timestamp)) return undefined;
    link.timestamp = r.timestamp;
  }
  return link;
}

/** Columns whose values can seed a static cohort: person uuids or distinct ids. */
export function cohortIdKind(column: { name: string; type: string }): 'person' | 'distinctId' | undefined {
  const k = columnLinkKind(column.name, column.type);
  return k === 'person' || k === 'distinctId' ? k : undefined;
}
