// The parser worker and its host-side client, with the real @posthog/hogql-parser in a real worker
// thread: the worker bundled by esbuild as scripts/build.mjs does, PostHog's parser beside it as it
// ships (its glue and its brotli-compressed WASM, scripts/lib/parserWasm.mjs).
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type PluginBuild } from 'esbuild';
import { startParserEarly } from '../../../src/language/syntax/workerStart';
import { WORKER_WARM_UP } from '../../../src/language/syntax/workerWarmUp';
import { parserWorkerSuite } from './support/workerBuild';

const root = join(__dirname, '..', '..', '..');

describe('language: parser worker client', function () {
  this.timeout(60_000);
  const w = parserWorkerSuite('hogql-worker-');

  it('reports valid statements and the first error with its code-point start', async () => {
    const client = w.client({ timeoutMs: 10_000 });
    assert.equal((await client.parse('SELECT 1'))?.kind, 'ok');
    const bad = await client.parse("SELECT '😀' AS x FROM events WHERE");
    assert.equal(bad?.kind, 'error');
    assert.ok(bad?.kind === 'error');
    // EOF error: start = input length in code points (the emoji counts 1, not 2).
    assert.equal(bad.error.start, [..."SELECT '😀' AS x FROM events WHERE"].length);
    assert.equal(bad.error.type, 'SyntaxError');
  });

  it('caches outcomes by statement text', async () => {
    const client = w.client({ timeoutMs: 10_000 });
    const first = await client.parse('SELEC 1');
    assert.equal(client.cached('SELEC 1'), first);
    assert.equal(await client.parse('SELEC 1'), first);
  });

  it('replaces a worker whose parser threw (poisoned WASM instance) and keeps serving', async () => {
    const client = w.client({ timeoutMs: 20_000 });
    const chain = `SELECT 1 FROM events WHERE ${Array.from({ length: 500 }, (_, i) => `a${i} = ${i}`).join(' AND ')}`;
    const crashed = await client.parse(chain);
    assert.equal(crashed?.kind, 'crashed', JSON.stringify(crashed));
    const next = await client.parse('SELECT event FROM events');
    assert.equal(next?.kind, 'ok');
    assert.equal(client.workersStarted, 2);
  });

  it('times out a parse that takes too long, then answers the next statement from a fresh worker', async () => {
    const client = w.client({ timeoutMs: 300 });
    const slow = await client.parse(`SELECT ${'('.repeat(300)}1${')'.repeat(300)}`);
    assert.equal(slow?.kind, 'timeout');
    client.timeoutMs = 10_000;
    const next = await client.parse('SELECT 1 FROM');
    assert.equal(next?.kind, 'error');
    assert.equal(client.workersStarted, 2);
  });

  // Issue #21: the worker starts when the first HogQL document opens, so the first check does not
  // wait for the worker to load PostHog's parser; a request waiting when the parser loads is its
  // first parse (nothing of its own goes first).
  it('prestart() loads the parser ahead of the first request', async () => {
    const client = w.client({ timeoutMs: 10_000 });
    const ready = client.prestart();
    void client.prestart(); // a second call starts nothing more
    assert.equal(client.workersStarted, 1);
    await ready;
    const first = await client.parse('SELECT event FROM events');
    assert.equal(first?.kind, 'ok');
    assert.ok(first?.kind === 'ok');
    assert.equal(first.n, 1);
    assert.equal(client.workersStarted, 1);
  });

  // Issue #21: PostHog's parser deserialises its ATN on its first parse (~20 ms, which the next parse
  // then does not pay): a worker with nothing to do after loading parses the first warm-up statement.
  it('parses the first warm-up statement while idle after loading, and only that one unless asked', async () => {
    const client = w.client({ timeoutMs: 10_000 });
    await client.prestart();
    const deadline = Date.now() + 10_000;
    let warm: number | undefined;
    for (let i = 0; warm !== 1 && Date.now() < deadline; i++) {
      const o = await client.parse(`SELECT ${i}`);
      assert.ok(o?.kind === 'ok', JSON.stringify(o));
      warm = o.warm;
    }
    assert.equal(warm, 1, 'the idle worker never parsed its first warm-up statement');
    const later = await client.parse('SELECT event FROM events WHERE');
    assert.ok(later?.kind === 'error');
    assert.equal(later.warm, 1, 'no more warm-up statements unless asked');
  });

  // Issue #21: the activation bundle starts the first worker when a HogQL document opens, before
  // the language bundle loads; the client adopts it instead of starting its own.
  it('adopts a worker started early, with its compiled WASM, and ends it on dispose', async () => {
    const early = startParserEarly(w.workerFile);
    await early.started.ready;
    const client = w.client({ timeoutMs: 10_000, early });
    const answered: unknown[] = [];
    early.started.worker.on('message', (m: { id?: number }) => m.id !== undefined && answered.push(m.id));
    const first = await client.parse('SELECT 1 FROM events');
    assert.ok(first?.kind === 'ok', JSON.stringify(first));
    assert.equal(first.n, 1);
    assert.equal(answered.length, 1, 'the early worker answered the request');
    assert.equal(client.workersStarted, 1);
    assert.equal(client.workersGivenModule, 1);
    early.dispose(); // adopted: the client owns it now
    assert.equal((await client.parse('SELECT 2 FROM events'))?.kind, 'ok');
    const exited = new Promise((resolve) => early.started.worker.once('exit', resolve));
    client.dispose();
    await exited;
  });

  it('ends an early worker that no client adopted, and a client for another worker file starts its own', async () => {
    const early = startParserEarly(w.workerFile);
    w.client({ workerFile: join(w.dir, 'other.worker.js'), timeoutMs: 1_000, early });
    assert.equal(early.adopted, false);
    const exited = new Promise((resolve) => early.started.worker.once('exit', resolve));
    early.dispose();
    await exited;
  });

  // Issue #21: a worker started ahead of need (the extension active, no HogQL document open yet)
  // warms PostHog's parser up, so the first real parse does not build its DFA from nothing.
  it('warmUp() has a worker started ahead of need parse its warm-up statements before the first request', async () => {
    const client = w.client({ timeoutMs: 10_000 });
    const report = await client.warmUp();
    assert.equal(report?.pieces, WORKER_WARM_UP.length, JSON.stringify(report));
    assert.equal(report.crashed, undefined);
    assert.equal(await client.warmUp(), report, 'one warm-up per worker');
    const first = await client.parse('SELECT event FROM events WHERE');
    assert.ok(first?.kind === 'error', JSON.stringify(first));
    assert.equal(first.n, 1, 'warm-up statements are not counted as parses');
    assert.equal(first.warm, WORKER_WARM_UP.length);
    assert.equal(client.workersStarted, 1);
  });

  it('serves a request that is waiting when the parser loads before any warm-up statement', async () => {
    const client = w.client({ timeoutMs: 10_000 });
    const warm = client.warmUp();
    const first = await client.parse('SELECT 1 FROM events');
    assert.ok(first?.kind === 'ok', JSON.stringify(first));
    assert.equal(first.n, 1);
    assert.equal(first.warm, 0);
    assert.equal((await warm)?.pieces, WORKER_WARM_UP.length);
    assert.equal(client.workersStarted, 1);
  });

  it('warms the worker that replaces a poisoned one only when asked again', async () => {
    const client = w.client({ timeoutMs: 20_000 });
    assert.equal((await client.warmUp())?.pieces, WORKER_WARM_UP.length);
    const chain = `SELECT 1 FROM events WHERE ${Array.from({ length: 500 }, (_, i) => `a${i} = ${i}`).join(' AND ')}`;
    assert.equal((await client.parse(chain))?.kind, 'crashed');
    const next = await client.parse('SELECT 2');
    assert.ok(next?.kind === 'ok', JSON.stringify(next));
    assert.equal(next.warm, 0);
    assert.equal(client.workersStarted, 2);
    assert.equal((await client.warmUp())?.pieces, WORKER_WARM_UP.length);
  });

  it('answers requests made while the worker starts, the first as its first parse', async () => {
    // sent before the worker's ready message (the client does not wait for it); timed from it
    const client = w.client({ timeoutMs: 10_000 });
    const a = client.parse('SELECT 1');
    const b = client.parse('SELECT 1 FROM');
    const [ra, rb] = await Promise.all([a, b]);
    assert.equal(ra?.kind, 'ok');
    assert.ok(ra?.kind === 'ok');
    assert.equal(ra.n, 1);
    assert.equal(ra.warm, 0, 'a request waiting when the parser loads goes before any warm-up statement');
    assert.equal(rb?.kind, 'error');
    assert.equal(client.workersStarted, 1);
  });

  // Issue #21: one compile of PostHog's WASM in the host serves every worker; a worker that
  // replaces a poisoned one starts with the code V8 already compiled for the module.
  it('hands every worker it starts the WASM it compiled once, also after a crash', async () => {
    const client = w.client({ timeoutMs: 20_000 });
    assert.equal((await client.parse('SELECT 1'))?.kind, 'ok');
    const chain = `SELECT 1 FROM events WHERE ${Array.from({ length: 500 }, (_, i) => `a${i} = ${i}`).join(' AND ')}`;
    assert.equal((await client.parse(chain))?.kind, 'crashed');
    const next = await client.parse('SELECT 2 FROM events WHERE');
    assert.equal(next?.kind, 'error');
    assert.equal(client.workersStarted, 2);
    assert.equal(client.workersGivenModule, 2);
  });

  it('drops requests aborted before they were sent', async () => {
    const client = w.client({ timeoutMs: 10_000 });
    const ac = new AbortController();
    const a = client.parse('SELECT 2');
    const b = client.parse('SELECT 3', ac.signal);
    ac.abort();
    assert.equal((await a)?.kind, 'ok');
    assert.equal(await b, undefined);
    assert.equal(client.cached('SELECT 3'), undefined);
  });

  it('reports a worker that cannot start without caching that', async () => {
    const broken = join(w.dir, 'broken.worker.js');
    writeFileSync(broken, 'throw new Error("boom")');
    const client = w.client({ workerFile: broken, timeoutMs: 1_000 });
    const r = await client.parse('SELECT 1');
    assert.equal(r?.kind, 'crashed');
    assert.equal(client.cached('SELECT 1'), undefined);
  });

  it('tells a waiting request why the parser did not load: the worker error reaches it', async () => {
    const stubbed = join(w.dir, 'stubbed.worker.js');
    writeFileSync(join(w.dir, 'stub-parser.js'), 'module.exports = () => Promise.reject(new Error("the parser would not load"));');
    const stub = { name: 'parser-stub', setup: (b: PluginBuild) => b.onResolve({ filter: /^@posthog\/hogql-parser$/ }, () => ({ path: './stub-parser.js', external: true })) };
    await build({ entryPoints: [join(root, 'src/language/parser.worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: stubbed, logLevel: 'error', plugins: [stub] });
    const client = w.client({ workerFile: stubbed, timeoutMs: 5_000 });
    const r = await client.parse('SELECT 1');
    assert.equal(r?.kind, 'crashed');
    assert.match((r as { message: string }).message, /the parser would not load/);
  });
});
