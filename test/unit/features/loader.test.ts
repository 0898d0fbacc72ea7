// Issue #21, s15: the manifest's `main` is a ~1 KiB entry point (src/main.ts) whose top level only
// sets a timer that requires the activation bundle (dist/extension.js) while the extension host
// waits for our storage; `activate()` requires it at once if the timer has not fired. Here the entry
// point is built as scripts/build.mjs builds it, beside a stand-in extension.js, and required by
// plain Node; `vscode` is a small fake.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { bundleExtension, ROOT } from '../../support/bundle';
import { REQUIRE_DELAY_MS, requireOnTimer } from '../../../src/loader';

const shown: string[] = [];
const FAKE = join(__dirname, 'fake-vscode-loader.js');
const resolving = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = resolving._resolveFilename;
resolving._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? FAKE : resolve.call(this, request, ...rest);
};
require.cache[FAKE] = { id: FAKE, filename: FAKE, loaded: true, exports: { window: { showErrorMessage: (m: string) => void shown.push(m) } } } as unknown as NodeJS.Module;

// a timer of the loader's delay set after the loader's fires after it
const nextTimer = (): Promise<void> => new Promise((r) => setTimeout(r, REQUIRE_DELAY_MS));

interface Entry {
  activate(context: unknown): { context: unknown; entry: { start: number; end: number; bundle: { start: number; end: number; onTimer: boolean } } };
  deactivate(): void;
}

describe('the entry point requires the activation bundle on a timer (src/main.ts, issue #21)', () => {
  let dir: string;
  let main = '';
  let n = 0;
  const globals = globalThis as { loaderTest?: { evaluated: number; deactivated: number } };

  before(async function () {
    this.timeout(30_000);
    dir = mkdtempSync(join(tmpdir(), 'hogql-loader-'));
    const r = await esbuild.build({ entryPoints: [join(ROOT, 'src/main.ts')], bundle: true, write: false, platform: 'node', format: 'cjs', external: ['vscode'], target: 'es2022', logLevel: 'silent' });
    main = r.outputFiles[0]!.text;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    globals.loaderTest = { evaluated: 0, deactivated: 0 };
    shown.length = 0;
  });

  /** A fresh copy of dist/: main.js and an extension.js with `body` (its activate hands back what it got). */
  function dist(body = ''): Entry {
    const d = join(dir, String(n++));
    mkdirSync(d);
    writeFileSync(join(d, 'main.js'), main);
    writeFileSync(
      join(d, 'extension.js'),
      `${body}\nglobalThis.loaderTest.evaluated++;\nexports.activate = (context, entry) => ({ context, entry });\nexports.deactivate = () => globalThis.loaderTest.deactivated++;\n`,
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built entry point, as the host requires it
    return require(join(d, 'main.js')) as Entry;
  }

  it('requires the bundle on a timer, not while the host requires the entry point', async () => {
    const entry = dist();
    assert.equal(globals.loaderTest!.evaluated, 0, 'the bundle was evaluated in the host\'s require');
    await nextTimer();
    assert.equal(globals.loaderTest!.evaluated, 1);
    const api = entry.activate('ctx');
    assert.equal(api.context, 'ctx');
    assert.equal(api.entry.bundle.onTimer, true);
    assert.ok(api.entry.start <= api.entry.end && api.entry.end <= api.entry.bundle.start && api.entry.bundle.start <= api.entry.bundle.end);
    assert.equal(globals.loaderTest!.evaluated, 1, 'required once');
  });

  it('requires it in activate() when the timer has not fired, once', async () => {
    const entry = dist();
    const api = entry.activate('ctx');
    assert.equal(globals.loaderTest!.evaluated, 1);
    assert.equal(api.entry.bundle.onTimer, false);
    await nextTimer();
    assert.equal(globals.loaderTest!.evaluated, 1, 'the timer required it again');
    entry.deactivate();
    assert.equal(globals.loaderTest!.deactivated, 1);
  });

  it('fails activate() with the bundle\'s error, and says so, when requiring it threw on the timer', async () => {
    const entry = dist("throw new Error('bundle broken');");
    await nextTimer();
    assert.throws(() => entry.activate('ctx'), /bundle broken/);
    assert.deepEqual(shown, ['PostHog HogQL failed to start: bundle broken']);
    assert.throws(() => entry.activate('ctx'), /bundle broken/, 'a second call throws the same, without requiring it again');
    entry.deactivate(); // nothing loaded: nothing to deactivate
    assert.equal(globals.loaderTest!.deactivated, 0);
  });

  it('deactivates nothing when the bundle never loaded', () => {
    const entry = dist();
    entry.deactivate();
    assert.equal(globals.loaderTest!.evaluated, 0, 'deactivate() loaded the bundle');
  });

  it('is only the loader: no vscode and no other module of ours at its top level, ~1 KiB', async function () {
    this.timeout(30_000);
    const { inputs, text } = await bundleExtension({ testHooks: false, entry: 'src/main.ts' });
    assert.deepEqual(Object.keys(inputs).sort(), ['src/loader.ts', 'src/main.ts']);
    assert.ok(text.length < 1536, `dist/main.js: ${text.length} bytes minified`);
    assert.equal(text.match(/require\("vscode"\)/g)?.length, 1, 'vscode is required once (only when the bundle failed to load)');
  });
});

describe('requireOnTimer', () => {
  it('does not require before the timer, and hands back what was required', async () => {
    let calls = 0;
    const m = requireOnTimer(() => ({ n: ++calls }));
    assert.equal(m.loaded, false);
    assert.equal(calls, 0);
    await nextTimer();
    assert.equal(m.loaded, true);
    assert.deepEqual(m.get(), { n: 1 });
    assert.equal(m.load?.onTimer, true);
  });
});
