/**
 * Big HogQL results are streamed as the engine produces them (issue #15), in PostHog's key order,
 * with the same content as the whole-body path (async runs still answer whole) and exact 64-bit
 * integers; the streamed body is cached like any other.
 */
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../src/index';
import { call, startTestEmulator, stopTestEmulator, waitFor, type Res } from './support/harness';

const hogql = (query: string, extra: Record<string, unknown> = {}) => ({ query: { kind: 'HogQLQuery', query }, ...extra });

/** PostHog's CachedHogQLQueryResponse field order (posthog/schema.py), for the keys we serve. */
const POSTHOG_ORDER = [
  'cache_key', 'cache_target_age', 'clickhouse', 'columns', 'hasMore', 'hogql', 'is_cached', 'last_refresh', 'limit',
  'modifiers', 'next_allowed_client_refresh', 'offset', 'query_status', 'results', 'timezone', 'timings', 'types',
];

describe('query endpoint: streamed big results', function () {
  this.timeout(300_000);
  let emu: RunningEmulator;
  before(async () => (emu = await startTestEmulator()));
  after(() => stopTestEmulator(emu));

  const post = (body: unknown): Promise<Res> => call(emu, 'POST', '/api/projects/1/query/', { body });

  /** The same query answered whole: an async run's results in query_status. */
  const resultsText = (t: string) => t.slice(t.indexOf('"results":['), t.indexOf(',"timezone":'));

  async function whole(query: string): Promise<Record<string, unknown> & { text: string }> {
    const id = `whole-${Math.random().toString(36).slice(2)}`;
    const start = await post(hogql(query, { refresh: 'force_async', client_query_id: id }));
    assert.ok(start.status === 202 || start.status === 200, start.text);
    const done = await waitFor(async () => {
      const r = await call(emu, 'GET', `/api/projects/1/query/${id}/`);
      return r.json?.query_status?.complete ? r : null;
    }, 60_000, 'the async run');
    return { ...done.json.query_status.results, text: done.text };
  }

  it('streams a big result chunked, in PostHog key order, with the rows of the whole-body path', async () => {
    const query = 'select * from events order by uuid limit 50000';
    const r = await post(hogql(query, { refresh: 'force_blocking' }));
    assert.equal(r.status, 200, r.text.slice(0, 300));
    assert.equal(r.headers.get('transfer-encoding'), 'chunked');
    assert.equal(r.headers.get('content-length'), null);
    assert.deepEqual(Object.keys(r.json), POSTHOG_ORDER);
    assert.ok(r.text.length > 2_000_000, `a big body (${r.text.length} bytes)`);
    const ref = await whole(query);
    assert.ok(r.json.results.length > 5000, `rows: ${r.json.results.length}`);
    assert.equal(r.json.results.length, (ref.results as unknown[]).length);
    assert.deepEqual(r.json.results, ref.results);
    assert.equal(resultsText(r.text), resultsText(ref.text), 'the same JSON text, byte for byte');
    assert.deepEqual(r.json.types, ref.types);
    assert.deepEqual(r.json.columns, ref.columns);
    // An explicit LIMIT is not paginated by PostHog: hasMore, limit and offset stay null.
    assert.deepEqual([r.json.hasMore, r.json.limit, r.json.offset], [null, null, null]);
    assert.equal(r.json.is_cached, false);
    assert.ok(r.json.timings.some((t: { k: string }) => t.k === './clickhouse_execute'));
  });

  it('streams a LIMIT below the row count and a UNION with hasMore/limit/offset null, as PostHog runs them unpaginated', async () => {
    const cut = await post(hogql('select * from events order by timestamp, uuid limit 5000', { refresh: 'force_blocking' }));
    assert.equal(cut.headers.get('transfer-encoding'), 'chunked');
    assert.equal(cut.json.results.length, 5000);
    assert.deepEqual([cut.json.hasMore, cut.json.limit, cut.json.offset], [null, null, null]);
    const union = await post(hogql('select * from events limit 3000 union all select * from events limit 2500', { refresh: 'force_blocking' }));
    assert.equal(union.headers.get('transfer-encoding'), 'chunked');
    assert.equal(union.json.results.length, 5500);
    assert.deepEqual([union.json.hasMore, union.json.limit, union.json.offset], [null, null, null]);
  });

  it('keeps 64-bit integers exact in a streamed body and serves it again from the cache', async () => {
    const body = hogql('select 18446744073709551615 as big, -9223372036854775808 as neg, cityHash64(uuid) as h, * from events limit 6000', { refresh: 'blocking' });
    const first = await post(body);
    assert.equal(first.headers.get('transfer-encoding'), 'chunked');
    assert.match(first.text, /"results":\[\[18446744073709551615,-9223372036854775808,\d+,"/);
    const hashes = [...first.text.matchAll(/\[18446744073709551615,-9223372036854775808,(\d+),/g)].map((m) => m[1]);
    assert.equal(hashes.length, first.json.results.length);
    assert.ok(hashes.some((h) => BigInt(h) > BigInt(Number.MAX_SAFE_INTEGER)), 'hashes beyond 2^53 keep every digit');
    assert.equal(first.json.is_cached, false);
    const again = await post(body);
    assert.equal(again.json.is_cached, true);
    assert.equal(again.json.last_refresh, first.json.last_refresh);
    const strip = (t: string) => t.slice(t.indexOf('"results":'), t.indexOf(',"timezone":'));
    assert.equal(strip(again.text), strip(first.text));
    assert.deepEqual(Object.keys(again.json), POSTHOG_ORDER);
  });

  it('answers small results whole, in the same key order', async () => {
    const r = await post(hogql('select event, count() as c from events group by event order by c desc', { refresh: 'force_blocking' }));
    assert.equal(r.status, 200);
    assert.notEqual(r.headers.get('content-length'), null);
    assert.deepEqual(Object.keys(r.json), POSTHOG_ORDER);
  });

  it('answers an engine error in a late row (after 1 MB of rows) with PostHog\'s whole error JSON, not a cut body', async () => {
    // PostHog runs the query to the end before it answers, so a failure on row 45,000 is a 400.
    const late = await post(hogql("select number, repeat('x', 400) as pad, throwIf(number = 45000, 'late failure') as t from numbers(50000) limit 50000", { refresh: 'force_blocking' }));
    const early = await post(hogql("select number, repeat('x', 400) as pad, throwIf(number = 0, 'late failure') as t from numbers(10) limit 10", { refresh: 'force_blocking' }));
    assert.equal(early.status, 400, early.text);
    assert.equal(late.status, 400, late.text.slice(0, 300));
    assert.ok(late.json, `a complete JSON body (${late.text.length} bytes: ${late.text.slice(0, 120)})`);
    assert.deepEqual(Object.keys(late.json), ['type', 'code', 'detail', 'attr']);
    assert.equal(late.json.code, 'function_throw_if_value_is_non_zero');
    assert.equal(late.json.code, early.json.code);
    assert.match(late.json.detail, /late failure/);
    // Nothing was cached, and the same query fails again the same way.
    const again = await post(hogql("select number, repeat('x', 400) as pad, throwIf(number = 45000, 'late failure') as t from numbers(50000) limit 50000", { refresh: 'blocking' }));
    assert.equal(again.status, 400);
  });

  describe('with a 2 s query timeout', () => {
    let slow: RunningEmulator;
    before(async () => (slow = await startTestEmulator({ events: 500, queryTimeoutSeconds: 2 })));
    after(() => stopTestEmulator(slow));

    it('answers a limit hit after the first rows (the timeout, or memory first) with PostHog\'s whole error JSON, not a cut body', async () => {
      // Two fast blocks of 4096 wide rows (over 1 MB: streamed), then rows that take seconds each block.
      const query =
        "select number, repeat('x', 400) as pad, arraySum(arrayMap(x -> x * number, range(if(number < 8192, 1, 100000)))) as slow " +
        'from numbers(50000) limit 50000';
      const r = await call(slow, 'POST', '/api/projects/1/query/', { body: hogql(query, { refresh: 'force_blocking' }) });
      // which limit the engine hits first depends on the machine (the slow rows are also big ones):
      // each is PostHog's answer for it (504 timeout, 513 memory), as one whole JSON body
      assert.ok(r.status === 504 || r.status === 513, `${r.status}: ${r.text.slice(0, 300)}`);
      assert.ok(r.json, `a complete JSON body (${r.text.length} bytes)`);
      assert.equal(r.json.type, 'server_error');
      if (r.status === 504) assert.match(r.json.detail, /^Query has hit the max execution time before completing/);
      else assert.equal(r.json.code, 'clickhouse_memory_limit_exceeded');
    });
  });
});
