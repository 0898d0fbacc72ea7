// The rows of issue #21's table ("speed where users wait"): each benchmark reports its figure for a
// row through `reportRow`, which prints it with the same run's baseline and the goal, and, when
// scripts/bench.mjs runs the benchmark (it sets HOGQL_BENCH_ROWS), appends it as one JSON line to
// that file. bench.mjs then prints the whole table and writes artifacts/bench.json so runs compare.
import { appendFileSync } from 'node:fs';

/**
 * The table's rows, in the issue's order. `goal` is what the row must reach; `check` says whether
 * a reported value meets it (values are in `unit`; `baseline` is the same run's reference).
 */
export const ROWS = [
  { id: 'activation', what: 'activation over the empty extension, same host', unit: 'ms', goal: '≤ +8 ms (median of ≥ 7 hosts, alternating order)', check: (r) => r.value <= 8 },
  { id: 'firstRows', what: "a real query's big result: Run → first rows painted", unit: 'ms', goal: "≤ the bare client's first byte + 150 ms", check: (r) => r.value <= r.baseline + 150 },
  { id: 'allRows', what: 'the same: Run → all rows in the grid', unit: 'ms', goal: '≤ 1.3× the bare client', check: (r) => r.value <= 1.3 * r.baseline },
  { id: 'scroll', what: 'scroll, 100k × 20, frame interval p95', unit: 'ms', goal: '≤ 16.7 ms, no frame over 33 ms', check: (r) => r.value <= 16.7 && (r.max ?? 0) <= 33 },
  { id: 'grammar', what: 'grammar, 10k lines', unit: '×', goal: '≤ 3.0× a one-rule grammar', check: (r) => r.value <= 3.0 },
  { id: 'longestTask', what: 'longest main-thread task, 1,000-line file', unit: 'ms', goal: '≤ 10 ms in every run', check: (r) => r.value <= 10 },
  { id: 'parserFirst', what: 'PostHog parser worker: open → first syntax diagnostics, cold (the open activates the extension)', unit: 'ms', goal: '≤ 100 ms', check: (r) => r.value <= 100 },
  { id: 'parserFirstLater', what: 'PostHog parser worker: open → first syntax diagnostics, cold, later sessions (parser snapshot on disk)', unit: 'ms', goal: '≤ 100 ms', check: (r) => r.value <= 100 },
  { id: 'parserFirstActive', what: 'PostHog parser worker: open → first syntax diagnostics, extension already active (worker warmed up at idle)', unit: 'ms', goal: '≤ 100 ms', check: (r) => r.value <= 100 },
  // issue #19 ("Speed and size"), scripts/bench/codeIntelWorkspace.ts on a generated 5,000-file repo
  { id: 'staleFirstPaint', issue: 19, what: 'Stale Flags view first paint, 5,000-file repo (the slower of cold and warm)', unit: 'ms', goal: '≤ 1 s', check: (r) => r.value <= 1000 },
  { id: 'flagReferences', issue: 19, what: 'Find References of a flag, 5,000-file repo: command → uses', unit: 'ms', goal: '≤ 1 s', check: (r) => r.value <= 1000 },
  { id: 'decorations', issue: 19, what: 'edit → inline status refreshed, 1,000-line file, after the debounce', unit: 'ms', goal: '≤ 50 ms', check: (r) => r.value <= 50 },
];

const fmt = (v, unit) => (v === undefined ? 'n/a' : unit === '×' ? `${v.toFixed(2)}×` : `${v.toFixed(1)} ms`);

/** One line for a row: value, the same run's baseline, the goal and whether it is met. */
export function describeRow(r) {
  const spec = ROWS.find((s) => s.id === r.id);
  if (!spec) throw new Error(`unknown bench row ${r.id}`);
  const met = spec.check(r);
  const base = r.baselineLabel ? `; baseline ${r.baselineLabel} ${fmt(r.baseline, r.baselineUnit ?? 'ms')}` : '';
  const note = r.note ? ` (${r.note})` : '';
  return `[#${spec.issue ?? 21}] ${spec.what}: ${fmt(r.value, spec.unit)}${note}${base}; goal ${spec.goal}: ${met ? 'met' : 'NOT met'}`;
}

/**
 * Reports a row: `{ id, value, baseline?, baselineLabel?, baselineUnit?, max?, note? }`. Prints it and,
 * under bench.mjs, records it. Returns whether the goal is met.
 */
export function reportRow(r) {
  const spec = ROWS.find((s) => s.id === r.id);
  if (!spec) throw new Error(`unknown bench row ${r.id}`);
  console.log(describeRow(r));
  const file = process.env.HOGQL_BENCH_ROWS;
  if (file) appendFileSync(file, `${JSON.stringify({ ...r, met: spec.check(r), at: new Date().toISOString() })}\n`);
  return spec.check(r);
}
