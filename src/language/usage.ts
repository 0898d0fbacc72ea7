/**
 * Usage facts for hovers (#20): a property's recent example values and when it was last seen,
 * and every event's 30-day volume. One HogQL query per property (values and last seen together,
 * over the events of the last 30 days, grouped by value so ClickHouse reads one JSON key) and
 * one for all events (`GROUP BY event`, a column of the events table's sort key), each cached
 * per project for ten minutes and shared by concurrent hovers. Only hovers ask: completion and
 * typing never run these queries. A failure is cached too (shown as such), so a key without
 * `query:read` does not query again on every hover. Plain TypeScript (no `vscode`): the runner
 * is passed in, so the cache is unit-tested with a fake one.
 */
import type { HogQLQueryNode } from '../api/resources/query';

export type PropertyOwner = 'event' | 'person';

export interface PropertyUsage {
  /** Distinct values, the most recently seen first (at most EXAMPLES), as text. */
  examples: string[];
  /** Latest timestamp of an event carrying the property in the window, as PostHog returns it. */
  lastSeen?: string;
}

export interface EventUsage {
  count: number;
  lastSeen?: string;
}

/** Runs one HogQL query and returns its rows. */
export type UsageRunner = (node: HogQLQueryNode, signal: AbortSignal) => Promise<unknown[][]>;

export const USAGE_DAYS = 30;
const EXAMPLES = 5;
/** PostHog returns at most 50,000 rows (MAX_SELECT_RETURNED_ROWS); the catalog keeps 10,000 events. */
const MAX_EVENTS = 10_000;
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 500;

/** The query for a property's examples and last seen: the key travels as a value, never in the text. */
export function propertyUsageQuery(owner: PropertyOwner, name: string): HogQLQueryNode {
  const field = owner === 'person' ? 'person.properties[{key}]' : 'properties[{key}]';
  return {
    kind: 'HogQLQuery',
    query:
      `SELECT toString(${field}) AS value, max(timestamp) AS last_seen FROM events ` +
      `WHERE timestamp >= now() - INTERVAL ${USAGE_DAYS} DAY AND isNotNull(${field}) ` +
      `GROUP BY value ORDER BY last_seen DESC LIMIT ${EXAMPLES}`,
    values: { key: name },
  };
}

export const EVENT_USAGE_QUERY: HogQLQueryNode = {
  kind: 'HogQLQuery',
  query:
    `SELECT event, count() AS volume, max(timestamp) AS last_seen FROM events ` +
    `WHERE timestamp >= now() - INTERVAL ${USAGE_DAYS} DAY GROUP BY event ORDER BY volume DESC LIMIT ${MAX_EVENTS}`,
};

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : undefined);

export function parsePropertyUsage(rows: unknown[][]): PropertyUsage {
  const examples: string[] = [];
  let lastSeen: string | undefined;
  for (const row of rows) {
    const value = text(row[0]);
    const seen = text(row[1]);
    if (value !== undefined && examples.length < EXAMPLES) examples.push(value);
    if (seen !== undefined && (lastSeen === undefined || seen > lastSeen)) lastSeen = seen;
  }
  return lastSeen === undefined ? { examples } : { examples, lastSeen };
}

export function parseEventUsage(rows: unknown[][]): Map<string, EventUsage> {
  const out = new Map<string, EventUsage>();
  for (const row of rows) {
    const name = text(row[0]);
    const count = Number(row[1]);
    if (name === undefined || !Number.isFinite(count)) continue;
    const lastSeen = text(row[2]);
    out.set(name, lastSeen === undefined ? { count } : { count, lastSeen });
  }
  return out;
}

/**
 * Untrusted text for the middle of a Markdown line: inline syntax escaped (emphasis, code, links,
 * HTML, entities), line breaks as spaces. `.`, `-` and `#` matter only at a line's start, which
 * this text never is, so dates and emails read as they are.
 */
export function inlineText(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()<>|~!&]/g, '\\$&');
}

/** A settled answer: the value, or why there is none. */
export type Usage<T> = { ok: true; value: T } | { ok: false; error: string };

interface Entry {
  at: number;
  answer: Promise<Usage<unknown>>;
}

export class UsageCache {
  private readonly entries = new Map<string, Entry>();
  private controller = new AbortController();
  /** How many queries were started (for tests: one per property, not one per hover). */
  queries = 0;

  constructor(private readonly now: () => number = Date.now) {}

  property(project: string, run: UsageRunner, owner: PropertyOwner, name: string): Promise<Usage<PropertyUsage>> {
    return this.cached(`${project}\u0000${owner}\u0000${name}`, run, propertyUsageQuery(owner, name), parsePropertyUsage);
  }

  events(project: string, run: UsageRunner): Promise<Usage<Map<string, EventUsage>>> {
    return this.cached(`${project}\u0000events`, run, EVENT_USAGE_QUERY, parseEventUsage);
  }

  /** Forgets everything and aborts the queries in flight (a session change, Refresh Names). */
  clear(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.entries.clear();
  }

  private cached<T>(key: string, run: UsageRunner, node: HogQLQueryNode, parse: (rows: unknown[][]) => T): Promise<Usage<T>> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < TTL_MS) {
      // most recently used last: the oldest entry is the first to go
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.answer as Promise<Usage<T>>;
    }
    this.queries++;
    // the client's query timeouts bound the run; clear() aborts it (no AbortSignal.any: on Node 20
    // composite signals stay reachable from their sources, see docs/testing.md)
    const answer = run(node, this.controller.signal).then(
      (rows): Usage<T> => ({ ok: true, value: parse(rows) }),
      (e: unknown): Usage<T> => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
    this.entries.delete(key);
    this.entries.set(key, { at: this.now(), answer });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return answer;
  }
}
