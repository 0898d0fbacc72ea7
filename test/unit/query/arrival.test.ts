import * as assert from 'node:assert/strict';
import { parseJsonLossless } from '../../../src/api/json';
import type { HogQLQueryResponse } from '../../../src/api/resources/query';
import { Arrival } from '../../../src/query/arrival';
import type { RunSink } from '../../../src/query/runner';
import { toTabWire, type Cell } from '../../../src/results/protocol';
import { toCell } from '../../../src/results/response';
import { batchRows, decodeColumns } from '../../../src/results/wireColumns';
import { WireRows } from '../../../src/results/wireText';

/** A sink that keeps what the arrival sent, in order. */
function recorder() {
  const calls: { kind: string; rows?: Cell[][] | WireRows }[] = [];
  const sink: RunSink = {
    loading: () => undefined,
    progress: () => undefined,
    result: () => undefined,
    error: () => undefined,
    cancelled: () => undefined,
    streamStart: (first) => {
      calls.push({ kind: 'start', rows: first.rows });
    },
    streamRows: (_id, rows) => calls.push({ kind: 'rows', rows }),
  };
  return { sink, calls };
}

const cellsOf = (texts: string[]): Cell[][] => texts.map((t) => (parseJsonLossless(t) as unknown[]).map(toCell));
const HEAD = { columns: ['n', 'u', 'f'], results: [] } as unknown as HogQLQueryResponse;

describe('query/arrival: a streamed result on its way to the panel (issue #21)', () => {
  it('a batch of row texts is kept as its wire text and parsed when posted (in columns), or else in settle()', async () => {
    const { sink, calls } = recorder();
    const counts: number[] = [];
    const a = new Arrival('q1', sink, 0, (n) => counts.push(n));
    a.first(HEAD, [[0, 7n, 0.5]]);
    const texts = ['[1,10000000000000007,1.50]', '[2, 20000000000000007 ,-0]'];
    a.moreTexts(texts);
    a.more([[3, 30000000000000007n, 2.5]]);
    assert.deepEqual(counts, [1, 3, 4]);
    assert.deepEqual(calls.map((c) => c.kind), ['start', 'rows', 'rows']);
    const wire = calls[1].rows;
    assert.ok(wire instanceof WireRows);
    assert.equal(wire.parsedYet, false, 'not parsed on its way');
    // posted in columns: the cells of the wire text (the integer beyond 2^53 exact, -0 as 0)
    const posted = toTabWire('t', { kind: 'moreRows', queryId: 'q1', rows: wire }) as { rowsColumns: Uint8Array };
    assert.equal(wire.parsedYet, true);
    assert.deepStrictEqual(batchRows(decodeColumns(posted.rowsColumns)!), [[1, '10000000000000007', 1.5], [2, '20000000000000007', 0]]);
    await a.settle();
    assert.deepStrictEqual(a.rows(), [[0, '7', 0.5], ...JSON.parse(JSON.stringify(cellsOf(texts))), [3, '30000000000000007', 2.5]]);
  });

  it('settle() parses one batch per task: other work runs between two batches', async () => {
    const { sink } = recorder();
    const a = new Arrival('q2', sink, 0, () => undefined);
    a.first(HEAD, [[0, 0, 0]]);
    const batches = [0, 1, 2].map((b) => Array.from({ length: 3 }, (_, i) => `[${b * 3 + i},1,2]`));
    for (const b of batches) a.moreTexts(b);
    const seen: number[] = [];
    const settling = a.settle();
    // a task queued now runs before the second batch is parsed
    setImmediate(() => seen.push(a.rowsParsed()));
    await settling;
    assert.ok(seen[0] < 9, `rows parsed when the other task ran: ${seen[0]}`);
    assert.equal(a.rowsParsed(), 10);
    assert.deepEqual(a.rows().map((r) => r[0]), [0, ...Array.from({ length: 9 }, (_, i) => i)]);
  });

  it("the body's reading waits once, after the first rows, for what the sink's streamStart gave (the first rows out to the panel)", () => {
    const { sink } = recorder();
    let out!: () => void;
    const firstOut = new Promise<void>((r) => (out = r));
    const a = new Arrival('q4', { ...sink, streamStart: () => firstOut }, 0, () => undefined);
    assert.equal(a.ready(), undefined, 'nothing to wait for before the first rows');
    a.first(HEAD, [[0, 0, 0]]);
    assert.equal(a.ready(), firstOut);
    assert.equal(a.ready(), undefined, 'once');
    a.moreTexts(['[1,1,1]']);
    assert.equal(a.ready(), undefined);
    out();
  });

  it('a retried attempt starts over with its first rows', async () => {
    const { sink } = recorder();
    const a = new Arrival('q3', sink, 0, () => undefined);
    a.first(HEAD, [[1, 1, 1]]);
    a.moreTexts(['[2,2,2]']);
    a.first(HEAD, [[9, 9, 9]]);
    a.moreTexts(['[10,10,10]']);
    await a.settle();
    assert.deepEqual(a.rows(), [[9, 9, 9], [10, 10, 10]]);
    assert.equal(a.received, 2);
  });
});
