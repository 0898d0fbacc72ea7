#!/usr/bin/env node
// Soak: 2,000 operations (queries and sidebar tree refreshes, alternating) in a real extension host
// (code-server) against the local emulator (rate limits off), with the extension host's heap (after
// a full GC, from inside: test/bench/soak-runner) and RSS sampled along the way. Prints heap and RSS
// after warm-up and at the end, the growth and the slope (MB per 1,000 operations).
// Goal (issue #13): ≤ 10 MB heap growth after warm-up.
// Run with `npm run bench -- --only soak` (left out of a plain `npm run bench`: it takes minutes).
// HOGQL_SOAK_OPS (2000), HOGQL_SOAK_WARMUP (200), HOGQL_SOAK_SAMPLE_EVERY (100) change the shape.
//
// The extension holds nothing back against a host that never throttled (src/api/limiter.ts), so
// one sign-in to the emulator (its rate limits off) carries all operations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageExtension } from '../package.mjs';
import { openRunnerWorkbench, runnerResult } from './lib/runner.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const host = await import('../../test/support/host.mjs');
const { startEmulator } = await import('../../test/support/emulator.mjs');
const ops = Number(process.env.HOGQL_SOAK_OPS || 2000);
const warmup = Number(process.env.HOGQL_SOAK_WARMUP || 200);
const sampleEvery = Number(process.env.HOGQL_SOAK_SAMPLE_EVERY || 100);
const GOAL_MB = 10;

/** Least-squares slope of y over x. */
function slope(points) {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** RSS of a process seen from outside (/proc), in MB; undefined when it is gone. */
function rssOutside(pid) {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function report(r, outsideRss) {
  const after = r.samples.filter((s) => s.ops >= warmup);
  const w = after[0];
  const end = r.samples.at(-1);
  const mb = (x) => `${x.toFixed(1)} MB`;
  const per1k = (key) => mb(slope(after.map((s) => ({ x: s.ops / 1000, y: s[key] }))));
  const minutes = ((end.ms - r.samples[0].ms) / 60_000).toFixed(1);
  console.log(`soak: ${end.ops} operations (queries and tree refreshes, alternating) in ${minutes} min; samples after a full GC every ${sampleEvery}`);
  for (const s of r.samples) console.log(`  after ${String(s.ops).padStart(5)} ops: heap ${mb(s.heapMB)}, RSS ${mb(s.rssMB)}, external ${mb(s.externalMB)}`);
  const growth = end.heapMB - w.heapMB;
  console.log(`soak: heap after warm-up (${w.ops} ops) ${mb(w.heapMB)}, at the end ${mb(end.heapMB)}: growth ${mb(growth)}, slope ${per1k('heapMB')} per 1,000 ops`);
  console.log(`soak: RSS after warm-up ${mb(w.rssMB)}, at the end ${mb(end.rssMB)}: growth ${mb(end.rssMB - w.rssMB)}, slope ${per1k('rssMB')} per 1,000 ops` + (outsideRss ? ` (RSS read from /proc at the end: ${mb(outsideRss)})` : ''));
  console.log(`soak: goal ≤ ${GOAL_MB} MB heap growth after warm-up: ${growth <= GOAL_MB ? 'met' : 'NOT met'}`);
}

const vsix = packageExtension({ quiet: true, testHooks: true });
const emulator = await startEmulator({ events: 5_000, rateLimits: false });
const dirs = host.prepareRun({ name: 'bench-soak', vsix: vsix.path, extraExtensions: [{ from: join(root, 'test/bench/soak-runner'), id: 'hogql-dev.soak-bench-runner-0.0.1' }] });
const resultFile = join(dirs.run, 'soak.json');
const server = await host.startCodeServer(dirs, {
  HOGQL_TEST_HOOKS: '1',
  HOGQL_BENCH_RESULT: resultFile,
  HOGQL_BENCH_SOAK: JSON.stringify({ hosts: [emulator.url], switchEvery: ops + 1, snapshots: process.env.HOGQL_SOAK_SNAPSHOTS, key: emulator.personalKey, projectId: emulator.projects[0].id, ops, warmup, sampleEvery }),
});
const workbench = await openRunnerWorkbench(server);
try {
  let shown = 0;
  const progress = (cur) => {
    for (const s of cur?.samples.slice(shown) ?? []) console.log(`  … ${s.ops} ops, heap ${s.heapMB.toFixed(1)} MB`);
    shown = cur?.samples.length ?? 0;
  };
  const r = await runnerResult(resultFile, 60 * 60_000, 'the soak to finish', 1000, { onRead: progress });
  report(r, rssOutside(r.pid));
} finally {
  await workbench.close();
  await server.stop();
  await emulator.stop();
}
