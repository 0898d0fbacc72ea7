/**
 * Events generated inside the engine: one `INSERT INTO events SELECT … FROM numbers(sessions)` per
 * team, every choice a deterministic function of the seed (cityHash64 of the seed, a tag and the
 * session/event number), so 1M events need no JS objects and no JSONEachRow text. The persons
 * come from `persons.ts` (a few thousand, loaded first into the `sim_people` helper table); each
 * session picks a person (power law: a few heavy users, a long tail), a device, a referrer and a
 * UTM campaign, and emits 1–40 events a few seconds to minutes apart with the same event names,
 * property names and value types as the JS generator (`sessions.ts`): page views with URL/title,
 * autocapture with an elements chain, cart and purchase events with numeric `price`/`quantity`,
 * sign-ups, `$identify`, `$pageleave`, and `$screen`/`file uploaded` from the mobile SDKs.
 */
import { sqlInt, sqlString } from '../query/sql';
import { CLICK_TARGETS, PAGES, PRODUCTS, REFERRERS, SCREENS, UTM } from './vocab';

export interface SqlEventsTeam {
  teamId: number;
  host: string;
  count: number;
  people: number;
  startMs: number;
  /** Sessions start no later than this (so no event lands in the future). */
  latestMs: number;
}

/** The helper table the generator joins sessions to (one row per simulated person). */
export const SIM_PEOPLE_DDL = `CREATE TABLE IF NOT EXISTS sim_people (
  team_id Int64, idx UInt32, person_id UUID, person_properties String, person_created_at DateTime64(6, 'UTC'),
  created_ms Int64, anon_id String, user_id String, os String, os_version String, device_type String, lib String,
  browser String, browser_version UInt32, screen_width UInt32, screen_height UInt32, country String, city String,
  group_0 String, group_1 String
) ENGINE = MergeTree ORDER BY (team_id, idx)`;

/** Mean events per session (geometric), as in generate.ts. */
const MEAN_EXTRA_EVENTS = 7;

class Sql {
  constructor(private readonly seed: number) {}

  /** Uniform in [0, 1) from the seed, a tag and the given SQL expressions. */
  u(tag: string, ...args: string[]): string {
    return `(cityHash64(${sqlInt(this.seed)}, ${sqlString(tag)}, ${args.join(', ')}) % 1000000) / 1000000.0`;
  }

  /** One of `values` by weight, from a uniform expression. */
  weighted(x: string, pairs: readonly (readonly [string, number])[]): string {
    const total = pairs.reduce((a, [, w]) => a + w, 0);
    let acc = 0;
    const arms = pairs.slice(0, -1).map(([v, w]) => `${x} < ${(acc += w) / total}, ${sqlString(v)}`);
    return `multiIf(${arms.join(', ')}, ${sqlString(pairs[pairs.length - 1][0])})`;
  }

  /** A version 7 UUID string for the millisecond `ms`, random bits from the tag and args. */
  uuid7(ms: string, tag: string, ...args: string[]): string {
    const t = `leftPad(lower(hex(toUInt64(${ms}))), 12, '0')`;
    const h = (k: string) => `leftPad(lower(hex(cityHash64(${sqlInt(this.seed)}, ${sqlString(tag + k)}, ${args.join(', ')}))), 16, '0')`;
    return (
      `concat(substring(${t}, 1, 8), '-', substring(${t}, 9, 4), '-7', substring(${h('a')}, 1, 3), '-', ` +
      `substring('89ab', 1 + cityHash64(${sqlInt(this.seed)}, ${sqlString(tag + 'v')}, ${args.join(', ')}) % 4, 1), substring(${h('a')}, 4, 3), '-', substring(${h('b')}, 1, 12))`
    );
  }
}

const str = (key: string, expr: string) => `concat('"${key}":', toJSONString(${expr}))`;
const num = (key: string, expr: string) => `concat('"${key}":', toString(${expr}))`;
/** An optional part, written with its leading comma (the first part of an object is never optional). */
const opt = (cond: string, part: string) => `if(${cond}, concat(',', ${part}), '')`;
const list = (items: readonly string[]) => `[${items.map(sqlString).join(', ')}]`;

