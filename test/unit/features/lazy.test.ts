// Issue #21, activation ≤ +8 ms over an empty extension: activation registers and loads nothing
// else. The commands, the sidebar's trees, the history view and the results panels live in
// dist/features.js (src/features.ts), loaded on first use through src/shell.ts's proxies. This
// bundles src/extension.ts the way scripts/build.mjs does and looks at what went in.
import assert from 'node:assert/strict';
import { bundleExtension } from '../../support/bundle';

describe('commands, views and panels stay out of activation', () => {
  let inputs: Record<string, number>;
  let output = '';

  before(async function () {
    this.timeout(30_000);
    ({ inputs, text: output } = await bundleExtension({ testHooks: false }));
  });

  it('bundles no command table, no tree, no webview and no results model', () => {
    const allowedViews = new Set(['src/views/homeView.ts', 'src/views/readOnlyKey.ts']);
    const heavy = Object.keys(inputs).filter(
      (f) => f.startsWith('src/commands/') || f.startsWith('src/webview/') || (f.startsWith('src/views/') && !allowedViews.has(f)) || f === 'src/features.ts',
    );
    assert.deepEqual(heavy, []);
  });

  it('reaches them only through dist/features.js, at run time', () => {
    assert.ok(output.includes('registerHomeView'), 'names are kept (the checks below would prove nothing)');
    assert.ok(output.includes('features.js'), 'the bundle is required by its path');
    assert.ok(!output.includes('registerSidebarCommands'), 'the sidebar commands are in the activation bundle');
    assert.ok(!output.includes('ResourceTree'), 'the sidebar trees are in the activation bundle');
    assert.ok(!output.includes('ResultsPanel'), 'the results panel is in the activation bundle');
  });

  it('builds no query service: the runner, history, values and exports load with the features (s12)', () => {
    // what the activation bundle may hold of src/query/: the documents registered at activation
    // (insight links and their lens, scratch documents, "Compare" texts), the Run lenses' provider
    // and the starter query of "New Query"
    const allowed = new Set(['src/query/docs.ts', 'src/query/insightLink.ts', 'src/query/insightHeader.ts', 'src/query/syncStatus.ts', 'src/query/codeLens.ts', 'src/query/templates.ts']);
    assert.deepEqual(Object.keys(inputs).filter((f) => (f.startsWith('src/query/') && !allowed.has(f)) || f.startsWith('src/results/')), []);
    assert.ok(output.includes('whenQueries'), 'names are kept (the check below would prove nothing)');
    assert.ok(!output.includes('QueryRunner') && !output.includes('ExportJobs'), 'the query service is in the activation bundle');
  });

  it('carries no chart code, in the release build nor in the test build (its test hook loads the features)', async () => {
    const charts = (files: Record<string, number>) => Object.keys(files).filter((f) => f === 'src/results/chartSettings.ts' || f === 'src/query/chartChoices.ts');
    assert.deepEqual(charts(inputs), [], 'release build');
    assert.deepEqual(charts((await bundleExtension({ testHooks: true })).inputs), [], 'test build');
  });

  it('keeps the activation bundle under 40 KiB minified (173 KiB before issue #21, 78 KiB before s12)', () => {
    const bytes = Object.values(inputs).reduce((n, b) => n + b, 0);
    assert.ok(bytes < 40 * 1024, `activation bundle: ${bytes} bytes minified`);
  });
});
