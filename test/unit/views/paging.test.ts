import * as assert from 'node:assert/strict';
import { PagedList, type Page } from '../../../src/views/paging';

/** A fake list endpoint over `total` numbers, with controllable answers. */
function source(total: number) {
  const calls: { offset: number; limit: number; signal: AbortSignal }[] = [];
  let failNext = false;
  const fetch = async (offset: number, limit: number, signal: AbortSignal): Promise<Page<number>> => {
    calls.push({ offset, limit, signal });
    if (failNext) {
      failNext = false;
      throw new Error('boom');
    }
    const results = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i);
    return { results, hasMore: offset + results.length < total, nextOffset: offset + results.length, count: total };
  };
  return { fetch, calls, failOnce: () => (failNext = true) };
}

describe('views/paging: PagedList', () => {
  it('loads one page, then the next on loadMore, until the end', async () => {
    const s = source(120);
    const l = new PagedList(s.fetch, 50);
    assert.equal(await l.ensureLoaded(), 'loaded');
    assert.equal(l.items.length, 50);
    assert.equal(l.hasMore, true);
    assert.equal(l.count, 120);
    await l.loadMore();
    await l.loadMore();
    assert.deepEqual(l.items, Array.from({ length: 120 }, (_, i) => i));
    assert.equal(l.hasMore, false);
    assert.deepEqual(s.calls.map((c) => c.offset), [0, 50, 100]);
    await l.loadMore();
    assert.equal(s.calls.length, 3, 'no request past the end');
  });

  it('shares one request between concurrent callers', async () => {
    const s = source(10);
    const l = new PagedList(s.fetch, 5);
    await Promise.all([l.ensureLoaded(), l.ensureLoaded(), l.loadMore()]);
    assert.equal(s.calls.length, 1);
    await l.ensureLoaded();
    assert.equal(s.calls.length, 1, 'loaded lists are not fetched again');
  });

  it('keeps the items and retries the same page after a failure', async () => {
    const s = source(100);
    const l = new PagedList(s.fetch, 50);
    await l.ensureLoaded();
    s.failOnce();
    assert.equal(await l.loadMore(), 'failed');
    assert.equal((l.error as Error).message, 'boom');
    assert.equal(l.items.length, 50);
    assert.equal(await l.loadMore(), 'loaded');
    assert.equal(l.error, undefined);
    assert.deepEqual(s.calls.map((c) => c.offset), [0, 50, 50]);
    assert.equal(l.items.length, 100);
  });

  it('drops an answer that arrives after a reset, and aborts its request', async () => {
    let release!: (p: Page<string>) => void;
    const signals: AbortSignal[] = [];
    const l = new PagedList<string>((_o, _l, signal) => {
      signals.push(signal);
      return signals.length === 1 ? new Promise((r) => (release = r)) : Promise.resolve({ results: ['new'], hasMore: false, nextOffset: 1 });
    }, 10);
    const stale = l.ensureLoaded();
    await Promise.resolve();
    l.reset();
    assert.equal(signals[0]!.aborted, true);
    assert.equal(await l.ensureLoaded(), 'loaded');
    release({ results: ['old'], hasMore: true, nextOffset: 1 });
    assert.equal(await stale, 'stale');
    assert.deepEqual(l.items, ['new']);
    assert.equal(l.hasMore, false);
  });

  it('drops a failure that arrives after a reset', async () => {
    let fail!: (e: Error) => void;
    let n = 0;
    const l = new PagedList<number>(() => (++n === 1 ? new Promise((_r, j) => (fail = j)) : Promise.resolve({ results: [1], hasMore: false, nextOffset: 1 })), 10);
    const stale = l.ensureLoaded();
    await Promise.resolve();
    l.reset();
    await l.ensureLoaded();
    fail(new Error('late'));
    assert.equal(await stale, 'stale');
    assert.equal(l.error, undefined);
    assert.deepEqual(l.items, [1]);
  });

  it('stops when a page comes back empty even if the server says there is more', async () => {
    const l = new PagedList<number>(async () => ({ results: [], hasMore: true, nextOffset: 0 }), 10);
    await l.ensureLoaded();
    assert.equal(l.hasMore, false);
  });

  it('survives a fetch that throws synchronously', async () => {
    const l = new PagedList<number>(() => {
      throw new Error('sync');
    }, 10);
    assert.equal(await l.ensureLoaded(), 'failed');
    assert.equal(l.loading, false);
  });
});
