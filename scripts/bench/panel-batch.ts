// Issue #21's "all rows": the results panel's work per streamed batch, in Node (not the product's
// page, but the same code): a 5,000-row batch of `query-stream.mjs`'s shape (20 columns: integers,
// short strings, floats, integers beyond 2^53 as exact strings) as its wire bytes → TextDecoder +
// JSON.parse (`parseToView`'s part) → the column store's append (`webview-ui/results/columnStore.ts`),
// ten batches (the bench's 50,000 rows) per round. CPU time (process.cpuUsage), median of the rounds.
// `node --import tsx scripts/bench/panel-batch.ts`; HOGQL_BENCH_BATCH_ROUNDS (default 15).
import type { Cell } from '../../src/results/protocol';
import { loadavg } from 'node:os';
import { ColumnStore } from '../../webview-ui/results/columnStore';

const ROWS = 5_000;
const BATCHES = 10;
const rounds = Number(process.env.HOGQL_BENCH_BATCH_ROUNDS || 15);

/** The bench query's cell `i` of row `n` as the wire carries it (query-stream.mjs's `column`). */
function cellOf(n: number, i: number): Cell {
  switch (i % 4) {
    case 0:
      return n * (i + 1);
    case 1:
      return String(n * i);
    case 2:
      return n / (i + 1);
    default: {
      const v = BigInt(n) * 1_000_000_000_000n + BigInt(i);
      return v > BigInt(Number.MAX_SAFE_INTEGER) ? String(v) : Number(v);
    }
  }
}

const wire = Array.from({ length: BATCHES }, (_, b) => {
  const rows = Array.from({ length: ROWS }, (_, r) => Array.from({ length: 20 }, (_, i) => cellOf(b * ROWS + r, i)));
  return new TextEncoder().encode(JSON.stringify(rows));
});

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const parse: number[] = [];
const append: number[] = [];
for (let round = 0; round <= rounds; round++) {
  const store = new ColumnStore();
  let p = 0;
  let a = 0;
  for (const bytes of wire) {
    let t = process.cpuUsage();
    const rows = JSON.parse(new TextDecoder().decode(bytes)) as Cell[][];
    p += cpuMs(t);
    t = process.cpuUsage();
    store.append(rows);
    a += cpuMs(t);
  }
  if (store.length !== ROWS * BATCHES) throw new Error(`stored ${store.length} rows`);
  if (round === 0) continue; // warm-up
  parse.push(p);
  append.push(a);
}
const load = loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(
  `panel batch: ${BATCHES} × ${ROWS.toLocaleString('en')} rows × 20 columns, CPU per 50,000 rows (median of ${rounds} rounds; load ${load}): ` +
    `decode + JSON.parse ${median(parse).toFixed(1)} ms, column store append ${median(append).toFixed(1)} ms (min ${Math.min(...append).toFixed(1)})`,
);
