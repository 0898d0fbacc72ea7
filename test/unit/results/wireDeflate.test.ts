import * as assert from 'node:assert/strict';
import { parseToPanel, toTabWire, type Cell, type ToPanel, type ToView } from '../../../src/results/protocol';
import { DEFLATE_MIN_BYTES, deflateRows } from '../../../src/webview/wireDeflate';
import { Inbox } from '../../../webview-ui/results/inbox';
import { plainRows } from './support/plainRows';

// Issue #21: big row messages cross code-server's websocket (which deflates every frame at zlib's
// default level) deflated once at level 1 by the host, and the panel inflates them natively, in order.

/** `n` rows like the query-stream benchmark's: integers, strings, floats, exact 64-bit integers. */
function rows(n: number, from = 0): Cell[][] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const cells: Cell[] = [i % 2 ? null : 'ü→"\\', { k: [i] }];
    for (let c = 0; c < 18; c++) cells.push([i * (c + 1), String(i * c), i / (c + 1), `${BigInt(i) * 1_000_000_000_000n + BigInt(c)}`][c % 4]);
    return cells;
  });
}

const more = (from: number, n: number): ToView => ({ kind: 'moreRows', queryId: 'q', rows: rows(n, from) });

/** An inbox that records what it delivers (parsed as the panel parses it). */
function recorder(): { inbox: Inbox; got: (ToPanel | undefined)[] } {
  const got: (ToPanel | undefined)[] = [];
  return { inbox: new Inbox((data) => got.push(parseToPanel(data))), got };
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 1_000 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(cond(), 'condition not met within 5 s');
}

describe('row messages deflated for the webview transport (issue #21)', function () {
  this.timeout(30_000);
  it('deflates the rows of a big message on the host, smaller than their columns', () => {
    const wire = toTabWire('t', more(0, 5_000)) as Record<string, unknown>;
    const size = (wire.rowsColumns as Uint8Array).byteLength;
    assert.ok(size >= DEFLATE_MIN_BYTES, `5,000 rows are ${size} bytes`);
    const out = deflateRows(wire) as Record<string, unknown>;
    assert.equal(out.rowsColumns, undefined);
    assert.equal(out.deflatedFrom, 'rowsColumns');
    assert.ok(out.rowsDeflated instanceof Uint8Array && Object.getPrototypeOf(out.rowsDeflated) === Uint8Array.prototype);
    const packed = (out.rowsDeflated as Uint8Array).byteLength;
    assert.ok(packed < size / 2, `deflated ${packed} of ${size} bytes`);
    assert.equal(out.kind, 'moreRows');
    assert.equal(out.tabId, 't');
  });

  it('leaves small messages and messages without rows as they are', () => {
    const small = toTabWire('t', more(0, 10));
    assert.equal(deflateRows(small), small);
    const end = toTabWire('t', { kind: 'cancelled', queryId: 'q' });
    assert.equal(deflateRows(end), end);
  });

  it('the panel gets exactly the rows the host posted, in the order posted', async () => {
    const { inbox, got } = recorder();
    const posted: ToView[] = [more(1_000, 5_000), { kind: 'progress', queryId: 'q', elapsedMs: 5 }, more(6_000, 20), more(6_020, 5_000), { kind: 'cancelled', queryId: 'q' }];
    const wires = posted.map((m) => deflateRows(toTabWire('t', m)) as Record<string, unknown>);
    assert.deepEqual(wires.map((w) => w.rowsDeflated instanceof Uint8Array), [true, false, false, true, false]);
    for (const w of wires) inbox.push(w, 0);
    await until(() => got.length === posted.length);
    assert.deepEqual(got.map(plainRows), posted.map((m) => ({ ...m, tabId: 't' })));
  });

  it('delivers at once while nothing is being inflated', () => {
    const { inbox, got } = recorder();
    inbox.push(toTabWire('t', more(0, 3)), 0);
    assert.equal(got.length, 1);
  });

  it('drops a message whose deflated rows are corrupt and goes on with the next', async () => {
    const { inbox, got } = recorder();
    const bad = deflateRows(toTabWire('t', more(0, 5_000))) as Record<string, unknown>;
    inbox.push({ ...bad, rowsDeflated: new Uint8Array([1, 2, 3, 4, 5]) }, 0);
    inbox.push(toTabWire('t', { kind: 'cancelled', queryId: 'q' }), 0);
    await until(() => got.length === 1);
    assert.deepEqual(got, [{ kind: 'cancelled', queryId: 'q', tabId: 't' }]);
  });

  it('a message whose handling throws does not stop the ones after it', async () => {
    const got: unknown[] = [];
    const thrown: unknown[] = [];
    const inbox = new Inbox((data) => {
      if ((data as { kind: string }).kind === 'progress') throw new Error('boom');
      got.push(parseToPanel(data));
    }, undefined, (e) => thrown.push(e));
    inbox.push(deflateRows(toTabWire('t', more(0, 5_000))), 0);
    inbox.push(toTabWire('t', { kind: 'progress', queryId: 'q', elapsedMs: 5 }), 0);
    inbox.push(toTabWire('t', { kind: 'cancelled', queryId: 'q' }), 0);
    await until(() => got.length === 2);
    assert.deepEqual(got[1], { kind: 'cancelled', queryId: 'q', tabId: 't' });
    assert.equal((thrown[0] as Error).message, 'boom');
  });
});