/**
 * Sessions: person and length; the sessions before the team's event count is reached, the last
 * one cut short (a running sum over sessions, so the events need no sort to be counted).
 */
function sessionsSql(q: Sql, t: SqlEventsTeam, sessions: number): string {
  const n = `toUInt32(1 + least(39, floor(log(1 - ${q.u('n', 'number')}) / log(1 - ${1 / (MEAN_EXTRA_EVENTS + 1)}))))`;
  const pidx = `toUInt32(least(${t.people - 1}, floor(${t.people} * pow(${q.u('p', 'number')}, 2.5))))`;
  const all = `SELECT number AS sid, ${pidx} AS pidx, ${n} AS n FROM numbers(${sqlInt(sessions)})`;
  const before = `sum(n) OVER (ORDER BY sid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)`;
  return `SELECT sid, pidx, toUInt32(least(n, ${sqlInt(t.count)} - before)) AS n FROM (SELECT sid, pidx, n, ${before} AS before FROM (${all})) WHERE before < ${sqlInt(t.count)}`;
}

function eventName(q: Sql): string {
  const r = q.u('ev', 'sid', 'k');
  const web =
    `multiIf(k = 0 AND user_id != '' AND ${q.u('idf', 'sid')} < 0.12, '$identify', k = 0, '$pageview', ` +
    `${r} < 0.42, '$pageview', ${r} < 0.68, '$autocapture', ${r} < 0.80, '$pageleave', ${r} < 0.90, 'added to cart', ` +
    `${r} < 0.95, 'purchase', user_id != '' AND ${r} < 0.97, 'user signed up', '$pageview')`;
  return `if(lib = 'web', ${web}, if(k > 0 AND ${r} < 0.2, 'file uploaded', '$screen'))`;
}

/** Joins JSON object parts: each after the first has its comma (an `opt` part carries its own). */
const joinParts = (parts: readonly string[], first: boolean): string =>
  parts.map((p, i) => (p.startsWith('if(') || (first && i === 0) ? p : `',', ${p}`)).join(', ');

/**
 * The properties that are the same for every event of a session (device, SDK, location,
 * referrer, UTM, groups), computed once per session: the head of the JSON object (from `{`) and
 * its tail (the `$groups` part, without the closing `}`). Most of the generation's CPU is this
 * JSON text, so the per-event work is only the event's own keys (`eventPropertiesSql`).
 */
function sessionPropertiesSql(): string {
  const web = `lib = 'web'`;
  const head = [
    str('$os', 'os'), str('$os_version', 'os_version'), str('$device_type', 'device_type'), str('$lib', 'lib'),
    str('$lib_version', `if(${web}, '1.190.0', '3.8.0')`), str('$device_id', 'anon_id'), str('$session_id', 'session_id'),
    str('$window_id', 'window_id'), str('$geoip_country_code', 'country'), str('$geoip_city_name', 'city'),
    num('$screen_width', 'screen_width'), num('$screen_height', 'screen_height'),
    opt(web, str('$browser', 'browser')), opt(web, num('$browser_version', 'browser_version')),
    opt(web, str('$referring_domain', 'referrer')), opt(web, str('$referrer', `if(referrer = '$direct', '$direct', concat('https://', referrer, '/'))`)),
    opt(`${web} AND utm > 0`, `concat(${str('utm_source', `${list(UTM.map((x) => x[0]))}[utm]`)}, ',', ${str('utm_medium', `${list(UTM.map((x) => x[1]))}[utm]`)}, ',', ${str('utm_campaign', `${list(UTM.map((x) => x[2]))}[utm]`)})`),
  ];
  // PostHog's ingestion keeps `$groups` and adds `$group_N` for each mapped type (groups.ts).
  const tail = opt(`group_0 != ''`, `concat('"$groups":{', ${str('company', 'group_0')}, ',', ${str('workspace', 'group_1')}, '},', ${str('$group_0', 'group_0')}, ',', ${str('$group_1', 'group_1')})`);
  return `concat('{', ${joinParts(head, true)}) AS props_head, ${tail} AS props_tail`;
}

