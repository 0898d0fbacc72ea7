#!/usr/bin/env node
// "Export Full Result" (issue #17): 1,000,000 rows from the local emulator (a `numbers()` query
// past PostHog's 50,000-row cap, so 20 pages of 50,000 after a first page) exported to a file by
// the real extension host (code-server): CSV, JSON Lines, then CSV again (a warm host). Prints rows/s and the
// extension host's RSS above idle: the kernel's peak (VmHWM, reset before each export) and the
// peak of 10 ms samples, above the RSS after a full GC before the export.
// Goal: peak RSS ≤ 100 MB above idle (flat memory: pages are written as they arrive).
// `node scripts/bench.mjs --no-setup --only export`; HOGQL_BENCH_EXPORT_ROWS changes the size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageExtension } from '../package.mjs';
import { openRunnerWorkbench, runnerResult } from './lib/runner.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const host = await import('../../test/support/host.mjs');
const { startEmulator } = await import('../../test/support/emulator.mjs');
const rows = Number(process.env.HOGQL_BENCH_EXPORT_ROWS || 1_000_000);
const GOAL_MB = 100;
// Four columns of the usual kinds: an integer, a string, a formula-looking string, a float.
const QUERY = `SELECT number AS n, toString(number * 7) AS s, if(number % 3 = 0, concat('=', toString(number)), 'plain text') AS f, number / 3 AS x FROM numbers(${rows})`;

const vsix = packageExtension({ quiet: true });
const emulator = await startEmulator({ events: 1_000, rateLimits: false });
const dir = mkdtempSync(join(tmpdir(), 'hogql-export-bench-'));
const dirs = host.prepareRun({ name: 'bench-export', vsix: vsix.path, extraExtensions: [{ from: join(root, 'test/bench/export-runner'), id: 'hogql-dev.export-bench-runner-0.0.1' }] });
const resultFile = join(dirs.run, 'export.json');
const server = await host.startCodeServer(dirs, {
  HOGQL_BENCH_RESULT: resultFile,
  HOGQL_BENCH_EXPORT: JSON.stringify({ url: emulator.url, key: emulator.personalKey, projectId: emulator.projects[0].id, query: QUERY, formats: ['csv', 'jsonl', 'csv'], dir }),
});
const workbench = await openRunnerWorkbench(server);
try {
  const r = await runnerResult(resultFile, 30 * 60_000, 'the export benchmark to finish', 500);
  if (r.settle) console.log(`host settled before the first export: ${r.settle.steady ? 'RSS steady within 2 MB for 3 s' : 'NOT steady'} after ${(r.settle.ms / 1000).toFixed(1)} s`);
  for (const x of r.runs) {
    const peak = Math.max(x.kernelPeakMB ?? 0, x.sampledPeakMB);
    const above = peak - x.idleMB;
    console.log(
      `export (${x.format}, ${x.rows.toLocaleString('en')} rows, ${x.pages} pages, ${(x.bytes / 2 ** 20).toFixed(1)} MB file): ` +
        `${(x.ms / 1000).toFixed(1)} s, ${Math.round(x.rows / (x.ms / 1000)).toLocaleString('en')} rows/s; extension host RSS idle ${x.idleMB.toFixed(1)} MB, ` +
        `peak ${peak.toFixed(1)} MB (kernel VmHWM ${x.kernelPeakMB === undefined ? 'n/a' : `${x.kernelPeakMB.toFixed(1)} MB`}, sampled ${x.sampledPeakMB.toFixed(1)} MB) → ` +
        `+${above.toFixed(1)} MB above idle (goal ≤ ${GOAL_MB} MB: ${above <= GOAL_MB ? 'met' : 'NOT met'})`,
    );
  }
} finally {
  await workbench.close();
  await server.stop();
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
}
