// Grammar benchmark: tokenize 10,000 lines of mixed HogQL with the HogQL grammar and with
// a trivial one-rule baseline grammar in the same process, so machine speed cancels out
// in the ratio. Run: node --import tsx scripts/bench/grammar.ts [--lines N] [--runs N]
// Goal: ≤ 300 ms for 10k lines (median of warm runs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { reportRow } from './lib/rows.mjs';

const root = join(__dirname, '..', '..');
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const LINES = arg('--lines', 10_000);
const RUNS = arg('--runs', 9);
// --grammar <file>: another build of the HogQL grammar (to compare a change against the committed one)
const GRAMMAR = process.argv.includes('--grammar') ? process.argv[process.argv.indexOf('--grammar') + 1]! : join(root, 'syntaxes', 'hogql.tmLanguage.json');

const SHAPES = [
  'SELECT toStartOfDay(timestamp) AS day, count() AS c, uniq(person_id) AS users',
  "FROM events WHERE event = '$pageview' AND properties.$browser ILIKE '%chrome%'",
  '  AND timestamp > now() - INTERVAL 7 DAY -- last week',
  'GROUP BY day ORDER BY day DESC LIMIT 100;',
  '/* a block comment */ WITH t AS (SELECT arrayMap(x -> x * 2, [1, 2, 3]) AS a)',
  "SELECT f'{person.properties.email} at {now()}', {filters}, {variables.start_date}",
  '  quantile(0.9)(duration), sumIf(x, y > 1), 0x1F + 0b101 + 1.5e-3 ?? null',
  "  person.properties['email'] =~ '.*@posthog\\.com', `odd column`, \"quoted\"",
  '  <Sparkline data={groupArray(c)} />, CASE WHEN a THEN b ELSE c END',
  '',
];

async function main(): Promise<void> {
  const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const onigLib = Promise.resolve({
    createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  });
  const baseline = { scopeName: 'source.baseline', patterns: [{ match: '\\w+', name: 'word.baseline' }] };
  const registry = new vsctm.Registry({
    onigLib,
    loadGrammar: async (scope) => {
      if (scope === 'source.baseline') return vsctm.parseRawGrammar(JSON.stringify(baseline), 'baseline.json');
      if (scope === 'source.hogql') {
        return vsctm.parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR);
      }
      return null;
    },
  });
  const lines = Array.from({ length: LINES }, (_, i) => SHAPES[i % SHAPES.length]!);
  const chars = lines.reduce((n, l) => n + l.length + 1, 0);

  const base = (await registry.loadGrammar('source.baseline'))!;
  const hogql = (await registry.loadGrammar('source.hogql'))!;
  // CPU time of the process as well as wall time: on a shared machine the wait for a core falls
  // unevenly on the two grammars' runs; CPU time does not include it (one thread does the work).
  const cpu = { base: [] as number[], hogql: [] as number[] };
  const once = (g: vsctm.IGrammar, into?: number[]): number => {
    let state = vsctm.INITIAL;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const line of lines) state = g.tokenizeLine2(line, state).ruleStack;
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    into?.push((c.user + c.system) / 1000);
    return wall;
  };
  once(base);
  const first = once(hogql); // includes compiling the scanners
  // Interleaved, so a slow phase of the machine hits both grammars alike.
  const times = { base: [] as number[], hogql: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    times.base.push(once(base, cpu.base));
    times.hogql.push(once(hogql, cpu.hogql));
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const b = { median: median(times.base) };
  const hog = { median: median(times.hogql), first };
  const ratio = hog.median / b.median;
  console.log(`lines: ${LINES}, chars: ${chars}, runs: ${RUNS} (median of warm runs)`);
  console.log(`baseline (1 rule): ${b.median.toFixed(1)} ms`);
  console.log(`hogql:             ${hog.median.toFixed(1)} ms  (first, cold: ${hog.first.toFixed(1)} ms)`);
  console.log(`ratio hogql/baseline: ${ratio.toFixed(2)}x (wall time)`);
  const cpuRatio = median(cpu.hogql) / median(cpu.base);
  console.log(`CPU time: baseline ${median(cpu.base).toFixed(1)} ms, hogql ${median(cpu.hogql).toFixed(1)} ms → ${cpuRatio.toFixed(2)}x`);
  console.log(`goal ≤ 300 ms for 10k lines: ${hog.median <= 300 ? 'met' : 'NOT met'}`);
  reportRow({ id: 'grammar', value: cpuRatio, baseline: median(cpu.base), baselineLabel: 'one-rule grammar (CPU)', note: `CPU time, ${median(cpu.hogql).toFixed(1)} ms for ${LINES} lines, median of ${RUNS}; wall-time ratio ${ratio.toFixed(2)}×` });
}

void main();
