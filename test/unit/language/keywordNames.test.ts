/**
 * Issue #15, mutated input: PostHog's grammar lets almost every keyword be a name
 * (HogQLParser.g4 `identifier: IDENTIFIER | interval | keyword`), stacks aliases on tables
 * (`tableExpr (alias | AS identifier)`) and on columns (`columnExpr AS identifier`, then one
 * `implicitAlias`), and takes `(…)` after any expression as a call. Each statement below is a
 * disagreement of the differential benchmark's mutation sources (scripts/bench/parser-differential.ts),
 * grouped by cause, with PostHog's verdict as @posthog/hogql-parser 1.3.87 gave it in that run.
 */
import * as assert from 'node:assert/strict';
import { parseStatement } from '../../../src/language/hogql/parse';

function problems(text: string): string[] {
  return parseStatement(text).problems.map((p) => p.message);
}

const ACCEPTED: Record<string, string[]> = {
  'a keyword as a table name': [
    'select 1 from from events as e',
    'SELECT * FROM FROM persons ASOF LEFT JOIN persons USING (distinct_id)',
    'select a from INNER events ARRAY JOIN [1,2,3] as a',
    'select 1 from CROSS JOIN events2 CROSS JOIN events3',
    'select 1 from events JOIN CROSS events2',
    'SELECT length() FROM WHERE sessions (x)',
    'select * from where',
  ],
  'stacked table aliases': [
    'SELECT 1 FROM events events AS select',
    'SELECT 61 FROM person_distinct_ids AS AS person_id CROSS JOIN sessions',
    'SELECT * FROM persons AS properties properties CROSS JOIN person_distinct_ids AS properties',
    'select x from a b c',
  ],
  'stacked column aliases': [
    'select 1 as asd asd',
    'SELECT 61 AS AS distinct_id',
    'select 1 as `🍄` `🍄`',
    'select (1 as b) `🍄`',
    'select 1 from t where a as b as c',
  ],
  'a keyword as a column name': [
    'select select -1.1',
    'select select (1,)',
    'SELECT timestamp, NOT FROM {table} WHERE -inf ORDER BY 19 ASCENDING',
    'select true or false or not or 2',
    'SELECT timestamp IN IN x, 16 AS properties',
    'select 1 from events ORDER BY ASC, event, timestamp DESC',
    'SELECT OVER () uuid FROM events AS timestamp',
    'SELECT AS person_id FROM groups',
    'SELECT uuid FROM events WHERE WHERE -uuid LIMIT 42, 51',
    'select from (select 1 from events)',
    'select q, from',
    'select interval event',
    'select case when when 1 then 2 else 3 end',
    'SELECT CASE CASE WHEN e BETWEEN 72 AND 63 THEN 91 ELSE -name END AS arr',
    'SELECT DISTINCT AS event uuid, name ORDER BY timestamp',
    'SELECT min(t) over w FROM events WINDOW w as (ORDER BY t DESC ROWS UNBOUNDED BETWEEN PRECEDING AND 1 PRECEDING)',
    'SELECT DISTINCT IS NULL LIMIT 65',
    '(SELECT DISTINCT FROM persons FINAL HAVING timestamp ORDER BY properties?.x ASCENDING, properties ASC LIMIT 92) UNION ALL {sub}',
  ],
  'lambda parameter lists with a trailing comma': [
    'select 1 from events ORDER BY person_id, -> person_id ASC NULLS LAST',
  ],
  'a call on any expression': [
    'select (1,) (1,)',
    "select 'a' (1)",
    'SELECT f FROM a JOIN b USING (distinct_id) (distinct_id)',
    'select 1 (select 1 from events)',
    'SELECT (uuid) (SELECT x FROM groups WHERE person_id LIMIT 3) LIMIT 99',
  ],
  'a JOIN without ON or USING': [
    'select 1 from events, events2 JOIN events3',
    'SELECT * FROM persons FINAL JOIN persons (uuid) GROUP BY distinct_id',
  ],
  'lambda blocks (a `;` inside does not end the statement)': [
    "select (x, y) -> { print('hello'); return x * y }",
    'select (x, y) -> { return x * y }',
  ],
};

const REJECTED: Record<string, string[]> = {
  'no viable alternative': [
    'select 1 x y',
    'select 1 from events where a b',
    'select a b from t group by a b',
    'select * from events where order by x',
    'select 1 from events CROSS CROSS JOIN events2',
    'select * from events OUTER JOIN events2 ON 1',
    'SELECT name FROM groups WINDOW w AS (PARTITION BY ORDER BY name)',
    'SELECT DISTINCT person_id FROM FROM (SELECT distinct_id FROM events LIMIT 16) e',
    'SELECT 1 FROM persons JOIN FINAL (WITH e AS (SELECT 1) SELECT distinct_id FROM groups) ON 11',
  ],
  'an implicit alias after a bare `from`': ['SELECT FROM events', 'SELECT DISTINCT FROM person_distinct_ids, events AS event'],
};

describe('PostHog reads keywords as names (issue #15, mutations)', () => {
  for (const [category, texts] of Object.entries(ACCEPTED)) {
    describe(`accepted: ${category}`, () => {
      for (const text of texts) it(text, () => assert.deepEqual(problems(text), []));
    });
  }
  for (const [category, texts] of Object.entries(REJECTED)) {
    describe(`rejected: ${category}`, () => {
      for (const text of texts) it(text, () => assert.notDeepEqual(problems(text), []));
    });
  }
});
