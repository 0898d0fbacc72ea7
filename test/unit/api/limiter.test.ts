import * as assert from 'node:assert/strict';
import { AbortError, RateLimitError } from '../../../src/api/errors';
import { RateLimiter, rateClassesFor } from '../../../src/api/limiter';
import { json, TestServer, drfError } from './helpers/server';
import { makeClient, ManualClock, rejection } from './helpers/fixtures';
import { waitFor } from '../../support/waitFor';

const MIN = 60_000;

describe('api limiter: throttle classes', () => {
  it('maps requests to PostHog throttle classes', () => {
    const q = '/api/projects/1/query/';
    assert.deepEqual(rateClassesFor('POST', q, { query: { kind: 'HogQLQuery', query: 'select 1' } }), ['hogql_query']);
    assert.deepEqual(rateClassesFor('POST', q, { query: { kind: 'HogQLMetadata', query: 'select 1' } }), ['clickhouse_burst', 'clickhouse_sustained']);
    assert.deepEqual(rateClassesFor('POST', q, { query: { kind: 'HogQLAutocomplete' } }), ['clickhouse_burst', 'clickhouse_sustained']);
    assert.deepEqual(rateClassesFor('GET', '/api/projects/1/query/abc/?show_progress=true'), ['clickhouse_burst', 'clickhouse_sustained']);
    assert.deepEqual(rateClassesFor('GET', '/api/projects/1/session_recordings/?limit=2'), ['burst', 'sustained', 'clickhouse_burst', 'clickhouse_sustained']);
    assert.deepEqual(rateClassesFor('GET', '/api/projects/1/persons/?search=x'), ['burst', 'sustained', 'clickhouse_burst', 'clickhouse_sustained']);
    assert.deepEqual(rateClassesFor('GET', '/api/projects/1/insights/5/?refresh=blocking'), ['burst', 'sustained', 'clickhouse_burst', 'clickhouse_sustained']);
    assert.deepEqual(rateClassesFor('GET', '/api/projects/1/insights/?basic=true'), ['burst', 'sustained']);
    assert.deepEqual(rateClassesFor('GET', '/api/projects/1/feature_flags/'), ['burst', 'sustained']);
    assert.deepEqual(rateClassesFor('GET', '/posthog/api/projects/1/query/x/'), ['clickhouse_burst', 'clickhouse_sustained'], 'with a path prefix');
  });
});

describe('api limiter: sliding-window buckets', () => {
  let clock: ManualClock;
  beforeEach(() => {
    clock = new ManualClock();
  });

  it('admits up to the limit at once, then queues FIFO until tokens come back one window later', async () => {
    const l = new RateLimiter({ clock, rates: { burst: { limit: 3, windowMs: MIN } }, maxWaitMs: 2 * MIN, marginMs: 0 });
    for (let i = 0; i < 3; i++) await l.acquire(['burst']);
    assert.equal(l.waitTime(['burst']), MIN);
    const order: number[] = [];
    const a = l.acquire(['burst']).then(() => order.push(1));
    const b = l.acquire(['burst']).then(() => order.push(2));
    await clock.advance(MIN - 1);
    assert.deepEqual(order, []);
    await clock.advance(1);
    await a;
    await b;
    assert.deepEqual(order, [1, 2], 'both tokens (used at the same instant) came back together, in order');
  });

  it('never admits more than the limit within any window (unlike a refilling token bucket)', async () => {
    const l = new RateLimiter({ clock, rates: { burst: { limit: 5, windowMs: 1000 } }, maxWaitMs: 1e9, marginMs: 0 });
    const admitted: number[] = [];
    const all: Promise<void>[] = [];
    for (let i = 0; i < 23; i++) all.push(l.acquire(['burst']).then(() => void admitted.push(clock.now())));
    await clock.advance(0);
    for (let step = 0; step < 60 && admitted.length < 23; step++) await clock.advance(100);
    await Promise.all(all);
    for (const t of admitted) {
      const inWindow = admitted.filter((u) => u > t - 1000 && u <= t).length;
      assert.ok(inWindow <= 5, `${inWindow} admitted in the window ending ${t}`);
    }
  });

  it('a call needing several classes waits for the slowest and takes from all', async () => {
    const l = new RateLimiter({ clock, rates: { clickhouse_burst: { limit: 1, windowMs: 1000 }, burst: { limit: 10, windowMs: 1000 } }, marginMs: 0 });
    await l.acquire(['burst', 'clickhouse_burst']);
    assert.equal(l.waitTime(['burst']), 0);
    assert.equal(l.waitTime(['burst', 'clickhouse_burst']), 1000);
  });

  it('fails fast with a client-side RateLimitError when the wait exceeds maxWaitMs (nothing reserved)', async () => {
    const l = new RateLimiter({ clock, maxWaitMs: 10_000 });
    for (let i = 0; i < 120; i++) await l.acquire(['hogql_query']);
    const err = await rejection(l.acquire(['hogql_query'], undefined, { method: 'POST', path: '/api/projects/1/query/' }));
    assert.ok(err instanceof RateLimitError);
    assert.equal(err.clientSide, true);
    assert.equal(err.retryAfterMs, 3_601_000);
    assert.match(err.userMessage, /HogQL queries \(120 per hour\)\. Try again in 3601 s/);
    assert.equal(err.path, '/api/projects/1/query/');
    assert.equal(l.waitTime(['hogql_query']), 3_600_000 + 1000, 'the refused call took no slot (window + 1 s margin)');
  });

  it('a queued call is cancellable and gives its slot back', async () => {
    const l = new RateLimiter({ clock, rates: { burst: { limit: 1, windowMs: 1000 } }, marginMs: 0 });
    await l.acquire(['burst']);
    const ac = new AbortController();
    const cancelled = rejection(l.acquire(['burst'], ac.signal));
    assert.equal(l.waitTime(['burst']), 2000, 'the queued call holds the slot at 1000, the next one is at 2000');
    ac.abort();
    assert.ok((await cancelled) instanceof AbortError);
    assert.equal(l.waitTime(['burst']), 1000, 'back to the first free slot');
    await clock.advance(1000);
    assert.equal(l.waitTime(['burst']), 0, 'its slot was released');
  });

  it('penalize() after a server 429 holds back the classes', async () => {
    const l = new RateLimiter({ clock });
    l.penalize(['clickhouse_burst'], 5000);
    assert.equal(l.waitTime(['clickhouse_burst']), 5000);
    assert.equal(l.waitTime(['burst']), 0);
  });
});

