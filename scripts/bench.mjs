#!/usr/bin/env node
// `npm run bench`: performance figures, each as a ratio against a baseline measured in the same run
// on the same machine (so machine speed cancels out). Not a test: it prints, it does not assert.
//
// Entries:
//   activation   wall time of activate() (incl. loading the bundle) of the extension installed from
//                its .vsix vs an empty extension, in the same code-server host; median of N hosts
//   bundle       size of dist/extension.js, of the webview bundle and of the .vsix
//   scripts/bench/*.ts|*.mjs   the other areas' benchmarks (parser, grammar, API client, ...)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from './setup.mjs';
import { packageExtension } from './package.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const runs = Number(process.env.HOGQL_BENCH_RUNS || 5);

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function activationBench(vsix) {
  const host = await import('../test/support/host.mjs');
  const empty = [];
  const ours = [];
  const inside = [];
  const language = [];
  let bundleLoaded = false;
  for (let i = 0; i < runs; i++) {
    const dirs = host.prepareRun({
      name: `bench-activation-${i}`,
      vsix,
      extraExtensions: [
        { from: join(root, 'test/bench/empty-ext'), id: 'hogql-dev.empty-0.0.1' },
        { from: join(root, 'test/bench/activation-runner'), id: 'hogql-dev.activation-runner-0.0.1' },
      ],
    });
    const resultFile = join(dirs.run, 'activation.json');
    // Alternate the order so neither side always pays the first-activation cost.
    const order = i % 2 === 0 ? 'empty,hogql' : 'hogql,empty';
    const server = await host.startCodeServer(dirs, { HOGQL_BENCH_RESULT: resultFile, HOGQL_BENCH_ORDER: order });
    const browser = await host.launchBrowser();
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(server.workbenchUrl);
      const r = await host.waitFor(() => host.readJson(resultFile), 90_000, 'activation benchmark result');
      if (r.error) throw new Error(r.error);
      empty.push(r.empty.wallMs);
      ours.push(r.hogql.wallMs);
      inside.push(r.hogql.insideMs);
      language.push(r.hogql.languageMs);
      bundleLoaded ||= r.hogql.languageBundleLoaded;
    } finally {
      await browser.close().catch(() => {});
      await server.stop();
    }
  }
  const e = median(empty);
  const o = median(ours);
  console.log(`activation: empty extension ${e.toFixed(2)} ms, hogql ${o.toFixed(2)} ms (median of ${runs} hosts) → ${(o / e).toFixed(2)}× the empty extension, +${(o - e).toFixed(2)} ms`);
  console.log(`activation: time inside activate() ${median(inside).toFixed(2)} ms (median)`);
  console.log(
    `activation: of which registering the language features ${median(language).toFixed(2)} ms (median); ` +
      `language bundle loaded during activation: ${bundleLoaded ? 'YES (it should load on first use)' : 'no'}`,
  );
}

function otherBenches() {
  const dir = join(root, 'scripts/bench');
  const files = existsSync(dir) ? readdirSync(dir).sort().filter((f) => /\.(ts|mjs)$/.test(f)).map((f) => join(dir, f)) : [];
  // The emulator's own benchmark: sample generation, and HTTP vs chdb-direct query times at 1M events.
  files.push(join(root, 'emulator/bench/bench.ts'));
  for (const file of files) {
    const name = file.startsWith(dir) ? file.slice(dir.length + 1) : 'emulator';
    if (only && !name.startsWith(only)) continue;
    if (!only && name.startsWith('soak')) continue; // minutes long: only with --only soak
    console.log(`\n== ${name} ==`);
    const runner = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
    const r = spawnSync(process.execPath, [...runner, file], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) console.log(`${name}: exited with ${r.status ?? r.signal}`);
  }
}

// --no-setup: skip setup (its `npm ci` would replace a worktree's node_modules symlink with a copy)
if (!args.includes('--no-setup')) setup();
if (!only || only === 'activation' || only === 'bundle') {
  const vsix = packageExtension({ quiet: true });
  console.log('== bundle ==');
  console.log(`bundle: dist/extension.js ${kib(statSync(join(root, 'dist/extension.js')).size)}, ` +
    `webview ${kib(statSync(join(root, 'dist/webview/results/main.js')).size)} js + ${kib(statSync(join(root, 'dist/webview/results/main.css')).size)} css, ` +
    `.vsix ${kib(vsix.bytes)}`);
  if (!only || only === 'activation') {
    console.log('\n== activation ==');
    await activationBench(vsix.path);
  }
}
if (!only || (only !== 'activation' && only !== 'bundle')) otherBenches();
