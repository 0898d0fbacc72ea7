import * as assert from 'node:assert/strict';
import { errorFromException, errorFromResponse, ExceptionContext, parseRetryAfter } from '../../../src/api/errorFactory';
import { AbortError, NetworkError, RateLimitError, TimeoutError, ValidationError, ServerError } from '../../../src/api/errors';
import { redactSecrets } from '../../../src/api/redact';
import { errorTexts, PERSONAL_KEY } from './helpers/fixtures';
import { errors as undiciErrors } from 'undici';

const ctx: ExceptionContext = {
  method: 'GET',
  path: '/api/x/',
  webBase: 'https://eu.posthog.com',
  key: PERSONAL_KEY,
  scrub: (t) => redactSecrets(t, [PERSONAL_KEY]),
  now: () => Date.parse('2025-01-01T00:00:00Z'),
  signal: undefined,
  timeouts: { connectMs: 10_000, headersMs: 30_000, bodyMs: 60_000 },
};

function sysErr(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('api errors: factories', () => {
  it('parses Retry-After as seconds or HTTP-date', () => {
    const now = ctx.now();
    assert.equal(parseRetryAfter('12', now), 12_000);
    assert.equal(parseRetryAfter(' 1.5 ', now), 1500);
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now), 0, 'a past date means now');
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });

  it('429 without Retry-After falls back to the "available in N seconds" detail', () => {
    const e = errorFromResponse({ status: 429, headers: {}, body: JSON.stringify({ type: 'throttled_error', code: 'throttled', detail: 'Request was throttled. Expected available in 42 seconds.' }) }, ctx);
    assert.ok(e instanceof RateLimitError);
    assert.equal(e.retryAfterMs, 42_000);
  });

  it('a failed query poll (400 with query_status.error_message) becomes a ValidationError with that message', () => {
    const body = JSON.stringify({ query_status: { id: 'q', complete: true, error: true, error_message: 'Unknown table `evnts`' } });
    const e = errorFromResponse({ status: 400, headers: {}, body }, ctx);
    assert.ok(e instanceof ValidationError);
    assert.equal(e.userMessage, 'Unknown table `evnts`');
    const s = errorFromResponse({ status: 500, headers: {}, body: JSON.stringify({ query_status: { error: true, error_message: null } }) }, ctx);
    assert.ok(s instanceof ServerError);
  });

  it('maps undici and system errors to timeout phases and network reasons', () => {
    const t = (err: unknown) => errorFromException(err, ctx);
    const connect = t(new undiciErrors.ConnectTimeoutError());
    assert.ok(connect instanceof TimeoutError && connect.phase === 'connect' && connect.timeoutMs === 10_000);
    assert.match(connect.userMessage, /10 s to accept the connection/);
    const headers = t(new undiciErrors.HeadersTimeoutError());
    assert.ok(headers instanceof TimeoutError && headers.phase === 'headers');
    const body = t(new undiciErrors.BodyTimeoutError());
    assert.ok(body instanceof TimeoutError && body.phase === 'body');
    const expect: [string, string, RegExp][] = [
      ['ENOTFOUND', 'dns', /could not be resolved/],
      ['ECONNREFUSED', 'refused', /refused/],
      ['ECONNRESET', 'reset', /reset/],
      ['EHOSTUNREACH', 'unreachable', /unreachable/],
      ['SELF_SIGNED_CERT_IN_CHAIN', 'tls', /certificate.*proxyStrictSSL/],
    ];
    for (const [code, reason, re] of expect) {
      const e = t(sysErr(code));
      assert.ok(e instanceof NetworkError, code);
      assert.equal(e.reason, reason, code);
      assert.equal(e.code, code);
      assert.match(e.userMessage, re);
      assert.match(e.userMessage, /eu\.posthog\.com/);
    }
    const closed = t(new undiciErrors.SocketError('other side closed'));
    assert.ok(closed instanceof NetworkError && closed.reason === 'closed');
    const nested = t(Object.assign(new TypeError('fetch failed'), { cause: sysErr('ECONNRESET') }));
    assert.ok(nested instanceof NetworkError && nested.code === 'ECONNRESET');
  });

  it('an aborted signal always wins, whatever undici threw', () => {
    const e = errorFromException(new undiciErrors.SocketError('other side closed'), { ...ctx, signal: AbortSignal.abort() });
    assert.ok(e instanceof AbortError);
  });

  it('never leaks the key through error text, even when the server echoes it', () => {
    const body = JSON.stringify({ type: 'validation_error', code: 'invalid_input', detail: `bad key ${PERSONAL_KEY} in Authorization: Bearer ${PERSONAL_KEY}`, attr: null });
    const e = errorFromResponse({ status: 400, headers: {}, body }, { ...ctx, path: `/api/x/?personal_api_key=${PERSONAL_KEY}` });
    const all = errorTexts(e);
    assert.ok(!all.includes(PERSONAL_KEY), all);
    assert.ok(!all.includes(PERSONAL_KEY.slice(4, 20)), all);
    const n = errorFromException(sysErr('ECONNRESET', `socket hang up ${PERSONAL_KEY}`), ctx);
    assert.ok(!errorTexts(n).includes(PERSONAL_KEY.slice(4)));
  });
});
