// Issue #21's scroll row: a tab's snapshot reaches the webview's state packed (deflated, base64:
// src/webview/snapshotPack.ts), so the workbench's storage flush every 5 s no longer escapes its
// JSON at each level; the host unpacks it at a restore. Older states (snapshots as objects) still restore.
import * as assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { parsePanelMessage } from '../../../src/results/panelProtocol';
import type { ResultPayload } from '../../../src/results/protocol';
import { makePin, savedResult, savedTabs, type TabSnapshot } from '../../../src/results/snapshot';
import { generateResult } from '../../../src/results/devResults';
import { PACKED_PREFIX, packSnapshot, unpackSnapshot, unpackState } from '../../../src/webview/snapshotPack';

const result = (n: number): ResultPayload => ({
  queryId: 'q1',
  columns: [{ name: 'id', type: 'UInt64' }, { name: 's', type: 'String' }],
  rows: Array.from({ length: n }, (_, i) => [String(2n ** 63n + BigInt(i)), `row "${i}" ü→\\`]),
  hasMore: false,
  elapsedMs: 12,
});
const snap = (id: string, rows = 3): TabSnapshot => ({ panelKey: 'k', panelTitle: 'T', tab: { id, label: id, title: id }, result: savedResult(result(rows), 5), pin: makePin(result(2), ['id'], 7) });
/** What `setState` and VS Code make of the stored state: JSON text and back. */
const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('results snapshot packed in the webview state (issue #21)', () => {
  it('a packed snapshot restores as the snapshot, 64-bit integers and escapes intact', () => {
    const s = snap('tab-1');
    const packed = packSnapshot(s);
    assert.ok(packed.startsWith(PACKED_PREFIX));
    assert.deepEqual(unpackSnapshot(packed), roundTrip(s));
    const state = roundTrip({ tabs: {}, snapshots: { 'tab-1': packed, 'tab-2': packSnapshot(snap('tab-2')) }, order: ['tab-2', 'tab-1'], active: 'tab-1' });
    const { tabs, active } = savedTabs(unpackState(state));
    assert.deepEqual(tabs, [roundTrip(snap('tab-2')), roundTrip(s)]);
    assert.equal(active, 'tab-1');
  });

  it('an older state (snapshots as objects) restores as before; a broken packed one is left out', () => {
    const state = roundTrip({ snapshots: { 'tab-1': snap('tab-1'), 'tab-2': `${PACKED_PREFIX}not deflate`, 'tab-3': `${PACKED_PREFIX}${deflateRawSync('{"tab"').toString('base64')}` }, order: ['tab-1', 'tab-2', 'tab-3'] });
    assert.deepEqual(savedTabs(unpackState(state)).tabs, [roundTrip(snap('tab-1'))]);
    assert.equal(unpackState(undefined), undefined);
    assert.deepEqual(unpackState({ tabs: {} }), { tabs: {} });
  });

  it('a packed 1,000-row snapshot is text no level of JSON escapes, a third of its JSON', () => {
    const r = generateResult({ rows: 2_000, cols: 20, seed: 100 });
    const s: TabSnapshot = { panelKey: 'k', panelTitle: 'T', tab: { id: 't', label: 't', title: 't' }, result: savedResult(r) };
    const packed = packSnapshot(s);
    assert.equal(JSON.stringify(packed), `"${packed}"`);
    assert.ok(packed.length < JSON.stringify(s).length / 2.5, `${packed.length} of ${JSON.stringify(s).length}`);
    assert.deepEqual(unpackSnapshot(packed), roundTrip(s));
  });

  it('the panel accepts a packed snapshot as text, and nothing else', () => {
    const packed = packSnapshot(snap('t'));
    assert.deepEqual(parsePanelMessage({ kind: 'tabSnapshot', tabId: 't', snapshot: packed }), { kind: 'tabSnapshot', tabId: 't', snapshot: packed });
    assert.equal(parsePanelMessage({ kind: 'tabSnapshot', tabId: 't', snapshot: snap('t') }), undefined);
    assert.equal(parsePanelMessage({ kind: 'tabSnapshot', snapshot: packed }), undefined);
  });
});
