// What a results tab keeps across a window reload, and a pin (issue #17, src/results/snapshot.ts):
// bounded (rows and JSON size), validated on the way back from the webview's state.
import * as assert from 'node:assert/strict';
import { capRows, INTERRUPTED, makePin, parsePin, parseTabSnapshot, restoredEnd, savedResult, savedTabs, snapshotOf, SAVED_MAX_ROWS, type TabSnapshot } from '../../../src/results/snapshot';
import { parsePanelMessage } from '../../../src/results/panelProtocol';
import { TabSet } from '../../../src/results/tabs';
import type { ResultPayload } from '../../../src/results/protocol';

const result = (n: number, extra: Partial<ResultPayload> = {}): ResultPayload => ({
  queryId: 'q1',
  columns: [{ name: 'id', type: 'UInt64' }, { name: 's', type: 'String' }],
  rows: Array.from({ length: n }, (_, i) => [String(2n ** 63n + BigInt(i)), `row ${i}`]),
  hasMore: false,
  elapsedMs: 12,
  ...extra,
});

describe('results snapshot: a tab across a window reload', () => {
  it('keeps the first rows within both caps, and says so', () => {
    assert.deepEqual(capRows([[1], [2], [3]], 2), { rows: [[1], [2]], truncated: true });
    assert.deepEqual(capRows([[1], [2], [3]]), { rows: [[1], [2], [3]], truncated: false });
    const big = Array.from({ length: 50 }, () => ['x'.repeat(1_000)]);
    const capped = capRows(big, 1_000, 10_500);
    assert.equal(capped.rows.length, 10);
    assert.ok(JSON.stringify(capped.rows).length <= 10_500);
  });

  it('a saved result holds its first rows, no "Load more", and how many of how many', () => {
    const s = savedResult(result(SAVED_MAX_ROWS + 500, { hasMore: true, totalRows: 2_000 }), 1_000);
    assert.equal(s.rows.length, SAVED_MAX_ROWS);
    assert.equal(s.hasMore, false);
    assert.equal(s.totalRows, undefined);
    assert.deepEqual(s.restored, { savedRows: SAVED_MAX_ROWS, totalRows: 2_000, more: true, savedAt: 1_000 });
    // 64-bit integers stay exact strings
    assert.equal(s.rows[0][0], '9223372036854775808');
  });

  it('round-trips through JSON (the webview state) and rejects what is malformed', () => {
    const snap: TabSnapshot = {
      panelKey: 'file:///a.hogql',
      panelTitle: 'Results: a.hogql',
      tab: { id: 'tab-3', label: 'SELECT 1', title: 'SELECT 1' },
      ref: { doc: 'file:///a.hogql', index: 0, text: 'SELECT 1' },
      result: savedResult(result(3)),
      pin: makePin(result(2), ['id'], 5),
    };
    assert.deepEqual(parseTabSnapshot(JSON.parse(JSON.stringify(snap))), snap);
    assert.equal(parseTabSnapshot({ ...snap, tab: { id: 1 } }), undefined);
    assert.equal(parseTabSnapshot({ ...snap, result: result(1) }), undefined, 'a result without `restored` is no saved one');
    assert.equal(parseTabSnapshot({ ...snap, ref: { doc: 'x', index: -2, text: '' } }), undefined);
    assert.equal(parseTabSnapshot({ ...snap, result: savedResult(result(2)), pin: { at: 'x' } })?.pin, undefined, 'a bad pin is dropped');
    assert.deepEqual(parseTabSnapshot({ ...snap, result: undefined, end: { kind: 'interrupted' } })?.end, { kind: 'interrupted' });
  });

  it('a pin is bounded and validated', () => {
    const pin = makePin(result(SAVED_MAX_ROWS + 1), [], 7);
    assert.equal(pin.rows.length, SAVED_MAX_ROWS);
    assert.equal(pin.totalRows, SAVED_MAX_ROWS + 1);
    assert.deepEqual(parsePin(JSON.parse(JSON.stringify(pin))), pin);
    assert.equal(parsePin({ ...pin, rows: Array.from({ length: SAVED_MAX_ROWS + 1 }, () => [1, 'a']) }), undefined);
    assert.equal(parsePin({ ...pin, keys: [1] }), undefined);
  });

  it('panel messages: snapshots and pins are validated, the rest as before', () => {
    const pin = makePin(result(1));
    assert.deepEqual(parsePanelMessage({ kind: 'pinned', tabId: 't', pin }), { kind: 'pinned', tabId: 't', pin });
    assert.deepEqual(parsePanelMessage({ kind: 'pinned', tabId: 't' }), { kind: 'pinned', tabId: 't' });
    assert.equal(parsePanelMessage({ kind: 'pinned', tabId: 't', pin: { rows: 1 } }), undefined);
    assert.equal(parsePanelMessage({ kind: 'tabSnapshot', tabId: 't', snapshot: {} }), undefined);
    assert.deepEqual(parsePanelMessage({ kind: 'tabActivate', tabId: 't' }), { kind: 'tabActivate', tabId: 't' });
  });

  it('restored tabs keep their ids; new tabs are numbered after them', () => {
    const tabs = new TabSet();
    tabs.adopt('tab-4', { doc: 'd', index: 1, text: 'SELECT 2', statements: [] });
    tabs.adopt('tab-2', { doc: 'd', index: 0, text: 'SELECT 1', statements: [] });
    assert.deepEqual(tabs.ids(), ['tab-4', 'tab-2']);
    // the same statement run again lands in its restored tab; another one gets tab-5
    assert.deepEqual(tabs.place({ doc: 'd', index: 0, text: 'SELECT 1;', statements: ['SELECT 1', 'SELECT 2'] }), { id: 'tab-2', created: false });
    assert.deepEqual(tabs.place({ doc: 'd', index: 2, text: 'SELECT 3', statements: ['SELECT 1', 'SELECT 2', 'SELECT 3'] }), { id: 'tab-5', created: true });
  });
});

