#!/usr/bin/env node
// `npm test`: sets the machine up (idempotent), type-checks, builds and packages the extension,
// then runs every test layer and ends with one line `N passed, N failed` summing them all.
//
//   node scripts/test.mjs                 everything
//   node scripts/test.mjs --only unit     one layer (lint | unit | emulator | package | host | ui); repeatable
//   node scripts/test.mjs --grep text     only tests whose title matches (unit, host, ui)
//   node scripts/test.mjs --no-setup      skip the machine setup step
//
// Layers: unit (mocha in plain Node, TypeScript through tsx), emulator (the local PostHog's own
// tests), host (mocha inside a real VS Code extension host: code-server, with the extension
// installed from its .vsix), ui (headless Chromium driving the workbench and webviews).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from './setup.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const only = argv.flatMap((a, i) => (a === '--only' ? [argv[i + 1]] : []));
const grepAt = argv.indexOf('--grep');
const grep = grepAt >= 0 ? argv[grepAt + 1] : undefined;
const wanted = (layer) => only.length === 0 || only.includes(layer);
const needsHost = wanted('host') || wanted('ui');

const results = []; // { layer, passed, failed, ms, failures: string[] }
const t0 = Date.now();

function filesUnder(dir, test) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => test(f) && statSync(f).isFile())
    .sort();
}

