import * as assert from 'node:assert/strict';
import { AbortError, NetworkError, RateLimitError, ServerError, TimeoutError } from '../../../src/api/errors';
import { backoffDelay, DEFAULT_RETRY, retryDelay, withRetry } from '../../../src/api/retry';
import { drfError, json, TestServer } from './helpers/server';
import { InstantClock, makeClient, ManualClock, rejection } from './helpers/fixtures';
import { waitFor } from '../../support/waitFor';

describe('api retry: backoff policy', () => {
  it('jitter stays within [c/2, c) of the capped exponential ceiling', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    const ceilings = [100, 200, 400, 800, 1000, 1000];
    ceilings.forEach((c, i) => {
      assert.equal(backoffDelay(i + 1, policy, () => 0), c / 2);
      const hi = backoffDelay(i + 1, policy, () => 0.999999);
      assert.ok(hi < c && hi > c * 0.99, `retry ${i + 1}: ${hi}`);
      const out = backoffDelay(i + 1, policy, () => 5); // a bad random source is clamped
      assert.ok(out < c, `clamped: ${out}`);
    });
  });

  it('decides per error kind: 429 uses Retry-After up to the cap, 500/502/503 back off, 504 and read timeouts do not', () => {
    const p = { ...DEFAULT_RETRY, maxRetryAfterMs: 60_000 };
    const r = () => 0.5;
    const init = { status: 429, userMessage: 'x' };
    assert.equal(retryDelay(new RateLimitError(init, 2000), 1, p, r), 2000);
    assert.equal(retryDelay(new RateLimitError(init, 61_000), 1, p, r), undefined);
    assert.equal(retryDelay(new RateLimitError(init, 100, true), 1, p, r), undefined, 'client-side refusals are final');
    assert.equal(retryDelay(new RateLimitError(init, undefined), 1, p, r), backoffDelay(1, p, r));
    assert.equal(retryDelay(new ServerError({ status: 503, userMessage: 'x' }, 3000), 1, p, r), 3000);
    assert.equal(retryDelay(new ServerError({ status: 500, userMessage: 'x' }), 2, p, r), backoffDelay(2, p, r));
    assert.equal(retryDelay(new ServerError({ status: 504, userMessage: 'x' }), 1, p, r), undefined);
    assert.equal(retryDelay(new TimeoutError({ status: 0, userMessage: 'x' }, 'headers', 1), 1, p, r), undefined);
    assert.notEqual(retryDelay(new TimeoutError({ status: 0, userMessage: 'x' }, 'connect', 1), 1, p, r), undefined);
    assert.equal(retryDelay(new NetworkError({ status: 0, userMessage: 'x' }, 'dns', 'ENOTFOUND'), 1, p, r), undefined);
    assert.notEqual(retryDelay(new NetworkError({ status: 0, userMessage: 'x' }, 'reset', 'ECONNRESET'), 1, p, r), undefined);
  });

  it('a sleeping retry is cancelled by the signal', async () => {
    const clock = new ManualClock();
    const ac = new AbortController();
    let calls = 0;
    const p = rejection(
      withRetry(
        async () => {
          calls++;
          throw new ServerError({ status: 500, userMessage: 'boom', method: 'GET', path: '/x' });
        },
        { idempotent: true, policy: DEFAULT_RETRY, clock, random: () => 0, signal: ac.signal },
      ),
    );
    await waitFor(() => clock.pending === 1, 1000, 'backoff sleep');
    ac.abort();
    const err = await p;
    assert.ok(err instanceof AbortError, String(err));
    assert.equal(calls, 1);
  });
});

