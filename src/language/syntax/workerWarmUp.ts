/**
 * What a parser worker started ahead of need parses before the first real request (issue #21), in
 * this order, one statement per task so that a real request arriving meanwhile is served after at
 * most the piece being parsed. PostHog's parser (ANTLR's C++ runtime in WASM) deserialises its ATN
 * on the first parse and builds its prediction DFA lazily, decision by decision, in code V8 compiles
 * on first call: measured in the worker thread's CPU time (Node 20, Dec 2026), a 10-line statement
 * costs ~85 ms as a fresh worker's first parse, ~40 ms after these pieces (~230 ms in all), ~15 ms
 * steady. Small statements, each covering common constructs, none of them slow on its own. Pure.
 */
export const WORKER_WARM_UP: readonly string[] = [
  'SELECT 1',
  'SELECT event, count() AS c FROM events WHERE timestamp > now() - INTERVAL 7 DAY GROUP BY event ORDER BY c DESC LIMIT 10',
  "WITH t AS (SELECT person_id FROM events) SELECT uniq(t.person_id), countIf(properties.$browser = 'Chrome') FROM t AS r WHERE event IN ('$pageview', 'x') AND r.x < 1 HAVING c > 1",
  "SELECT e.a, p.b FROM events e LEFT JOIN persons AS p ON p.id = e.person_id WHERE x LIKE '%a%' AND y IS NOT NULL OR NOT z BETWEEN 1 AND 2",
  "SELECT CASE WHEN a > 1 THEN 'x' ELSE 'y' END, [1, 2], (1, 'a'), x -> x + 1, -1.5 * 2 / 3 % 4, 'a' || 'b' FROM events LIMIT 1 OFFSET 2 UNION ALL SELECT * FROM events",
];
