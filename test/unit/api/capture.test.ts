import * as assert from 'node:assert/strict';
import { ConfigError, HttpError, ServerError, UnauthorizedError } from '../../../src/api/errors';
import { text, TestServer } from './helpers/server';
import { errorTexts, makeClient, PERSONAL_KEY, PROJECT_KEY, rejection, SECRET_KEY } from './helpers/fixtures';

describe('api capture', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start((_r, res) => text(res, 200, '{"status":"Ok"}', 'application/json'));
  });
  afterEach(async () => {
    await server.close();
  });

  it('posts to <ingestion>/i/v0/e/ with api_key in the body and no Authorization header', async () => {
    const { api } = makeClient(`${server.url}/ph`);
    await api.capture.send(PROJECT_KEY, { event: 'hogql query run', distinctId: 'user-1', properties: { rows: 3 }, timestamp: new Date('2024-05-01T12:00:00Z') });
    const r = server.requests[0]!;
    assert.equal(r.method, 'POST');
    assert.equal(r.url, '/ph/i/v0/e/');
    assert.equal(r.headers.authorization, undefined);
    assert.ok(!JSON.stringify(r.headers).includes(PERSONAL_KEY), 'the personal key is never sent to capture');
    assert.deepEqual(JSON.parse(r.body), { api_key: PROJECT_KEY, event: 'hogql query run', distinct_id: 'user-1', properties: { rows: 3 }, timestamp: '2024-05-01T12:00:00.000Z' });
  });

  it('batch goes to /batch/', async () => {
    const { api } = makeClient(server.url);
    await api.capture.batch(PROJECT_KEY, [{ event: 'a', distinctId: 'u' }, { event: 'b', distinctId: 'u' }]);
    assert.equal(server.requests[0]!.url, '/batch/');
    assert.deepEqual(JSON.parse(server.requests[0]!.body).batch.map((e: { event: string }) => e.event), ['a', 'b']);
  });

  it('a phx_ or phs_ key fails fast, explaining the two key kinds, and sends nothing', async () => {
    const { api } = makeClient(server.url);
    const e1 = await rejection(api.capture.send(PERSONAL_KEY, { event: 'x', distinctId: 'u' }));
    assert.ok(e1 instanceof ConfigError);
    assert.match(e1.userMessage, /personal API key \(phx_…\).*project's public API key \(phc_…\)/);
    assert.match(e1.userMessage, /\/settings\/project/);
    assert.ok(!errorTexts(e1).includes(PERSONAL_KEY));
    const e2 = await rejection(api.capture.send(SECRET_KEY, { event: 'x', distinctId: 'u' }));
    assert.ok(e2 instanceof ConfigError);
    assert.match(e2.userMessage, /project secret key/);
    assert.equal(server.requests.length, 0);
  });

  it('a non-2xx plain-text body surfaces its text', async () => {
    server.handler = (_r, res, _b, n) => (n === 1 ? text(res, 401, 'API key is not valid') : n === 2 ? text(res, 400, 'empty batch') : text(res, 503, 'overloaded'));
    const { api } = makeClient(server.url);
    const a = await rejection(api.capture.send(PROJECT_KEY, { event: 'x', distinctId: 'u' }));
    assert.ok(a instanceof UnauthorizedError);
    assert.match(a.userMessage, /API key is not valid/);
    const b = await rejection(api.capture.send(PROJECT_KEY, { event: 'x', distinctId: 'u' }));
    assert.ok(b instanceof HttpError);
    assert.equal(b.userMessage, 'PostHog rejected the event (400): empty batch');
    const c = await rejection(api.capture.send(PROJECT_KEY, { event: 'x', distinctId: 'u' }));
    assert.ok(c instanceof ServerError);
    assert.match(c.userMessage, /overloaded/);
    assert.equal(server.requests.length, 3, 'capture is never retried automatically');
  });

  it('cloud connections capture on the .i. ingestion hosts', () => {
    assert.equal(makeClient('eu.posthog.com').api.ingestionUrl, 'https://eu.i.posthog.com');
    assert.equal(makeClient('https://us.posthog.com').api.ingestionUrl, 'https://us.i.posthog.com');
  });
});
