#!/usr/bin/env node
// Builds the extension bundles and the test files.
//   node scripts/build.mjs               development build (extension, webview, tests)
//   node scripts/build.mjs --production  minified bundles with source maps (what the .vsix ships)
//   node scripts/build.mjs --production --test-hooks   the same with the test hooks compiled in (tests, benchmarks)
//   node scripts/build.mjs --tests       only the host test files (into out/)
//   node scripts/build.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedBundles } from './lib/sharedBundles.mjs';
import { vscodeOnce } from './lib/vscodeOnce.mjs';
import { PARSER_GLUE, writeParserFiles } from './lib/parserWasm.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
// Test hooks (HOGQL_TEST_HOOKS seams, the dev results file) are compiled out of the release build.
const testHooks = !production || args.has('--test-hooks');
const watch = args.has('--watch');
const testsOnly = args.has('--tests');

/** All files under `dir` whose name ends with `suffix`. */
function filesUnder(dir, suffix) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, suffix));
    else if (p.endsWith(suffix)) out.push(p);
  }
  return out;
}

/** `<publisher>.<name>` from package.json. */
function extensionId() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return `${pkg.publisher}.${pkg.name}`;
}

const common = {
  bundle: true,
  sourcemap: true,
  minify: production,
  // No keepNames (it cost ~15 KiB of the .vsix): error classes name themselves (`override name = '…'`,
  // test/unit/api/errorNames.test.ts), nothing else reads a function's or class's name.
  keepNames: false,
  logLevel: 'warning',
  target: 'es2022',
  // Non-ASCII characters stay as they are (UTF-8) instead of \uXXXX escapes (smaller bundles).
  charset: 'utf8',
  define: {
    'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development'),
    __TEST_HOOKS__: String(testHooks),
    // part of the parser snapshot's key (src/language/syntax/snapshotStore.ts)
    // the extension's id, so code run before activate() can find its manifest (src/early.ts)
    __EXTENSION_ID__: JSON.stringify(extensionId()),
    __HOGQL_PARSER_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'node_modules/@posthog/hogql-parser/package.json'), 'utf8')).version),
  },
};

/**
 * The extension host bundle plus entry points loaded later: worker threads (`*.worker.ts`) and the
 * API client (`dist/api.js`, loaded on first use by src/apiLoader.ts so activation stays cheap).
 */
const extensionEntries = [
  { in: join(root, 'src/api/index.ts'), out: 'api' },
  // HogQL language features (providers, vocabulary), loaded on first use by src/language/register.ts.
  { in: join(root, 'src/language/features.ts'), out: 'language' },
  // PostHog code intelligence in TS/JS/Python/Go/Ruby (scanner, providers), loaded by src/codeIntel/register.ts.
  { in: join(root, 'src/codeIntel/features.ts'), out: 'codeIntel' },
];
for (const f of filesUnder(join(root, 'src'), '.worker.ts')) {
  extensionEntries.push({ in: f, out: relative(join(root, 'src'), f).replace(/\.ts$/, '') });
}

/**
 * PostHog's parser (`@posthog/hogql-parser`: Emscripten glue with its WASM inlined as a string) ships
 * as two files next to the worker, which requires the glue by path: the glue, and the WASM brotli
 * compressed (scripts/lib/parserWasm.mjs; ~85 KiB less in the .vsix than the inlined string).
 */
const parserAsFile = {
  name: 'hogql-parser-as-file',
  setup(build) {
    build.onResolve({ filter: /^@posthog\/hogql-parser$/ }, () => ({ path: `./${PARSER_GLUE}`, external: true }));
    build.onEnd(() => writeParserFiles(root, join(root, 'dist/language')));
  },
};

const bundles = [
  ...(testsOnly ? [] : await sharedBundles({ ...common, platform: 'node', format: 'cjs', external: ['vscode'], absWorkingDir: root }, root)),
  {
    // The manifest's `main` (~1 KiB): it requires the activation bundle (dist/extension.js, built by
    // sharedBundles) on a timer that fires while the host waits for our storage (src/main.ts, s15).
    // Without vscodeOnce: its one `require('vscode')`, when the bundle failed to load, stays a require.
    ...common,
    entryPoints: [{ in: join(root, 'src/main.ts'), out: 'main' }],
    outdir: join(root, 'dist'),
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: extensionEntries,
    outdir: join(root, 'dist'),
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    metafile: true,
    plugins: [parserAsFile, vscodeOnce],
  },
  {
    // The webview pages (webview-ui/*/main.ts) and the notebook renderer (package.json
    // `notebookRenderer`, imported by VS Code as an ES module) share the results grid's code: ES
    // modules split into a common chunk under dist/webview/chunks/, loaded once per page. Each
    // entry's style sheet is emitted beside it (the renderer links them into its shadow roots).
    ...common,
    entryPoints: [...filesUnder(join(root, 'webview-ui'), 'main.ts'), join(root, 'webview-ui/notebook/renderer.ts')],
    outdir: join(root, 'dist/webview'),
    outbase: join(root, 'webview-ui'),
    platform: 'browser',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    loader: { '.css': 'css' },
  },
];
const builds = testsOnly ? [] : [...bundles];

// Host test files (they run inside the VS Code extension host, so they must be plain JS): each is
// bundled on its own so it can import sources and JSON data directly. Packages stay external
// (resolved from node_modules at run time); `vscode` is provided by the host. Unit tests need no
// build: mocha runs them from TypeScript through tsx.
if (!production || testsOnly) {
  const tests = filesUnder(join(root, 'test/host'), '.test.ts');
  if (tests.length) {
    builds.push({
      ...common,
      entryPoints: tests,
      outdir: join(root, 'out/test'),
      outbase: join(root, 'test'),
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      external: ['vscode'],
      loader: { '.hogql': 'text' },
    });
  }
}

if (!watch) {
  if (!testsOnly) rmSync(join(root, 'dist'), { recursive: true, force: true });
  // `--tests` overwrites in place (parallel test runs on one checkout read out/ meanwhile).
  if (!production && !testsOnly) rmSync(join(root, 'out'), { recursive: true, force: true });
}
if (!testsOnly) {
  // Node reads the package.json nearest to a bundle it loads for its "type": without this one it
  // parses the extension's 64 KiB manifest while the extension host activates us (issue #21)
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist/package.json'), '{ "type": "commonjs" }\n');
}

const started = Date.now();
if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('[build] watching for changes…');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  const meta = results.find((r) => r.metafile && Object.keys(r.metafile.outputs).some((f) => f.endsWith('dist/extension.js')))?.metafile;
  const ext = meta && Object.entries(meta.outputs).find(([f]) => f.endsWith('dist/extension.js'));
  const size = ext ? `${(ext[1].bytes / 1024).toFixed(1)} KiB` : '?';
  console.log(
    `[build] ${production ? 'production' : 'development'} build in ${Date.now() - started} ms; ` +
      `extension bundle ${size}; ${relative(root, join(root, 'dist'))}/`,
  );
}