describe('api retry: against a loopback server', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  it('429 with Retry-After, then success: waits exactly Retry-After and succeeds', async () => {
    server.handler = (_req, res, _b, n) =>
      n === 1
        ? json(res, 429, drfError('throttled_error', 'throttled', 'Request was throttled. Expected available in 7 seconds.'), { 'retry-after': '7' })
        : json(res, 200, { id: 1, name: 'Org' });
    const { api, clock, log } = makeClient(server.url);
    const org = await api.organizations.current();
    assert.equal(org.name, 'Org');
    assert.equal(server.requests.length, 2);
    assert.deepEqual(clock.sleeps, [7000]);
    assert.match(log.text, /retrying GET \/api\/organizations\/@current\/ in 7\.0 s after RateLimitError/);
  });

  it('429 with an HTTP-date Retry-After is honoured', async () => {
    const clock = new InstantClock();
    server.handler = (_req, res, _b, n) =>
      n === 1 ? json(res, 429, drfError('throttled_error', 'throttled', 'x'), { 'retry-after': new Date(clock.t + 12_000).toUTCString() }) : json(res, 200, { id: 1, name: 'Org' });
    const { api } = makeClient(server.url, { clock });
    await api.organizations.current();
    assert.equal(clock.sleeps.length, 1);
    assert.ok(clock.sleeps[0]! > 11_000 && clock.sleeps[0]! <= 12_000, String(clock.sleeps[0]));
  });

  it('429 with Retry-After beyond the cap fails at once with RateLimitError.retryAfterMs', async () => {
    server.handler = (_req, res) => json(res, 429, drfError('throttled_error', 'throttled', 'x'), { 'retry-after': '3600' });
    const { api, clock } = makeClient(server.url);
    const err = await rejection(api.organizations.current());
    assert.ok(err instanceof RateLimitError, String(err));
    assert.equal(err.retryAfterMs, 3_600_000);
    assert.equal(err.clientSide, false);
    assert.match(err.userMessage, /Try again in 3600 s/);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(clock.sleeps, []);
  });

  it('500 then success on GET: retried once with a jittered delay from the injected random', async () => {
    server.handler = (_req, res, _b, n) => (n === 1 ? json(res, 500, drfError('server_error', 'error', 'A server error occurred.')) : json(res, 200, { id: 3, name: 'P' }));
    const { api, clock } = makeClient(server.url, { random: () => 0.5, retry: { baseDelayMs: 1000 } });
    const p = await api.projects.get(3);
    assert.equal(p.id, 3);
    assert.equal(server.requests.length, 2);
    assert.deepEqual(clock.sleeps, [750]);
  });

  it('gives up after 3 tries on a persistent 503', async () => {
    server.handler = (_req, res) => json(res, 503, drfError('server_error', 'error', 'busy'));
    const { api, clock } = makeClient(server.url, { random: () => 0 });
    const err = await rejection(api.projects.get(3));
    assert.ok(err instanceof ServerError);
    assert.equal(server.requests.length, 3);
    assert.deepEqual(clock.sleeps, [250, 500]);
  });

  it('POST is never retried automatically: the server sees exactly one request', async () => {
    server.handler = (_req, res) => json(res, 500, drfError('server_error', 'error', 'A server error occurred.'));
    const { api, clock } = makeClient(server.url);
    const err = await rejection(api.annotations.create(1, { content: 'x', date_marker: '2024-01-01T00:00:00Z', scope: 'project' }));
    assert.ok(err instanceof ServerError);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(clock.sleeps, []);
  });

  it('PATCH and DELETE are not retried either, even on a reset connection', async () => {
    server.handler = (req) => void req.socket.destroy();
    const { api } = makeClient(server.url);
    await rejection(api.flags.update(1, 2, { active: false }));
    await rejection(api.query.cancel(1, 'abc'));
    assert.deepEqual(server.requests.map((r) => r.method), ['PATCH', 'DELETE']);
  });

  it('a query status poll is marked idempotent and retried', async () => {
    server.handler = (_req, res, _b, n) =>
      n === 1 ? json(res, 502, 'bad gateway') : json(res, 202, { query_status: { id: 'q1', complete: false, error: false, error_message: null, results: null } });
    const { api } = makeClient(server.url);
    const st = await api.query.status(1, 'q1');
    assert.equal(st.complete, false);
    assert.equal(server.requests.length, 2);
    assert.equal(server.requests[1]!.url, '/api/projects/1/query/q1/?show_progress=true');
  });
});
