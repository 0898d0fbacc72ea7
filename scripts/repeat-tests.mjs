#!/usr/bin/env node
// Runs a slice of the host or UI layer several times on what the last test run built and packaged
// (out/test/host, artifacts/*.vsix; build them with `node scripts/test.mjs --no-setup --only host`),
// to look for tests that fail only sometimes, e.g. on a loaded machine. Prints each run's load
// average, its failures with their errors, and its slowest tests (host layer).
//
//   node scripts/repeat-tests.mjs --layer host --grep "views:|notebooks \(" --runs 3
//   node scripts/repeat-tests.mjs --layer ui --grep "UI: PostHog sidebar" --runs 3
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const layer = arg('--layer', 'host');
const grep = arg('--grep', undefined);
const runs = Number(arg('--runs', '3'));
if (!['host', 'ui'].includes(layer) || !(runs > 0)) {
  console.error('usage: node scripts/repeat-tests.mjs --layer host|ui [--grep TEXT] [--runs N]');
  process.exit(2);
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
let failed = 0;
for (let i = 1; i <= runs; i++) {
  const started = Date.now();
  const before = load();
  let passes = [];
  let failures = [];
  if (layer === 'host') {
    const { runHostSuite } = await import('../test/support/hostSuite.mjs');
    ({ passes, failures } = await runHostSuite({ grep, log: () => {} }));
  } else {
    const files = readdirSync(join(root, 'test/ui')).filter((f) => f.endsWith('.test.mjs')).map((f) => join('test/ui', f));
    const summary = join(root, 'artifacts', 'mocha-repeat.json');
    spawnSync(process.execPath, [join(root, 'node_modules/mocha/bin/mocha.js'), '--reporter', join(root, 'test/support/reporter.cjs'), '--timeout', '180000', ...(grep ? ['--grep', grep] : []), ...files], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, HOGQL_MOCHA_SUMMARY: summary },
    });
    const s = JSON.parse(readFileSync(summary, 'utf8'));
    passes = Array.from({ length: s.passes }, () => ({}));
    failures = s.failed.map((f) => ({ title: f.title, error: f.error ?? '' }));
  }
  failed += failures.length;
  console.log(`run ${i}/${runs}: ${passes.length} passed, ${failures.length} failed in ${((Date.now() - started) / 1000).toFixed(0)} s (load ${before} → ${load()})`);
  for (const f of failures) console.log(`  ✗ ${f.title}\n${String(f.error).replace(/^/gm, '      ')}`);
  const slow = passes.filter((p) => p.ms !== undefined).sort((a, b) => b.ms - a.ms).slice(0, 3);
  for (const p of slow) console.log(`  slowest: ${p.ms} ms ${p.title}`);
}
process.exit(failed ? 1 : 0);
