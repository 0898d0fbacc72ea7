/**
 * Streamed results over the engine child's data pipe (issue #15): every row arrives, in order, as
 * whole lines; a late error is an error; and the engine's end is known while its rows are still
 * on their way, so a big result's status (and first byte) does not wait for megabytes of rows
 * to be read first.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRAME_BYTES, FrameReader, frames } from '../src/engine/dataPipe';
import { ChildEngine } from '../src/engine/engine';
import { EngineError } from '../src/engine/types';

describe('engine data pipe: frames', () => {
  it('reassembles frames cut at any read boundary, whole lines of at most FRAME_BYTES each', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `["${'x'.repeat(i % 300)}", ${i}]\n`).join('');
    const out = Buffer.concat([...frames(7, Buffer.from(lines)), ...frames(9, Buffer.from('["y"]\n'))]);
    for (const step of [7, 4093, 65536, out.length]) {
      const got: [number, string][] = [];
      const reader = new FrameReader((id, payload) => got.push([id, payload.toString('utf8')]));
      for (let i = 0; i < out.length; i += step) reader.push(out.subarray(i, i + step));
      assert.equal(got.map(([, t]) => t).join(''), `${lines}["y"]\n`, `reads of ${step} bytes`);
      assert.deepEqual([...new Set(got.map(([id]) => id))], [7, 9]);
      for (const [, text] of got) {
        assert.ok(text.endsWith('\n'));
        assert.ok(Buffer.byteLength(text) <= FRAME_BYTES + 400);
      }
    }
  });
});

describe('engine data pipe: streamed queries', function () {
  this.timeout(60_000);
  let dir: string;
  let engine: ChildEngine;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'emu-stream-'));
    engine = new ChildEngine({ dataDir: dir });
    await engine.start();
  });
  after(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** ~40 MB of rows; each chunk is parsed line by line, as the HogQL half converts them. */
  const BIG = "SELECT number, repeat('x', 180) AS pad, toUInt64(number) * 1000003 AS wide FROM numbers(200000)";

  it('delivers every row as whole lines, and says the engine has finished before the last rows have arrived', async () => {
    let lines = 0;
    let rows = 0;
    let sum = 0;
    let rowsAtEngineDone: number | null = null;
    await engine.queryStream(
      BIG,
      { queryId: 'big' },
      (text) => {
        assert.ok(text.endsWith('\n'), 'whole lines');
        for (const line of text.slice(0, -1).split('\n')) {
          const cells = JSON.parse(line) as string[];
          if (lines++ < 2) continue; // names, types
          assert.equal(cells[2], String(BigInt(cells[0]) * 1000003n));
          sum += Number(cells[0]);
          rows++;
        }
      },
      () => (rowsAtEngineDone = rows),
    );
    assert.equal(rows, 200_000);
    assert.equal(sum, (199_999 * 200_000) / 2);
    assert.notEqual(rowsAtEngineDone, null, 'onEngineDone was called');
    assert.ok(rowsAtEngineDone! < rows, `the engine's end was known after ${rowsAtEngineDone} of ${rows} rows`);
  });

  it('rejects a query that fails after its first rows, without calling onEngineDone', async () => {
    let done = false;
    await assert.rejects(
      engine.queryStream("SELECT number, throwIf(number = 150000, 'late') FROM numbers(200000)", { queryId: 'late' }, () => undefined, () => (done = true)),
      (e: unknown) => e instanceof EngineError && e.clickhouseCode === 395,
    );
    assert.equal(done, false);
  });
});
