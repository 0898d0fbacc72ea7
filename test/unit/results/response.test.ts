import * as assert from 'node:assert/strict';
import { parseJsonLossless } from '../../../src/api/json';
import { errorPosition, toCell, toColumns, toPayload } from '../../../src/results/response';

describe('query response → results payload', () => {
  it('keeps 64-bit integers beyond 2^53 exact, as strings', () => {
    const body = '{"results":[[9007199254740993, 18446744073709551615, -9223372036854775808, 42]],"columns":["a","b","c","d"],"types":[["a","UInt64"],["b","UInt64"],["c","Int64"],["d","UInt8"]],"hasMore":false}';
    const resp = parseJsonLossless(body) as never;
    const p = toPayload(resp, { queryId: 'q', elapsedMs: 5 });
    assert.deepEqual(p.rows, [['9007199254740993', '18446744073709551615', '-9223372036854775808', 42]]);
    assert.doesNotThrow(() => JSON.stringify(p));
  });

  it('converts nested values and keeps nulls', () => {
    assert.deepEqual(toCell([1n, { x: 2n, y: null }, 'a']), ['1', { x: '2', y: null }, 'a']);
    assert.equal(toCell(undefined), null);
    assert.equal(toCell(Number.POSITIVE_INFINITY), 'Infinity');
  });

  it('reads column types from [name, type] pairs or bare types', () => {
    assert.deepEqual(toColumns({ columns: ['x'], types: [['x', 'String']], results: [] }), [{ name: 'x', type: 'String' }]);
    assert.deepEqual(toColumns({ columns: ['x'], types: ['Float64'] as never, results: [] }), [{ name: 'x', type: 'Float64' }]);
    assert.deepEqual(toColumns({ types: [['n', 'UInt64']], results: [] }), [{ name: 'n', type: 'UInt64' }]);
  });

  it('carries hasMore, the executed HogQL, timezone and rows read', () => {
    const p = toPayload(
      { results: [[1]], columns: ['x'], types: [['x', 'UInt8']], hasMore: true, hogql: 'SELECT 1 LIMIT 100', timezone: 'Europe/Berlin' },
      { queryId: 'q', elapsedMs: 12.6, progress: { rows_read: 10, bytes_read: 80, estimated_rows_total: 10, time_elapsed: 0.01, active_cpu_time: 0 } },
    );
    assert.equal(p.hasMore, true);
    assert.equal(p.query, 'SELECT 1 LIMIT 100');
    assert.equal(p.timezone, 'Europe/Berlin');
    assert.equal(p.rowsRead, 10);
    assert.equal(p.elapsedMs, 13);
  });

  it('finds the line and column in a HogQL syntax error message', () => {
    assert.deepEqual(errorPosition("Syntax error at line 2, column 7: mismatched input 'FORM'"), { line: 2, column: 7 });
    assert.equal(errorPosition('Unknown table `evnts`.'), undefined);
  });
});

describe('rows read in the payload', () => {
  it('leaves rows/bytes read out when the engine reported none', () => {
    const p = toPayload({ results: [] }, { queryId: 'q', elapsedMs: 1, progress: { rows_read: 0, bytes_read: 0, estimated_rows_total: 0, time_elapsed: 0, active_cpu_time: 0 } });
    assert.equal(p.rowsRead, undefined);
    assert.equal(p.bytesRead, undefined);
  });
});
