/**
 * The executable HogQL statements of PostHog's own query tests (PostHog/posthog
 * posthog/hogql/test/test_query.py, the version read 2026-12), as data: each test's statement(s)
 * that PostHog runs to a result. Placeholders use the test's `{random_uuid}` / `{distinct_id}`;
 * `filters` carries the HogQLFilters the test passes. Statements PostHog itself expects to fail
 * are left out. Only the statements are copied (facts), not PostHog's test code.
 */
export interface PostHogStatement {
  test: string;
  query: string;
  values?: Record<string, unknown>;
  filters?: Record<string, unknown>;
}

const U = { random_uuid: 'RANDOM_TEST_ID::x' };

const base: PostHogStatement[] = [
  { test: 'test_query', query: 'select count(), event from events where properties.random_uuid = {random_uuid} group by event', values: U },
  { test: 'test_subquery', query: 'select cnt, event from (select count() as cnt, event from events where properties.random_uuid = {random_uuid} group by event) group by cnt, event', values: U },
  { test: 'test_subquery_alias', query: 'select cnt, event from (select count(*) as cnt, event from events where properties.random_uuid = {random_uuid} group by event) as c group by cnt, event', values: U },
  { test: 'test_query_distinct', query: 'select distinct properties.sneaky_mail from persons where properties.random_uuid = {random_uuid}', values: U },
  { test: 'test_query_person_distinct_ids', query: 'select distinct person_id, distinct_id from person_distinct_ids' },
  { test: 'test_query_joins_simple', query: 'SELECT event, timestamp, pdi.distinct_id, p.id, p.properties.sneaky_mail FROM events e LEFT JOIN person_distinct_ids pdi ON pdi.distinct_id = e.distinct_id LEFT JOIN persons p ON p.id = pdi.person_id' },
  { test: 'test_query_joins_pdi', query: 'SELECT event, timestamp, pdi.person_id from events e INNER JOIN (SELECT distinct_id, argMax(person_id, version) as person_id FROM raw_person_distinct_ids GROUP BY distinct_id HAVING argMax(is_deleted, version) = 0) AS pdi ON e.distinct_id = pdi.distinct_id' },
  { test: 'test_query_joins_events_pdi', query: 'SELECT event, timestamp, pdi.distinct_id, pdi.person_id FROM events LIMIT 10' },
  { test: 'test_query_joins_events_e_pdi', query: 'SELECT event, e.timestamp, e.pdi.distinct_id, pdi.person_id FROM events e LIMIT 10' },
  { test: 'test_query_joins_pdi_persons', query: 'SELECT pdi.distinct_id, pdi.person.created_at FROM person_distinct_ids pdi LIMIT 10' },
  { test: 'test_query_joins_pdi_person_properties', query: 'SELECT pdi.distinct_id, pdi.person.properties.sneaky_mail FROM person_distinct_ids pdi LIMIT 10' },
  { test: 'test_query_joins_events_first_to_persons', query: "SELECT events.event, persons.properties.email FROM events JOIN persons ON events.person_id = persons.id WHERE events.event = 'pageview'" },
  { test: 'test_query_joins_lazy_on_both_sides', query: "SELECT e1.event, e2.event FROM events e1 JOIN events e2 ON e1.person_id = e2.person_id WHERE e1.event = 'pageview' AND e2.event = 'click'" },
  { test: 'test_query_joins_persons_to_events', query: 'SELECT persons.id, events.event FROM persons JOIN events ON persons.id = events.person_id LIMIT 10' },
  { test: 'test_query_joins_events_pdi_person', query: 'SELECT event, timestamp, pdi.distinct_id, pdi.person.id FROM events LIMIT 10' },
  { test: 'test_query_joins_events_pdi_person_properties', query: 'SELECT event, timestamp, pdi.distinct_id, pdi.person.properties.sneaky_mail FROM events LIMIT 10' },
  { test: 'test_query_joins_events_pdi_e_person_properties', query: 'SELECT event, e.timestamp, pdi.distinct_id, e.pdi.person.properties.sneaky_mail FROM events e LIMIT 10' },
  { test: 'test_query_joins_events_person_properties', query: 'SELECT event, e.timestamp, e.pdi.person.properties.sneaky_mail FROM events e LIMIT 10' },
  { test: 'test_query_joins_events_person_properties_in_aggregration', query: 'SELECT s.pdi.person.properties.sneaky_mail, count() FROM events s GROUP BY s.pdi.person.properties.sneaky_mail LIMIT 10' },
  { test: 'test_select_person_on_events', query: 'SELECT poe.properties.sneaky_mail, count() FROM events s GROUP BY poe.properties.sneaky_mail LIMIT 10' },
  { test: 'test_query_select_person_with_joins_without_poe', query: 'SELECT event, timestamp, person.id, person.properties.sneaky_mail FROM events LIMIT 10' },
  { test: 'test_join_with_property_materialized_session_id', query: 'select e.event, s.session_id from events e left join session_replay_events s on s.session_id = e.properties.$session_id where e.properties.$session_id is not null limit 10' },
  { test: 'test_join_with_property_not_materialized', query: 'select e.event, s.session_id from events e left join session_replay_events s on s.session_id = e.properties.$$$session_id where e.properties.$$$session_id is not null limit 10' },
  { test: 'test_hogql_lambdas', query: 'SELECT arrayMap(x -> x * 2, [1, 2, 3]), 1' },
  { test: 'test_hogql_groupby_unnecessary_ifnull', query: 'select toDate(timestamp) as timestamp, count() as cnt from events where timestamp >= addDays(today(), -10) group by timestamp having cnt > 10 limit 1' },
  { test: 'test_hogql_unnecessary_ifnull', query: "select toDate(timestamp) as timestamp, JSONExtractInt(properties, 'field') as json_int from events where timestamp >= addDays(today(), -10) and json_int = 17 limit 1" },
  {
    test: 'test_hogql_proper_ifnull',
    query: "WITH latest_events AS (SELECT distinct_id, argMax(properties.$os_version, timestamp) AS latest_os_version FROM events WHERE properties.$os = 'iOS' AND timestamp >= now() - INTERVAL 30 DAY GROUP BY distinct_id), major_versions AS (SELECT distinct_id, latest_os_version, splitByChar('.', ifNull(latest_os_version, ''))[1] AS major_version FROM latest_events) SELECT major_version, count() AS user_count, round(100 * count() / sum(count()) OVER (), 2) AS percentage FROM major_versions WHERE major_version IN ('17', '18', '26') GROUP BY major_version ORDER BY major_version",
  },
  { test: 'test_hogql_arrays', query: 'SELECT [1, 2, 3], [10,11,12][1]' },
  { test: 'test_tuple_access', query: 'select col_a, arrayZip( (sumMap( g.1, g.2 ) as x).1, x.2) as r from (select col_a, groupArray( (col_b, col_c) ) as g from (SELECT properties.index as col_a, event as col_b, count() as col_c FROM events GROUP BY properties.index, event) group by col_a) group by col_a ORDER BY col_a' },
  { test: 'test_null_properties', query: "SELECT properties.empty_string, properties.`null`, properties.undefined, properties.str_zero, properties.num_zero FROM events WHERE events.event='empty event'" },
  { test: 'test_window_functions_simple', query: "select distinct_id, timestamp, event, groupArray(event) OVER (PARTITION BY distinct_id ORDER BY timestamp ASC ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) AS two_before, groupArray(event) OVER (PARTITION BY distinct_id ORDER BY timestamp ASC ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) AS two_after from events where timestamp > toDateTime('2020-01-09 00:00:00') and distinct_id like '%_x' order by distinct_id, timestamp" },
  { test: 'test_window_functions_with_window', query: "select distinct_id, timestamp, event, groupArray(event) OVER w1 AS two_before, groupArray(event) OVER w2 AS two_after, row_number() OVER w1 AS rn_1, row_number() OVER w2 AS rn_2, first_value(event) OVER w1 AS first_value_1, last_value(event) OVER w1 AS last_value_1, first_value(event) OVER w2 AS first_value_2, last_value(event) OVER w2 AS last_value_2, rank() OVER w1 AS rank_1, dense_rank() OVER w2 AS rank_2 from events where timestamp > toDateTime('2020-01-09 00:00:00') and distinct_id like '%_x' window w1 as (PARTITION BY distinct_id ORDER BY timestamp ASC ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING), w2 as (PARTITION BY distinct_id ORDER BY timestamp ASC ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) order by distinct_id, timestamp" },
  { test: 'test_with_pivot_table_1_level', query: 'WITH PIVOT_TABLE_COL_ABC AS (SELECT properties.index as col_a, event as col_b, count() as col_c FROM events GROUP BY properties.index, event), PIVOT_FUNCTION_1 AS (select col_a, groupArray( (col_b, col_c) ) as g from PIVOT_TABLE_COL_ABC group by col_a), PIVOT_FUNCTION_2 AS (select col_a, arrayZip( (sumMap( g.1, g.2 ) as x).1, x.2) as r from PIVOT_FUNCTION_1 group by col_a) SELECT * FROM PIVOT_FUNCTION_2 ORDER BY col_a' },
  { test: 'test_with_pivot_table_2_levels', query: 'WITH PIVOT_TABLE_COL_ABC AS (SELECT properties.index as col_a, event as col_b, count() as col_c FROM events GROUP BY properties.index, event), PIVOT_FUNCTION_1 AS (select col_a, groupArray( (col_b, col_c) ) as g from PIVOT_TABLE_COL_ABC group by col_a), PIVOT_FUNCTION_2 AS (select col_a, arrayZip( (sumMap( g.1, g.2 ) as x).1, x.2) as r from PIVOT_FUNCTION_1 group by col_a), final as (select * from PIVOT_FUNCTION_2) SELECT * FROM final ORDER BY col_a' },
  {
    test: 'test_property_access_with_arrays',
    query: "SELECT properties.string,properties.array_str.1,properties.array_str[1],properties.obj_array.id.1,properties.obj_array.id[1],properties.array_array_str.1.1,properties.array_array_str[1][1],properties.array_obj_array.1.id.1,properties.array_obj_array[1]['id'][1],properties.array_obj_array_obj.1.id.1.id,properties.array_obj_array_obj[1].id[1].id,properties.array_obj_array_obj[1]['id'][1]['id'],properties.array_obj.1.id,properties.array_obj[1].id FROM events WHERE properties.string = 'x'",
  },
  { test: 'test_time_window_functions', query: "SELECT tumble(toDateTime('2020-01-01'), toIntervalDay('1')), tumbleStart(toDateTime('2020-01-01'), toIntervalDay('1')), tumbleEnd(toDateTime('2020-01-01'), toIntervalDay('1')), hop(toDateTime('2020-01-01'), toIntervalDay('1'), toIntervalDay('2')), hopStart(toDateTime('2020-01-01'), toIntervalDay('1'), toIntervalDay('2')), hopEnd(toDateTime('2020-01-01'), toIntervalDay('1'), toIntervalDay('2'))" },
  { test: 'test_regex_functions', query: "SELECT 'kala' ~ '.*', 'kala' =~ '.*', 'kala' !~ '.*', 'kala' =~ 'a', 'kala' !~ 'a', 'kala' =~ 'A', 'kala' !~ 'A', 'kala' ~* 'A', 'kala' =~* 'A', 'kala' !~* 'A'" },
  { test: 'test_nullish_coalescing', query: "SELECT null ?? 1, null ?? null ?? 2, 3 ?? null, null ?? 'string', 1 + (null ?? 2) + 3, 1 + null ?? 2 + 3, 10 ?? true ? 20 : 30, 10 ?? 5 + 10" },
  ...['SELECT number from numbers(1, 4)', 'SELECT * from numbers(1, 4)', 'SELECT number from numbers(4)', 'SELECT number from numbers(2 + 2)', 'SELECT number + number + 1 from numbers(2 + 2)',
    "SELECT number from numbers(assumeNotNull(dateDiff('day', toStartOfDay(toDateTime('2011-12-31 00:00:00')), toDateTime('2012-01-14 23:59:59'))))"].map((query) => ({ test: 'test_numbers_table', query })),
  { test: 'test_hogql_query_filters', query: 'SELECT event, distinct_id from events WHERE distinct_id={distinct_id} and {filters}', values: { distinct_id: 'x' }, filters: { properties: [{ key: 'index', operator: 'exact', value: '4', type: 'event' }] } },
  { test: 'test_hogql_query_filters', query: 'SELECT event, distinct_id from events WHERE distinct_id={distinct_id} and {filters}', values: { distinct_id: 'x' }, filters: { dateRange: { date_from: '2020-01-01', date_to: '2020-01-02' } } },
  {
    test: 'test_clickhouse_timestamp_handling',
    query: "SELECT issue_id AS id, count(DISTINCT uuid) AS occurrences, count(DISTINCT nullIf($session_id, '')) AS sessions, count(DISTINCT distinct_id) AS users, max(timestamp) AS last_seen, min(timestamp) AS first_seen, reverse(arrayMap(x -> countEqual(groupArray(dateDiff('hour', toStartOfHour(timestamp), toStartOfHour(now()))), x), range(24))) AS volumeDay FROM events WHERE and(equals(event, '$exception'), isNotNull(issue_id), or(and(greater(timestamp, toDateTime('2025-02-10 23:53:03.175952+02:30')), less(timestamp, toDateTime('2025-02-11 23:53'))), and(greater(timestamp, toDateTime('2025-02-12 23:53:03')), less(timestamp, toDateTime('2025-02-13 23:53:03.175952'))))) GROUP BY issue_id ORDER BY occurrences DESC LIMIT 51 OFFSET 0",
  },
  { test: 'test_hogql_query_filters_empty_true', query: 'SELECT event from events where {filters}' },
  { test: 'test_hogql_query_filters_alias', query: 'SELECT event, distinct_id from events e WHERE {filters}', filters: { properties: [{ key: 'random_uuid', operator: 'exact', value: 'x', type: 'event' }] } },
  { test: 'test_hogql_union_all_limits', query: 'SELECT event FROM events UNION ALL SELECT event FROM events' },
  { test: 'test_hogql_query_session_filters', query: 'SELECT session_id, $entry_current_url from sessions WHERE {filters}', filters: { properties: [{ key: '$entry_current_url', operator: 'exact', value: 'https://example.com/1', type: 'session' }] } },
  { test: 'test_hogql_query_filters_session_date_range', query: 'SELECT session_id, $entry_current_url from sessions WHERE {filters}', filters: { dateRange: { date_from: '2024-07-04', date_to: '2024-07-06' } } },
  { test: 'test_events_sessions_table', query: 'SELECT session.session_id, session.$session_duration from events WHERE distinct_id={distinct_id} order by timestamp', values: { distinct_id: 'x' } },
  { test: 'test_db_created_once', query: 'SELECT 1' },
  { test: 'test_sortable_semver', query: "SELECT arrayJoin(['0.0.0.0.1000', '0.9', '0.2354.2', '1.0.0', '1.1.0', '1.2.0', '1.9.233434.10', '1.10.0', '1.1000.0', '2.0.0', '2.2.0.betabac', '2.2.1']) AS semver ORDER BY sortableSemVer(semver) DESC" },
  { test: 'test_sortable_semver_output', query: "SELECT sortableSemVer('1.2.3.4.15bac.16')" },
  { test: 'test_exchange_rate_table', query: 'SELECT DISTINCT currency FROM exchange_rate LIMIT 500' },
  { test: 'test_currency_conversion', query: "SELECT convertCurrency('USD', 'EUR', 100, _toDate('2024-01-01'))" },
  { test: 'test_currency_conversion_with_bogus_currency_from', query: "SELECT convertCurrency('BOGUS', 'EUR', 100, _toDate('2024-01-01'))" },
  { test: 'test_currency_conversion_with_bogus_currency_to', query: "SELECT convertCurrency('USD', 'BOGUS', 100, _toDate('2024-01-01'))" },
  { test: 'test_currency_conversion_without_date', query: "SELECT convertCurrency('USD', 'EUR', 100)" },
  { test: 'test_currency_conversion_nested', query: "SELECT convertCurrency('EUR', 'USD', convertCurrency('USD', 'EUR', 100, _toDate('2020-03-15')), _toDate('2020-03-15'))" },
  { test: 'test_metadata_handles_lazy_joins', query: 'SELECT events.session.id from events' },
];

