// The rows worker (src/webview/rows.worker.ts, issue #21's "all rows"): a streamed batch's wire
// message made off the host's thread from the body's text of its rows is the message the host's
// thread makes from the batch's cells (64-bit integers, -0, ±Infinity, nested values, a lone
// surrogate); the worker answers in order, moves its bytes, and when it cannot start or dies,
// every batch asked is refused (the host then makes them itself: nothing is lost).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { build } from 'esbuild';
import { parseToPanel, toTabWire } from '../../../src/results/protocol';
import { encodeBatch, transferables, type BatchRequest } from '../../../src/webview/rowsEncode';
import { RowsWorker } from '../../../src/webview/rowsWorker';
import { batchRows, type ColumnBatch } from '../../../src/results/wireColumns';
import { WireRows } from '../../../src/results/wireText';
import { deflateRows } from '../../../src/webview/wireDeflate';

const root = join(__dirname, '..', '..', '..');
const texts = ['[1,"é",18446744073709551615,-0,1e400,-1e400]', '[2.50,null,-9007199254740993, true,{"a":[1,-0]},"x"]', '[]'];
/** The stream bench's shape, big enough to be deflated (over 512 KB). */
const cells = (n: number): string => `${n},"${n}",${n / 3},${BigInt(n) * 1_000_000_000_000n + 7n},${-n}.5e-1,"ü→\\"\\\\"`;
const big = Array.from({ length: 5_000 }, (_, n) => `[${cells(n)},${cells(n + 1)},${cells(n + 2)}]`);
const request = (rows: string[], deflate: boolean, tabId = 't1', queryId = 'q1'): BatchRequest => ({ text: new WireRows(rows).bodyText!, tabId, queryId, deflate });
/** What the host's thread posts for the same batch (before the worker: `ResultsPanel.post`). */
const onHostThread = (rows: string[], deflate: boolean): unknown => {
  const wire = toTabWire('t1', { kind: 'moreRows', queryId: 'q1', rows: new WireRows(rows) });
  return deflate ? deflateRows(wire) : wire;
};
/** The cells the panel reads from a posted message (inflated as its inbox does). */
function panelCells(wire: unknown): unknown {
  const w = { ...(wire as Record<string, unknown>) };
  if (w.rowsDeflated instanceof Uint8Array) {
    const bytes = new Uint8Array(inflateRawSync(w.rowsDeflated));
    w[(w.deflatedFrom as string | undefined) ?? 'rowsUtf8'] = bytes;
    delete w.rowsDeflated;
    delete w.deflatedFrom;
  }
  const msg = parseToPanel(w);
  assert.ok(msg && msg.kind === 'moreRows', 'a valid moreRows message');
  return Array.isArray(msg.rows) ? msg.rows : batchRows(msg.rows as ColumnBatch);
}

describe('webview/rowsWorker: streamed batches encoded off the host thread (issue #21)', function () {
  this.timeout(60_000);
  let dir = '';
  let workerFile = '';
  const workers: RowsWorker[] = [];
  const worker = (file = workerFile): RowsWorker => {
    const w = new RowsWorker(file);
    workers.push(w);
    return w;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hogql-rows-worker-'));
    workerFile = join(dir, 'rows.worker.js');
    await build({ entryPoints: [join(root, 'src/webview/rows.worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'error' });
  });
  afterEach(() => {
    for (const w of workers.splice(0)) w.dispose();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("makes the message the host's thread makes, deflated or not; the panel reads the same cells", () => {
    for (const rows of [texts, big])
      for (const deflate of [false, true]) {
        const made = encodeBatch(request(rows, deflate));
        assert.deepStrictEqual(made, onHostThread(rows, deflate), `${rows.length} rows, deflate ${deflate}`);
        assert.deepStrictEqual(panelCells(made), new WireRows(rows).rows());
      }
    assert.deepStrictEqual(new WireRows(texts).rows()[0], [1, 'é', '18446744073709551615', 0, 'Infinity', '-Infinity']);
    assert.ok('rowsDeflated' in (encodeBatch(request(big, true)) as object), 'a big batch crosses deflated');
  });

  it('a lone surrogate sends the batch as JSON text, as on the host thread', () => {
    const rows = ['["a\\ud800b",1]'];
    const made = encodeBatch(request(rows, true)) as Record<string, unknown>;
    assert.ok(made.rowsUtf8 instanceof Uint8Array && !('rowsColumns' in made));
    assert.deepStrictEqual(made, onHostThread(rows, true));
    assert.deepStrictEqual(panelCells(made), [['a\ud800b', 1]]);
  });

  it('moves only the byte fields that are wholly their buffer', () => {
    const whole = new Uint8Array(8);
    const view = new Uint8Array(whole.buffer, 2, 2);
    assert.deepStrictEqual(transferables({ a: whole, b: view, c: 'x' }), [whole.buffer]);
    assert.deepStrictEqual(transferables(undefined), []);
  });

  it('the worker answers each batch with the same message, in the order asked', async () => {
    const w = worker();
    w.warm();
    const asks = [request(big, true, 't1', 'a'), request(texts, false, 't2', 'b'), request(big, false, 't1', 'c')];
    const made = await Promise.all(asks.map((r) => w.encode(r)));
    assert.deepStrictEqual(made, asks.map(encodeBatch));
    assert.equal(w.busy, 0);
  });

  it('a worker that cannot start refuses every batch (the host makes them itself)', async () => {
    const w = worker(join(dir, 'missing.worker.js'));
    await assert.rejects(w.encode(request(texts, false)));
    await assert.rejects(w.encode(request(texts, false)), 'and the ones after');
  });

  it('a worker that dies refuses the batches waiting and every later one', async () => {
    const dying = join(dir, 'dying.worker.js');
    writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));");
    const w = worker(dying);
    await assert.rejects(Promise.all([w.encode(request(texts, false)), w.encode(request(texts, false))]), /exited \(3\)/);
    await assert.rejects(w.encode(request(texts, false)));
    assert.equal(w.busy, 0);
  });

  it('refuses after dispose', async () => {
    const w = worker();
    w.dispose();
    await assert.rejects(w.encode(request(texts, false)), /stopped/);
  });
});
