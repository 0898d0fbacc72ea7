import * as assert from 'node:assert/strict';
import { parseResult, parseToHost, parseToView, toWire, type ResultPayload, type ToHost, type ToView } from '../../../src/results/protocol';
import { plainRows } from './support/plainRows';

const result: ResultPayload = {
  queryId: 'q1',
  columns: [{ name: 'n', type: 'UInt64' }],
  rows: [['9007199254740993'], [null]],
  hasMore: true,
  elapsedMs: 12,
  timezone: 'Europe/Berlin',
  query: 'select 1',
  rowsRead: 10,
  bytesRead: 2048,
};

describe('results protocol (grid messages)', () => {
  it('accepts every well-formed message of the webview', () => {
    const good: ToHost[] = [
      { kind: 'ready' },
      { kind: 'rendered', queryId: 'q', rowCount: 3, renderMs: 12.5 },
      { kind: 'rendered', queryId: 'q', rowCount: 100_000, complete: true },
      { kind: 'copy', text: 'a\tb' },
      { kind: 'loadMore', queryId: 'q', offset: 100 },
      { kind: 'cancel', queryId: 'q' },
      { kind: 'sortOnServer', queryId: 'q', column: 'count()', dir: 'desc' },
      { kind: 'export', queryId: 'q', format: 'csv', target: 'file' },
      { kind: 'export', queryId: 'q', format: 'json', target: 'newDocument' },
      { kind: 'openCellInEditor', text: '{}', language: 'json' },
      { kind: 'exportFull', queryId: 'q' },
      { kind: 'chartChoice', queryId: 'q', choice: { type: 'stackedBar', x: 'day', series: [{ column: 'n', axis: 'right' }] } },
    ];
    for (const m of good) assert.deepEqual(parseToHost(m), m);
  });

  it('rejects malformed webview messages field by field', () => {
    const bad = [
      { kind: 'rendered', queryId: 'q', rowCount: 1, renderMs: 'fast' },
      { kind: 'rendered', queryId: 'q', rowCount: -1 },
      { kind: 'rendered', queryId: 'q', rowCount: 1, complete: 'yes' },
      { kind: 'loadMore', queryId: 'q', offset: 1.5 },
      { kind: 'loadMore', queryId: 'q' },
      { kind: 'cancel' },
      { kind: 'sortOnServer', queryId: 'q', column: 'n', dir: 'down' },
      { kind: 'sortOnServer', queryId: 'q', dir: 'asc' },
      { kind: 'export', queryId: 'q', format: 'xlsx', target: 'file' },
      { kind: 'export', queryId: 'q', format: 'csv', target: 'printer' },
      { kind: 'openCellInEditor', text: 'x', language: 'html' },
      { kind: 'exportFull' },
      { kind: 'exportFull', queryId: 7 },
      { kind: 'chartChoice', queryId: 'q', choice: { type: 'pie' } },
      { kind: 'chartChoice', choice: { type: 'line' } },
    ];
    for (const m of bad) assert.equal(parseToHost(m), undefined, JSON.stringify(m));
  });

  it('accepts every well-formed message of the host and keeps only known fields', () => {
    const good: ToView[] = [
      { kind: 'result', result },
      { kind: 'appendRows', queryId: 'q', rows: [[1]], hasMore: false },
      { kind: 'result', result: { ...result, totalRows: 5 } },
      { kind: 'result', result: { ...result, chart: { type: 'area', series: [{ column: 'n', axis: 'left' }] } } },
      { kind: 'moreRows', queryId: 'q', rows: [[1], ['9007199254740993']] },
      { kind: 'loading', queryId: 'q', message: 'Running…', query: 'select 1' },
      { kind: 'loading', queryId: 'q', message: 'Running…' },
      { kind: 'progress', queryId: 'q', elapsedMs: 1500, rowsRead: 10, bytesRead: 20 },
      { kind: 'error', queryId: 'q', message: 'Syntax error', details: 'line 1' },
      { kind: 'cancelled', queryId: 'q' },
    ];
    for (const m of good) assert.deepEqual(parseToView(m), m);
    assert.deepEqual(parseToView({ kind: 'cancelled', queryId: 'q', html: '<b>' }), { kind: 'cancelled', queryId: 'q' });
  });

  it('rejects malformed host messages and results', () => {
    const bad = [
      { kind: 'appendRows', queryId: 'q', rows: [1], hasMore: false },
      { kind: 'progress', queryId: 'q', elapsedMs: -1 },
      { kind: 'progress', queryId: 'q', elapsedMs: 1, rowsRead: '10' },
      { kind: 'error', queryId: 'q', message: 'x', details: 5 },
      { kind: 'result', result: { ...result, timezone: 3 } },
      { kind: 'result', result: { ...result, chart: { type: 'line', x: 5 } } },
      { kind: 'result', result: { ...result, devRenderer: 'fancy' } },
      { kind: 'result', result: { ...result, elapsedMs: Number.NaN } },
      // a streamed result cannot hold more rows than its total, nor a fractional total
      { kind: 'result', result: { ...result, totalRows: 1 } },
      { kind: 'result', result: { ...result, totalRows: 2.5 } },
      { kind: 'moreRows', queryId: 'q', rows: [1] },
      { kind: 'moreRows', rows: [[1]] },
    ];
    for (const m of bad) assert.equal(parseToView(m), undefined, JSON.stringify(m));
  });

  it('copies a result without foreign fields', () => {
    const parsed = parseResult({ ...result, columns: [{ name: 'n', type: 'UInt64', extra: 1 }], evil: true });
    assert.deepEqual(parsed, result);
  });
});

