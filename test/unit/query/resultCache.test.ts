import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitRows, planIndex, ResultCache, type CacheLimits } from '../../../src/query/resultCache';
import type { Cell } from '../../../src/results/protocol';

const columns = [{ name: 'n', type: 'UInt64' }];
const rowsOf = (n: number, width = 1): Cell[][] => Array.from({ length: n }, (_, i) => [i, 'x'.repeat(width)]);

describe('query/resultCache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hogql-cache-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reopens a stored result from its files, in a new cache object (as after a reload)', async () => {
    await new ResultCache(dir).put('entry-1', { columns, rows: [['9007199254740993'], [null]], elapsedMs: 12, timezone: 'UTC', query: 'select 1' }, 1000);
    const got = await new ResultCache(dir).get('entry-1');
    assert.deepEqual(got, { columns, rows: [['9007199254740993'], [null]], totalRows: 2, elapsedMs: 12, storedAt: 1000, timezone: 'UTC', query: 'select 1' });
    assert.equal(await new ResultCache(dir).get('other'), undefined);
  });

  it('keeps the last N results and evicts the oldest, files included', async () => {
    const limits: CacheLimits = { maxEntries: 3, maxRows: 100, maxBytes: 10_000, maxTotalBytes: 1_000_000 };
    const cache = new ResultCache(dir, limits);
    for (let i = 1; i <= 5; i++) await cache.put(`e${i}`, { columns, rows: rowsOf(i), elapsedMs: i });
    assert.deepEqual(await cache.ids(), ['e5', 'e4', 'e3']);
    assert.equal(await cache.get('e1'), undefined);
    assert.equal(await cache.get('e2'), undefined);
    assert.equal((await cache.get('e3'))?.rows.length, 3);
    assert.equal((await readdir(dir)).filter((f) => f !== 'index.json').length, 3, 'evicted files deleted');
    // storing an entry again makes it the newest
    await cache.put('e3', { columns, rows: rowsOf(1), elapsedMs: 1 });
    await cache.put('e6', { columns, rows: rowsOf(1), elapsedMs: 1 });
    assert.deepEqual(await cache.ids(), ['e6', 'e3', 'e5']);
  });

  it('caps rows and bytes per result, and bytes in all', async () => {
    const cache = new ResultCache(dir, { maxEntries: 20, maxRows: 50, maxBytes: 2_000, maxTotalBytes: 5_000 });
    const big = await cache.put('big', { columns, rows: rowsOf(1_000), elapsedMs: 1 });
    assert.equal(big.totalRows, 1_000);
    assert.ok(big.rows.length <= 50 && big.rows.length > 0);
    assert.ok(Buffer.byteLength(JSON.stringify(big.rows)) <= 2_000);
    const wide = await cache.put('wide', { columns, rows: rowsOf(100, 100), elapsedMs: 1 });
    assert.ok(wide.rows.length < 20, `${wide.rows.length} wide rows fit in 2,000 bytes`);
    assert.ok(Buffer.byteLength(JSON.stringify(wide.rows)) <= 2_000);
    for (let i = 0; i < 6; i++) await cache.put(`f${i}`, { columns, rows: rowsOf(50, 20), elapsedMs: 1 });
    const ids = await cache.ids();
    assert.ok(ids.length < 6, `the total cap keeps fewer than 6 of ~1.5 kB each: ${ids.join(',')}`);
    assert.equal(ids[0], 'f5');
  });

  it('reads a broken index or file as not cached', async () => {
    const cache = new ResultCache(dir);
    await cache.put('a', { columns, rows: rowsOf(2), elapsedMs: 1 });
    const file = (await readdir(dir)).find((f) => f !== 'index.json')!;
    await writeFile(join(dir, file), '{nope');
    assert.equal(await cache.get('a'), undefined);
    await writeFile(join(dir, 'index.json'), '"x"');
    assert.deepEqual(await cache.ids(), []);
    await cache.clear();
    assert.deepEqual(await cache.ids(), []);
  });

  it('plans the index: newest first, within the count and the total', () => {
    const e = (id: string, bytes: number) => ({ id, bytes, rows: 1, storedAt: 0 });
    const limits = { maxEntries: 3, maxRows: 1, maxBytes: 1, maxTotalBytes: 100 };
    assert.deepEqual(planIndex([e('a', 10), e('b', 80), e('c', 5), e('d', 5)], e('n', 20), limits), { keep: [e('n', 20), e('a', 10), e('c', 5)], drop: ['b', 'd'] });
    assert.deepEqual(fitRows(rowsOf(3), 2, 1_000), rowsOf(2));
    assert.deepEqual(fitRows([['x'.repeat(100)]], 10, 10), []);
  });

  it('keeps the most rows whose JSON fits, to the byte (commas, brackets, multi-byte text)', () => {
    const rows: Cell[][] = Array.from({ length: 40 }, (_, i) => [i, i % 3 === 0 ? 'é'.repeat(i) : `r${i}`, i % 5 === 0 ? null : { n: [i] }]);
    const fits = (n: number): number => Buffer.byteLength(JSON.stringify(rows.slice(0, n)));
    for (const maxBytes of [0, 1, 2, fits(1) - 1, fits(1), fits(7) - 1, fits(7), fits(7) + 1, fits(40) - 1, fits(40)]) {
      let best = 0;
      while (best < rows.length && fits(best + 1) <= maxBytes) best++;
      assert.deepEqual(fitRows(rows, 100, maxBytes), rows.slice(0, best), `${maxBytes} bytes`);
    }
    assert.deepEqual(fitRows(rows, 5, fits(40)), rows.slice(0, 5));
  });
});