function step(name, cmd, args, opts = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  const ok = r.status === 0;
  console.log(`[test] ${name}: ${ok ? 'ok' : `FAILED (${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

/** A gate that is not a mocha suite (type-check, build) counts as one check. */
function gate(layer, ok, ms = 0) {
  results.push({ layer, passed: ok ? 1 : 0, failed: ok ? 0 : 1, ms, failures: ok ? [] : [layer] });
  return ok;
}

/** Runs mocha on `files` with the summary reporter; records the layer's counts. */
function mochaLayer(layer, files, extraArgs = []) {
  if (files.length === 0) {
    console.log(`[test] ${layer}: no test files`);
    return;
  }
  const summary = join(root, 'artifacts', `mocha-${layer}.json`);
  rmSync(summary, { force: true });
  const started = Date.now();
  const args = [
    join(root, 'node_modules/mocha/bin/mocha.js'),
    '--reporter', join(root, 'test/support/reporter.cjs'),
    ...(grep ? ['--grep', grep] : []),
    ...extraArgs,
    ...files.map((f) => relative(root, f)),
  ];
  console.log(`\n[test] === ${layer}: ${files.length} file(s) ===`);
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, HOGQL_MOCHA_SUMMARY: summary },
  });
  const ms = Date.now() - started;
  let s;
  try {
    s = JSON.parse(readFileSync(summary, 'utf8'));
  } catch {
    s = undefined;
  }
  if (!s) {
    results.push({ layer, passed: 0, failed: 1, ms, failures: [`${layer}: mocha exited ${r.status ?? r.signal} without a report`] });
    return;
  }
  const failed = s.failures + (r.status !== 0 && s.failures === 0 ? 1 : 0);
  results.push({ layer, passed: s.passes, failed, ms, failures: s.failed.map((f) => f.title) });
}

async function hostLayer() {
  console.log('\n[test] === host: mocha inside the VS Code extension host (code-server) ===');
  const started = Date.now();
  const { runHostSuite } = await import('../test/support/hostSuite.mjs');
  try {
    const r = await runHostSuite({ grep });
    for (const p of r.passes) console.log(`  ✔ ${p.title}`);
    for (const f of r.failures) console.log(`  ✗ ${f.title}\n${f.error.replace(/^/gm, '      ')}`);
    results.push({ layer: 'host', passed: r.passes.length, failed: r.failures.length, ms: Date.now() - started, failures: r.failures.map((f) => f.title) });
  } catch (e) {
    console.log(`  ✗ host harness: ${e.stack || e}`);
    results.push({ layer: 'host', passed: 0, failed: 1, ms: Date.now() - started, failures: ['host harness'] });
  }
}

/**
 * After a whole UI run: every README image (test/support/readmeImages.mjs) was taken in it, so
 * `npm test` produces them all (docs/images/ is rewritten only where an image changed).
 */
async function readmeImagesGate(sinceMs) {
  const { readmeImagesNotTakenSince } = await import('../test/support/readmeImages.mjs');
  const missing = readmeImagesNotTakenSince(sinceMs);
  if (missing.length) console.log(`[test] README images not taken by this UI run: ${missing.join(', ')}`);
  gate('readme images', missing.length === 0);
}

function summarise() {
  console.log('\n[test] summary');
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    passed += r.passed;
    failed += r.failed;
    console.log(`  ${r.layer.padEnd(14)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed  ${(r.ms / 1000).toFixed(1)} s`);
    for (const f of r.failures) console.log(`      ✗ ${f}`);
  }
  console.log(`  total time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}

async function main() {
  mkdirSync(join(root, 'artifacts'), { recursive: true });
  if (!argv.includes('--no-setup')) {
    const started = Date.now();
    try {
      setup({ codeServer: needsHost, browser: needsHost });
      gate('setup', true, Date.now() - started);
    } catch (e) {
      console.error(`[test] setup failed: ${e.message}`);
      gate('setup', false, Date.now() - started);
      return summarise();
    }
  }
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  let started = Date.now();
  gate('typecheck', step('typecheck', process.execPath, [tsc, '-p', '.']) && step('typecheck webview', process.execPath, [tsc, '-p', 'webview-ui']), Date.now() - started);
  if (only.length === 0 || wanted('lint')) {
    // ESLint with type-aware rules and the import boundaries of docs/architecture.md (eslint.config.mjs).
    started = Date.now();
    gate('lint', step('lint', process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), '--max-warnings', '0', 'src', 'webview-ui']), Date.now() - started);
  }

  if (wanted('unit')) {
    const unit = filesUnder(join(root, 'test/unit'), (f) => f.endsWith('.test.ts'));
    mochaLayer('unit', unit, ['--require', 'tsx/cjs', '--require', './test/support/globals.cjs', '--timeout', '20000']);
  }
  if (wanted('emulator')) {
    const emu = filesUnder(join(root, 'emulator/test'), (f) => f.endsWith('.test.ts'));
    mochaLayer('emulator', emu, ['--require', 'tsx/cjs', '--timeout', '120000', '--exit']);
  }
  if (wanted('package')) {
    // The release .vsix (no test hooks), what users install: ≤ 700 KiB (scripts/checks/vsixSize.mjs).
    started = Date.now();
    const { packageExtension } = await import('./package.mjs');
    const { checkVsixSize } = await import('./checks/vsixSize.mjs');
    let ok = false;
    try {
      const r = checkVsixSize(packageExtension({ quiet: true }).path);
      console.log(r.lines.join('\n'));
      ok = r.ok;
    } catch (e) {
      console.error(`[test] release .vsix: ${e.message}`);
    }
    gate('vsix size', ok, Date.now() - started);
  }
  if (needsHost) {
    started = Date.now();
    const built = step('build host tests', process.execPath, [join(root, 'scripts/build.mjs'), '--tests']) &&
      step('package .vsix', process.execPath, [join(root, 'scripts/package.mjs'), '--test-hooks']);
    if (!gate('package', built, Date.now() - started)) return summarise();
    if (wanted('host')) await hostLayer();
    if (wanted('ui')) {
      const uiStarted = Date.now();
      mochaLayer('ui', filesUnder(join(root, 'test/ui'), (f) => f.endsWith('.test.mjs')), ['--timeout', '180000']);
      if (!grep) await readmeImagesGate(uiStarted);
    }
  }
  return summarise();
}

main().then(
  (failed) => process.exit(failed ? 1 : 0),
  (e) => {
    console.error(e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
