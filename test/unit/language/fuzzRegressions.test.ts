// Defects found by the HogQL fuzz (fuzz.test.ts), each pinned by its smallest input.
import assert from 'node:assert/strict';
import { diagnose } from '../../../src/language/hogql/checks';
import { completionContext } from '../../../src/language/hogql/completion';
import { parse } from '../../../src/language/hogql/parse';
import { buildScopes } from '../../../src/language/hogql/scopes';

describe('fuzz regressions', () => {
  it('5,000 nested HogQLX tags give a "nested too deeply" error, not a stack overflow', () => {
    const text = `SELECT ${'<a>'.repeat(5_000)}x${'</a>'.repeat(5_000)}`;
    const r = parse(text);
    assert.deepEqual(r.problems.filter((p) => p.code === 'internal'), []);
    assert.deepEqual([...new Set(r.problems.map((p) => p.code))], ['too-deep']);
    assert.equal(r.problems.length, 1);
  });

  it('nested tags within the limit still parse with their children', () => {
    const r = parse('SELECT <a><b x={1}>{2}</b><c /></a>');
    assert.deepEqual(r.problems, []);
  });

  it('a JOIN whose table fails to parse gives problems with start <= end', () => {
    const text = 'SELECT 1 FROM a JOIN (';
    const problems = parse(text).problems;
    assert.ok(problems.length > 0);
    assert.deepEqual(problems.filter((p) => p.start > p.end), []);
  });

  it('a JOIN without ON or USING is a warning of the checks over the join, not a syntax problem (PostHog accepts it)', () => {
    // `JOIN SELECT` joins a table named `select` (@posthog/hogql-parser 1.3.87 accepts the statement)
    const text = 'SELECT 1 FROM a JOIN SELECT';
    assert.deepEqual(parse(text).problems, []);
    const w = diagnose(text).find((p) => p.code === 'join-constraint');
    assert.deepEqual(w && [w.start, w.end, w.severity], [text.indexOf('SELECT', 1), text.length, 'warning']);
  });

  it('scopes of 5,000 CTEs share one CTE map instead of copying it into every body (was O(N²): 12 s)', function () {
    this.timeout(60_000);
    const text = `WITH ${Array.from({ length: 5_000 }, (_, i) => `c${i} AS (SELECT 1)`).join(', ')} SELECT * FROM c0`;
    const scopes = buildScopes(parse(text).statements[0]!.query, text);
    assert.equal(scopes.length, 5_001);
    const maps = new Set(scopes.map((s) => s.ctes));
    assert.equal(maps.size, 1, `${maps.size} CTE maps built for 5,001 scopes`);
    const cc = completionContext(text, text.length);
    assert.notEqual(cc.kind, 'none');
  });

  it('a CTE body still sees its sibling CTEs and a nested WITH its own', () => {
    const text = 'WITH a AS (SELECT 1), b AS (WITH c AS (SELECT 2) SELECT * FROM c) SELECT * FROM b';
    const scopes = buildScopes(parse(text).statements[0]!.query, text);
    const names = scopes.map((s) => [...s.ctes.keys()].sort().join(','));
    assert.deepEqual(names, ['a,b', 'a,b', 'a,b,c', 'a,b,c']);
  });
});
