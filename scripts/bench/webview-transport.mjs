#!/usr/bin/env node
// Issue #21, "all rows": the floor of the transport the results panel's rows take in code-server
// (extension host → code-server's websocket → workbench → webview frames), with nothing of ours in
// the way: a bare probe extension (test/bench/transport-probe) posts the bytes of a 50,000 × 20
// result (its JSON text, ~12 MB, or that text deflated at level 1, ~3 MB) as Uint8Arrays in 1 or 10
// messages to a bare webview, which notes when they arrive (and, for the `+ parse` lines, when it has
// inflated, decoded and JSON.parsed them). Prints per scenario the median of the runs: post → first
// and last arrival, post → parsed, the extension host's CPU while posting and until the last arrival.
// `node scripts/bench.mjs --no-setup --only webview-transport`; HOGQL_BENCH_TRANSPORT_ROUNDS (default 3).
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openRunnerWorkbench, runnerResult } from './lib/runner.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const host = await import('../../test/support/host.mjs');
const rounds = Number(process.env.HOGQL_BENCH_TRANSPORT_ROUNDS || 3) + 1; // the first round warms up
const scenarios = [
  { name: 'tiny (1 KB), 1 message', rows: 4, messages: 1 },
  { name: 'JSON ~12 MB, 1 message', messages: 1 },
  { name: 'JSON ~12 MB, 10 messages', messages: 10 },
  { name: 'deflated ~3 MB, 1 message', messages: 1, deflated: true },
  { name: 'deflated ~3 MB, 10 messages', messages: 10, deflated: true },
  { name: 'JSON ~12 MB, 10 messages + parse', messages: 10, parse: true },
  { name: 'deflated (in the timing) ~3 MB, 10 messages + inflate + parse', messages: 10, deflated: true, deflateInTime: true, parse: true },
  { name: 'JSON ~12 MB, 2 messages + parse', messages: 2, parse: true },
  { name: 'deflated (in the timing), 2 messages + inflate + parse', messages: 2, deflated: true, deflateInTime: true, parse: true },
  { name: 'deflated, 10 messages, then the host busy 300 ms in 20 ms tasks', messages: 10, deflated: true, busyMs: 300 },
  { name: 'deflated, 10 messages, then the host busy 300 ms in 2 ms tasks', messages: 10, deflated: true, busyMs: 300, busySliceMs: 2 },
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dirs = host.prepareRun({ name: 'bench-webview-transport', vsix: null, extraExtensions: [{ from: join(root, 'test/bench/transport-probe'), id: 'hogql-dev.transport-probe-0.0.1' }] });
const resultFile = join(dirs.run, 'transport.json');
const server = await host.startCodeServer(dirs, { HOGQL_BENCH_RESULT: resultFile, HOGQL_BENCH_TRANSPORT: JSON.stringify({ rows: 50_000, rounds, scenarios }) });
const workbench = await openRunnerWorkbench(server);
try {
  const r = await runnerResult(resultFile, 900_000, 'the transport probe', 100);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`webview transport in code-server (bare probe, 50,000 × 20 rows' bytes), median of ${rounds - 1} rounds after a warm-up; machine load ${load}`);
  for (const s of scenarios) {
    const xs = r.runs.filter((x) => x.name === s.name);
    const m = (f) => median(xs.map(f));
    const parsed = s.parse ? `, → parsed ${m((x) => x.parsed - x.t0)} ms (${xs[0].rows} rows)` : '';
    console.log(`  ${s.name}: ${(xs[0].bytes / 1e6).toFixed(2)} MB; posting ${m((x) => x.postedAt - x.t0)} ms (host CPU ${m((x) => x.hostCpuMs).toFixed(0)} ms), post → first arrival ${m((x) => x.first - x.t0)} ms, → last ${m((x) => x.last - x.t0)} ms${parsed}; host CPU until the last arrival ${m((x) => x.cpuAfterMs).toFixed(0)} ms; binary messages ${xs[0].binary}/${s.messages}`);
  }
} finally {
  await workbench.close();
  await server.stop();
}
