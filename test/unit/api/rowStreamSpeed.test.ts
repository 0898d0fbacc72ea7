import * as assert from 'node:assert/strict';
import { RowStream } from '../../../src/api/rowStream';

// Issue #21: the extension host reads a big result while it arrives; finding where each row ends
// must not cost more than parsing the rows (a bare client only runs JSON.parse over the body).
// CPU time of this process, the best of several rounds: robust to a loaded machine.

/** A query response of `n` flat rows (integers, strings with escapes and brackets, floats, nulls), no unsafe integers. */
function response(n: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const cells: unknown[] = [];
    for (let c = 0; c < 20; c++) cells.push([i * (c + 1), `v[${i}] "q" {${c}}`, i / (c + 1), c === 3 && i % 5 ? null : `${i}\n${c}`][c % 4]);
    rows.push(JSON.stringify(cells));
  }
  return `{"columns":[],"results":[\n${rows.join(',\n')}\n],"types":[],"hasMore":false}`;
}

function cpuMs(f: () => void): number {
  const start = process.cpuUsage();
  f();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

describe('api/rowStream: speed of the streamed parse (issue #21)', function () {
  this.timeout(60_000);

  it('streaming flat rows costs at most 1.6× one JSON.parse of the whole body', () => {
    const text = response(20_000);
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 65_536) chunks.push(text.slice(i, i + 65_536));
    let rows = 0;
    const streamed = (): void => {
      const s = new RowStream({ path: ['results'], onFirst: (_h, r) => (rows += r.length), onRows: (r) => (rows += r.length) });
      for (const c of chunks) s.push(c);
      s.end();
    };
    let best = { stream: Infinity, parse: Infinity };
    for (let round = 0; round < 5; round++) {
      rows = 0;
      best = { stream: Math.min(best.stream, cpuMs(streamed)), parse: Math.min(best.parse, cpuMs(() => JSON.parse(text))) };
      assert.equal(rows, 20_000);
    }
    assert.ok(best.stream <= 1.6 * best.parse, `streamed ${best.stream.toFixed(0)} ms of CPU, JSON.parse ${best.parse.toFixed(0)} ms`);
  });
});
