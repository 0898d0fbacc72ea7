// The lines of the grammar benchmark (scripts/bench/grammar.ts), shared with grammar-profile.ts.
export const SHAPES = [
  'SELECT toStartOfDay(timestamp) AS day, count() AS c, uniq(person_id) AS users',
  "FROM events WHERE event = '$pageview' AND properties.$browser ILIKE '%chrome%'",
  '  AND timestamp > now() - INTERVAL 7 DAY -- last week',
  'GROUP BY day ORDER BY day DESC LIMIT 100;',
  '/* a block comment */ WITH t AS (SELECT arrayMap(x -> x * 2, [1, 2, 3]) AS a)',
  "SELECT f'{person.properties.email} at {now()}', {filters}, {variables.start_date}",
  '  quantile(0.9)(duration), sumIf(x, y > 1), 0x1F + 0b101 + 1.5e-3 ?? null',
  "  person.properties['email'] =~ '.*@posthog\\.com', `odd column`, \"quoted\"",
  '  <Sparkline data={groupArray(c)} />, CASE WHEN a THEN b ELSE c END',
  '',
];
