/**
 * Plain-JS model of PostHog's HogQL semantics over the generated rows, used to compute the
 * corpus's expected answers independently of SQL. Property reads follow PostHog's
 * `replaceRegexpAll(nullIf(nullIf(JSONExtractRaw(...), ''), 'null'), '^"|"$', '')`: strings come
 * back as their text, numbers and booleans as their JSON text, missing/null as null.
 */
import type { Dataset, EventRow, PersonRow } from '../../../src/data/types';

export const TEAM = 1;

export function propText(obj: Record<string, unknown>, key: string): string | null {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  const raw = JSON.stringify(v);
  return raw.replace(/^"|"$/g, '');
}

export const p = (e: EventRow, key: string) => propText(e.properties, key);
export const pp = (e: EventRow, key: string) => propText(e.person_properties, key);

/** Wall-clock parts of an ISO UTC timestamp in a zone. */
export function wall(iso: string, zone = 'UTC') {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')), minute: get('minute'), second: get('second') };
}

export const day = (iso: string, zone = 'UTC') => wall(iso, zone).date;

export function countBy<T>(rows: T[], key: (r: T) => unknown): Map<unknown, number> {
  const m = new Map<unknown, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
}

export function groupBy<T>(rows: T[], key: (r: T) => unknown): Map<unknown, T[]> {
  const m = new Map<unknown, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(r);
  }
  return m;
}

export const uniq = <T>(xs: T[]) => new Set(xs).size;
export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export interface Model {
  events: EventRow[];
  persons: PersonRow[];
  all: Dataset;
  now: Date;
}

export function buildModel(ds: Dataset, now: Date): Model {
  return {
    events: ds.events.filter((e) => e.team_id === TEAM),
    persons: ds.persons.filter((x) => x.team_id === TEAM),
    all: ds,
    now,
  };
}

/** Stable text key for sorting rows of mixed cells. */
export function rowKey(row: unknown[]): string {
  return JSON.stringify(row.map((c) => (typeof c === 'number' ? Number(c.toFixed(6)) : c)));
}
