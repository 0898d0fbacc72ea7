/**
 * A small TrendsQuery runner for saved Trends insights (`InsightVizNode`): counts, unique users
 * (`dau`) and property sums/averages per interval, optional event-property breakdown. It runs
 * the emulator's own ClickHouse SQL on the read-only engine path. Result items follow PostHog's
 * trends shape: `{action, label, count, data, labels, days, breakdown_value?}`.
 * Dates follow the project's timezone as PostHog's do (its QueryDateRange parses `date_from` in
 * the team's zone and the printer buckets with `toStartOfDay(timestamp, <team zone>)`): intervals
 * are computed on the zone's wall clock ("wall ms": local date and time read as if UTC).
 */
import type { ChildEngine } from '../engine/engine';
import { parseCompact, sqlInt, sqlString } from './sql';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, m: 30 * 86_400_000, y: 365 * 86_400_000 };
const BUCKET: Record<string, string> = { hour: 'toStartOfHour', day: 'toStartOfDay', week: 'toStartOfWeek', month: 'toStartOfMonth' };

interface Series {
  event?: string | null;
  name?: string;
  custom_name?: string | null;
  math?: string;
  math_property?: string;
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall clock at an instant, as milliseconds of the same date and time in UTC. */
export function wallMs(utcMs: number, zone: string): number {
  let f = wallFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    wallFormats.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, utcMs % 1000);
}

/** `date_from` (`-7d`, `-24h`, …) as wall ms in the zone; whole days start at local midnight. */
export function parseDateFrom(v: unknown, nowMs: number, zone = 'UTC'): number {
  const m = /^-(\d+)([hdwmy])/.exec(String(v ?? '-7d'));
  const ms = m ? Number(m[1]) * UNIT_MS[m[2]] : 7 * UNIT_MS.d;
  const d = new Date(wallMs(nowMs - ms, zone));
  if (!m || m[2] !== 'h') d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}

/** Bucket starts in wall ms, from `fromMs` to `nowMs` (both wall ms). */
function buckets(fromMs: number, nowMs: number, interval: string): number[] {
  const out: number[] = [];
  const d = new Date(fromMs);
  if (interval === 'week') d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  if (interval === 'month') d.setUTCDate(1);
  for (; d.getTime() <= nowMs; ) {
    out.push(d.getTime());
    if (interval === 'hour') d.setUTCHours(d.getUTCHours() + 1);
    else if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
    else if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** ClickHouse: the interval start of `timestamp` in the zone, as wall ms. */
function bucketSql(interval: string, zone: string): string {
  const args = interval === 'week' ? `timestamp, 0, ${sqlString(zone)}` : `timestamp, ${sqlString(zone)}`;
  return `toUnixTimestamp(toDateTime(toString(${BUCKET[interval]}(${args})), 'UTC')) * 1000`;
}

/** ClickHouse: the instant at which the zone's wall clock shows `wall`. */
function instantSql(wall: number, zone: string): string {
  return `toDateTime64(${sqlString(new Date(wall).toISOString().slice(0, 19).replace('T', ' '))}, 3, ${sqlString(zone)})`;
}

function aggregate(s: Series): string {
  const prop = s.math_property ? `JSONExtract(properties, ${sqlString(s.math_property)}, 'Nullable(Float64)')` : 'NULL';
  switch (s.math) {
    case 'dau':
    case 'weekly_active':
    case 'monthly_active':
      return 'uniq(person_id)';
    case 'sum':
      return `coalesce(sum(${prop}), 0)`;
    case 'avg':
      return `coalesce(avg(${prop}), 0)`;
    case 'min':
      return `coalesce(min(${prop}), 0)`;
    case 'max':
      return `coalesce(max(${prop}), 0)`;
    default:
      return 'count()';
  }
}

export async function runTrends(engine: ChildEngine, teamId: number, source: Record<string, unknown>, nowMs: number, zone = 'UTC'): Promise<unknown[]> {
  const interval = BUCKET[String(source.interval ?? 'day')] ? String(source.interval ?? 'day') : 'day';
  const fromMs = parseDateFrom((source.dateRange as { date_from?: string } | undefined)?.date_from, nowMs, zone);
  const days = buckets(fromMs, wallMs(nowMs, zone), interval);
  const breakdown = (source.breakdownFilter as { breakdown?: string } | undefined)?.breakdown ?? null;
  const series = (source.series as Series[] | undefined) ?? [];
  const out: unknown[] = [];
  for (const [order, s] of series.entries()) {
    const bd = breakdown ? `JSONExtractString(properties, ${sqlString(breakdown)})` : "''";
    const where = `team_id = ${sqlInt(teamId)} AND timestamp >= ${instantSql(days[0], zone)} AND timestamp <= fromUnixTimestamp64Milli(${sqlInt(nowMs)})${s.event ? ` AND event = ${sqlString(s.event)}` : ''}`;
    const sql = `SELECT ${bucketSql(interval, zone)} AS b, ${bd} AS bd, ${aggregate(s)} AS v FROM events WHERE ${where} GROUP BY b, bd ORDER BY b`;
    const rows = parseCompact((await engine.query(sql, { queryId: `internal-trends-${teamId}-${order}` })).text).data;
    const byBd = new Map<string, Map<number, number>>();
    for (const [b, k, v] of rows) {
      const m = byBd.get(String(k)) ?? new Map<number, number>();
      m.set(Number(b), Number(v));
      byBd.set(String(k), m);
    }
    const keys = breakdown ? [...byBd.keys()].sort((a, b) => sum(byBd.get(b)!) - sum(byBd.get(a)!)).slice(0, 25) : [''];
    const name = s.event ?? 'All events';
    for (const k of keys) {
      const m = byBd.get(k) ?? new Map<number, number>();
      const data = days.map((d) => m.get(d) ?? 0);
      out.push({
        action: { id: s.event ?? null, type: 'events', order, name, custom_name: s.custom_name ?? null, math: s.math ?? 'total', math_property: s.math_property ?? null, math_hogql: null, properties: {} },
        label: breakdown ? (k === '' ? '$$_posthog_breakdown_null_$$' : k) : name,
        count: data.reduce((a, b) => a + b, 0),
        data,
        labels: days.map((d) => label(d)),
        days: days.map((d) => new Date(d).toISOString().slice(0, 10)),
        ...(breakdown ? { breakdown_value: k === '' ? '$$_posthog_breakdown_null_$$' : k } : {}),
        filter: {},
      });
    }
  }
  return out;
}

function sum(m: Map<number, number>): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}

function label(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()}`;
}
