// Code-intelligence benchmark (issue #19): the PostHog SDK scanner on a generated 1,000-line
// TypeScript file (flag checks, captures, React hooks, comments, strings, templates, regexes
// mixed into ordinary code); prints p50/p95 of a full scan and what it found.
// Run: node --import tsx scripts/bench/codeIntelScan.ts   (also picked up by `npm run bench`)
// Not a test: it prints, it does not assert. Goal: p95 ≤ 5 ms.
// Baseline, same run: a web-tree-sitter parse of the same file with the TypeScript grammar's WASM
// (goal: the scan ≥ 10× faster). It needs the dev-only packages `web-tree-sitter` (0.25.x) and
// `tree-sitter-typescript` (0.23.x, ships `tree-sitter-typescript.wasm`); without them it prints a
// skip line. The baseline only parses (no query over the tree), so the ratio is a lower bound.
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { scan as scanFn } from '../../src/codeIntel/scan/scan';
import { generateTs } from '../../test/support/sdkCorpus';

const RUNS = Number(process.env.HOGQL_BENCH_ROUNDS || 200);

/**
 * The scanner as the release build ships it (dist/codeIntel.js: esbuild, minified, names kept),
 * not as tsx runs the sources: tsx compiles module by module, so every use of the lexer's const
 * enum becomes a getter call on another module's exports (a third of the scan's time under tsx).
 */
async function shippedScanner(): Promise<typeof scanFn> {
  const esbuild = await import('esbuild');
  const out = join(tmpdir(), `hogql-bench-scan-${process.pid}.cjs`);
  const entry = join(dirname(fileURLToPath(import.meta.url)), '../../src/codeIntel/scan/scan.ts');
  await esbuild.build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'cjs', minify: true, keepNames: true, target: 'es2022', logLevel: 'warning' });
  try {
    return (createRequire(import.meta.url)(out) as { scan: typeof scanFn }).scan;
  } finally {
    rmSync(out, { force: true });
  }
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

interface TsParser { parse(text: string): { delete?(): void } | null }

/** A web-tree-sitter parser for TypeScript, or why there is none. */
async function treeSitterTs(): Promise<TsParser | string> {
  const req = createRequire(import.meta.url);
  let wasm: string;
  try {
    wasm = join(dirname(req.resolve('tree-sitter-typescript/package.json')), 'tree-sitter-typescript.wasm');
    if (!existsSync(wasm)) return `tree-sitter-typescript has no ${wasm}`;
  } catch {
    return 'tree-sitter-typescript is not installed';
  }
  let mod: Record<string, any>;
  try {
    mod = await import('web-tree-sitter' as string);
  } catch {
    return 'web-tree-sitter is not installed';
  }
  // 0.25+: named exports Parser and Language; before: a default Parser with Parser.Language
  const Parser = mod.Parser ?? mod.default;
  const Language = mod.Language ?? Parser.Language;
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
  return parser as TsParser;
}

/** Wall time of each run; adds the process's CPU time for all of them to `cpu.ms` (load-independent). */
function timeEach(runs: number, fn: () => void, cpu = { ms: 0 }): number[] {
  const times: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  const c = process.cpuUsage(c0);
  cpu.ms += (c.user + c.system) / 1000;
  return times;
}

async function main(): Promise<void> {
  const text = generateTs();
  const scan = await shippedScanner();
  const first = performance.now();
  const result = scan(text, 'js');
  const cold = performance.now() - first;
  // warm-up: p50/p95 are of the steady state (the first runs are interpreted, then optimised)
  for (let i = 0; i < 30; i++) scan(text, 'js');
  const cpuAlone = { ms: 0 };
  const times = timeEach(RUNS, () => scan(text, 'js'), cpuAlone);
  const f = (n: number): string => n.toFixed(2);
  console.log(`[bench] codeIntel scan (bundled as shipped): 1,000-line TS file (${(text.length / 1024).toFixed(1)} KiB), ${RUNS} runs`);
  console.log(`[bench]   found ${result.flags.length} flag calls, ${result.captures.length} captures, ${result.hogql.length} HogQL snippets`);
  console.log(`[bench]   cold ${f(cold)} ms; p50 ${f(percentile(times, 50))} ms; p95 ${f(percentile(times, 95))} ms (goal p95 ≤ 5 ms); CPU ${f(cpuAlone.ms / RUNS)} ms a scan`);
  const parser = await treeSitterTs();
  if (typeof parser === 'string') {
    console.log(`[bench]   web-tree-sitter baseline: skipped (${parser}; dev-only: web-tree-sitter@0.25, tree-sitter-typescript@0.23)`);
    return;
  }
  // alternate rounds so both see the same machine load
  const scanTimes: number[] = [];
  const parseTimes: number[] = [];
  const [scanCpu, parseCpu] = [{ ms: 0 }, { ms: 0 }];
  const rounds = Math.max(1, Math.floor(RUNS / 20));
  for (let r = 0; r < rounds; r++) {
    scanTimes.push(...timeEach(20, () => scan(text, 'js'), scanCpu));
    parseTimes.push(...timeEach(20, () => parser.parse(text)?.delete?.(), parseCpu));
  }
  const [s50, p50] = [percentile(scanTimes, 50), percentile(parseTimes, 50)];
  console.log(`[bench]   web-tree-sitter parse (TypeScript WASM): p50 ${f(p50)} ms; p95 ${f(percentile(parseTimes, 95))} ms; CPU ${f(parseCpu.ms / (rounds * 20))} ms a parse`);
  console.log(`[bench]   ratio: scan ${(p50 / s50).toFixed(1)}× faster than a web-tree-sitter parse at p50 (goal ≥ 10×); ${(parseCpu.ms / scanCpu.ms).toFixed(1)}× in CPU time`);
}

void main();