describe('results snapshot: the webview state handed back after a reload', () => {
  const snap = (id: string): TabSnapshot => ({ panelKey: 'k', panelTitle: 'T', tab: { id, label: id, title: id }, result: savedResult(result(1)) });

  it('tabs in the strip order, the shown one, malformed ones left out', () => {
    const state = { tabs: {}, snapshots: { 'tab-1': snap('tab-1'), 'tab-2': snap('tab-2'), bad: { tab: 1 }, 'tab-3': snap('other') }, order: ['tab-2', 'tab-1', 'bad', 7], active: 'tab-1' };
    const { tabs, active } = savedTabs(JSON.parse(JSON.stringify(state)));
    assert.deepEqual(tabs.map((t) => t.tab.id), ['tab-2', 'tab-1']);
    assert.equal(active, 'tab-1');
    assert.equal(savedTabs({ snapshots: { 'tab-1': snap('tab-1') }, active: 'gone' }).active, 'tab-1');
    assert.deepEqual(savedTabs(undefined), { tabs: [], active: undefined });
    assert.deepEqual(savedTabs({ tabs: { 'tab-1': {} } }).tabs, [], 'view state alone (an older version) restores nothing');
  });
});

describe('results snapshot: what a tab saves of its run', () => {
  const base = { panelKey: 'k', panelTitle: 'T', tab: { id: 'tab-1', label: 'l', title: 't' } };

  it('a run in flight at the reload is saved as interrupted, even over a stale result, and says so once restored', () => {
    const snap = snapshotOf(base, { phase: 'running', result: result(3) });
    assert.deepEqual(snap, { ...base, end: { kind: 'interrupted' } });
    const back = parseTabSnapshot(JSON.parse(JSON.stringify(snap)));
    assert.ok(back);
    assert.deepEqual(restoredEnd(back), { kind: 'error', message: INTERRUPTED });
    assert.match(INTERRUPTED, /not resumed/);
  });

  it('a result is saved as its first rows; an error or a cancel as how the run ended', () => {
    const saved = snapshotOf(base, { phase: 'result', result: result(1_200) }, 9);
    assert.equal(saved.result?.rows.length, SAVED_MAX_ROWS);
    assert.deepEqual(saved.result?.restored, { savedRows: SAVED_MAX_ROWS, totalRows: 1_200, more: false, savedAt: 9 });
    assert.equal(restoredEnd(saved), undefined);
    // a restored result saved again is kept as it is (its counts are the original run's)
    assert.equal(snapshotOf(base, { phase: 'result', result: saved.result }).result, saved.result);
    const failed = snapshotOf(base, { phase: 'error', end: { kind: 'error', queryId: 'q', message: 'boom', details: 'x' } });
    assert.deepEqual([failed.end, restoredEnd(failed)], [{ kind: 'error', message: 'boom' }, { kind: 'error', message: 'boom' }]);
    assert.deepEqual(snapshotOf(base, { phase: 'cancelled', end: { kind: 'cancelled', queryId: 'q' } }).end, { kind: 'cancelled' });
    assert.deepEqual(snapshotOf(base, { phase: 'empty' }), base);
  });
});
