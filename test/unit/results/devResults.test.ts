import * as assert from 'node:assert/strict';
import { parseResult } from '../../../src/results/protocol';
import { devDocument, devResult, generateResult } from '../../../src/results/devResults';

describe('query/devResults', () => {
  it('generates a deterministic result of the requested size that the protocol accepts', () => {
    const a = generateResult({ rows: 500, cols: 20, seed: 7 });
    const b = generateResult({ rows: 500, cols: 20, seed: 7 });
    assert.equal(a.rows.length, 500);
    assert.equal(a.columns.length, 20);
    assert.ok(a.rows.every((r) => r.length === 20));
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.rows, generateResult({ rows: 500, cols: 20, seed: 8 }).rows);
    assert.deepEqual(parseResult(JSON.parse(JSON.stringify(a))), a);
    assert.equal(new Set(a.columns.map((c) => c.name)).size, 20, 'unique column names');
  });

  it('includes exact 64-bit integers beyond 2^53 and NULLs', () => {
    const r = generateResult({ rows: 200, cols: 12 });
    const counts = r.rows.map((row) => row[r.columns.findIndex((c) => c.name === 'count')]);
    assert.equal(counts[0], '9007199254740993');
    assert.ok(r.rows.some((row) => row.includes(null)));
  });

  it('reads a literal payload or a generator spec, and rejects anything else', () => {
    assert.equal(devResult({ generate: { rows: 3, cols: 2, naive: true } }).devRenderer, 'naive');
    const literal = { queryId: 'q', columns: [{ name: 'a', type: 'String' }], rows: [['x']], hasMore: false, elapsedMs: 1 };
    assert.deepEqual(devResult(literal), literal);
    assert.throws(() => devResult({ generate: { rows: 'many' } }), /numeric rows/);
    assert.throws(() => devResult({ rows: [] }), /not a ResultPayload/);
  });
});

describe('query/devResults documents', () => {
  it('reads paging, error and loading documents', () => {
    const paged = devDocument({ generate: { rows: 10, cols: 2 }, pageRows: 4 });
    assert.deepEqual([paged.result?.rows.length, paged.pageRows], [10, 4]);
    assert.deepEqual(devDocument({ error: { message: 'boom', details: 'at line 1' } }), { error: { message: 'boom', details: 'at line 1' } });
    assert.deepEqual(devDocument({ loading: 'Running…' }), { loading: 'Running…' });
    assert.throws(() => devDocument(null), /not a JSON object/);
  });
});
