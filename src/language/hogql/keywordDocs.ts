/**
 * Keyword docs for hover (#20): clause keywords and HogQL-specific syntax, written here, one or
 * two lines each with an example and a link. Multi-word constructs (`GROUP BY`, `LIMIT … BY`,
 * `ARRAY JOIN`, `WITH TIES`) are recognised from the tokens around the hovered keyword.
 * Links: ClickHouse's SELECT reference (clickhouse.com/docs/sql-reference/statements/select/…),
 * PostHog's SQL docs (posthog.com/docs/sql, …/sql/variables).
 */
import type { Token } from './lexer';

export interface KeywordDoc {
  /** What is documented: `LIMIT BY`, `PREWHERE`, `{filters}`, `HogQLX tag`… */
  title: string;
  summary: string;
  example: string;
  link: string;
}

const CH = 'https://clickhouse.com/docs/sql-reference/statements/select/';
const POSTHOG_SQL = 'https://posthog.com/docs/sql';

const doc = (title: string, summary: string, example: string, link: string): KeywordDoc => ({ title, summary, example, link });

const DOCS: Record<string, KeywordDoc> = {
  SELECT: doc('SELECT', 'Chooses the columns (expressions) of the result. HogQL reads `properties.x` and `person.properties.x` as JSON properties.', 'SELECT event, count() FROM events GROUP BY event', `${CH}`),
  FROM: doc('FROM', 'The table, subquery, table function or CTE to read. Without FROM, HogQL completes names as if FROM events.', 'SELECT count() FROM events', `${CH}from`),
  WHERE: doc('WHERE', 'Keeps the rows for which the condition is true, before grouping.', "SELECT * FROM events WHERE event = '$pageview'", `${CH}where`),
  PREWHERE: doc('PREWHERE', 'Like WHERE, but ClickHouse evaluates it first, reading only the columns it needs, then reads the other columns of the rows that pass. Use it for a selective condition on few columns; with both, PREWHERE runs before WHERE.', "SELECT * FROM events PREWHERE event = 'purchase' WHERE properties.$browser = 'Chrome'", `${CH}prewhere`),
  'GROUP BY': doc('GROUP BY', 'One result row per distinct value of the keys; the other columns must be aggregates.', 'SELECT event, count() FROM events GROUP BY event', `${CH}group-by`),
  HAVING: doc('HAVING', 'Filters groups after GROUP BY; may use aggregates.', 'SELECT event, count() AS c FROM events GROUP BY event HAVING c > 100', `${CH}having`),
  'ORDER BY': doc('ORDER BY', 'Sorts the result (ASC by default; DESC, NULLS FIRST/LAST, WITH FILL).', 'SELECT event, count() AS c FROM events GROUP BY event ORDER BY c DESC', `${CH}order-by`),
  LIMIT: doc('LIMIT', 'At most n rows (`LIMIT n OFFSET m`, or `LIMIT m, n`). Without a LIMIT PostHog returns 100 rows; any LIMIT is capped at 50,000 (PostHog: DEFAULT_RETURNED_ROWS, MAX_SELECT_RETURNED_ROWS).', 'SELECT * FROM events ORDER BY timestamp DESC LIMIT 10', `${CH}limit`),
  'LIMIT BY': doc('LIMIT BY', 'At most n rows per distinct value of the expressions (`LIMIT n BY expr`), applied before the overall LIMIT.', 'SELECT event, timestamp FROM events ORDER BY timestamp DESC LIMIT 3 BY event', `${CH}limit-by`),
  'WITH TIES': doc('WITH TIES', 'With `LIMIT n WITH TIES` (needs ORDER BY), the rows that tie with the n-th on the ORDER BY keys are returned too.', 'SELECT event, count() AS c FROM events GROUP BY event ORDER BY c DESC LIMIT 3 WITH TIES', `${CH}limit`),
  OFFSET: doc('OFFSET', 'Skips the first m rows of the result (after ORDER BY).', 'SELECT * FROM events ORDER BY timestamp LIMIT 10 OFFSET 20', `${CH}offset`),
  JOIN: doc('JOIN', 'Combines rows of two tables on a condition (`ON`/`USING`): INNER (default), LEFT, RIGHT, FULL, CROSS, and ClickHouse\'s ANY, SEMI, ANTI, ASOF.', 'SELECT e.event, p.id FROM events e LEFT JOIN persons p ON e.person_id = p.id', `${CH}join`),
  'ARRAY JOIN': doc('ARRAY JOIN', 'Unfolds an array column: one row per element (LEFT ARRAY JOIN keeps rows whose array is empty).', "SELECT tag FROM (SELECT ['a', 'b'] AS tags) ARRAY JOIN tags AS tag", `${CH}array-join`),
  WITH: doc('WITH', 'Names a subquery (a CTE) or an expression for use in the statement: `WITH name AS (SELECT …)`.', 'WITH top AS (SELECT event FROM events LIMIT 5) SELECT * FROM top', `${CH}with`),
  UNION: doc('UNION', 'Concatenates the results of two SELECTs (`UNION ALL`; `UNION DISTINCT` removes duplicates).', 'SELECT 1 UNION ALL SELECT 2', `${CH}union`),
  INTERSECT: doc('INTERSECT', 'Rows that both SELECTs return.', 'SELECT 1 INTERSECT SELECT 1', `${CH}intersect`),
  EXCEPT: doc('EXCEPT', 'Rows of the first SELECT that the second does not return.', 'SELECT 1 EXCEPT SELECT 2', `${CH}except`),
  DISTINCT: doc('DISTINCT', 'Removes duplicate result rows (`SELECT DISTINCT`); `count(DISTINCT x)` counts distinct values.', 'SELECT DISTINCT event FROM events', `${CH}distinct`),
  SAMPLE: doc('SAMPLE', 'Reads a fraction of the data (`SAMPLE 0.1`) or about n rows (`SAMPLE 10000`): faster, approximate answers.', 'SELECT count() * 10 FROM events SAMPLE 0.1', `${CH}sample`),
  FINAL: doc('FINAL', 'Merges the table\'s rows before reading (ReplacingMergeTree and co.): exact, slower.', 'SELECT * FROM persons FINAL', `${CH}from#final-modifier`),
  QUALIFY: doc('QUALIFY', 'Filters rows on the result of window functions, after they are computed.', 'SELECT event, row_number() OVER (PARTITION BY event ORDER BY timestamp) AS n FROM events QUALIFY n = 1', `${CH}qualify`),
  WINDOW: doc('WINDOW', 'Names a window definition for `OVER name`.', 'SELECT count() OVER w FROM events WINDOW w AS (PARTITION BY event)', 'https://clickhouse.com/docs/sql-reference/window-functions'),
  OVER: doc('OVER', 'Makes a function a window function over a partition and order of rows.', 'SELECT event, count() OVER (PARTITION BY event) FROM events', 'https://clickhouse.com/docs/sql-reference/window-functions'),
  'PARTITION BY': doc('PARTITION BY', 'Splits the rows of a window into independent groups.', 'SELECT sum(1) OVER (PARTITION BY event ORDER BY timestamp) FROM events', 'https://clickhouse.com/docs/sql-reference/window-functions'),
  SETTINGS: doc('SETTINGS', 'ClickHouse settings for this query; PostHog allows only a few.', 'SELECT 1 SETTINGS optimize_aggregation_in_order = 1', `${CH}`),
  INTERVAL: doc('INTERVAL', 'A time interval for date arithmetic: `INTERVAL 7 DAY`, `INTERVAL 1 MONTH`.', 'SELECT count() FROM events WHERE timestamp > now() - INTERVAL 7 DAY', 'https://clickhouse.com/docs/sql-reference/data-types/special-data-types/interval'),
  CASE: doc('CASE', 'Conditional value: `CASE WHEN cond THEN a ELSE b END`, or `CASE x WHEN v THEN …`.', "SELECT CASE WHEN event = '$pageview' THEN 'view' ELSE 'other' END FROM events", 'https://clickhouse.com/docs/sql-reference/operators#conditional-expression'),
  CAST: doc('CAST', 'Converts a value to a type: `CAST(x AS Int64)`, also `x::Int64`.', 'SELECT CAST(properties.$screen_width AS Int64) FROM events', 'https://clickhouse.com/docs/sql-reference/functions/type-conversion-functions#cast'),
  IN: doc('IN', 'True when the value is in a list or a subquery\'s result; `NOT IN` the opposite.', "SELECT * FROM events WHERE event IN ('$pageview', '$pageleave')", 'https://clickhouse.com/docs/sql-reference/operators/in'),
  LIKE: doc('LIKE', 'Pattern match: `%` any characters, `_` one; ILIKE ignores case.', "SELECT * FROM events WHERE properties.$current_url LIKE '%/pricing%'", 'https://clickhouse.com/docs/sql-reference/functions/string-search-functions#like'),
  BETWEEN: doc('BETWEEN', '`x BETWEEN a AND b` is `x >= a AND x <= b`.', "SELECT * FROM events WHERE timestamp BETWEEN '2024-01-01' AND '2024-02-01'", 'https://clickhouse.com/docs/sql-reference/operators#between'),
  AS: doc('AS', 'Names an expression, a table or a CTE; the alias can be used elsewhere in the statement.', 'SELECT count() AS total FROM events', `${CH}#select-clause`),
  ON: doc('ON', 'The join condition.', 'SELECT * FROM events e JOIN persons p ON e.person_id = p.id', `${CH}join`),
  USING: doc('USING', 'Joins on columns that have the same name in both tables.', 'SELECT * FROM a JOIN b USING (id)', `${CH}join`),
};

