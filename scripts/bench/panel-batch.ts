// Issue #21's "all rows": the work per streamed batch on both sides, in Node (not the product's
// page, but the same code): ten 5,000-row batches of `query-stream.mjs`'s shape (20 columns:
// integers, short strings, floats, integers beyond 2^53) per round, CPU time (process.cpuUsage),
// median of the rounds. Two wire forms side by side:
// - JSON (s10–s13): host: the body's row texts → wire text + UTF-8 (`WireRows`) → deflate level 1,
//   and its own `JSON.parse` of that text later (`settle()`); page: inflate → TextDecoder +
//   JSON.parse (`parseToView`'s part) → the column store's `append`.
// - columnar (s14, src/results/wireColumns.ts): host: wire text → JSON.parse (the parse it does
//   anyway, now before the post) → `encodeColumns` → deflate level 1; page: inflate →
//   `decodeColumns` → `appendColumns`.
// Plus bytes raw and deflated, and the websocket's own deflate of what we post (code-server's
// extension host deflates every frame again at zlib's default level: host CPU too).
// `node --import tsx scripts/bench/panel-batch.ts`; HOGQL_BENCH_BATCH_ROUNDS (default 15).
import type { Cell } from '../../src/results/protocol';
import { loadavg } from 'node:os';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { decodeColumns, encodeColumns } from '../../src/results/wireColumns';
import { wireRowsText, WireRows } from '../../src/results/wireText';
import { ColumnStore } from '../../webview-ui/results/columnStore';

const ROWS = 5_000;
const BATCHES = 10;
const rounds = Number(process.env.HOGQL_BENCH_BATCH_ROUNDS || 15);

/** The bench query's cell `i` of row `n` as the body spells it (query-stream.mjs's `column`). */
function cellText(n: number, i: number): string {
  switch (i % 4) {
    case 0:
      return String(n * (i + 1));
    case 1:
      return `"${n * i}"`;
    case 2:
      return String(n / (i + 1));
    default:
      return String(BigInt(n) * 1_000_000_000_000n + BigInt(i)); // beyond 2^53 from n = 9,008 on: exact digits
  }
}

const bodies = Array.from({ length: BATCHES }, (_, b) =>
  Array.from({ length: ROWS }, (_, r) => `[${Array.from({ length: 20 }, (_, i) => cellText(b * ROWS + r, i)).join(',')}]`),
);

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const deflate = (b: Uint8Array): Uint8Array => new Uint8Array(deflateRawSync(b, { level: 1 }));

type Step = Record<string, number>;
const runs: { json: Step; cols: Step }[] = [];
const bytes = { json: [0, 0], cols: [0, 0] };

/** Times `f`, adding its CPU ms to `into[key]`. */
function timed<T>(into: Step, key: string, f: () => T): T {
  const t = process.cpuUsage();
  const out = f();
  into[key] = (into[key] ?? 0) + cpuMs(t);
  return out;
}

for (let round = 0; round <= rounds; round++) {
  const json: Step = {};
  const cols: Step = {};
  const jsonStore = new ColumnStore();
  const colStore = new ColumnStore();
  for (const texts of bodies) {
    // JSON: host
    const wire = new WireRows(texts);
    const utf8 = timed(json, 'host wire text + UTF-8', () => new TextEncoder().encode(wireRowsText(texts)));
    const jz = timed(json, 'host deflate', () => deflate(utf8));
    timed(json, 'host websocket deflate', () => deflateRawSync(jz));
    timed(json, 'host parse (settle)', () => wire.rows());
    // JSON: page
    const jin = timed(json, 'page inflate', () => inflateRawSync(jz));
    const rows = timed(json, 'page decode + JSON.parse', () => JSON.parse(new TextDecoder().decode(jin)) as Cell[][]);
    timed(json, 'page append', () => jsonStore.append(rows));
    // columnar: host
    const parsed = timed(cols, 'host wire text + parse', () => JSON.parse(wireRowsText(texts)) as Cell[][]);
    const enc = timed(cols, 'host encodeColumns', () => encodeColumns(parsed))!;
    const cz = timed(cols, 'host deflate', () => deflate(enc));
    timed(cols, 'host websocket deflate', () => deflateRawSync(cz));
    // columnar: page
    const cin = timed(cols, 'page inflate', () => inflateRawSync(cz));
    const batch = timed(cols, 'page decodeColumns', () => decodeColumns(new Uint8Array(cin.buffer, cin.byteOffset, cin.byteLength)))!;
    timed(cols, 'page appendColumns', () => colStore.appendColumns(batch));
    if (round === 0) {
      bytes.json[0] += utf8.length;
      bytes.json[1] += jz.length;
      bytes.cols[0] += enc.length;
      bytes.cols[1] += cz.length;
    }
  }
  if (round === 0) {
    // the two stores hold the same cells
    for (let i = 0; i < jsonStore.length; i += 997) if (JSON.stringify(jsonStore.row(i)) !== JSON.stringify(colStore.row(i))) throw new Error(`row ${i} differs`);
    if (colStore.length !== ROWS * BATCHES) throw new Error(`stored ${colStore.length} rows`);
    continue; // warm-up
  }
  runs.push({ json, cols });
}

const load = loadavg().map((l) => l.toFixed(2)).join(' ');
const mb = (n: number): string => `${(n / 1e6).toFixed(2)} MB`;
console.log(`panel batch: ${BATCHES} × ${ROWS.toLocaleString('en')} rows × 20 columns, CPU ms per 50,000 rows (median of ${rounds} rounds; load ${load})`);
for (const form of ['json', 'cols'] as const) {
  const keys = Object.keys(runs[0][form]);
  const sum = (side: string): number => median(runs.map((r) => keys.filter((k) => k.startsWith(side)).reduce((s, k) => s + r[form][k], 0)));
  const parts = keys.map((k) => `${k} ${median(runs.map((r) => r[form][k])).toFixed(1)}`).join(', ');
  console.log(`  ${form === 'json' ? 'JSON    ' : 'columnar'}: host ${sum('host').toFixed(0)}, page ${sum('page').toFixed(0)} — ${parts}; bytes ${mb(bytes[form][0])} raw, ${mb(bytes[form][1])} deflated`);
}
