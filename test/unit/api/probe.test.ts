// Sign-in's "Local PostHog" offer: is a PostHog answering at a URL? Only PostHog's own 401 shape
// counts; anything else (another web server, a hang, nothing listening) is "no", quickly.
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probePostHog } from '../../../src/api/probe';

function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; server: Server; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, seen })));
}

const POSTHOG_401 = { type: 'authentication_error', code: 'not_authenticated', detail: 'Authentication credentials were not provided.', attr: null };

describe('api: probePostHog', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.closeAllConnections(), s.close();
  });

  async function start(handler: (req: IncomingMessage, res: ServerResponse) => void) {
    const s = await serve(handler);
    servers.push(s.server);
    return s;
  }

  it("answers yes to PostHog's unauthenticated 401, asking /api/users/@me/ without any key", async () => {
    const { url, seen } = await start((_req, res) => res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify(POSTHOG_401)));
    assert.equal(await probePostHog(url), true);
    assert.equal(seen[0]!.url, '/api/users/@me/');
    assert.equal(seen[0]!.headers.authorization, undefined);
  });

  for (const [name, status, body] of [
    ['a 200 page', 200, '<html>hello</html>'],
    ['a 401 that is not JSON', 401, 'Unauthorized'],
    ['a 401 in another shape', 401, JSON.stringify({ error: 'nope' })],
    ['a redirect elsewhere', 302, ''],
  ] as const) {
    it(`answers no to ${name}`, async () => {
      const { url } = await start((_req, res) => res.writeHead(status, status === 302 ? { location: 'http://example.invalid/' } : {}).end(body));
      assert.equal(await probePostHog(url), false);
    });
  }

  it('answers no within its deadline when the server never answers', async () => {
    const { url } = await start(() => {
      /* hangs */
    });
    const t0 = Date.now();
    assert.equal(await probePostHog(url, { timeoutMs: 200 }), false);
    assert.ok(Date.now() - t0 < 2_000);
  });

  it('answers no when nothing listens, or for a non-http URL, or when the caller aborts', async () => {
    const { url, server } = await start(() => {});
    servers.splice(servers.indexOf(server), 1);
    await new Promise((r) => server.close(r));
    assert.equal(await probePostHog(url), false);
    assert.equal(await probePostHog('file:///etc/passwd'), false);
    const { url: hanging } = await start(() => {});
    const ac = new AbortController();
    const pending = probePostHog(hanging, { signal: ac.signal, timeoutMs: 60_000 });
    ac.abort();
    assert.equal(await pending, false);
  });
});