DOCS.ILIKE = DOCS.LIKE;
DOCS.ASOF = DOCS.JOIN;

export const PLACEHOLDER_DOCS: Record<'filters' | 'variables' | 'other', KeywordDoc> = {
  filters: doc('{filters}', 'Placeholder that PostHog replaces with the filters of the insight or dashboard (date range, properties, test accounts) when the query runs there; outside one it matches all rows.', "SELECT count() FROM events WHERE {filters}", POSTHOG_SQL),
  variables: doc('{variables.name}', "Placeholder for the SQL variable `name` of the project: its value is sent with the query (PostHog's insight variables).", "SELECT count() FROM events WHERE event = {variables.event_name}", `${POSTHOG_SQL}/variables`),
  other: doc('{placeholder}', 'Placeholder replaced by a value sent with the query (the `values` of a HogQL query); an unknown name is an error.', 'SELECT * FROM events WHERE uuid = {uuid}', POSTHOG_SQL),
};

export const TAG_DOC = doc('HogQLX tag', 'A HogQLX tag renders as a component in PostHog\'s results (`<Sparkline data={[1, 2, 3]} />`) or builds a value; attributes take strings or `{expressions}`.', 'SELECT <Sparkline data={[1, 4, 2]} />', POSTHOG_SQL);

const CLAUSE_STOP = new Set(['SELECT', 'FROM', 'WHERE', 'PREWHERE', 'GROUP', 'HAVING', 'ORDER', 'UNION', 'SETTINGS', 'OFFSET', 'WINDOW', 'QUALIFY', 'INTERSECT', 'EXCEPT']);