describe('api limiter: in the client', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start((_r, res) => json(res, 200, { results: [[1]], columns: ['x'] }));
  });
  afterEach(async () => {
    await server.close();
  });

  it('queues the third query until a token returns, and a queued call can be cancelled before sending', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, rates: { hogql_query: { limit: 2, windowMs: 1000 } }, marginMs: 0 });
    const { api } = makeClient(server.url, { limiter, clock });
    await api.query.run(1, 'select 1');
    await api.query.run(1, 'select 1');
    const third = api.query.run(1, 'select 1');
    const ac = new AbortController();
    const fourth = rejection(api.query.run(1, 'select 1', { signal: ac.signal }));
    await waitFor(() => clock.pending === 2, 1000, 'two queued calls');
    assert.equal(server.requests.length, 2, 'queued calls are not sent');
    assert.equal(api.limiter!.waitTime(['hogql_query']), 2000, 'two calls hold the slots at 1000; a fifth would wait 2000');
    assert.equal(api.estimateWait('POST', '/api/projects/1/query/', { query: { kind: 'HogQLQuery', query: 'select 1' } }), 2000);
    assert.equal(api.estimateWait('GET', '/api/projects/1/feature_flags/'), 0);
    ac.abort();
    assert.ok((await fourth) instanceof AbortError);
    await clock.advance(1000);
    await third;
    assert.equal(server.requests.length, 3, 'the cancelled call was never sent');
    // Metadata is not a HogQLQuery: it does not wait in the query bucket.
    server.handler = (_r, res) => json(res, 200, { isValid: true, errors: [], warnings: [], notices: [] });
    await api.query.metadata(1, 'select 1');
    assert.equal(server.requests.length, 4);
  });

  it('a long wait fails fast instead of hanging, and a server 429 blocks the class locally', async () => {
    const clock = new ManualClock();
    const limiter = new RateLimiter({ clock, maxWaitMs: 10_000 });
    server.handler = (_r, res) => json(res, 429, drfError('throttled_error', 'throttled', 'x'), { 'retry-after': '120' });
    const { api } = makeClient(server.url, { limiter, clock });
    const first = await rejection(api.flags.get(1, 1));
    assert.ok(first instanceof RateLimitError && !first.clientSide, String(first));
    const second = await rejection(api.flags.get(1, 1));
    assert.ok(second instanceof RateLimitError && second.clientSide, String(second));
    assert.equal(second.retryAfterMs, 120_000);
    assert.equal(server.requests.length, 1, 'the second call was refused locally');
  });
});
