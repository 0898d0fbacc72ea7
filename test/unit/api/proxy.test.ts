import * as assert from 'node:assert/strict';
import { NetworkError } from '../../../src/api/errors';
import { bypassesProxy, proxyFor } from '../../../src/api/proxy';
import { json, TestServer } from './helpers/server';
import { TestProxy } from './helpers/proxy';
import { makeClient, PERSONAL_KEY, rejection } from './helpers/fixtures';

describe('api proxy: selection', () => {
  const env = { HTTPS_PROXY: 'http://secure-proxy:3128', HTTP_PROXY: 'http://plain-proxy:3128', NO_PROXY: 'internal.example.com,.corp,10.1.2.3,svc.local:8443' };

  it('uses http.proxy first, then HTTPS_PROXY / HTTP_PROXY by scheme', () => {
    assert.equal(proxyFor('https://us.posthog.com', { env }), 'http://secure-proxy:3128');
    assert.equal(proxyFor('http://ph.example.org', { env }), 'http://plain-proxy:3128');
    assert.equal(proxyFor('https://us.posthog.com', { env, proxy: 'http://vscode-proxy:8080' }), 'http://vscode-proxy:8080');
    assert.equal(proxyFor('https://us.posthog.com', { env: { https_proxy: 'proxy.lan:3128' } }), 'http://proxy.lan:3128', 'scheme added');
    assert.equal(proxyFor('https://us.posthog.com', { env: { HTTP_PROXY: 'http://p:1' } }), 'http://p:1', 'https falls back to HTTP_PROXY');
    assert.equal(proxyFor('https://us.posthog.com', { env: {} }), undefined);
  });

  it('honours NO_PROXY (exact, suffix, leading dot, port) and http.noProxy; loopback is always direct', () => {
    assert.equal(proxyFor('https://internal.example.com', { env }), undefined);
    assert.equal(proxyFor('https://a.internal.example.com', { env }), undefined);
    assert.equal(proxyFor('https://ph.corp/x', { env }), undefined);
    assert.equal(proxyFor('http://10.1.2.3:8000', { env }), undefined);
    assert.equal(proxyFor('https://svc.local:8443', { env }), undefined);
    assert.equal(proxyFor('https://svc.local', { env }), 'http://secure-proxy:3128', 'port must match');
    assert.equal(proxyFor('https://notinternal.example.com', { env }), 'http://secure-proxy:3128');
    assert.equal(proxyFor('https://eu.posthog.com', { env, noProxy: ['*.posthog.com'] }), undefined);
    for (const h of ['http://localhost:8000', 'http://127.0.0.1:8000', 'http://[::1]:8000', 'http://app.localhost']) {
      assert.equal(proxyFor(h, { env, proxy: 'http://vscode-proxy:8080' }), undefined, h);
    }
    assert.equal(bypassesProxy('anything.com', 443, ['*']), true);
  });
});

describe('api proxy: through a real local proxy', () => {
  let server: TestServer;
  let proxy: TestProxy;
  beforeEach(async () => {
    server = await TestServer.start((_r, res) => json(res, 200, { id: 1, name: 'Org' }));
    proxy = await TestProxy.start();
  });
  afterEach(async () => {
    await server.close();
    await proxy.close();
  });

  it('tunnels through http.proxy with CONNECT; the key reaches the server, not the proxy log', async () => {
    const { api, log } = makeClient(`http://posthog.test:${server.port}`, { proxy: { proxy: proxy.url, env: {} } });
    const org = await api.organizations.current();
    assert.equal(org.name, 'Org');
    assert.deepEqual(proxy.hits.map((h) => `${h.kind} ${h.target}`), [`connect posthog.test:${server.port}`]);
    assert.equal(server.requests[0]!.headers.authorization, `Bearer ${PERSONAL_KEY}`);
    assert.equal(server.requests[0]!.headers.host, `posthog.test:${server.port}`);
    assert.ok(!log.text.includes(PERSONAL_KEY));
  });

  it('uses HTTP_PROXY from the environment, with credentials from the proxy URL, redacted in logs', async () => {
    const proxyWithAuth = proxy.url.replace('http://', 'http://alice:s3cret-pw@');
    const { api, log } = makeClient(`http://posthog.test:${server.port}`, { proxy: { env: { HTTP_PROXY: proxyWithAuth } } });
    await api.organizations.current();
    assert.equal(proxy.hits.length, 1);
    assert.equal(proxy.hits[0]!.proxyAuthorization, `Basic ${Buffer.from('alice:s3cret-pw').toString('base64')}`);
    assert.equal(api.transport.proxyUrlFor(`http://posthog.test:${server.port}`), proxy.url.replace('http://', 'http://<redacted>@'));
    assert.ok(!log.text.includes('s3cret-pw'));
  });

  it('sends http.proxyAuthorization; a 407 from the proxy is a NetworkError(proxy) without the secret', async () => {
    proxy.requireAuth = 'Basic Zm9vOmJhcg==';
    const good = makeClient(`http://posthog.test:${server.port}`, { proxy: { proxy: proxy.url, proxyAuthorization: 'Basic Zm9vOmJhcg==', env: {} } });
    await good.api.organizations.current();
    assert.equal(proxy.hits[0]!.proxyAuthorization, 'Basic Zm9vOmJhcg==');
    const bad = makeClient(`http://posthog.test:${server.port}`, { proxy: { proxy: proxy.url, proxyAuthorization: 'Basic d3Jvbmc6cHc=', env: {} }, retry: { maxTries: 1 } });
    const err = await rejection(bad.api.organizations.current());
    assert.ok(err instanceof NetworkError, String(err));
    assert.equal(err.reason, 'proxy');
    assert.match(err.userMessage, /proxy requires authentication \(407\)/);
    assert.ok(!`${err.userMessage} ${err.detail} ${bad.log.text}`.includes('d3Jvbmc6cHc='));
    assert.equal(server.requests.length, 1);
  });

  it('loopback hosts and NO_PROXY matches bypass the proxy', async () => {
    const direct = makeClient(server.url, { proxy: { proxy: proxy.url, env: {} } });
    await direct.api.organizations.current();
    assert.equal(proxy.hits.length, 0);
    assert.equal(server.requests.length, 1);
  });
});