/** One event's properties: the session's head, the event's own keys, the session's tail. */
function eventPropertiesSql(q: Sql, host: string): string {
  const page = `toUInt32(${q.weighted(q.u('pg', 'sid', 'k'), PAGES.map(([, , w], i) => [String(i + 1), w]))})`;
  const product = `toUInt32(1 + ${q.u('pr', 'sid', 'k')} * ${PRODUCTS.length})`;
  const click = `toUInt32(1 + ${q.u('cl', 'sid', 'k')} * ${CLICK_TARGETS.length})`;
  const qty = `toUInt32(1 + ${q.u('qt', 'sid', 'k')} * 3)`;
  const price = `round([${PRODUCTS.map(([, p]) => p.toFixed(2)).join(', ')}][product] * qty, 2)`;
  const web = `lib = 'web'`;
  const parts = [
    opt(`${web} AND event != '$identify'`, `concat(${str('$current_url', `concat('https://${host}', ${list(PAGES.map((x) => x[0]))}[page])`)}, ',', ${str('$pathname', `${list(PAGES.map((x) => x[0]))}[page]`)}, ',', ${str('$host', sqlString(host))}, ',', ${str('$title', `${list(PAGES.map((x) => x[1]))}[page]`)})`),
    opt(`event = '$autocapture'`, `concat(${str('$event_type', `if(${list(CLICK_TARGETS.map((x) => x[0]))}[click] = 'input', 'change', 'click')`)}, if(${list(CLICK_TARGETS.map((x) => x[1]))}[click] = '', '', concat(',', ${str('$el_text', `${list(CLICK_TARGETS.map((x) => x[1]))}[click]`)})))`),
    opt(`event IN ('added to cart', 'purchase')`, `concat(${str('product', `${list(PRODUCTS.map((x) => x[0]))}[product]`)}, ',', ${num('price', 'price')}, ',', ${num('quantity', 'qty')})`),
    opt(`event = 'purchase'`, `concat(${str('currency', "'USD'")}, ',', ${num('revenue', 'price')})`),
    opt(`event = 'user signed up'`, str('signup_method', `['email', 'google', 'github'][toUInt32(1 + ${q.u('sm', 'sid')} * 3)]`)),
    opt(`event = '$identify'`, str('$anon_distinct_id', 'anon_id')),
    opt(`lib != 'web'`, str('$screen_name', `${list(SCREENS)}[toUInt32(1 + ${q.u('sc', 'sid', 'k')} * ${SCREENS.length})]`)),
    opt(`event = 'file uploaded'`, num('file_size_mb', `round(${q.u('fs', 'sid', 'k')} * 50, 2)`)),
  ];
  const lets = `${page} AS page, ${product} AS product, ${click} AS click, ${qty} AS qty, ${price} AS price`;
  return `${lets}, concat(props_head, ${joinParts(parts, false)}, props_tail, '}') AS props`;
}

function elementsChainSql(): string {
  const tag = `${list(CLICK_TARGETS.map((x) => x[0]))}[click]`;
  const text = `${list(CLICK_TARGETS.map((x) => x[1]))}[click]`;
  const cls = `multiIf(${tag} = 'button', 'btn.btn-primary', ${tag} = 'a', 'nav-link', 'form-control')`;
  return (
    `if(event = '$autocapture', concat(${tag}, '.', ${cls}, ':attr__class="', replaceAll(${cls}, '.', ' '), '"nth-child="', toString(1 + k % 5), '"nth-of-type="1"', ` +
    `if(${text} = '', '', concat('text="', ${text}, '"')), ';div.container:attr__class="container"nth-child="2"nth-of-type="1";body:nth-child="2"nth-of-type="1"'), '')`
  );
}

const SIM_COLUMNS = ['person_id', 'person_properties', 'person_created_at', 'created_ms', 'anon_id', 'user_id', 'os', 'os_version', 'device_type', 'lib', 'browser', 'browser_version', 'screen_width', 'screen_height', 'country', 'city', 'group_0', 'group_1'];

