/** Admin API, fault injection (every mode), request log and PostHog-style throttling. */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { RunningEmulator } from '../src/index';
import { RateLimiter } from '../src/server/rateLimit';
import { call, startTestEmulator, stopTestEmulator } from './support/harness';

/** Raw GET that reports how the response ended (fetch hides resets and truncation details). */
function rawGet(emu: RunningEmulator, path: string, timeoutMs: number): Promise<{ status?: number; body: string; error?: string; chunks: number; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    let chunks = 0;
    let body = '';
    const req = request(emu.url + path, { headers: { Authorization: `Bearer ${emu.personalKey}` } }, (res) => {
      res.on('data', (c) => ((body += c), chunks++));
      res.on('end', () => resolve({ status: res.statusCode, body, chunks, ms: Date.now() - t0 }));
      res.on('error', (e) => resolve({ status: res.statusCode, body, error: e.message, chunks, ms: Date.now() - t0 }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('client timeout')));
    req.on('error', (e) => resolve({ body, error: `${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`.trim(), chunks, ms: Date.now() - t0 }));
    req.end();
  });
}

describe('admin API, faults and rate limits', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  before(async () => (emu = await startTestEmulator()));
  after(() => stopTestEmulator(emu));

  const fault = (body: Record<string, unknown>) => call(emu, 'POST', '/_emulator/faults', { key: emu.adminToken, body });

  it('refuses personal keys and anonymous callers', async () => {
    assert.equal((await call(emu, 'GET', '/_emulator/requests', { key: null })).status, 401);
    const personal = await call(emu, 'POST', '/_emulator/faults', { body: { mode: '500' } });
    assert.equal(personal.status, 403);
    assert.equal((await call(emu, 'GET', '/_emulator/queries', { key: 'phx_bogus' })).status, 401);
    assert.equal((await call(emu, 'GET', '/_emulator/faults', { key: emu.adminToken })).json.faults.length, 0, 'the refused call added no fault');
  });

  it('logs requests with a key hint only', async () => {
    await call(emu, 'DELETE', '/_emulator/requests', { key: emu.adminToken });
    await call(emu, 'GET', '/api/projects/1/actions/?limit=1');
    const log = await call(emu, 'GET', '/_emulator/requests', { key: emu.adminToken });
    const entry = log.json.requests.find((r: { path: string }) => r.path === '/api/projects/1/actions/');
    assert.equal(entry.status, 200);
    assert.equal(entry.method, 'GET');
    assert.equal(entry.keyHint, `phx_…${emu.personalKey.slice(-4)}`);
    assert.ok(!log.text.includes(emu.personalKey));
  });

  it('429 fault carries throttled_error and Retry-After, then the path works again', async () => {
    assert.equal((await fault({ mode: '429', count: 2, path: '/api/projects/1/surveys', retryAfter: 7 })).status, 201);
    for (let i = 0; i < 2; i++) {
      const r = await call(emu, 'GET', '/api/projects/1/surveys/');
      assert.equal(r.status, 429);
      assert.equal(r.headers.get('retry-after'), '7');
      assert.deepEqual(r.json, { type: 'throttled_error', code: 'throttled', detail: 'Request was throttled. Expected available in 7 seconds.', attr: null });
    }
    assert.equal((await call(emu, 'GET', '/api/projects/1/surveys/')).status, 200);
    assert.equal((await call(emu, 'GET', '/api/projects/1/actions/')).status, 200);
  });

  it('500 and html faults', async () => {
    await fault({ mode: '500', path: '/api/projects/1/actions' });
    const e = await call(emu, 'GET', '/api/projects/1/actions/');
    assert.equal(e.status, 500);
    assert.deepEqual(e.json, { type: 'server_error', code: 'error', detail: 'A server error occurred.', attr: null });
    await fault({ mode: 'html' });
    const h = await call(emu, 'GET', '/api/projects/1/actions/');
    assert.equal(h.status, 502);
    assert.match(h.headers.get('content-type') ?? '', /text\/html/);
    assert.match(h.text, /^<!DOCTYPE html>/);
  });

  it('truncated_json sends a complete response whose body is not valid JSON', async () => {
    await fault({ mode: 'truncated_json' });
    const r = await rawGet(emu, '/api/projects/1/actions/', 5000);
    assert.equal(r.status, 200);
    assert.equal(r.error, undefined);
    assert.throws(() => JSON.parse(r.body));
    assert.ok(r.body.startsWith('{"count":'));
  });

  it('slow_body dribbles a valid body', async () => {
    await fault({ mode: 'slow_body', delayMs: 60 });
    const r = await rawGet(emu, '/api/projects/1/actions/', 10_000);
    assert.equal(r.status, 200);
    assert.ok(r.chunks >= 4, `chunks ${r.chunks}`);
    assert.ok(r.ms >= 3 * 60, `took ${r.ms} ms`);
    assert.ok(JSON.parse(r.body).count > 0);
  });

  it('hold keeps the real answer back until released, and lists the held request', async () => {
    await fault({ mode: 'hold', path: '/api/projects/1/actions/' });
    let done = false;
    const answer = rawGet(emu, '/api/projects/1/actions/?limit=2', 10_000).then((r) => ((done = true), r));
    const listed = async () => (await call(emu, 'GET', '/_emulator/faults', { key: emu.adminToken })).json.held as { path: string; query: string }[];
    let held: { path: string; query: string }[] = [];
    for (let i = 0; i < 200 && held.length === 0; i++) held = await listed();
    assert.deepEqual(held.map((h) => [h.path, h.query]), [['/api/projects/1/actions/', '?limit=2']]);
    assert.equal(done, false, 'not answered while held');
    assert.equal((await call(emu, 'POST', '/_emulator/faults/release', { key: emu.adminToken })).json.released, 1);
    const r = await answer;
    assert.equal(r.status, 200);
    assert.ok(JSON.parse(r.body).count > 0);
    assert.deepEqual(await listed(), []);
  });

  it('reset destroys the connection; hang never answers', async () => {
    await fault({ mode: 'reset' });
    const reset = await rawGet(emu, '/api/projects/1/actions/', 5000);
    assert.equal(reset.status, undefined);
    assert.match(String(reset.error), /socket hang up|ECONNRESET/, JSON.stringify(reset));
    await fault({ mode: 'hang' });
    const hang = await rawGet(emu, '/api/projects/1/actions/', 400);
    assert.match(hang.error ?? '', /client timeout/);
    assert.equal((await call(emu, 'GET', '/api/projects/1/actions/')).status, 200);
  });

  it('throttles per key (HogQL 120/hour by default) with Retry-After; limits configurable and can be disabled', async () => {
    const set = await call(emu, 'POST', '/_emulator/rate-limits', { key: emu.adminToken, body: { enabled: true, rates: { query: '3/hour' }, reset: true } });
    assert.equal(set.status, 200);
    const q = { query: { kind: 'HogQLQuery', query: 'select 1' } };
    for (let i = 0; i < 3; i++) assert.equal((await call(emu, 'POST', '/api/projects/1/query/', { body: q })).status, 200);
    const limited = await call(emu, 'POST', '/api/projects/1/query/', { body: q });
    assert.equal(limited.status, 429);
    const wait = Number(limited.headers.get('retry-after'));
    assert.ok(Number.isInteger(wait) && wait > 0 && wait <= 3600, `Retry-After ${wait}`);
    assert.equal(limited.json.detail, `Request was throttled. Expected available in ${wait} seconds.`);
    assert.equal(limited.json.type, 'throttled_error');
    // Other keys have their own buckets; other endpoints use other classes.
    const readOnly = emu.keys.find((k) => k.label === 'read only')!.key;
    assert.equal((await call(emu, 'POST', '/api/projects/1/query/', { key: readOnly, body: q })).status, 200);
    assert.equal((await call(emu, 'GET', '/api/projects/1/actions/')).status, 200);
    await call(emu, 'POST', '/_emulator/rate-limits', { key: emu.adminToken, body: { enabled: false } });
    assert.equal((await call(emu, 'POST', '/api/projects/1/query/', { body: q })).status, 200);
  });

  it('computes DRF waits: remaining window over available slots, rounded up', () => {
    let now = 1_000_000;
    const rl = new RateLimiter({ rates: { burst: '2/minute' } as never }, () => now);
    assert.equal(rl.check('k', ['burst']), null);
    now += 10_000;
    assert.equal(rl.check('k', ['burst']), null);
    now += 5_000;
    assert.equal(rl.check('k', ['burst']), 45);
    now += 45_001;
    assert.equal(rl.check('k', ['burst']), null);
    assert.equal(new RateLimiter().config.rates.query, '120/hour');
  });
});