const kw = (tokens: readonly Token[], i: number): string | undefined => (tokens[i]?.kind === 'ident' ? tokens[i].keyword : undefined);

/** Does the LIMIT at `i` have a `BY` before the next clause (at the same depth)? */
function limitHasBy(tokens: readonly Token[], i: number): boolean {
  let depth = 0;
  for (let j = i + 1; j < tokens.length && j < i + 200; j++) {
    const t = tokens[j];
    if (t.kind === 'op' && (t.text === '(' || t.text === '[')) depth++;
    else if (t.kind === 'op' && (t.text === ')' || t.text === ']')) {
      if (--depth < 0) return false;
    } else if (t.kind === 'op' && t.text === ';') return false;
    if (depth > 0) continue;
    const k = kw(tokens, j);
    if (k === 'BY') return true;
    if (k === 'LIMIT' || (k && CLAUSE_STOP.has(k))) return false;
  }
  return false;
}

/** The LIMIT this `BY` belongs to, if any: the nearest LIMIT before it, with no clause between. */
function byOfLimit(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j > i - 200; j--) {
    const k = kw(tokens, j);
    if (k === 'LIMIT') return true;
    if (k && CLAUSE_STOP.has(k)) return false;
  }
  return false;
}

/** The doc of the keyword token at `i`, reading the words around it; undefined for keywords without one. */
export function keywordDocAt(tokens: readonly Token[], i: number): KeywordDoc | undefined {
  const k = kw(tokens, i);
  if (!k) return undefined;
  const prev = kw(tokens, i - 1);
  const next = kw(tokens, i + 1);
  switch (k) {
    case 'ARRAY':
      return next === 'JOIN' ? DOCS['ARRAY JOIN'] : undefined;
    case 'JOIN':
      return prev === 'ARRAY' ? DOCS['ARRAY JOIN'] : DOCS.JOIN;
    case 'TIES':
      return prev === 'WITH' ? DOCS['WITH TIES'] : undefined;
    case 'WITH':
      return next === 'TIES' ? DOCS['WITH TIES'] : DOCS.WITH;
    case 'GROUP':
    case 'ORDER':
    case 'PARTITION':
      return DOCS[`${k} BY`];
    case 'BY':
      if (prev === 'GROUP' || prev === 'ORDER' || prev === 'PARTITION') return DOCS[`${prev} BY`];
      return byOfLimit(tokens, i) ? DOCS['LIMIT BY'] : undefined;
    case 'LIMIT':
      return limitHasBy(tokens, i) ? DOCS['LIMIT BY'] : DOCS.LIMIT;
    default:
      return DOCS[k];
  }
}