/** The helper table of one team's sessions (`sessionsSql`), dropped after its events are in. */
const SIM_SESSIONS = 'sim_sessions';

/**
 * The statements that load one team's events (exactly `t.count`, in session order): its sessions
 * into a helper table first, so the window that counts their events (a single stream) runs over
 * the sessions only, and the per-event work of the INSERT … SELECT runs on every core, as does its
 * write (issue #15: 1M events ready in ≤ 10 s). The rows are the same as from one statement.
 */
export function eventsLoadSql(seed: number, t: SqlEventsTeam): string[] {
  const q = new Sql(seed * 1000 + t.teamId);
  const sessions = Math.ceil(t.count / 4) + 10;
  return [
    `DROP TABLE IF EXISTS ${SIM_SESSIONS}`,
    `CREATE TABLE ${SIM_SESSIONS} ENGINE = Memory AS ${sessionsSql(q, t, sessions)}`,
    eventsInsertSql(seed, q, t, SIM_SESSIONS),
    `DROP TABLE ${SIM_SESSIONS}`,
  ];
}

/** The INSERT … SELECT for one team's events from its sessions table. */
function eventsInsertSql(seed: number, q: Sql, t: SqlEventsTeam, sessionsTable: string): string {
  const gaps = `arrayCumSum(arrayMap(i -> if(i = 0, 0, toInt64(5000 + cityHash64(${sqlInt(seed)}, 'gap', sid, i) % 85000)), range(n)))`;
  const from = `greatest(${sqlInt(t.startMs)}, created_ms)`;
  const start = `toInt64(${from} + ${q.u('st', 'sid')} * greatest(1, ${sqlInt(t.latestMs)} - ${from}))`;
  const utm = `if(${q.u('utm', 'sid')} < 0.25, toUInt32(1 + ${q.u('utmi', 'sid')} * ${UTM.length}), 0)`;
  const did = `multiIf(event = '$identify', user_id, user_id != '' AND ${q.u('uid', 'sid')} < 0.7, user_id, anon_id)`;
  const people = `(SELECT idx, ${SIM_COLUMNS.join(', ')} FROM sim_people WHERE team_id = ${sqlInt(t.teamId)})`;
  const perSession = `SELECT s.sid AS sid, s.n AS n, ${SIM_COLUMNS.map((c) => `sp.${c} AS ${c}`).join(', ')}
    FROM ${sessionsTable} AS s INNER JOIN ${people} AS sp ON sp.idx = s.pidx`;
  const withStart = `SELECT *, ${start} AS start_ms, ${q.weighted(q.u('ref', 'sid'), REFERRERS)} AS referrer, ${utm} AS utm,
    ${q.uuid7('start_ms', 's', 'sid')} AS session_id, ${q.uuid7('start_ms', 'w', 'sid')} AS window_id, ${sessionPropertiesSql()} FROM (${perSession})`;
  const perEvent = `SELECT *, k, off, start_ms + off AS ms, ${eventName(q)} AS event, ${eventPropertiesSql(q, t.host)}
    FROM (${withStart}) ARRAY JOIN range(n) AS k, ${gaps} AS off`;
  return `INSERT INTO events (uuid, team_id, event, distinct_id, properties, timestamp, created_at, person_id, person_properties, person_created_at, elements_chain, \`$session_id\`, \`$window_id\`, \`$group_0\`, \`$group_1\`, \`$group_2\`, \`$group_3\`, \`$group_4\`)
SELECT toUUID(${q.uuid7('ms', 'e', 'sid', 'k')}), ${sqlInt(t.teamId)}, event, ${did}, props,
  fromUnixTimestamp64Milli(ms, 'UTC'), fromUnixTimestamp64Milli(toInt64(ms + 500 + cityHash64(${sqlInt(seed)}, 'lag', sid, k) % 4000), 'UTC'),
  person_id, person_properties, person_created_at, ${elementsChainSql()}, session_id, window_id, group_0, group_1, '', '', ''
FROM (${perEvent})
SETTINGS output_format_json_escape_forward_slashes = 0, max_insert_threads = 2`;
}
