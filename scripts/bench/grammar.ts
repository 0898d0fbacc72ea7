// Grammar benchmark: tokenize 10,000 lines of mixed HogQL with the HogQL grammar and with
// a trivial one-rule baseline grammar in the same process, so machine speed cancels out
// in the ratio. Run: node --import tsx scripts/bench/grammar.ts [--lines N] [--runs N] [--against rev|file]
// Goal: ≤ 300 ms for 10k lines (median of warm runs).
// --against: another build of the grammar (a git revision's syntaxes/hogql.tmLanguage.json, or a
// file) tokenized in the same process, alternating with the others: an A/B the load cannot fool.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { SHAPES } from './grammarShapes';
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
const AGAINST = process.argv.includes('--against') ? process.argv[process.argv.indexOf('--against') + 1]! : undefined;
const againstText = (): string =>
  existsSync(AGAINST!) ? readFileSync(AGAINST!, 'utf8') : execFileSync('git', ['show', `${AGAINST}:syntaxes/hogql.tmLanguage.json`], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });

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
      if (scope === 'source.hogql.against') return vsctm.parseRawGrammar(againstText().replace('"source.hogql"', '"source.hogql.against"'), 'against.json');
      return null;
    },
  });
  const lines = Array.from({ length: LINES }, (_, i) => SHAPES[i % SHAPES.length]!);
  const chars = lines.reduce((n, l) => n + l.length + 1, 0);

  const base = (await registry.loadGrammar('source.baseline'))!;
  const hogql = (await registry.loadGrammar('source.hogql'))!;
  const against = AGAINST ? (await registry.loadGrammar('source.hogql.against'))! : undefined;
  // CPU time of the process as well as wall time: on a shared machine the wait for a core falls
  // unevenly on the two grammars' runs; CPU time does not include it (one thread does the work).
  const cpu = { base: [] as number[], hogql: [] as number[], against: [] as number[] };
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
  if (against) once(against);
  // Interleaved, so a slow phase of the machine hits both grammars alike.
  const times = { base: [] as number[], hogql: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    times.base.push(once(base, cpu.base));
    times.hogql.push(once(hogql, cpu.hogql));
    if (against) once(against, cpu.against);
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
  if (against) {
    const a = median(cpu.against);
    console.log(`against ${AGAINST}: CPU ${a.toFixed(1)} ms → ${(a / median(cpu.base)).toFixed(2)}x; this grammar / that one: ${(median(cpu.hogql) / a).toFixed(3)}`);
  }
  console.log(`goal ≤ 300 ms for 10k lines: ${hog.median <= 300 ? 'met' : 'NOT met'}`);
  reportRow({ id: 'grammar', value: cpuRatio, baseline: median(cpu.base), baselineLabel: 'one-rule grammar (CPU)', note: `CPU time, ${median(cpu.hogql).toFixed(1)} ms for ${LINES} lines, median of ${RUNS}; wall-time ratio ${ratio.toFixed(2)}×` });
}

void main();
