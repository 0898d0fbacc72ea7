import * as assert from 'node:assert/strict';
import { parseToHost, parseToView, type ResultPayload } from '../../../src/results/protocol';

const result: ResultPayload = {
  queryId: 'q1',
  columns: [{ name: 'event', type: 'String' }],
  rows: [['$pageview'], [null]],
  hasMore: false,
  elapsedMs: 12,
};

describe('results protocol', () => {
  it('accepts every well-formed message from the webview', () => {
    assert.deepEqual(parseToHost({ kind: 'ready' }), { kind: 'ready' });
    assert.deepEqual(parseToHost({ kind: 'rendered', queryId: 'q1', rowCount: 2 }), { kind: 'rendered', queryId: 'q1', rowCount: 2 });
    assert.deepEqual(parseToHost({ kind: 'copy', text: 'a\tb' }), { kind: 'copy', text: 'a\tb' });
  });

  it('drops malformed or unknown messages from the webview', () => {
    for (const bad of [null, 'ready', [], {}, { kind: 'nope' }, { kind: 'rendered', queryId: 1, rowCount: 2 }, { kind: 'copy' }]) {
      assert.equal(parseToHost(bad), undefined, JSON.stringify(bad));
    }
  });

  it('keeps only the known fields of a message', () => {
    assert.deepEqual(parseToHost({ kind: 'ready', extra: '<script>' }), { kind: 'ready' });
  });

  it('accepts results and status messages from the host', () => {
    assert.deepEqual(parseToView({ kind: 'result', result }), { kind: 'result', result });
    assert.deepEqual(parseToView({ kind: 'error', queryId: 'q', message: 'boom' }), { kind: 'error', queryId: 'q', message: 'boom' });
    assert.deepEqual(parseToView({ kind: 'loading', queryId: 'q', message: '…' }), { kind: 'loading', queryId: 'q', message: '…' });
  });

  it('rejects results with a wrong shape', () => {
    assert.equal(parseToView({ kind: 'result', result: { ...result, rows: 'x' } }), undefined);
    assert.equal(parseToView({ kind: 'result', result: { ...result, columns: [{ name: 1, type: 'String' }] } }), undefined);
    assert.equal(parseToView({ kind: 'result', result: { ...result, hasMore: 'no' } }), undefined);
  });
});
