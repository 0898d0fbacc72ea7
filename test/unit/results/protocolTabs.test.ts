// The results panel's tab messages (issue #14 item 9, src/results/protocol.ts): tab open, activate
// and close both ways, and each run message of a tab carrying its tab id on the wire.
import * as assert from 'node:assert/strict';
import { parseToHost, parseToPanel, toTabWire, type ResultPayload } from '../../../src/results/protocol';
import { plainRows } from './support/plainRows';

const result: ResultPayload = { queryId: 'q1', columns: [{ name: 'n', type: 'UInt8' }], rows: [[1], [2]], hasMore: false, elapsedMs: 3 };

describe('results protocol: tabs', () => {
  it('the webview asks to show or close a tab', () => {
    assert.deepEqual(parseToHost({ kind: 'tabActivate', tabId: 'tab-1' }), { kind: 'tabActivate', tabId: 'tab-1' });
    assert.deepEqual(parseToHost({ kind: 'tabClose', tabId: 'tab-2', extra: 1 }), { kind: 'tabClose', tabId: 'tab-2' });
    for (const bad of [{ kind: 'tabClose' }, { kind: 'tabActivate', tabId: 3 }]) assert.equal(parseToHost(bad), undefined, JSON.stringify(bad));
  });

  it('the host opens, shows and closes tabs', () => {
    const tab = { id: 'tab-1', label: 'SELECT 1', title: 'SELECT 1\nFROM t' };
    assert.deepEqual(parseToPanel({ kind: 'tabOpen', tab: { ...tab, html: '<b>' } }), { kind: 'tabOpen', tab });
    assert.deepEqual(parseToPanel({ kind: 'tabActivate', tabId: 'tab-1' }), { kind: 'tabActivate', tabId: 'tab-1' });
    assert.deepEqual(parseToPanel({ kind: 'tabClose', tabId: 'tab-1' }), { kind: 'tabClose', tabId: 'tab-1' });
    for (const bad of [{ kind: 'tabOpen', tab: { id: 'x', label: 1, title: '' } }, { kind: 'tabOpen' }, { kind: 'tabClose', tabId: null }]) {
      assert.equal(parseToPanel(bad), undefined, JSON.stringify(bad));
    }
  });

  it("a tab's run messages carry its id on the wire, rows included", () => {
    assert.deepEqual(parseToPanel(toTabWire('tab-2', { kind: 'result', result })), { kind: 'result', result, tabId: 'tab-2' });
    assert.deepEqual(parseToPanel(toTabWire('tab-2', { kind: 'cancelled', queryId: 'q1' })), { kind: 'cancelled', queryId: 'q1', tabId: 'tab-2' });
    assert.deepEqual(plainRows(parseToPanel(toTabWire('t', { kind: 'moreRows', queryId: 'q1', rows: [[3]] }))), { kind: 'moreRows', queryId: 'q1', rows: [[3]], tabId: 't' });
    // a run message without its tab is dropped: it could land in the wrong tab
    assert.equal(parseToPanel({ kind: 'cancelled', queryId: 'q1' }), undefined);
  });
});
