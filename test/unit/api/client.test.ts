import * as assert from 'node:assert/strict';
import {
  AbortError,
  BadResponseError,
  ForbiddenError,
  HttpError,
  MissingScopeError,
  NetworkError,
  NotFoundError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  ConfigError,
} from '../../../src/api/errors';
import { PostHogClient } from '../../../src/api/client';
import { errorFromResponse } from '../../../src/api/errorFactory';
import { drfError, json, text, TestServer } from './helpers/server';
import { errorTexts, makeClient, PERSONAL_KEY, PROJECT_KEY, rejection, SECRET_KEY } from './helpers/fixtures';
import { waitFor } from '../../support/waitFor';

describe('api client: requests and errors against a loopback server', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  it('sends Authorization, Accept and User-Agent and returns parsed JSON', async () => {
    server.handler = (_req, res) => json(res, 200, { uuid: 'u1', email: 'a@b.c', team: { id: 7, name: 'P' }, organization: null, organizations: [], extra_field: 1 });
    const { api, log } = makeClient(server.url);
    const me = await api.users.me();
    assert.equal(me.email, 'a@b.c');
    assert.equal(me.team?.id, 7);
    const r = server.requests[0]!;
    assert.equal(r.method, 'GET');
    assert.equal(r.url, '/api/users/@me/');
    assert.equal(r.headers.authorization, `Bearer ${PERSONAL_KEY}`);
    assert.equal(r.headers.accept, 'application/json');
    assert.equal(r.headers['user-agent'], 'vscode-hogql/9.9.9');
    assert.match(log.text, /debug: GET \/api\/users\/@me\/ → 200 \(\d+ ms\)/);
  });

  it('keeps a self-hosted path prefix in request paths and web URLs', async () => {
    server.handler = (_req, res) => json(res, 200, { id: 1, name: 'Org' });
    const { api } = makeClient(`${server.url}/posthog/`);
    await api.organizations.current();
    assert.equal(server.requests[0]!.url, '/posthog/api/organizations/@current/');
    assert.equal(api.webUrl('/project/1/insights/abc'), `${server.url}/posthog/project/1/insights/abc`);
    assert.equal(api.ingestionUrl, `${server.url}/posthog`);
  });

  it('401 with a personal key says the key was rejected and where to make one', async () => {
    server.handler = (_req, res) => json(res, 401, drfError('authentication_error', 'authentication_failed', 'Personal API key found in request Authorization header is invalid.'));
    const { api } = makeClient(server.url);
    const err = await rejection(api.users.me());
    assert.ok(err instanceof UnauthorizedError);
    assert.equal(err.status, 401);
    assert.match(err.userMessage, /rejected the personal API key \(phx_…/);
    assert.match(err.userMessage, new RegExp(`${server.url}/settings/user-api-keys`));
    assert.doesNotMatch(err.userMessage, /project API key/);
    assert.equal(err.method, 'GET');
    assert.equal(err.path, '/api/users/@me/');
    assert.ok(!errorTexts(err).includes(PERSONAL_KEY));
  });

  it('a project (phc_) or secret (phs_) key is refused before any request, naming the key kind', () => {
    for (const [key, re] of [[PROJECT_KEY, /project API key \(phc_…\).*capturing events/], [SECRET_KEY, /project secret key \(phs_…\)/]] as const) {
      const err = (() => {
        try {
          new PostHogClient({ host: server.url, personalApiKey: key, version: '1' });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      assert.ok(err instanceof ConfigError, String(err));
      assert.match(err.userMessage, re);
      assert.match(err.userMessage, /settings\/user-api-keys/);
      assert.ok(!errorTexts(err).includes(key));
    }
    assert.equal(server.requests.length, 0);
  });

  it('401 for a request made with a phc_ key (e.g. via request()) explains the project key', async () => {
    server.handler = (_req, res) => json(res, 401, drfError('authentication_error', 'authentication_failed', 'Personal API key found in request Authorization header is invalid.'));
    const { api } = makeClient(server.url);
    // The factory decides by the key that was sent; simulate a transport built with a phc_ key.
    const t = api.transport as unknown as { failureContext: (m: string, p: string, k: boolean) => { key?: string } };
    const ctx = t.failureContext('GET', '/api/users/@me/', true);
    const err = errorFromResponse({ status: 401, headers: {}, body: JSON.stringify(drfError('authentication_error', 'authentication_failed', 'invalid')) }, { ...ctx, key: PROJECT_KEY } as never);
    assert.ok(err instanceof UnauthorizedError);
    assert.match(err.userMessage, /project API key \(phc_…\), which is public and only for capturing events/);
    assert.ok(!errorTexts(err).includes(PROJECT_KEY));
  });

  it('403 with a missing scope names the scope; other 403s are ForbiddenError', async () => {
    server.handler = (req, res) =>
      req.url!.includes('insights')
        ? json(res, 403, drfError('authentication_error', 'permission_denied', "API key missing required scope 'insight:write'"))
        : json(res, 403, drfError('authentication_error', 'permission_denied', 'You do not have permission to perform this action.'));
    const { api } = makeClient(server.url);
    const scoped = await rejection(api.insights.create(1, { query: { kind: 'HogQLQuery', query: 'select 1' } }));
    assert.ok(scoped instanceof MissingScopeError);
    assert.equal(scoped.scope, 'insight:write');
    assert.match(scoped.userMessage, /lacks the 'insight:write' scope/);
    const other = await rejection(api.projects.get(2));
    assert.ok(other instanceof ForbiddenError && !(other instanceof MissingScopeError));
    assert.match(other.userMessage, /denied access/);
  });

  it('404 → NotFoundError; 400 → ValidationError with code, detail and attr', async () => {
    server.handler = (req, res) =>
      req.method === 'POST'
        ? json(res, 400, drfError('validation_error', 'unique', 'There is already a feature flag with this key.', 'key'))
        : json(res, 404, drfError('invalid_request', 'not_found', 'Not found.'));
    const { api } = makeClient(server.url);
    const nf = await rejection(api.flags.get(1, 99));
    assert.ok(nf instanceof NotFoundError);
    assert.equal(nf.status, 404);
    const v = await rejection(api.flags.create(1, { key: 'dup' }));
    assert.ok(v instanceof ValidationError);
    assert.equal(v.code, 'unique');
    assert.equal(v.attr, 'key');
    assert.equal(v.serverDetail, 'There is already a feature flag with this key.');
    assert.equal(v.isHogQLError, false);
  });

  it('HogQL 400 codes are preserved and the message is the parser message', async () => {
    server.handler = (_req, res) => json(res, 400, drfError('validation_error', 'hogql_syntax_error', "Syntax error at line 1, column 7: no viable alternative at input 'selec'"));
    const { api } = makeClient(server.url);
    const err = await rejection(api.query.run(1, 'selec 1'));
    assert.ok(err instanceof ValidationError);
    assert.equal(err.code, 'hogql_syntax_error');
    assert.ok(err.isHogQLError);
    assert.match(err.userMessage, /^Syntax error at line 1, column 7/);
  });

  it('5xx → ServerError; 402 and others → HttpError; request id is taken from headers', async () => {
    server.handler = (req, res) =>
      req.url!.includes('dashboards')
        ? json(res, 402, drfError('server_error', 'quota_limit_exceeded', 'Your organization reached its billing limit.'))
        : json(res, 504, drfError('server_error', 'error', 'timeout'), { 'x-request-id': 'req-123' });
    const { api } = makeClient(server.url, { retry: { maxTries: 1 } });
    const s = await rejection(api.insights.get(1, 5));
    assert.ok(s instanceof ServerError);
    assert.equal(s.status, 504);
    assert.equal(s.requestId, 'req-123');
    const h = await rejection(api.dashboards.get(1, 5));
    assert.ok(h instanceof HttpError);
    assert.match(h.userMessage, /402.*billing limit/);
  });

  it('a hanging server → TimeoutError(headers)', async () => {
    server.handler = () => undefined; // never answers
    const { api } = makeClient(server.url, { timeouts: { headersMs: 150 } });
    const err = await rejection(api.users.me());
    assert.ok(err instanceof TimeoutError, String(err));
    assert.equal(err.phase, 'headers');
    assert.match(err.userMessage, /0\.2 s|0\.1 s/);
    assert.equal(server.requests.length, 1, 'a read timeout is not retried');
  });

  it('a body that stalls half-way → TimeoutError(body)', async () => {
    server.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"results": [1, 2');
    };
    const { api } = makeClient(server.url, { timeouts: { bodyMs: 150 } });
    const err = await rejection(api.users.me());
    assert.ok(err instanceof TimeoutError, String(err));
    assert.equal(err.phase, 'body');
  });

  it('a reset socket → NetworkError naming the reason; retried for GET up to 3 tries', async () => {
    server.handler = (req) => void req.socket.destroy();
    const { api, clock } = makeClient(server.url);
    const err = await rejection(api.users.me());
    assert.ok(err instanceof NetworkError, String(err));
    assert.ok(err.reason === 'reset' || err.reason === 'closed', err.reason);
    assert.match(err.userMessage, /connection was (reset|closed)/);
    assert.equal(server.requests.length, 3);
    assert.equal(clock.sleeps.length, 2);
  });

  it('connection refused → NetworkError(refused)', async () => {
    const port = server.port;
    await server.close();
    const { api } = makeClient(`http://127.0.0.1:${port}`, { retry: { maxTries: 1 } });
    const err = await rejection(api.users.me());
    assert.ok(err instanceof NetworkError, String(err));
    assert.equal(err.reason, 'refused');
    assert.equal(err.code, 'ECONNREFUSED');
    server = await TestServer.start();
  });

  it('truncated JSON → BadResponseError(truncated), never a raw SyntaxError', async () => {
    server.handler = (_req, res) => json(res, 200, '{"results": [[1, "a"], [2, "b"');
    const { api } = makeClient(server.url, { retry: { maxTries: 1 } });
    const err = await rejection(api.users.me());
    assert.ok(err instanceof BadResponseError, String(err));
    assert.equal(err.reason, 'truncated');
    assert.match(err.userMessage, /cut off/);
  });

  it('an HTML login page with status 200 → BadResponseError(html) mentioning a proxy/SSO', async () => {
    server.handler = (_req, res) => text(res, 200, '<!DOCTYPE html><html><head><title>Sign in – Okta</title></head><body>login</body></html>', 'text/html; charset=utf-8');
    const { api } = makeClient(server.url);
    const err = await rejection(api.users.me());
    assert.ok(err instanceof BadResponseError, String(err));
    assert.equal(err.reason, 'html');
    assert.match(err.userMessage, /Sign in – Okta/);
    assert.match(err.userMessage, /proxy or single sign-on/);
  });

  it('a redirect (SSO gateway) → BadResponseError(redirect); a non-JSON content type is named', async () => {
    server.handler = (req, res) => {
      if (req.url!.includes('@me')) {
        res.writeHead(302, { location: 'https://sso.example.com/login?next=x' });
        res.end();
      } else text(res, 200, 'hello', 'text/plain');
    };
    const { api } = makeClient(server.url);
    const r = await rejection(api.users.me());
    assert.ok(r instanceof BadResponseError && r.reason === 'redirect', String(r));
    assert.match(r.userMessage, /sso\.example\.com\/login/);
    const c = await rejection(api.organizations.current());
    assert.ok(c instanceof BadResponseError && c.reason === 'content-type', String(c));
    assert.match(c.userMessage, /text\/plain/);
  });

  it('abort mid-request → AbortError, and the server sees the connection closed', async () => {
    server.handler = () => undefined;
    const { api, log } = makeClient(server.url);
    const ac = new AbortController();
    const p = rejection(api.users.me({ signal: ac.signal }));
    await waitFor(() => server.requests.length === 1, 2000, 'request to arrive');
    ac.abort();
    const err = await p;
    assert.ok(err instanceof AbortError, String(err));
    await waitFor(() => server.aborted === 1, 2000, 'server to see the closed connection');
    assert.equal(server.requests.length, 1, 'an abort is never retried');
    assert.match(log.text, /cancelled/);
  });

  it('an already-aborted signal sends nothing', async () => {
    const { api } = makeClient(server.url);
    const err = await rejection(api.users.me({ signal: AbortSignal.abort() }));
    assert.ok(err instanceof AbortError, String(err));
    assert.equal(server.requests.length, 0);
  });

  it('close() lets the client shut its pools; sockets are reused while open (keep-alive)', async () => {
    const { api } = makeClient(server.url);
    const seen = new Set<string>();
    server.handler = (req, res) => {
      seen.add(`${req.socket.remotePort}`);
      json(res, 200, { id: 1, name: 'x' });
    };
    for (let i = 0; i < 10; i++) await api.organizations.current();
    assert.ok(seen.size <= 2, `10 sequential requests reuse keep-alive connections (saw ${seen.size})`);
    await api.close();
  });

  it('the server sees one request per call and the client survives a server closing keep-alive sockets', async () => {
    let n = 0;
    server.handler = (_req, res) => {
      n++;
      res.setHeader('connection', 'close');
      json(res, 200, { id: n, name: 'x' });
    };
    const { api } = makeClient(server.url);
    const a = await api.organizations.current();
    const b = await api.organizations.current();
    // Organization ids are UUID strings in PostHog; the boundary reads a numeric one as its digits.
    assert.deepEqual([a.id, b.id], ['1', '2']);
    assert.equal(server.requests.length, 2);
  });
});
