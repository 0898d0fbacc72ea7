/**
 * The HogQL corpus: queries modelled on PostHog's HogQL docs (property access, person
 * properties, aggregations, time functions, joins, subqueries, CTEs, unions, window functions,
 * placeholders, filters), each with a plain-JS function computing the expected rows from the
 * generated dataset. `ordered: false` compares rows as a multiset.
 */
import type { EventRow } from '../../../src/data/types';
import { countBy, day, groupBy, p, pp, propText, sum, uniq, wall, type Model } from './model';

export interface CorpusEntry {
  q: string;
  expect: (m: Model) => unknown[][];
  ordered?: boolean;
  values?: Record<string, unknown>;
  filters?: { dateRange?: { date_from?: string | null; date_to?: string | null } };
  tz?: string;
}

const counts = (m: Map<unknown, number>) => [...m.entries()].map(([k, v]) => [k, v]);
const num = (s: string | null) => (s === null ? null : Number(s));
const iso = (t: string) => (t.endsWith('.000Z') ? t.replace('.000Z', 'Z') : t.replace(/\.(\d{3})Z$/, '.$1000Z'));
const pv = (m: Model) => m.events.filter((e) => e.event === '$pageview');
const sessions = (m: Model) => groupBy(m.events.filter((e) => e.$session_id !== ''), (e) => e.$session_id);
const byTs = (a: EventRow, b: EventRow) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0);
const sundayWeek = (t: string) => {
  const d = new Date(day(t) + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d.toISOString().slice(0, 10);
};

export const CORPUS: CorpusEntry[] = [
  // Basics and aggregations
  { q: 'select count() from events', expect: (m) => [[m.events.length]] },
  { q: 'select count(*) from events', expect: (m) => [[m.events.length]] },
  { q: 'select event, count() from events group by event', ordered: false, expect: (m) => counts(countBy(m.events, (e) => e.event)) },
  { q: "select count() from events where event = '$pageview'", expect: (m) => [[pv(m).length]] },
  { q: "select count() from events where event != '$pageview'", expect: (m) => [[m.events.length - pv(m).length]] },
  { q: "select countIf(event = 'purchase'), countIf(event = '$identify') from events", expect: (m) => [[m.events.filter((e) => e.event === 'purchase').length, m.events.filter((e) => e.event === '$identify').length]] },
  { q: 'select uniq(distinct_id) from events', expect: (m) => [[uniq(m.events.map((e) => e.distinct_id))]] },
  { q: 'select count(distinct person_id) from events', expect: (m) => [[uniq(m.events.map((e) => e.person_id))]] },
  { q: 'select uniqExact(properties.$session_id) from events', expect: (m) => [[uniq(m.events.map((e) => p(e, '$session_id')).filter((x) => x !== null))]] },
  { q: 'select event, count() as c from events group by event order by c desc, event limit 3', expect: (m) => counts(countBy(m.events, (e) => e.event)).sort((a, b) => (b[1] as number) - (a[1] as number) || String(a[0]).localeCompare(String(b[0]))).slice(0, 3) },
  { q: "select sum(toFloat(properties.price)) from events where event = 'purchase'", expect: (m) => [[sum(m.events.filter((e) => e.event === 'purchase').map((e) => Number(p(e, 'price') ?? 0)))]] },
  { q: "select avg(toFloat(properties.price)) from events where properties.price is not null", expect: (m) => { const xs = m.events.map((e) => p(e, 'price')).filter((x) => x !== null).map(Number); return [[sum(xs) / xs.length]]; } },
  { q: "select min(toInt(properties.$screen_width)), max(toInt(properties.$screen_width)) from events", expect: (m) => { const xs = m.events.map((e) => num(p(e, '$screen_width'))).filter((x): x is number => x !== null); return [[Math.min(...xs), Math.max(...xs)]]; } },
  { q: 'select min(timestamp), max(timestamp) from events', expect: (m) => { const ts = m.events.map((e) => e.timestamp).sort(); return [[iso(ts[0]), iso(ts[ts.length - 1])]]; } },
  { q: 'select count() from events having count() > 0', expect: (m) => [[m.events.length]] },
  { q: 'select distinct_id, count() as c from events group by distinct_id having c >= 40', ordered: false, expect: (m) => counts(countBy(m.events, (e) => e.distinct_id)).filter(([, c]) => (c as number) >= 40) },
  { q: 'select distinct event from events', ordered: false, expect: (m) => [...new Set(m.events.map((e) => e.event))].map((e) => [e]) },
  { q: "select countIf(properties.$browser = 'Chrome') / count() from events", expect: (m) => [[m.events.filter((e) => p(e, '$browser') === 'Chrome').length / m.events.length]] },
  { q: 'select quantileExact(0.5)(toInt(properties.$screen_width)) from events', expect: (m) => { const xs = m.events.map((e) => num(p(e, '$screen_width'))).filter((x): x is number => x !== null).sort((a, b) => a - b); return [[xs[Math.floor(xs.length * 0.5)]]]; } },
  { q: "select sumIf(toFloat(properties.revenue), event = 'purchase') from events", expect: (m) => [[sum(m.events.filter((e) => e.event === 'purchase').map((e) => Number(p(e, 'revenue') ?? 0)))]] },
  { q: 'select argMax(event, timestamp) from events', expect: (m) => [[[...m.events].sort(byTs).pop()!.event]] },
  { q: 'select count() from events where 1 = 1', expect: (m) => [[m.events.length]] },

  // Property access
  { q: 'select properties.$browser, count() from events group by properties.$browser', ordered: false, expect: (m) => counts(countBy(m.events, (e) => p(e, '$browser'))) },
  { q: "select count() from events where properties.$browser = 'Chrome'", expect: (m) => [[m.events.filter((e) => p(e, '$browser') === 'Chrome').length]] },
  { q: "select count() from events where properties.$browser != 'Chrome'", expect: (m) => [[m.events.filter((e) => p(e, '$browser') !== 'Chrome').length]] },
  { q: "select count() from events where properties['$os'] = 'iOS'", expect: (m) => [[m.events.filter((e) => p(e, '$os') === 'iOS').length]] },
  { q: "select count() from events where properties.$screen_width = '1440'", expect: (m) => [[m.events.filter((e) => p(e, '$screen_width') === '1440').length]] },
  { q: 'select count() from events where toInt(properties.$screen_width) > 1000', expect: (m) => [[m.events.filter((e) => (num(p(e, '$screen_width')) ?? 0) > 1000).length]] },
  { q: 'select count() from events where properties.utm_source is null', expect: (m) => [[m.events.filter((e) => p(e, 'utm_source') === null).length]] },
  { q: 'select count() from events where properties.utm_source is not null', expect: (m) => [[m.events.filter((e) => p(e, 'utm_source') !== null).length]] },
  { q: 'select properties.utm_source as s, count() from events group by s', ordered: false, expect: (m) => counts(countBy(m.events, (e) => p(e, 'utm_source'))) },
  { q: "select count() from events where (properties.utm_source ?? 'none') = 'none'", expect: (m) => [[m.events.filter((e) => (p(e, 'utm_source') ?? 'none') === 'none').length]] },
  { q: "select count() from events where properties.$current_url like '%/files%'", expect: (m) => [[m.events.filter((e) => (p(e, '$current_url') ?? '').includes('/files')).length]] },
  { q: "select count() from events where properties.$current_url ilike '%HEDGEBOX.NET/BLOG%'", expect: (m) => [[m.events.filter((e) => (p(e, '$current_url') ?? '').toLowerCase().includes('hedgebox.net/blog')).length]] },
  { q: "select count() from events where properties.$current_url not like '%/files%'", expect: (m) => [[m.events.filter((e) => !(p(e, '$current_url') ?? '\u0000/files').includes('/files') || p(e, '$current_url') === null).length]] },
  { q: "select count() from events where properties.$pathname =~ '^/blog'", expect: (m) => [[m.events.filter((e) => /^\/blog/.test(p(e, '$pathname') ?? '')).length]] },
  { q: "select count() from events where properties.$pathname !~ '^/blog'", expect: (m) => [[m.events.filter((e) => p(e, '$pathname') === null || !/^\/blog/.test(p(e, '$pathname')!)).length]] },
  { q: "select count() from events where event in ('$pageview', '$autocapture')", expect: (m) => [[m.events.filter((e) => ['$pageview', '$autocapture'].includes(e.event)).length]] },
  { q: "select count() from events where event not in ('$pageview', '$autocapture')", expect: (m) => [[m.events.filter((e) => !['$pageview', '$autocapture'].includes(e.event)).length]] },
  { q: 'select count() from events where toInt(properties.$screen_width) between 400 and 1400', expect: (m) => [[m.events.filter((e) => { const w = num(p(e, '$screen_width')); return w !== null && w >= 400 && w <= 1400; }).length]] },
  { q: "select JSONExtractString(properties, '$browser') as b, count() from events group by b", ordered: false, expect: (m) => counts(countBy(m.events, (e) => (typeof e.properties.$browser === 'string' ? e.properties.$browser : ''))) },
  { q: "select countIf(JSONHas(properties, 'utm_source')) from events", expect: (m) => [[m.events.filter((e) => 'utm_source' in e.properties).length]] },
  { q: "select sum(JSONExtractInt(properties, 'quantity')) from events", expect: (m) => [[sum(m.events.map((e) => (typeof e.properties.quantity === 'number' ? e.properties.quantity : 0)))]] },
  { q: "select properties.price from events where event = 'purchase' order by timestamp limit 3", expect: (m) => m.events.filter((e) => e.event === 'purchase').sort(byTs).slice(0, 3).map((e) => [p(e, 'price')]) },
  { q: "select sum(toFloat(properties.price) * toFloat(properties.quantity)) from events where event = 'added to cart'", expect: (m) => [[sum(m.events.filter((e) => e.event === 'added to cart').map((e) => Number(p(e, 'price') ?? NaN) * Number(p(e, 'quantity') ?? NaN)).filter((x) => !Number.isNaN(x)))]] },
  { q: 'select uniq(properties.$geoip_country_code) from events', expect: (m) => [[uniq(m.events.map((e) => p(e, '$geoip_country_code')).filter((x) => x !== null))]] },

  // Person properties and person fields on events
  { q: 'select person.properties.plan as plan, count() from events group by plan', ordered: false, expect: (m) => counts(countBy(m.events, (e) => pp(e, 'plan'))) },
  { q: "select count() from events where person.properties.email like '%@%'", expect: (m) => [[m.events.filter((e) => (pp(e, 'email') ?? '').includes('@')).length]] },
  { q: 'select count(distinct person.id) from events', expect: (m) => [[uniq(m.events.map((e) => e.person_id))]] },
  { q: 'select uniq(person_id) from events where person.properties.email is not null', expect: (m) => [[uniq(m.events.filter((e) => pp(e, 'email') !== null).map((e) => e.person_id))]] },
  { q: 'select events.person.properties.$initial_os, count() from events group by events.person.properties.$initial_os', ordered: false, expect: (m) => counts(countBy(m.events, (e) => pp(e, '$initial_os'))) },
  { q: 'select min(person.created_at) from events', expect: (m) => [[iso(m.events.map((e) => e.person_created_at).sort()[0])]] },
  { q: "select count() from events where person.properties.is_test_user = 'true'", expect: (m) => [[m.events.filter((e) => pp(e, 'is_test_user') === 'true').length]] },
  { q: 'select countIf(person.properties.$initial_utm_source is null) from events', expect: (m) => [[m.events.filter((e) => pp(e, '$initial_utm_source') === null).length]] },

  // Time functions
  { q: 'select toDate(timestamp) as d, count() from events group by d order by d', expect: (m) => counts(countBy(m.events, (e) => day(e.timestamp))).sort((a, b) => String(a[0]).localeCompare(String(b[0]))) },
  { q: 'select toDate(timestamp) as d, count() from events group by d order by d', tz: 'America/New_York', expect: (m) => counts(countBy(m.events, (e) => day(e.timestamp, 'America/New_York'))).sort((a, b) => String(a[0]).localeCompare(String(b[0]))) },
  { q: 'select toStartOfDay(timestamp) as d, count() from events group by d order by d limit 3', expect: (m) => counts(countBy(m.events, (e) => `${day(e.timestamp)}T00:00:00Z`)).sort((a, b) => String(a[0]).localeCompare(String(b[0]))).slice(0, 3) },
  { q: 'select toStartOfDay(timestamp) as d, count() from events group by d order by d limit 2', tz: 'Asia/Kolkata', expect: (m) => counts(countBy(m.events, (e) => `${day(e.timestamp, 'Asia/Kolkata')}T00:00:00+05:30`)).sort((a, b) => String(a[0]).localeCompare(String(b[0]))).slice(0, 2) },
  { q: 'select toHour(timestamp) as h, count() from events group by h', ordered: false, expect: (m) => counts(countBy(m.events, (e) => wall(e.timestamp).hour)) },
  { q: 'select toStartOfWeek(timestamp) as w, count() from events group by w', ordered: false, expect: (m) => counts(countBy(m.events, (e) => sundayWeek(e.timestamp))) },
  { q: 'select toStartOfMonth(timestamp) as mo, count() from events group by mo', ordered: false, expect: (m) => counts(countBy(m.events, (e) => `${day(e.timestamp).slice(0, 7)}-01`)) },
  { q: "select count() from events where timestamp >= toDateTime('2025-01-15 00:00:00')", expect: (m) => [[m.events.filter((e) => e.timestamp >= '2025-01-15T00:00:00.000Z').length]] },
  { q: "select count() from events where timestamp < toDateTime('2025-01-15')", expect: (m) => [[m.events.filter((e) => e.timestamp < '2025-01-15T00:00:00.000Z').length]] },
  { q: "select count() from events where toDate(timestamp) = toDate('2025-01-20')", expect: (m) => [[m.events.filter((e) => day(e.timestamp) === '2025-01-20').length]] },
  { q: "select count() from events where timestamp > toDateTime('2025-01-20') - interval 2 day", expect: (m) => [[m.events.filter((e) => e.timestamp > '2025-01-18T00:00:00.000Z').length]] },
  { q: "select max(dateDiff('day', toDateTime('2025-01-01'), timestamp)) from events", expect: (m) => [[Math.max(...m.events.map((e) => Math.round((Date.parse(day(e.timestamp)) - Date.parse('2025-01-01')) / 86400000)))]] },
  { q: "select formatDateTime(timestamp, '%Y-%m') as ym, count() from events group by ym", ordered: false, expect: (m) => counts(countBy(m.events, (e) => day(e.timestamp).slice(0, 7))) },
  { q: 'select count() from events where timestamp <= now()', expect: (m) => [[m.events.length]] },
  { q: 'select count() from events where toDate(timestamp) <= today()', expect: (m) => [[m.events.length]] },
  { q: 'select toDayOfWeek(timestamp) as dow, count() from events group by dow', ordered: false, expect: (m) => counts(countBy(m.events, (e) => { const d = new Date(day(e.timestamp) + 'T00:00:00Z').getUTCDay(); return d === 0 ? 7 : d; })) },

  // Strings, conditionals, arrays, casts
  { q: "select lower(event) as e, count() from events where event = 'user signed up' group by e", expect: (m) => [['user signed up', m.events.filter((e) => e.event === 'user signed up').length]] },
  { q: "select upper(substring(event, 1, 4)) as s, count() from events group by s", ordered: false, expect: (m) => counts(countBy(m.events, (e) => e.event.slice(0, 4).toUpperCase())) },
  { q: 'select sum(length(event)) from events', expect: (m) => [[sum(m.events.map((e) => Buffer.byteLength(e.event)))]] },
  { q: "select concat(event, ':', properties.$os) as k, count() from events where event = 'purchase' group by k", ordered: false, expect: (m) => counts(countBy(m.events.filter((e) => e.event === 'purchase'), (e) => `purchase:${p(e, '$os') ?? ''}`)) },
  { q: "select case when event = '$pageview' then 'pv' when event = '$autocapture' then 'ac' else 'other' end as k, count() from events group by k", ordered: false, expect: (m) => counts(countBy(m.events, (e) => (e.event === '$pageview' ? 'pv' : e.event === '$autocapture' ? 'ac' : 'other'))) },
  { q: "select multiIf(toInt(properties.$screen_width) < 500, 'small', toInt(properties.$screen_width) < 1400, 'medium', 'large') as s, count() from events where properties.$screen_width is not null group by s", ordered: false, expect: (m) => counts(countBy(m.events.filter((e) => p(e, '$screen_width') !== null), (e) => { const w = Number(p(e, '$screen_width')); return w < 500 ? 'small' : w < 1400 ? 'medium' : 'large'; })) },
  { q: "select if(event = 'purchase', 1, 0) as x, count() from events group by x", ordered: false, expect: (m) => counts(countBy(m.events, (e) => (e.event === 'purchase' ? 1 : 0))) },
  { q: "select event = 'purchase' ? 'buy' : 'browse' as k, count() from events group by k", ordered: false, expect: (m) => counts(countBy(m.events, (e) => (e.event === 'purchase' ? 'buy' : 'browse'))) },
  { q: 'select arrayMap(x -> x * 2, [1, 2, 3])', expect: () => [[[2, 4, 6]]] },
  { q: 'select arrayFilter(x -> x > 1, [1, 2, 3])', expect: () => [[[2, 3]]] },
  { q: "select count() from events where has(['purchase', '$screen'], event)", expect: (m) => [[m.events.filter((e) => ['purchase', '$screen'].includes(e.event)).length]] },
  { q: "select length(splitByChar('/', properties.$pathname)) as n, count() from events where properties.$pathname is not null group by n", ordered: false, expect: (m) => counts(countBy(m.events.filter((e) => p(e, '$pathname') !== null), (e) => p(e, '$pathname')!.split('/').length)) },
  { q: "select x, count() from events array join ['a', 'b'] as x group by x", ordered: false, expect: (m) => [['a', m.events.length], ['b', m.events.length]] },
  { q: 'select toString(1) , toInt(\'42\'), toFloat(\'1.5\'), 7 % 3, 2 + 3 * 4', expect: () => [['1', 42, 1.5, 1, 14]] },
  { q: "select '12'::int + 1", expect: () => [[13]] },
  { q: "select replaceAll(event, '$', '') as e, count() from events where event like '$%' group by e", ordered: false, expect: (m) => counts(countBy(m.events.filter((e) => e.event.startsWith('$')), (e) => e.event.replace(/\$/g, ''))) },
  { q: "select tuple(1, 'a').2", expect: () => [['a']] },
  { q: 'select [1, 2, 3][2]', expect: () => [[2]] },
  { q: "select coalesce(properties.utm_source, properties.$referring_domain, 'direct') as src, count() from events group by src", ordered: false, expect: (m) => counts(countBy(m.events, (e) => p(e, 'utm_source') ?? p(e, '$referring_domain') ?? 'direct')) },

  // Tables: numbers, persons, person_distinct_ids, sessions
  { q: 'select sum(number) from numbers(10)', expect: () => [[45]] },
  { q: 'select number from numbers(2, 3) order by number', expect: () => [[2], [3], [4]] },
  { q: 'select count() from persons', expect: (m) => [[m.persons.length]] },
  { q: 'select properties.plan as plan, count() from persons group by plan', ordered: false, expect: (m) => counts(countBy(m.persons, (x) => propText(x.properties, 'plan'))) },
  { q: 'select countIf(is_identified = 1) from persons', expect: (m) => [[m.persons.filter((x) => x.is_identified === 1).length]] },
  { q: 'select count() from person_distinct_ids', expect: (m) => [[m.all.distinctIds.filter((d) => d.team_id === 1).length]] },
  { q: 'select count() from sessions', expect: (m) => [[sessions(m).size]] },
  { q: 'select sum($pageview_count), sum($autocapture_count) from sessions', expect: (m) => [[pv(m).filter((e) => e.$session_id !== '').length, m.events.filter((e) => e.event === '$autocapture' && e.$session_id !== '').length]] },
  { q: 'select max($session_duration) from sessions', expect: (m) => [[Math.max(...[...sessions(m).values()].map((evs) => { const ts = evs.map((e) => Date.parse(e.timestamp)); return Math.floor(Math.max(...ts) / 1000) - Math.floor(Math.min(...ts) / 1000); }))]] },
  { q: "select count() from sessions where $entry_pathname = '/'", expect: (m) => [[[...sessions(m).values()].filter((evs) => { const first = evs.filter((e) => p(e, '$pathname') !== null).sort(byTs)[0]; return first !== undefined && p(first, '$pathname') === '/'; }).length]] },
  { q: 'select count() from events where session.$pageview_count >= 3', expect: (m) => { const s = sessions(m); return [[m.events.filter((e) => e.$session_id !== '' && s.get(e.$session_id)!.filter((x) => x.event === '$pageview').length >= 3).length]]; } },

  // Joins
  { q: 'select count() from events e join persons p on e.person_id = p.id', expect: (m) => { const ids = new Set(m.persons.map((x) => x.id)); return [[m.events.filter((e) => ids.has(e.person_id)).length]]; } },
  { q: 'select p.properties.plan as plan, count() from events e inner join persons p on e.person_id = p.id group by plan', ordered: false, expect: (m) => { const byId = new Map(m.persons.map((x) => [x.id, x])); return counts(countBy(m.events.filter((e) => byId.has(e.person_id)), (e) => propText(byId.get(e.person_id)!.properties, 'plan'))); } },
  { q: 'select count() from events e join person_distinct_ids pdi on e.distinct_id = pdi.distinct_id where pdi.person_id = e.person_id', expect: (m) => { const map = new Map(m.all.distinctIds.filter((d) => d.team_id === 1).map((d) => [d.distinct_id, d.person_id])); return [[m.events.filter((e) => map.get(e.distinct_id) === e.person_id).length]]; } },
  { q: "select count() from events a join (select distinct_id from events where event = 'purchase' group by distinct_id) b on a.distinct_id = b.distinct_id", expect: (m) => { const buyers = new Set(m.events.filter((e) => e.event === 'purchase').map((e) => e.distinct_id)); return [[m.events.filter((e) => buyers.has(e.distinct_id)).length]]; } },

  // Subqueries, CTEs, unions
  { q: 'select count() from (select distinct_id from events group by distinct_id)', expect: (m) => [[uniq(m.events.map((e) => e.distinct_id))]] },
  { q: 'select max(c) from (select distinct_id, count() as c from events group by distinct_id)', expect: (m) => [[Math.max(...countBy(m.events, (e) => e.distinct_id).values())]] },
  { q: "select count() from events where distinct_id in (select distinct_id from events where event = 'purchase')", expect: (m) => { const buyers = new Set(m.events.filter((e) => e.event === 'purchase').map((e) => e.distinct_id)); return [[m.events.filter((e) => buyers.has(e.distinct_id)).length]]; } },
  { q: "with buyers as (select distinct_id from events where event = 'purchase') select count() from events where distinct_id in (select distinct_id from buyers)", expect: (m) => { const buyers = new Set(m.events.filter((e) => e.event === 'purchase').map((e) => e.distinct_id)); return [[m.events.filter((e) => buyers.has(e.distinct_id)).length]]; } },
  { q: 'with daily as (select toDate(timestamp) as d, count() as c from events group by d) select max(c), min(c) from daily', expect: (m) => { const c = [...countBy(m.events, (e) => day(e.timestamp)).values()]; return [[Math.max(...c), Math.min(...c)]]; } },
  { q: "with 'purchase' as ev select count() from events where event = ev", expect: (m) => [[m.events.filter((e) => e.event === 'purchase').length]] },
  { q: 'select 1 as x union all select 2', ordered: false, expect: () => [[1], [2]] },
  { q: "select event from events where event = 'purchase' union all select event from events where event = '$screen'", ordered: false, expect: (m) => m.events.filter((e) => e.event === 'purchase' || e.event === '$screen').map((e) => [e.event]) },
  { q: "select count() from (select distinct_id from events where event = 'purchase' union distinct select distinct_id from events where event = 'user signed up')", expect: (m) => [[uniq(m.events.filter((e) => e.event === 'purchase' || e.event === 'user signed up').map((e) => e.distinct_id))]] },
  { q: 'select t.event, t.c from (select event, count() as c from events group by event) as t where t.c > 100', ordered: false, expect: (m) => counts(countBy(m.events, (e) => e.event)).filter(([, c]) => (c as number) > 100) },

  // Window functions, LIMIT BY, ordering
  { q: 'select event, count() as c, row_number() over (order by count() desc, event) as r from events group by event order by r', expect: (m) => counts(countBy(m.events, (e) => e.event)).sort((a, b) => (b[1] as number) - (a[1] as number) || String(a[0]).localeCompare(String(b[0]))).map((row, i) => [...row, i + 1]) },
  { q: 'select sum(c) over () from (select count() as c from events group by event) limit 1', expect: (m) => [[m.events.length]] },
  { q: 'select d, c, sum(c) over (order by d rows between unbounded preceding and current row) from (select toDate(timestamp) as d, count() as c from events group by d) order by d', expect: (m) => { const rows = counts(countBy(m.events, (e) => day(e.timestamp))).sort((a, b) => String(a[0]).localeCompare(String(b[0]))); let acc = 0; return rows.map(([d, c]) => [d, c, (acc += c as number)]); } },
  { q: 'select d, c, lag(c) over (order by d) from (select toDate(timestamp) as d, count() as c from events group by d) order by d limit 3', expect: (m) => { const rows = counts(countBy(m.events, (e) => day(e.timestamp))).sort((a, b) => String(a[0]).localeCompare(String(b[0]))); return rows.slice(0, 3).map(([d, c], i) => [d, c, i === 0 ? null : rows[i - 1][1]]); } },
  { q: 'select event, distinct_id from events order by event, distinct_id limit 1 by event', ordered: false, expect: (m) => [...groupBy(m.events, (e) => e.event).entries()].map(([ev, evs]) => [ev, evs.map((e) => e.distinct_id).sort()[0]]) },
  { q: 'select event from events order by timestamp desc, uuid limit 2 offset 1', expect: (m) => [...m.events].sort((a, b) => (a.timestamp > b.timestamp ? -1 : a.timestamp < b.timestamp ? 1 : a.uuid < b.uuid ? -1 : 1)).slice(1, 3).map((e) => [e.event]) },

  // Placeholders and filters
  { q: 'select count() from events where event = {e}', values: { e: '$pageleave' }, expect: (m) => [[m.events.filter((e) => e.event === '$pageleave').length]] },
  { q: 'select count() from events where event in {names}', values: { names: ['purchase', '$identify'] }, expect: (m) => [[m.events.filter((e) => ['purchase', '$identify'].includes(e.event)).length]] },
  { q: 'select count() from events where toInt(properties.$screen_width) > {w}', values: { w: 1000 }, expect: (m) => [[m.events.filter((e) => (num(p(e, '$screen_width')) ?? 0) > 1000).length]] },
  { q: "select count() from events where event = {e}", values: { e: "it's \\ odd" }, expect: () => [[0]] },
  { q: 'select count() from events where {filters}', filters: { dateRange: { date_from: '2025-01-10', date_to: '2025-01-20' } }, expect: (m) => [[m.events.filter((e) => e.timestamp >= '2025-01-10T00:00:00.000Z' && e.timestamp < '2025-01-20T00:00:00.000Z').length]] },
  { q: 'select count() from events where {filters}', filters: { dateRange: { date_from: 'all' } }, expect: (m) => [[m.events.length]] },
  { q: 'select count() from events where {filters}', expect: (m) => [[m.events.length]] },
];
