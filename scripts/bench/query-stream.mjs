#!/usr/bin/env node
// Issue #21, "a real query's big result": Run → first rows painted and Run → all rows in the grid,
// through the extension in the real host (code-server + Chromium, the packaged .vsix, the results
// panel painting in the page) vs a bare client (the host's fetch, i.e. undici: one blocking request,
// the whole body, JSON.parse) for the same query against the local emulator, alternating in one run.
// The query: 50,000 rows × 20 columns (integers, strings, floats, integers beyond 2^53) — the most
// one HogQL response holds (PostHog caps a LIMIT at 50,000; emulator/src/hogql/limits.ts).
// Where the time goes: bare — server to first byte, download, parse; extension — Run → first rows
// posted to the panel (server, first rows downloaded and parsed), post → painted, first paint → all
// rows in, and Run → the run command's end (since s10 after the host's own parse of the rows, which
// follows its last post: the panel may be complete before it); since s11 the CPU time of each
// process role over each run (lib/procCpu.mjs: emulator, extension host, code-server, Chromium's
// renderer, GPU and other processes), beside the wall time; since s15 one more run of ours with a
// CPU profile of the extension host, printed by step of its path (lib/hostSteps.mjs;
// HOGQL_BENCH_STREAM_PROFILE=0 skips it). Goals: first rows ≤ the bare client's first byte + 150 ms; all rows ≤ 1.3× bare.
// Since s15 post → painted is split: the crossing (host post → the page's message event; the
// runner samples how long the host's thread was busy in it), the page's work on the message, and
// the frame (laid out → painted), with the renderer's long tasks (the workbench's and the page's:
// one main thread). `node scripts/bench.mjs --no-setup --only query-stream`;
// HOGQL_BENCH_STREAM_RUNS (default 3), HOGQL_BENCH_STREAM_ROWS (default 50000); for a diagnosis,
// HOGQL_BENCH_STREAM_PROFILES=<path prefix> writes a CPU profile of the extension host per timed run
// (`<prefix>-<n>.json`: `{ clock, profile }`, clock = epoch ms and µs of the monotonic clock at its
// start) and the run's marks (`<prefix>-marks-<n>.json`), and HOGQL_BENCH_STREAM_TRACE=<file> a
// Chromium trace of the measured runs (DevTools' Performance panel opens it; tracing slows them).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageExtension } from '../package.mjs';
import { describeHostSteps } from './lib/hostSteps.mjs';
import { describeCpu, startProcCpu } from './lib/procCpu.mjs';
import { reportRow } from './lib/rows.mjs';
import { openRunnerWorkbench, runnerResult } from './lib/runner.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const host = await import('../../test/support/host.mjs');
const { findWebviewFrame } = await import('../../test/support/workbench.mjs');
const { startEmulator } = await import('../../test/support/emulator.mjs');
const runs = Number(process.env.HOGQL_BENCH_STREAM_RUNS || 3);
const rows = Number(process.env.HOGQL_BENCH_STREAM_ROWS || 50_000);
// one more run of ours after the timed ones with a CPU profile of the extension host (lib/hostSteps.mjs); 0 skips it
const profile = process.env.HOGQL_BENCH_STREAM_PROFILE !== '0';
const column = (i) => [`number * ${i + 1} AS i${i}`, `toString(number * ${i}) AS s${i}`, `number / ${i + 1} AS f${i}`, `number * 1000000000000 + ${i} AS u${i}`][i % 4];
const QUERY = `SELECT ${Array.from({ length: 20 }, (_, i) => column(i)).join(', ')} FROM numbers(${rows}) LIMIT ${rows}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const vsix = packageExtension({ quiet: true });
const cpu = startProcCpu();
const emulator = await startEmulator({ events: 1_000, rateLimits: false });
const dirs = host.prepareRun({ name: 'bench-query-stream', vsix: vsix.path, extraExtensions: [{ from: join(root, 'test/bench/stream-runner'), id: 'hogql-dev.stream-bench-runner-0.0.1' }] });
const resultFile = join(dirs.run, 'stream.json');
const server = await host.startCodeServer(dirs, {
  HOGQL_BENCH_RESULT: resultFile,
  ...(process.env.HOGQL_BENCH_STREAM_PROFILES ? { HOGQL_BENCH_STREAM_PROFILES: process.env.HOGQL_BENCH_STREAM_PROFILES } : {}),
  HOGQL_BENCH_STREAM: JSON.stringify({ url: emulator.url, key: emulator.personalKey, projectId: emulator.projects[0].id, query: QUERY, runs, profile, procStat: join(root, 'test/support/procStat.cjs') }),
});
const workbench = await openRunnerWorkbench(server);
try {
  const { page } = workbench;
  // the renderer's long tasks (the workbench's and the panel's page's: one main thread), epoch ms
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__benchLongTasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__benchLongTasks.push([performance.timeOrigin + e.startTime, e.duration, e.name]);
    }).observe({ type: 'longtask', buffered: true });
  });
  const painted = [];
  const tracing = process.env.HOGQL_BENCH_STREAM_TRACE;
  for (let n = 0; n <= runs + (profile ? 1 : 0); n++) {
    if (tracing && n === 1) {
      await workbench.browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'blink.user_timing', 'ipc', 'mojom', 'renderer.scheduler'] });
      await page.evaluate(() => performance.mark(`sync:${Date.now()}`));
    }
    const r = await host.waitFor(() => {
      const cur = host.readJson(resultFile);
      return cur && (cur.error || cur.done || cur.ours.length > n) ? cur : undefined;
    }, 600_000, `extension run ${n}`, 50);
    if (r.error) throw new Error(r.error);
    const run = r.ours[n];
    const frame = await findWebviewFrame(page, `#app[data-query-id="${run.queryId}"][data-complete]`, 600_000);
    const d = await frame.$eval('#app', (a) => ({ sentAt: Number(a.dataset.sentAt), receivedAt: Number(a.dataset.receivedAt), laidOutAt: Number(a.dataset.laidOutAt), renderedAt: Number(a.dataset.renderedAt), completeAt: Number(a.dataset.completeAt), firstRows: Number(a.dataset.firstRows) }));
    const longTasks = await page.evaluate(() => /** @type {any} */ (window).__benchLongTasks.splice(0));
    painted.push({ ...run, ...d, longTasks });
    if (process.env.HOGQL_BENCH_STREAM_PROFILES) writeFileSync(`${process.env.HOGQL_BENCH_STREAM_PROFILES}-marks-${n}.json`, JSON.stringify({ ...run, ...d }));
    writeFileSync(`${resultFile}.ack-${n}`, '');
  }
  if (tracing) writeFileSync(tracing, await workbench.browser.stopTracing());
  const r = await runnerResult(resultFile, 600_000, 'the stream benchmark to finish', 100);
  const bare = r.bare.slice(1).map((b) => ({ cpu: cpu.between(b.t0, b.parsedAt), ttfb: b.firstByteAt - b.t0, download: b.bodyAt - b.firstByteAt, parse: b.parsedAt - b.bodyAt, all: b.parsedAt - b.t0, rows: b.rows }));
  const breakdown = (p) => ({ cpu: cpu.between(p.t0, p.completeAt), firstPost: p.sentAt - p.t0, postToPaint: p.renderedAt - p.sentAt, first: p.renderedAt - p.t0, crossing: p.receivedAt - p.sentAt, layout: p.laidOutAt - p.receivedAt, frame: p.renderedAt - p.laidOutAt, hostBusy: busyIn(p.busy, p.sentAt, p.receivedAt), longTasks: tasksIn(p.longTasks, p.sentAt, p.renderedAt), rest: p.completeAt - p.renderedAt, hostDone: p.doneAt - p.t0, hostToPaint: p.completeAt - p.doneAt, all: p.completeAt - p.t0, firstRows: p.firstRows, rows: p.rows });
  const ours = painted.slice(1, runs + 1).map(breakdown);
  const fresh = breakdown(painted[0]);
  const m = (xs, k) => median(xs.map((x) => x[k]));
  console.log(`query stream: ${rows.toLocaleString('en')} rows × 20 columns, ${runs} runs each (after one warm-up), alternating; machine load ${existsSync('/proc/loadavg') ? (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a'}`);
  for (const [i, b] of bare.entries()) console.log(`  bare #${i + 1}: first byte ${b.ttfb} ms, download ${b.download} ms, JSON.parse ${b.parse} ms → all ${b.all} ms (${b.rows} rows); CPU ${describeCpu(b.cpu)}`);
  console.log(`  extension warm-up (not counted: the panel opens, its page loads and paints its first result): Run → first rows posted ${fresh.firstPost} ms, post → painted ${fresh.postToPaint} ms (crossing ${fresh.crossing} ms, the page's work ${fresh.layout} ms, frame ${fresh.frame} ms) → first rows ${fresh.first} ms`);
  for (const [i, o] of ours.entries()) console.log(`  extension #${i + 1}: Run → first rows posted ${o.firstPost} ms (server, download and parse of the first ${o.firstRows} rows), post → painted ${o.postToPaint} ms (crossing to the page's message event ${o.crossing} ms, the host's thread busy ${o.hostBusy} ms of it; the page's work ${o.layout} ms; to the frame painted ${o.frame} ms; the renderer's long tasks in post → painted: ${o.longTasks}) → first rows ${o.first} ms; then all rows in ${o.rest} ms later (the run command ended at ${o.hostDone} ms, the host's own parse of the rows after its last post included; the panel was complete ${Math.abs(o.hostToPaint)} ms ${o.hostToPaint < 0 ? 'before' : 'after'} that) → all ${o.all} ms (${o.rows} rows); CPU to all rows: ${describeCpu(o.cpu)}`);
  const bt = m(bare, 'ttfb');
  const ball = m(bare, 'all');
  console.log(`  medians: bare first byte ${bt} ms, download ${m(bare, 'download')} ms, parse ${m(bare, 'parse')} ms, all ${ball} ms; extension first post ${m(ours, 'firstPost')} ms, post → paint ${m(ours, 'postToPaint')} ms (crossing ${m(ours, 'crossing')}, page ${m(ours, 'layout')}, frame ${m(ours, 'frame')}), first rows ${m(ours, 'first')} ms, run command ended ${m(ours, 'hostDone')} ms, all rows ${m(ours, 'all')} ms`);
  const cpuTotal = (xs) => median(xs.map((x) => Object.values(x.cpu).reduce((a, b) => a + b, 0)));
  console.log(`  CPU of the bench's processes over a run (median): bare ${cpuTotal(bare)} ms, extension ${cpuTotal(ours)} ms (2 cores: a run's wall time is at least half its CPU time)`);
  // how the runs went to the server (src/query/runMode.ts): a run silent for 3 s is restarted async
  const log = findFile(dirs.run, 'PostHog.log');
  const text = log ? readFileSync(log, 'utf8') : '';
  const restarted = text.split('\n').filter((l) => l.includes('restarted async')).length;
  const asyncPosts = text.split('\n').filter((l) => /POST \/api\/projects\/\d+\/query\/ → 202/.test(l)).length;
  console.log(`  extension runs (warm-up included): ${runs + 1}; restarted async after 3 s of silence: ${restarted}; async POSTs in all: ${asyncPosts} (the rest ran blocking)`);
  if (profile && existsSync(`${resultFile}.cpuprofile`)) {
    const threads = existsSync(`${resultFile}.threads.json`) ? JSON.parse(readFileSync(`${resultFile}.threads.json`, 'utf8')) : undefined;
    for (const line of describeHostSteps(JSON.parse(readFileSync(`${resultFile}.cpuprofile`, 'utf8')), threads, root.replace(/[\\/]$/, ''))) console.log(`  ${line}`);
  }
  reportRow({ id: 'firstRows', value: m(ours, 'first'), baseline: bt, baselineLabel: 'bare client first byte', note: `median of ${runs}; post → paint ${m(ours, 'postToPaint')} ms` });
  reportRow({ id: 'allRows', value: m(ours, 'all'), baseline: ball, baselineLabel: 'bare client full body + JSON.parse', note: `median of ${runs}, ${(m(ours, 'all') / ball).toFixed(2)}× bare` });
} finally {
  cpu.stop();
  await workbench.close();
  await server.stop();
  await emulator.stop();
}

/** Milliseconds of the host's busy gaps (the runner's `[end, ms]` samples) that fall in [from, to]. */
function busyIn(busy, from, to) {
  return Math.round((busy ?? []).reduce((n, [end, ms]) => n + Math.max(0, Math.min(end, to) - Math.max(end - ms, from)), 0));
}

/** The renderer's long tasks (`[start, ms, name]`, epoch) overlapping [from, to], as text. */
function tasksIn(tasks, from, to) {
  const inside = (tasks ?? []).filter(([start, ms]) => start < to && start + ms > from);
  return inside.length ? inside.map(([start, ms, name]) => `${Math.round(ms)} ms at +${Math.round(start - from)}${name === 'self' ? '' : ` (${name})`}`).join(', ') : 'none';
}

/** The first file called `name` under `dir` (depth first), or undefined. */
function findFile(dir, name) {
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (entry === name) return p;
    if (statSync(p).isDirectory()) {
      const found = findFile(p, name);
      if (found) return found;
    }
  }
  return undefined;
}
