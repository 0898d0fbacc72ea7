// src/api/undici.ts takes Agent, ProxyAgent and the dispatcher API from undici's own modules so the
// API bundle leaves out fetch, WebSocket, EventSource, the cache and the mock agent (issue #19's
// .vsix budget). These are undici's own classes, the dispatcher has its `request`, and the bundle
// holds none of the rest (an import of undici's index anywhere in src/api would bring it back).
import * as assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import * as undici from 'undici';
import { Agent, Dispatcher, ProxyAgent } from '../../../src/api/undici';

const ROOT = join(__dirname, '..', '..', '..');

describe('api: the slim undici', () => {
  it("hands out undici's own classes, with the dispatcher API added", () => {
    assert.equal(Agent, undici.Agent);
    assert.equal(ProxyAgent, undici.ProxyAgent);
    assert.equal(Dispatcher, undici.Dispatcher);
    assert.equal(typeof new Agent().request, 'function');
  });

  it('keeps fetch, WebSocket, the cache and the mock agent out of the API bundle', async function () {
    this.timeout(30_000);
    const r = await esbuild.build({
      entryPoints: [join(ROOT, 'src', 'api', 'index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      minify: true,
      platform: 'node',
      format: 'cjs',
      target: 'es2022',
      outdir: join(ROOT, 'out', 'api-check'),
      define: { 'process.env.NODE_ENV': '"production"', __TEST_HOOKS__: 'false' },
      logLevel: 'silent',
    });
    const out = Object.values(r.metafile.outputs).find((o) => o.entryPoint)!;
    const files = Object.keys(out.inputs).map((f) => relative(ROOT, join(ROOT, f)).split('\\').join('/'));
    const undiciFiles = files.filter((f) => f.includes('node_modules/undici/'));
    assert.ok(undiciFiles.some((f) => f.endsWith('lib/dispatcher/agent.js')), 'undici is in the bundle (the check below could not fail otherwise)');
    const unwanted = undiciFiles.filter((f) => /lib\/(web\/(websocket|eventsource|cache)|mock|cache)\//.test(f) || /undici\/(index|lib\/web\/fetch\/index)\.js$/.test(f));
    assert.deepEqual(unwanted, []);
    assert.ok(out.bytes < 420 * 1024, `api bundle ${out.bytes} bytes`);
  });
});
