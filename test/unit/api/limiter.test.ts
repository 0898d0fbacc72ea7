import * as assert from 'node:assert/strict';
import { AbortError, RateLimitError } from '../../../src/api/errors';
import { RateLimiter, rateClassesFor } from '../../../src/api/limiter';
import { json, TestServer, drfError } from './helpers/server';
import { InstantClock, makeClient, ManualClock, rejection } from './helpers/fixtures';

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

describe('api limiter: the server decides (issue #13 item 12)', () => {
  let clock: ManualClock;
  beforeEach(() => {
    clock = new ManualClock();
  });

  it('never refuses nor delays 500 calls of any class against a host that never answered 429', async () => {
    const l = new RateLimiter({ clock });
    const started = clock.now();
    for (let i = 0; i < 500; i++) {
      await l.acquire(['hogql_query']);
      await l.acquire(['burst', 'sustained', 'clickhouse_burst', 'clickhouse_sustained']);
    }
    assert.equal(clock.pending, 0, 'no call slept');
    assert.equal(clock.now(), started);
    assert.equal(l.waitTime(['hogql_query']), 0);
  });

  it('after a 429 with a short Retry-After, the next call of that class waits it out, then goes', async () => {
    const l = new RateLimiter({ clock, maxWaitMs: 10_000 });
    l.penalize(['hogql_query'], 3000);
    assert.equal(l.waitTime(['hogql_query']), 3000);
    assert.equal(l.waitTime(['burst']), 0, 'other classes are not held back');
    let done = false;
    const next = l.acquire(['hogql_query']).then(() => (done = true));
    await clock.advance(2999);
    assert.equal(done, false);
    await clock.advance(1);
    await next;
    assert.equal(done, true);
  });

  it('after a 429 with a long Retry-After, the next call is refused with the countdown the server gave', async () => {
    const l = new RateLimiter({ clock, maxWaitMs: 10_000 });
    l.penalize(['hogql_query'], 120_000);
    const err = await rejection(l.acquire(['hogql_query'], undefined, { method: 'POST', path: '/api/projects/1/query/' }));
    assert.ok(err instanceof RateLimitError);
    assert.equal(err.clientSide, true);
    assert.equal(err.retryAfterMs, 120_000);
    assert.match(err.userMessage, /rate limit .*Retry-After.* Try again in 120 s\./);
    assert.doesNotMatch(err.userMessage, /per hour|Holding back/);
    assert.equal(err.path, '/api/projects/1/query/');
    await clock.advance(70_000);
    const later = await rejection(l.acquire(['hogql_query']));
    assert.match((later as RateLimitError).userMessage, /Try again in 50 s\./, 'the countdown went down');
    await clock.advance(50_000);
    await l.acquire(['hogql_query']);
  });

  it('once throttled, smooths bursts of that class but never refuses one, and calms down after an hour', async () => {
    const l = new RateLimiter({ clock, spacingMs: 250 });
    l.penalize(['clickhouse_burst'], 0);
    const admitted: number[] = [];
    const all: Promise<void>[] = [];
    for (let i = 0; i < 100; i++) all.push(l.acquire(['clickhouse_burst']).then(() => void admitted.push(clock.now())));
    await clock.advance(0);
    for (let step = 0; step < 200 && admitted.length < 100; step++) await clock.advance(250);
    await Promise.all(all);
    assert.equal(admitted.length, 100, 'every call went (none refused)');
    for (let i = 1; i < admitted.length; i++) assert.ok(admitted[i]! - admitted[i - 1]! >= 250, `spaced: ${admitted[i - 1]} then ${admitted[i]}`);
    await clock.advance(3_600_000);
    for (let i = 0; i < 50; i++) await l.acquire(['clickhouse_burst']);
    assert.equal(clock.pending, 0, 'an hour without a 429: no smoothing any more');
  });

  it('a call waiting out a Retry-After is cancellable', async () => {
    const l = new RateLimiter({ clock });
    l.penalize(['burst'], 2000);
    const ac = new AbortController();
    const cancelled = rejection(l.acquire(['burst'], ac.signal));
    ac.abort();
    assert.ok((await cancelled) instanceof AbortError);
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

  it('sends 500 queries to a host that never answered 429 without a wait or a refusal', async () => {
    const clock = new InstantClock();
    const limiter = new RateLimiter({ clock });
    const { api } = makeClient(server.url, { limiter, clock });
    for (let i = 0; i < 500; i++) await api.query.run(1, 'select 1');
    assert.equal(server.requests.length, 500);
    assert.deepEqual(clock.sleeps, [], 'the client never slept');
    assert.equal(api.estimateWait('POST', '/api/projects/1/query/', { query: { kind: 'HogQLQuery', query: 'select 1' } }), 0);
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
    assert.match(second.userMessage, /Try again in 120 s\./);
    assert.equal(server.requests.length, 1, 'the second call was refused locally');
  });

  it('after a 429 with a short Retry-After the next query waits it out, then is sent', async () => {
    const clock = new InstantClock();
    const limiter = new RateLimiter({ clock, maxWaitMs: 10_000 });
    server.handler = (_r, res, _b, n) => (n === 1 ? json(res, 429, drfError('throttled_error', 'throttled', 'x'), { 'retry-after': '2' }) : json(res, 200, { results: [[1]], columns: ['x'] }));
    const { api } = makeClient(server.url, { limiter, clock });
    const first = await rejection(api.query.run(1, 'select 1'));
    assert.ok(first instanceof RateLimitError && !first.clientSide, String(first));
    await api.query.run(1, 'select 1');
    assert.equal(clock.sleeps[0], 2000, 'waited the Retry-After');
    assert.equal(server.requests.length, 2);
  });
});
