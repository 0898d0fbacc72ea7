#!/usr/bin/env node
// End-to-end query latency in the real extension host (code-server) against the local emulator:
// "Run Query" vs a bare blocking HTTP request for the same query, interleaved in one run.
// Goal (issue 7): ours ≤ 1.15 × bare + 20 ms.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageExtension } from '../package.mjs';
import { openRunnerWorkbench, runnerResult } from './lib/runner.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const host = await import('../../test/support/host.mjs');
const { startEmulator } = await import('../../test/support/emulator.mjs');
const runs = Number(process.env.HOGQL_BENCH_QUERY_RUNS || 20);
const QUERIES = [
  ['tiny', 'SELECT 1 AS one'],
  ['group by', "SELECT event, count() AS c FROM events GROUP BY event ORDER BY c DESC"],
];

const vsix = packageExtension({ quiet: true });
const emulator = await startEmulator({ events: 100_000, rateLimits: false });
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
try {
  for (const [label, query] of QUERIES) {
    const dirs = host.prepareRun({
      name: `bench-query-${label.replace(/\W/g, '')}`,
      vsix: vsix.path,
      extraExtensions: [{ from: join(root, 'test/bench/query-runner'), id: 'hogql-dev.query-bench-runner-0.0.1' }],
    });
    const resultFile = join(dirs.run, 'query-bench.json');
    const server = await host.startCodeServer(dirs, {
      HOGQL_BENCH_RESULT: resultFile,
      HOGQL_BENCH_QUERY: JSON.stringify({ url: emulator.url, key: emulator.personalKey, projectId: emulator.projects[0].id, query, runs }),
    });
    const workbench = await openRunnerWorkbench(server);
    try {
      // the runner writes its result once, at the end
      const r = await runnerResult(resultFile, 300_000, 'query benchmark result', 200, { until: () => true });
      const ours = pct(r.ours, 0.5);
      const bare = pct(r.bare, 0.5);
      const goal = 1.15 * bare + 20;
      console.log(
        `query e2e (${label}, 100k events, median of ${runs}): Run Query ${ours.toFixed(1)} ms vs bare HTTP ${bare.toFixed(1)} ms → ` +
          `${(ours / bare).toFixed(2)}×, +${(ours - bare).toFixed(1)} ms (goal ≤ ${goal.toFixed(1)} ms: ${ours <= goal ? 'met' : 'NOT met'}); ` +
          `p95 ${pct(r.ours, 0.95).toFixed(1)} vs ${pct(r.bare, 0.95).toFixed(1)} ms`,
      );
    } finally {
      await workbench.close();
      await server.stop();
    }
  }
} finally {
  await emulator.stop();
}
