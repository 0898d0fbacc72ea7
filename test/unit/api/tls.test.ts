import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetworkError } from '../../../src/api/errors';
import { makeClient, rejection } from './helpers/fixtures';

const OPENSSL_ARGS = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1'];

/**
 * A self-signed certificate made with openssl at test time (no key material in the repo).
 * Undefined only when the openssl CLI is absent (ENOENT); any other failure of openssl throws.
 */
function selfSigned(args: readonly string[] = OPENSSL_ARGS): { key: Buffer; cert: Buffer } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'hogql-tls-'));
  try {
    execFileSync('openssl', [...args, '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')], { stdio: ['ignore', 'ignore', 'pipe'] });
    return { key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    const stderr = String((e as { stderr?: Buffer }).stderr ?? '').trim();
    throw new Error(`openssl failed to make a test certificate: ${stderr || String(e)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('api TLS: certificate errors and http.proxyStrictSSL', function () {
  let server: https.Server;
  let url = '';
  before(async function () {
    const creds = selfSigned();
    if (!creds) this.skip(); // needs the openssl CLI
    server = https.createServer(creds!, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": 1, "name": "TLS org"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a self-signed certificate is refused by default with NetworkError(tls) naming the code and the fix', async () => {
    const { api } = makeClient(url);
    const err = await rejection(api.organizations.current());
    assert.ok(err instanceof NetworkError, String(err));
    assert.equal(err.reason, 'tls');
    assert.match(err.code, /SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/);
    assert.match(err.userMessage, /NODE_EXTRA_CA_CERTS|proxyStrictSSL/);
    await api.close();
  });

  it('strictSSL: false (http.proxyStrictSSL) accepts it', async () => {
    const { api } = makeClient(url, { proxy: { strictSSL: false, env: {} } });
    const org = await api.organizations.current();
    assert.equal(org.name, 'TLS org');
    await api.close();
  });
});
