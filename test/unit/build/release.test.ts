// The release build carries no test hooks: scripts/build.mjs defines __TEST_HOOKS__ = false for it,
// and every hook (the HOGQL_TEST_HOOKS seams, the sidebar test command, the dev results file) sits
// behind that constant, so esbuild drops the code and the modules. This bundles src/extension.ts
// both ways, as scripts/build.mjs does, and looks at what went in.
import assert from 'node:assert/strict';
import { bundleExtension } from '../../support/bundle';

async function bundle(testHooks: boolean): Promise<{ inputs: string[]; text: string }> {
  // the activation bundle and the one loaded on first use (dist/features.js, issue #21)
  const parts = await Promise.all(['src/extension.ts', 'src/features.ts'].map((entry) => bundleExtension({ testHooks, entry })));
  // modules with code in the output: a module whose code was all dropped may still leave a few
  // bytes of esbuild's module glue (~30 B); a hook module itself is several KB
  const inputs = parts.flatMap((p) => Object.entries(p.inputs).filter(([, bytes]) => bytes > 200).map(([f]) => f));
  return { inputs: [...new Set(inputs)], text: parts.map((p) => p.text).join('\n') };
}

describe('build: the release bundle has no test hooks', function () {
  this.timeout(60_000);
  const HOOK_MODULES = ['src/views/testHooks.ts', 'src/webview/devPanel.ts', 'src/results/devResults.ts'];

  it('release: no hook module, no hook variable', async () => {
    const { inputs, text } = await bundle(false);
    assert.deepEqual(inputs.filter((f) => HOOK_MODULES.includes(f)), []);
    for (const name of ['HOGQL_TEST_HOOKS', 'HOGQL_DEV_RESULTS_FILE', 'HOGQL_DEV_COPY_FILE', 'HOGQL_DEV_EXPORT_FILE', 'hogql.test.sidebar', 'codeIntel.inlineStatusOf']) {
      assert.ok(!text.includes(name), `${name} is in the release bundle`);
    }
  });

  it('test build: the hooks are there (the check above can fail)', async () => {
    const { inputs, text } = await bundle(true);
    assert.deepEqual(HOOK_MODULES.filter((f) => !inputs.includes(f)), []);
    assert.ok(text.includes('HOGQL_TEST_HOOKS'));
  });
});
