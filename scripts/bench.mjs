#!/usr/bin/env node
// `npm run bench`: performance figures, each as a ratio against a baseline measured in the same run
// on the same machine (so machine speed cancels out). Not a test: it prints, it does not assert.
//
// Entries:
//   activation   wall time of activate() (incl. loading the bundle) of the extension installed from
//                its .vsix vs an empty extension, in the same code-server host; median of N hosts
//   bundle       size of dist/extension.js, of the webview bundle and of the .vsix
//   scripts/bench/*.ts|*.mjs   the other areas' benchmarks (parser, grammar, API client, ...)
// At the end it prints issue #21's table (scripts/bench/lib/rows.mjs: each row with its baseline from
// this run and its goal) and writes every row to artifacts/bench.json, next to the previous run's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from './setup.mjs';
import { packageExtension } from './package.mjs';
import { describeRow, reportRow, ROWS } from './bench/lib/rows.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
// ≥ 7 hosts: issue #21's activation goal is a median of at least 7.
const runs = Number(process.env.HOGQL_BENCH_RUNS || 7);
// --cpu-prof: a V8 CPU profile of each activation (artifacts/activation-prof/run<i>-<side>.cpuprofile)
const cpuProf = args.includes('--cpu-prof') ? join(root, 'artifacts', 'activation-prof') : undefined;
const rowsFile = join(root, 'artifacts', 'bench-rows.jsonl');
mkdirSync(join(root, 'artifacts'), { recursive: true });
rmSync(rowsFile, { force: true });
process.env.HOGQL_BENCH_ROWS = rowsFile; // the benchmarks below (child processes) report rows there

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function activationBench(vsix) {
  const host = await import('../test/support/host.mjs');
  const empty = [];
  const ours = [];
  const inside = [];
  const language = [];
  const phases = {};
  const timeline = { empty: {}, hogql: {} };
  const cpu = { empty: [], hogql: [] };
  const deferred = { ms: [], cpuMs: [], phases: {} };
  const early = { ms: [], inWait: [], phases: {} };
  const load = { ms: [], beforeEvalMs: [], evalMs: [], onTimer: [], slackMs: [] };
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
    if (cpuProf) mkdirSync(cpuProf, { recursive: true });
    const profEnv = cpuProf ? { HOGQL_BENCH_CPU_PROF: join(cpuProf, `run${i}`) } : {};
    const server = await host.startCodeServer(dirs, { HOGQL_BENCH_RESULT: resultFile, HOGQL_BENCH_ORDER: order, ...profEnv });
    const browser = await host.launchBrowser();
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(server.workbenchUrl);
      const r = await host.waitFor(() => host.readJson(resultFile), 90_000, 'activation benchmark result');
      if (r.error) throw new Error(r.error);
      empty.push(r.empty.wallMs);
      ours.push(r.hogql.wallMs);
      for (const side of ['empty', 'hogql']) if (typeof r[side].cpuMs === 'number') cpu[side].push(r[side].cpuMs);
      inside.push(r.hogql.insideMs);
      if (r.hogql.deferred) for (const k of ['ms', 'cpuMs']) deferred[k].push(r.hogql.deferred[k]);
      for (const [k, v] of Object.entries(r.hogql.deferred?.phases ?? {})) (deferred.phases[k] ??= []).push(v);
      language.push(r.hogql.languageMs);
      if (r.hogql.early) {
        early.ms.push(r.hogql.early.ms);
        early.inWait.push(!!r.hogql.early.beforeActivate);
        for (const [k, v] of Object.entries(r.hogql.early.phases ?? {})) (early.phases[k] ??= []).push(v);
      }
      for (const [k, v] of Object.entries(r.hogql.phases ?? {})) (phases[k] ??= []).push(v);
      for (const k of Object.keys(load)) load[k].push(r.hogql.bundleLoad?.[k] ?? (k === 'onTimer' ? false : 0));
      for (const side of ['empty', 'hogql']) for (const [k, v] of Object.entries(r[side].timeline ?? {})) (timeline[side][k] ??= []).push(v);
      bundleLoaded ||= r.hogql.languageBundleLoaded;
    } finally {
      await browser.close().catch(() => {});
      await server.stop();
    }
  }
  const walls = { empty, hogql: ours };
  const e = median(empty);
  const o = median(ours);
  console.log(`activation: empty extension ${e.toFixed(2)} ms, hogql ${o.toFixed(2)} ms (median of ${runs} hosts) → ${(o / e).toFixed(2)}× the empty extension, +${(o - e).toFixed(2)} ms`);
  console.log(`activation: time inside activate() ${median(inside).toFixed(2)} ms (median)`);
  if (cpu.hogql.length) {
    const [ce, co] = [median(cpu.empty), median(cpu.hogql)];
    console.log(`activation: CPU time of the host process over the same span: empty extension ${ce.toFixed(2)} ms, hogql ${co.toFixed(2)} ms (medians) → +${(co - ce).toFixed(2)} ms`);
  }
  for (const [k, xs] of Object.entries(phases)) console.log(`  activate(): ${k} ${median(xs).toFixed(2)} ms (median)`);
  // `bundle` is the figure printed before s13 as "evaluating dist/extension.js": it also holds the
  // host's wait after the evaluation (for the extension's storage, a round trip to the workbench),
  // which the empty extension waits for as well; s13 splits it at the end of the bundle's evaluation
  const steps = {
    hostBefore: 'the host, before the bundle runs (reading and compiling it)',
    bundle: "from the bundle's start to activate() (before s13: \"evaluating dist/extension.js\")",
    bundleBody: '  of which evaluating the bundle',
    hostWait: "  of which the host's wait after it",
    activate: 'activate()',
    hostAfter: 'the host, after activate() returned',
  };
  for (const [k, xs] of Object.entries(timeline.hogql)) {
    const empty = timeline.empty[k] ? `, empty extension ${median(timeline.empty[k]).toFixed(2)} ms` : '';
    console.log(`activation wall time: ${steps[k] ?? k}: hogql ${median(xs).toFixed(2)} ms${empty} (medians)`);
  }
  // since s13: the same wall time without the host's wait after the bundle's evaluation (for the
  // extension's storage, a round trip to the workbench that both sides wait for: at load 13-16 it
  // took 5-440 ms and is most of the row's noise); the row itself is unchanged
  const noWait = (side) => median(timeline[side].hostWait ? walls[side].map((w, i) => w - timeline[side].hostWait[i]) : []);
  if (timeline.hogql.hostWait && timeline.empty.hostWait) {
    const [nh, ne] = [noWait('hogql'), noWait('empty')];
    console.log(`activation without the host's wait for the extension's storage: hogql ${nh.toFixed(2)} ms, empty extension ${ne.toFixed(2)} ms (medians) → +${(nh - ne).toFixed(2)} ms`);
  }
  // since s14 the command proxies and the notebook's serializer are registered inside that wait
  // (src/early.ts): the figure above drops them with the wait; this one keeps them (wall time less
  // the wait's part when we did not run)
  if (early.ms.length) {
    console.log(`registrations made before activate(): ${median(early.ms).toFixed(2)} ms (median), inside the host's wait in ${early.inWait.filter(Boolean).length} of ${early.ms.length} hosts`);
    for (const [k, xs] of Object.entries(early.phases)) console.log(`  before activate(): ${k} ${median(xs).toFixed(2)} ms (median)`);
    if (timeline.hogql.hostWait && timeline.empty.hostWait) {
      const nh = median(walls.hogql.map((w, i) => w - timeline.hogql.hostWait[i] + (early.inWait[i] ? early.ms[i] : 0)));
      console.log(`activation without the host's wait, our registrations in it counted: hogql ${nh.toFixed(2)} ms → +${(nh - noWait('empty')).toFixed(2)} ms over the empty extension`);
    }
  }
  // since s15 the host requires the entry point (dist/main.js: the figures above name it "the
  // bundle"), whose timer requires dist/extension.js in the host's wait (src/main.ts); before s15
  // that require was "the host, before the bundle runs" plus "evaluating the bundle"
  if (load.onTimer.some(Boolean) || load.ms.some((x) => x > 0)) {
    console.log(`activation bundle (dist/extension.js) required by the entry point: ${median(load.ms).toFixed(2)} ms (median; before its evaluation ${median(load.beforeEvalMs).toFixed(2)}, its evaluation ${median(load.evalMs).toFixed(2)}), on the timer in the host's wait in ${load.onTimer.filter(Boolean).length} of ${load.ms.length} hosts`);
    // how much of the wait was left after our work in it (near 0: our work, not the round trip, ended it)
    console.log(`  the host's wait left after our work in it (bundle, registrations): ${median(load.slackMs).toFixed(2)} ms (median; per host ${load.slackMs.map((x) => x.toFixed(1)).join(' / ')})`);
    if (timeline.hogql.hostWait && timeline.empty.hostWait && early.ms.length) {
      const nh = median(walls.hogql.map((w, i) => w - timeline.hogql.hostWait[i] + (early.inWait[i] ? early.ms[i] : 0) + (load.onTimer[i] ? load.ms[i] : 0)));
      console.log(`activation without the host's wait, our registrations and the bundle's load in it counted: hogql ${nh.toFixed(2)} ms → +${(nh - noWait('empty')).toFixed(2)} ms over the empty extension`);
    }
  }
  // since s12: work moved from activate() to just after it (session, context keys, log; since s13
  // the trees and the results panels' serializer too); not in the row
  if (deferred.ms.length) console.log(`just after activation (not in the row): ${median(deferred.ms).toFixed(2)} ms of our work (median), host CPU from activate()'s return until it is done ${median(deferred.cpuMs).toFixed(2)} ms`);
  for (const [k, xs] of Object.entries(deferred.phases)) console.log(`  just after activation: ${k} ${median(xs).toFixed(2)} ms (median)`);
  const cpuNote = cpu.hogql.length ? `; CPU time +${(median(cpu.hogql) - median(cpu.empty)).toFixed(2)} ms` : '';
  reportRow({ id: 'activation', value: o - e, baseline: e, baselineLabel: 'empty extension', note: `hogql ${o.toFixed(2)} ms, median of ${runs} hosts${cpuNote}` });
  console.log(
    `activation: of which registering the language features ${median(language).toFixed(2)} ms (median; since s14 just after activation: "language features" above); ` +
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
  // the results page loads its script and the chunk it shares with the notebook renderer
  const chunks = join(root, 'dist/webview/chunks');
  const pageJs = [join(root, 'dist/webview/results/main.js'), ...(existsSync(chunks) ? readdirSync(chunks).filter((f) => f.endsWith('.js')).map((f) => join(chunks, f)) : [])];
  const entry = join(root, 'dist/main.js'); // since s15 the manifest's `main`, which requires extension.js
  console.log(`bundle: ${existsSync(entry) ? `dist/main.js ${kib(statSync(entry).size)}, ` : ''}dist/extension.js ${kib(statSync(join(root, 'dist/extension.js')).size)}, ` +
    `webview ${kib(pageJs.reduce((n, f) => n + statSync(f).size, 0))} js + ${kib(statSync(join(root, 'dist/webview/results/main.css')).size)} css, ` +
    `.vsix ${kib(vsix.bytes)}`);
  if (!only || only === 'activation') {
    console.log('\n== activation ==');
    await activationBench(vsix.path);
  }
}
if (!only || (only !== 'activation' && only !== 'bundle')) otherBenches();
summary();

/** Issue #21's table from this run's rows; writes artifacts/bench.json (and shows the previous run's value). */
function summary() {
  const rows = existsSync(rowsFile) ? readFileSync(rowsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  const out = join(root, 'artifacts', 'bench.json');
  let previous = [];
  try {
    previous = JSON.parse(readFileSync(out, 'utf8')).rows ?? [];
  } catch {
    // no earlier run
  }
  console.log('\n== issue #21: where users wait (this run) ==');
  for (const spec of ROWS) {
    const r = rows.filter((x) => x.id === spec.id).at(-1);
    const before = previous.filter((x) => x.id === spec.id).at(-1);
    const was = before ? ` [previous run ${before.at}: ${before.value.toFixed(2)}]` : '';
    console.log(r ? `${describeRow(r)}${was}` : `[#${spec.issue ?? 21}] ${spec.what}: not measured in this run (goal ${spec.goal})${was}`);
  }
  if (rows.length === 0) return; // keep the last run's figures when this run measured none
  const merged = [...previous.filter((p) => !rows.some((r) => r.id === p.id)), ...rows];
  const commit = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const load = existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : undefined;
  writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), commit, load, only: only ?? null, rows: merged }, null, 2)}\n`);
  console.log(`figures written to ${out}`);
}