describe('results protocol wire form', () => {
  it('sends rows as one JSON string and reads them back identically', () => {
    const msg: ToView = { kind: 'result', result };
    const wire = toWire(msg, 1234) as { result: Record<string, unknown>; rowsUtf8: Uint8Array; sentAt: number };
    assert.ok(wire.rowsUtf8 instanceof Uint8Array);
    assert.equal(wire.sentAt, 1234);
    assert.equal(wire.result.rows, undefined);
    assert.deepEqual(parseToView(wire), msg);
    const append: ToView = { kind: 'appendRows', queryId: 'q', rows: [['9007199254740993', null]], hasMore: false };
    assert.deepEqual(parseToView(toWire(append)), append);
    const more: ToView = { kind: 'moreRows', queryId: 'q', rows: [['9007199254740993', null]] };
    // a streamed batch crosses in columns (src/results/wireColumns.ts), read back as the same cells
    const moreWire = toWire(more) as { rowsColumns: unknown; rows?: unknown };
    assert.ok(moreWire.rowsColumns instanceof Uint8Array && moreWire.rows === undefined);
    assert.deepEqual(plainRows(parseToView(moreWire)), more);
    // … or as JSON when UTF-8 cannot carry a string of it (a lone surrogate)
    const lone: ToView = { kind: 'moreRows', queryId: 'q', rows: [['\uD800x', 1]] };
    const loneWire = toWire(lone) as { rowsUtf8: unknown; rowsColumns?: unknown };
    assert.ok(loneWire.rowsUtf8 instanceof Uint8Array && loneWire.rowsColumns === undefined);
    assert.deepEqual(parseToView(loneWire), lone);
    assert.deepEqual(toWire({ kind: 'cancelled', queryId: 'q' }), { kind: 'cancelled', queryId: 'q' });
  });

  it('rejects wire rows that are not JSON arrays of arrays', () => {
    const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
    assert.equal(parseToView({ kind: 'result', result: { ...result, rows: undefined }, rowsUtf8: bytes('{"a":1}') }), undefined);
    assert.equal(parseToView({ kind: 'result', result: { ...result, rows: undefined }, rowsUtf8: bytes('[[1],') }), undefined);
    assert.equal(parseToView({ kind: 'appendRows', queryId: 'q', rowsUtf8: bytes('[1]'), hasMore: false }), undefined);
    assert.equal(parseToView({ kind: 'appendRows', queryId: 'q', rowsUtf8: new Uint8Array([0xff, 0x5b]), hasMore: false }), undefined);
    assert.deepEqual(parseToView({ kind: 'appendRows', queryId: 'q', rowsUtf8: bytes('[["a"]]'), hasMore: false }), { kind: 'appendRows', queryId: 'q', rows: [['a']], hasMore: false });
  });

  it('reads no rows from the retired rowsJson string form', () => {
    assert.equal(parseToView({ kind: 'appendRows', queryId: 'q', rowsJson: '[["a"]]', hasMore: false }), undefined);
    assert.equal(parseToView({ kind: 'moreRows', queryId: 'q', rowsJson: '[["a"]]' }), undefined);
  });
});