const BETWEEN = ['5 between 1 and 10', '1 between 1 and 10', '10 between 1 and 10', '0 between 1 and 10', '11 between 1 and 10', '5 not between 1 and 10',
  '0 not between 1 and 10', '11 not between 1 and 10', '10 not between 1 and 10', 'null between 1 and 10', '5 between null and 10', '5 between 1 and null'];

const NULL_EQUALITY: [string, string, string][] = [];
for (const op of ['=', '!=', '<', '<=', '>', '>=']) {
  NULL_EQUALITY.push(['null', op, '2'], ['2', op, 'null'], ['3', op, '4'], ['3', op, '3'], ['null', op, 'null']);
}
NULL_EQUALITY.push(['3', '<=', '2'], ['2', '>=', '3']);
for (const op of ['like', 'not like', 'ilike', 'not ilike', '=~', '!~', '=~*', '!~*']) {
  NULL_EQUALITY.push(['null', op, "'2'"], ["'2'", op, 'null'], ["'3'", op, "'4'"], ["'3'", op, "'3'"], ['null', op, 'null']);
}

export const POSTHOG_STATEMENTS: PostHogStatement[] = [
  ...base,
  ...BETWEEN.map((expr) => ({ test: 'test_between_operators', query: `select ${expr}` })),
  ...NULL_EQUALITY.flatMap(([a, op, b]) => [
    `select ${a} ${op} ${b}`,
    `select a ${op} b from (select ${a} as a, ${b} as b)`,
    `select ${a} ${op} b from (select ${b} as b)`,
    `select a ${op} ${b} from (select ${a} as a)`,
  ].map((query) => ({ test: 'test_null_equality', query }))),
];
