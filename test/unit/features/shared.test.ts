// Issue #21: dist/extension.js (activation) and dist/features.js (loaded on first use) must not both
// hold a copy of one module: two copies are two instances of its state (a static list of panels, a
// test seam, a cache) and two classes for `instanceof`. features.js takes every module extension.js
// has from it at run time (scripts/lib/sharedBundles.mjs). This builds both bundles exactly as
// scripts/build.mjs does (release options) and compares the modules each one holds.
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { ROOT } from '../../support/bundle';

interface Options extends esbuild.BuildOptions {
  entryPoints: { in: string; out: string }[];
}

/** Source modules with code in the output of `options` (path relative to the project), and its text. */
async function modulesOf(options: Options): Promise<{ modules: Map<string, number>; text: string }> {
  const r = await esbuild.build({ ...options, write: false, metafile: true, logLevel: 'silent' });
  const out = Object.values(r.metafile.outputs).find((o) => o.entryPoint)!;
  const text = r.outputFiles!.find((f) => f.path.endsWith('.js'))!.text;
  return { modules: new Map(Object.entries(out.inputs).map(([f, i]) => [f.split('\\').join('/'), i.bytesInOutput])), text };
}

describe('the activation and features bundles share one copy of each module', () => {
  let main: Map<string, number>;
  let features: Map<string, number>;
  const texts: Record<string, string> = {};

  before(async function () {
    this.timeout(60_000);
    const { sharedBundles } = await import('../../../scripts/lib/sharedBundles.mjs');
    const node: esbuild.BuildOptions = {
      bundle: true, minify: true, keepNames: true, target: 'es2022', platform: 'node', format: 'cjs', external: ['vscode'], absWorkingDir: ROOT,
      define: { 'process.env.NODE_ENV': '"production"', __TEST_HOOKS__: 'false' },
    };
    const [mainOptions, featuresOptions] = await sharedBundles(node, ROOT);
    const [m, f] = await Promise.all([modulesOf(mainOptions!), modulesOf(featuresOptions!)]);
    [main, features, texts.extension, texts.features] = [m.modules, f.modules, m.text, f.text];
  });

  it('builds both bundles with their modules (the check below would prove nothing otherwise)', () => {
    assert.ok(main.has('src/ctx.ts') && main.has('src/shell.ts'), 'extension.js holds the context and the shell');
    assert.ok(features.has('src/commands/index.ts') && features.has('src/webview/resultsPanel.ts'), 'features.js holds the commands and the results panel');
    assert.ok(!main.has('src/webview/resultsPanel.ts'), 'the results panel stays out of extension.js');
  });

  it('puts no module in both (features.js requires those of extension.js instead)', () => {
    // src/ modules only: each bundle's 'vscode' module (scripts/lib/vscodeOnce.mjs)
    // holds no state, both read the one API object of the extension
    const inBoth = [...features.keys()].filter((f) => f.startsWith('src/') && main.has(f) && (features.get(f) ?? 0) > 0);
    assert.deepEqual(inBoth, []);
  });

  // Left to esbuild, every module importing 'vscode' wraps require('vscode') in its own copy of the
  // API object's ~300 properties (__toESM): 24 copies cost ~10 ms of CPU while extension.js loads.
  it('copies the vscode API object once per bundle', () => {
    for (const [name, text] of Object.entries(texts)) {
      const requires = text.match(/require\(\s*["']vscode["']\s*\)/g) ?? [];
      assert.equal(requires.length, 1, `require('vscode') in ${name}.js`);
    }
  });

  // `export * from 'vscode'` was one such copy per bundle (~0.5–1 ms of the activation's CPU): since
  // s12 a bundle reads only the names it uses, each once, while it loads.
  it('reads only the names of the API it uses, without listing the API object (activation bundle)', () => {
    for (const [name, text] of Object.entries(texts).filter(([n]) => n === 'extension')) {
      const read = new Set<string | symbol>();
      let listed = 0;
      const api = new Proxy({} as Record<string | symbol, unknown>, {
        // the bundle's timer for the registrations before activate() (src/early.ts) finds no manifest here: it registers nothing
        get: (_, key) => (read.add(key), key === 'extensions' ? { getExtension: () => undefined } : function stub() {}),
        ownKeys: () => (listed++, []),
        getOwnPropertyDescriptor: () => (listed++, undefined),
      });
      const fakeRequire = (id: string): unknown => (id === 'vscode' ? api : require(id));
      const module = { exports: {} };
      new Function('require', 'module', 'exports', '__dirname', '__filename', text)(fakeRequire, module, module.exports, '/nowhere', '/nowhere/x.js');
      assert.equal(listed, 0, `${name}.js lists the API object's properties`);
      assert.ok(read.has('commands') && read.size < 40, `${name}.js reads ${read.size} names: ${[...read].map(String).join(', ')}`);
    }
  });
});

