import * as assert from 'node:assert/strict';
import { errorFromException, errorFromResponse } from '../../../src/api/errorFactory';
import { plainText, withPrefix } from '../../../src/ui/text';
import { PERSONAL_KEY, PROJECT_KEY } from '../api/helpers/fixtures';

const ctx = { method: 'GET', path: '/api/projects/1/feature_flags/', webBase: 'https://us.posthog.com', key: PERSONAL_KEY, scrub: (t: string) => t, now: () => 0 };
const res = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** The leading "PostHog" words of a message as a user reads it. */
const leadingPostHogs = (m: string): number => /^(?:PostHog\W*)+/.exec(m)?.[0].match(/PostHog/g)?.length ?? 0;

describe('ui text: one "PostHog" prefix (issue #13 item 7)', () => {
  it('prefixes a message once, and never a message that already starts with PostHog', () => {
    assert.equal(withPrefix('Could not reach the host.'), 'PostHog: Could not reach the host.');
    assert.equal(withPrefix('PostHog rejected the key.'), 'PostHog rejected the key.');
    assert.equal(withPrefix("PostHog's rate limit was reached."), "PostHog's rate limit was reached.");
    assert.equal(withPrefix('PostHog: signed in.'), 'PostHog: signed in.');
    assert.equal(withPrefix(withPrefix('x')), 'PostHog: x');
    assert.equal(withPrefix('posthog is down'), 'PostHog: posthog is down', 'only the product name as written is a prefix');
  });

  it('every API error message shown through the prefix reads "PostHog" once at its start', () => {
    const errors = [
      errorFromResponse(res(401, { type: 'authentication_error', code: 'authentication_failed', detail: 'x' }), ctx),
      errorFromResponse(res(401, { code: 'not_authenticated' }), ctx),
      errorFromResponse(res(401, { detail: 'x' }), { ...ctx, key: PROJECT_KEY }),
      errorFromResponse(res(403, { detail: "API key missing required scope 'feature_flag:read'" }), ctx),
      errorFromResponse(res(403, { detail: 'You do not have permission.' }), ctx),
      errorFromResponse(res(400, { code: 'invalid_input', detail: 'Bad.' }), ctx),
      errorFromResponse(res(404, { detail: 'Not found.' }), ctx),
      errorFromResponse(res(429, { detail: 'Request was throttled.' }, { 'retry-after': '30' }), ctx),
      errorFromResponse(res(500, {}), ctx),
      errorFromResponse(res(503, {}), ctx),
      errorFromResponse(res(418, { detail: 'teapot' }), ctx),
      errorFromResponse({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html><title>Bad Gateway</title></html>' }, ctx),
      errorFromException(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), { ...ctx, signal: undefined, timeouts: { connectMs: 1, headersMs: 1, bodyMs: 1 } }),
    ];
    for (const e of errors) {
      const shown = withPrefix(e.userMessage);
      assert.equal(leadingPostHogs(shown), 1, `${e.status}: ${shown}`);
      assert.doesNotMatch(shown, /PostHog: PostHog/, shown);
    }
  });
});

describe('ui text: modal confirmations are plain text (issue #13 item 7)', () => {
  it('turns markdown code spans into quotes and leaves other text alone', () => {
    assert.equal(plainText('Disable flag `checkout-v2` in project Hedgebox?'), 'Disable flag “checkout-v2” in project Hedgebox?');
    assert.equal(plainText('Create annotation “x” in 5 min?'), 'Create annotation “x” in 5 min?');
    assert.equal(plainText('a `b` and `c`'), 'a “b” and “c”');
    assert.equal(plainText('odd ` tick'), 'odd ’ tick');
  });
});
