import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Node } from '../../../src/language/hogql/ast';
import { parse, parseStatement } from '../../../src/language/hogql/parse';
import { walk } from '../../../src/language/hogql/visit';
import { selectStatement } from './support/generator';
import { exprOf, selectOf, sexpr } from './support/print';

describe('parser: expressions and precedence', () => {
  const cases: [string, string][] = [
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['(1 + 2) * 3', '(* (+ 1 2) 3)'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['-a * b', '(* (- a) b)'],
    ['a || b = c', "(= (|| a b) c)"],
    ['a = 1 AND b = 2 OR c', '(OR (AND (= a 1) (= b 2)) c)'],
    ['NOT a = 1 AND b', '(AND (NOT (= a 1)) b)'],
    ['a ?? b = c', '(?? a (= b c))'],
    ['a IS NOT NULL AND b IS NULL', '(AND (IS NOT NULL a) (IS NULL b))'],
    ['a ? b : c ? d : e', '(? a b (? c d e))'],
    ['a OR b ? 1 : 2', '(? (OR a b) 1 2)'],
    ['x BETWEEN 1 AND 2 AND y', '(AND (BETWEEN x 1 2) y)'],
    ['x NOT BETWEEN 1 + 1 AND 5', '(NOT BETWEEN x (+ 1 1) 5)'],
    ['a IN (1, 2)', '(IN a (tuple 1 2))'],
    ['a NOT IN (1, 2)', '(NOT IN a (tuple 1 2))'],
    ["a IN COHORT 'x'", "(IN COHORT a 'x')"],
    ['a NOT IN COHORT 3', '(NOT IN COHORT a 3)'],
    ["a NOT LIKE 'x%' OR b ILIKE 'y'", "(OR (NOT LIKE a 'x%') (ILIKE b 'y'))"],
    ["a =~ 'r' AND b !~* 's'", "(AND (=~ a 'r') (!~* b 's'))"],
    ['a + 1 AS b', '(AS (+ a 1) b)'],
    ['count() c', '(AS count() c)'],
    ['properties.$browser', 'properties.$browser'],
    ['person.properties.email', 'person.properties.email'],
    ["properties['$current_url']", "([] properties '$current_url')"],
    ['a?.b', '(?. a b)'],
    ['f(x).y', '(. f(x) y)'],
    ['a.1', '(.1 a)'],
    ['a.1.2', '(.2 (.1 a))'],
    ['[1, 2][1]', '([] [1 2] 1)'],
    ['x::Int64', '(cast x Int64)'],
    ['CAST(x AS Nullable(String))', '(cast x Nullable(String))'],
    ['INTERVAL 1 DAY', '(interval 1 DAY)'],
    ["INTERVAL '1 day'", "(interval '1 day' )"],
    ['EXTRACT(YEAR FROM ts)', '(extract YEAR ts)'],
    ['count(DISTINCT x)', 'count(DISTINCT x)'],
    ['count(*)', 'count(*)'],
    ['quantile(0.5)(x)', 'quantile(0.5)(x)'],
    ['sum(x) OVER w', 'sum(x) OVER w'],
    ['row_number() OVER (PARTITION BY a ORDER BY b ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)', 'row_number() OVER (…)'],
    ['arrayMap(x -> x * 2, arr)', 'arrayMap((-> (x) (* x 2)) arr)'],
    ['arrayMap((x, y) -> x + y, a, b)', 'arrayMap((-> (x y) (+ x y)) a b)'],
    ["CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END", '(case a=>1 b=>2 else 3)'],
    ["CASE x WHEN 1 THEN 'a' END", "(case x 1=>'a')"],
    ["f'hi {name}!'", "(f 'hi ' name '!')"],
    ['{variables.x}', '{variables.x}'],
    ['(1, 2)', '(tuple 1 2)'],
    ['t.*', 't.*'],
    ['<Sparkline data={[1]} />', '<Sparkline>'],
    ['true AND null', '(AND true null)'],
    ['-inf', '(- inf)'],
  ];
  for (const [src, expected] of cases) {
    it(`parses ${src}`, () => {
      const r = parseStatement(`SELECT ${src}`);
      assert.deepEqual(r.problems, []);
      assert.equal(exprOf(src), expected);
    });
  }
});

describe('parser: select clauses', () => {
  it('parses a full select with every clause', () => {
    const q = selectOf(`WITH a AS (SELECT 1 AS x), 5 AS five
      SELECT DISTINCT e.event, count() AS c FROM events AS e FINAL SAMPLE 1/10
      LEFT JOIN persons p ON p.id = e.person_id ARRAY JOIN e.elements_chain_texts AS t
      PREWHERE 1 WHERE e.event = 'x' GROUP BY e.event WITH TOTALS HAVING c > 1
      WINDOW w AS (PARTITION BY e.event) QUALIFY 1 ORDER BY c DESC NULLS LAST WITH FILL
      LIMIT 2 BY e.event LIMIT 10 OFFSET 5`);
    assert.deepEqual(q.ctes.map((c) => [c.name.name, c.cteKind]), [['a', 'subquery'], ['five', 'column']]);
    assert.equal(q.distinct, true);
    assert.deepEqual(q.from.map((j) => [j.joinType, j.alias?.name, j.final, !!j.sample, j.constraint?.type ?? null]), [
      [null, 'e', true, true, null], ['LEFT JOIN', 'p', false, false, 'ON'],
    ]);
    assert.equal(q.arrayJoin?.op, 'ARRAY JOIN');
    assert.ok(q.prewhere && q.where && q.having && q.qualify);
    assert.equal(q.windows[0].name.name, 'w');
    assert.deepEqual(q.orderBy?.map((o) => [o.direction, o.nulls, o.withFill]), [['DESC', 'LAST', true]]);
    assert.deepEqual(q.limits.map((l) => [sexpr(l.limit), l.by?.length ?? 0, l.offset ? sexpr(l.offset) : null]), [['2', 1, null], ['10', 0, '5']]);
    assert.deepEqual(q.clauses.map((c) => c.name), ['WITH', 'SELECT', 'FROM', 'ARRAY JOIN', 'PREWHERE', 'WHERE', 'GROUP BY', 'HAVING', 'WINDOW', 'QUALIFY', 'ORDER BY', 'LIMIT', 'LIMIT']);
  });

  it('parses LIMIT m, n with ClickHouse meaning (m = offset) and WITH TIES', () => {
    const q = selectOf('SELECT 1 FROM t LIMIT 5, 10 WITH TIES');
    assert.equal(sexpr(q.limits[0].limit), '10');
    assert.equal(sexpr(q.limits[0].offset!), '5');
    assert.equal(q.limits[0].withTies, true);
  });

  it('parses join kinds, USING forms, comma joins and table functions', () => {
    const q = selectOf('SELECT 1 FROM numbers(10) a, numbers(2) b CROSS JOIN t c LEFT ANY JOIN u USING (x) FULL OUTER JOIN v USING x, y');
    assert.deepEqual(q.from.map((j) => j.joinType), [null, 'CROSS JOIN', 'CROSS JOIN', 'LEFT ANY JOIN', 'FULL OUTER JOIN']);
    assert.equal(q.from[0].table.kind, 'Call');
    assert.deepEqual(q.from[4].constraint?.exprs.map(sexpr), ['x', 'y']);
  });

  it('parses subqueries, placeholders and unions with operators', () => {
    const r = parseStatement('SELECT a FROM (SELECT 1 AS a) s UNION ALL (SELECT 2) EXCEPT SELECT 3 FROM {filters} INTERSECT DISTINCT SELECT 4 UNION DISTINCT SELECT 5');
    assert.deepEqual(r.problems, []);
    assert.equal(r.query.kind, 'SelectSet');
    if (r.query.kind !== 'SelectSet') return;
    assert.deepEqual(r.query.operators.map((o) => o.op), ['UNION ALL', 'EXCEPT', 'INTERSECT DISTINCT', 'UNION DISTINCT']);
    assert.deepEqual(r.query.selects.map((s) => s.kind), ['SelectQuery', 'ParenSelect', 'SelectQuery', 'SelectQuery', 'SelectQuery']);
  });

  it('parses GROUP BY ROLLUP(...) and WITH CUBE', () => {
    assert.equal(selectOf('SELECT a FROM t GROUP BY ROLLUP(a, b)').groupByMode, 'ROLLUP');
    assert.equal(selectOf('SELECT a FROM t GROUP BY a WITH CUBE').groupByMode, 'CUBE');
  });

  it('accepts a trailing comma in the select list, like PostHog', () => {
    const r = parseStatement('SELECT a, b, FROM t');
    assert.deepEqual(r.problems, []);
    assert.equal(selectOf('SELECT a, b, FROM t').items.length, 2);
  });

  it('gives exact UTF-16 ranges to nodes after emoji', () => {
    const src = "SELECT '😀', event FROM events";
    const q = selectOf(src);
    const field = q.items[1];
    assert.equal(src.slice(field.start, field.end), 'event');
    assert.equal(src.slice(q.from[0].start, q.from[0].end), 'events');
  });
});

describe('parser: error tolerance', () => {
  it('recovers from `select count( from events where`', () => {
    const src = 'select count( from events where';
    const r = parseStatement(src);
    const q = selectOf(src);
    assert.equal(q.items[0].kind, 'Call');
    assert.equal(q.from[0].table.kind, 'TableRef');
    assert.equal(q.where?.kind, 'Error');
    assert.deepEqual(r.problems.map((p) => [p.start, p.message]), [
      [14, 'Expected `)` to close the argument list, found `from`'],
      [31, 'Expected an expression, found end of input'],
    ]);
  });

  const broken = [
    // (not `SELECT FROM`: PostHog reads it as the column `from`)
    'SELECT', 'SELECT FROM t', 'SELECT a FROM', 'SELECT a FROM t WHERE', 'SELECT a FROM t WHERE (a = 1', 'SELECT (1 + 2))',
    'SELEC 1', 'SELECT a @ b', 'SELECT a,, b FROM t', "SELECT 'abc", 'SELECT a FROM t GROUP', 'SELECT CASE WHEN', 'SELECT CAST(x AS',
    'SELECT a FROM t JOIN', 'SELECT a FROM t LIMIT', 'SELECT [1, 2', 'SELECT f(', 'SELECT 1 +', 'WITH AS', 'SELECT a.', 'SELECT {',
    'SELECT <Tag', "SELECT f'{", 'SELECT x -> ', 'SELECT a FROM (SELECT', ')))', 'SELECT a FROM t ORDER BY', 'SELECT a WHERE b FROM t',
  ];
  for (const src of broken) {
    it(`returns a tree and at least one problem for ${JSON.stringify(src)}`, () => {
      const r = parseStatement(src);
      assert.ok(r.query);
      assert.ok(r.problems.length > 0, 'expected a problem');
      for (const p of r.problems) assert.ok(p.start >= 0 && p.end <= src.length && p.start <= p.end);
    });
  }

  it('reports out-of-order clauses but still parses them', () => {
    const src = 'SELECT a WHERE b = 1 FROM events';
    const q = selectOf(src);
    assert.equal(q.from[0].table.kind, 'TableRef');
    assert.ok(parseStatement(src).problems.some((p) => p.code === 'clause-order'));
  });

  it('caps nesting depth instead of overflowing the stack', () => {
    const deep = 'SELECT ' + '('.repeat(5000) + '1' + ')'.repeat(5000);
    const r = parseStatement(deep);
    assert.ok(r.problems.some((p) => p.code === 'too-deep'));
  });

  function wellFormed(root: Node, length: number): void {
    walk(root, (n, parent) => {
      assert.ok(n.start >= 0 && n.start <= n.end && n.end <= length, `bad range on ${n.kind}`);
      if (parent) assert.ok(n.start >= parent.start && n.end <= parent.end, `${n.kind} outside ${parent.kind}`);
    });
  }

  it('never throws on random garbage made of HogQL-ish tokens', () => {
    const piece = fc.constantFrom('SELECT', 'FROM', 'WHERE', 'JOIN', 'ON', '(', ')', ',', 'a', 'b.c', "'s'", '1', '+', '=', 'AND', 'AS', 'CASE', 'WHEN',
      'THEN', 'END', '[', ']', '{', '}', '->', '::', '?', ':', 'OVER', 'GROUP BY', 'ORDER BY', 'LIMIT', 'UNION ALL', 'WITH', '<', '/>', "f'", '--', '\n', ';');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const src = pieces.join(' ');
      for (const s of parse(src).statements) wellFormed(s.query, src.length);
    }), { numRuns: 1500 });
  });

  it('never throws on random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (src) => {
      for (const s of parse(src).statements) wellFormed(s.query, src.length);
    }), { numRuns: 1500 });
  });

  it('returns a tree for every truncation of generated valid queries', () => {
    fc.assert(fc.property(selectStatement, fc.nat(), (q, cut) => {
      const src = q.slice(0, cut % (q.length + 1));
      const r = parseStatement(src);
      wellFormed(r.query, src.length);
    }), { numRuns: 500 });
  });

  it('parses generated valid queries without problems', () => {
    fc.assert(fc.property(selectStatement, (q) => {
      assert.deepEqual(parseStatement(q).problems, []);
    }), { numRuns: 300 });
  });
});
