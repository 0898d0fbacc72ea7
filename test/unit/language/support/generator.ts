/**
 * fast-check arbitraries that produce valid HogQL SELECT statements:
 * columns with aliases, joins, subqueries, WHERE clauses, GROUP/ORDER/LIMIT and unions.
 */
import fc from 'fast-check';

const columns = ['event', 'timestamp', 'distinct_id', 'uuid', 'person_id', 'properties.$browser', 'person.properties.email', '$session_id', 'properties.plan'];
const tables = ['events', 'persons', 'sessions', 'groups', 'person_distinct_ids'];
const aliases = ['e', 'p', 's', 'x', 'sub', 't1', 't2', 'total', 'cnt', 'browser_name', 'day_count'];
const functions1 = ['toDate', 'lower', 'upper', 'length', 'toString', 'toStartOfDay'];
const aggregates1 = ['sum', 'avg', 'min', 'max', 'uniq', 'any'];

const column = fc.tuple(fc.option(fc.constantFrom('e', 'x'), { nil: undefined }), fc.constantFrom(...columns))
  .map(([q, c]) => (q ? `${q}.${c}` : c));
const literal = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.constantFrom("'$pageview'", "'a''b'", "'x'", '1.5', 'true', 'null', "'2024-01-01'"),
);

export const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    column,
    literal,
    fc.tuple(fc.constantFrom(...functions1), tie('expr')).map(([f, a]) => `${f}(${a})`),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '=', '!=', '<', '>=', 'AND', 'OR', 'LIKE'), tie('expr')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(column, fc.array(literal, { minLength: 1, maxLength: 3 })).map(([c, xs]) => `${c} IN (${xs.join(', ')})`),
    fc.tuple(column, literal, literal).map(([c, a, b]) => `${c} BETWEEN ${a} AND ${b}`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `CASE WHEN ${a} THEN ${b} ELSE ${c} END`),
    fc.array(literal, { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    tie('expr').map((a) => `(${a})`),
    column.map((c) => `${c} IS NOT NULL`),
  ),
})).expr;

const aggregate = fc.oneof(
  fc.constant('count()'),
  column.map((c) => `count(DISTINCT ${c})`),
  fc.tuple(fc.constantFrom(...aggregates1), column).map(([f, c]) => `${f}(${c})`),
);

const selectItem = fc.tuple(fc.oneof(expression, aggregate), fc.constantFrom('', 'as', 'bare'), fc.constantFrom(...aliases))
  .map(([e, how, a]) => (how === 'as' ? `${e} AS ${a}` : how === 'bare' ? `${e} ${a}` : e));

const tableRef = fc.tuple(fc.constantFrom(...tables), fc.constantFrom('', ' e', ' AS x', ' t1'))
  .map(([t, a]) => `${t}${a}`);

const joinType = fc.constantFrom('JOIN', 'LEFT JOIN', 'INNER JOIN', 'LEFT OUTER JOIN', 'FULL OUTER JOIN', 'LEFT ANY JOIN');

function fromClause(sub: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const source = fc.oneof({ weight: 4, arbitrary: tableRef }, { weight: 1, arbitrary: sub.map((s) => `(${s}) AS sub`) });
  const join = fc.tuple(joinType, tableRef.map((t) => t.replace(/ (e|x|t1)$/, ' j').replace(' AS j', ' j')), expression)
    .map(([j, t, on]) => ` ${j} ${t} ON ${on}`);
  return fc.tuple(source, fc.array(join, { maxLength: 2 })).map(([s, js]) => ` FROM ${s}${js.join('')}`);
}

function selectCore(sub: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.record({
    distinct: fc.boolean(),
    items: fc.array(selectItem, { minLength: 1, maxLength: 5 }),
    from: fc.option(fromClause(sub), { nil: '' }),
    where: fc.option(expression.map((e) => ` WHERE ${e}`), { nil: '' }),
    group: fc.option(fc.array(column, { minLength: 1, maxLength: 2 }).map((cs) => ` GROUP BY ${cs.join(', ')}`), { nil: '' }),
    order: fc.option(fc.tuple(column, fc.constantFrom('', ' ASC', ' DESC')).map(([c, d]) => ` ORDER BY ${c}${d}`), { nil: '' }),
    limit: fc.option(fc.integer({ min: 1, max: 500 }).map((n) => ` LIMIT ${n}`), { nil: '' }),
  }).map((r) => `SELECT ${r.distinct ? 'DISTINCT ' : ''}${r.items.join(', ')}${r.from}${r.where}${r.group}${r.order}${r.limit}`);
}

/** A valid SELECT (possibly with a FROM subquery) or a UNION ALL of up to three. */
export const selectStatement: fc.Arbitrary<string> = fc.letrec<{ select: string; leaf: string }>((tie) => ({
  leaf: selectCore(fc.constant('SELECT 1 AS one')),
  select: fc.oneof(
    { depthSize: 'small' },
    selectCore(tie('leaf')),
    fc.array(tie('leaf'), { minLength: 2, maxLength: 3 }).map((xs) => xs.join(' UNION ALL ')),
    fc.tuple(fc.constantFrom('cte1', 'totals'), tie('leaf'), tie('leaf')).map(([n, a, b]) => `WITH ${n} AS (${a}) ${b}`),
  ),
})).select;
