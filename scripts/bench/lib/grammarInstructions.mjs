#!/usr/bin/env node
/**
 * Instructions of one warm tokenizing run of the grammar bench's 10,000 lines (issue #21), counted
 * by valgrind's cachegrind: independent of the machine's load, unlike CPU time. Each grammar is
 * run as 1 and as 3 tokenizing runs in a fresh `node --single-threaded` (JIT and GC on the counted
 * thread); half the difference is one warm run, start-up and the first (compiling) run cancel out.
 * Single runs of the same grammar vary by ~0.1–1 %. Each grammar takes minutes (valgrind).
 * Run: node scripts/bench/lib/grammarInstructions.mjs [grammar.json | git-rev | baseline]...
 *      (default: the working tree's syntaxes/hogql.tmLanguage.json)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const specs = process.argv.slice(2);
if (!specs.length) specs.push(join(root, 'syntaxes/hogql.tmLanguage.json'));
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.log('valgrind is not installed: no instruction counts');
  process.exit(0);
}
const tmp = mkdtempSync(join(tmpdir(), 'grammar-instructions-'));
try {
  const bundle = join(tmp, 'loop.cjs');
  execFileSync(join(root, 'node_modules/.bin/esbuild'), [join(root, 'scripts/bench/lib/grammarLoop.ts'), '--bundle', '--platform=node', '--format=cjs', `--outfile=${bundle}`, '--log-level=warning'], { cwd: root });
  const wasm = join(root, 'node_modules/vscode-oniguruma/release/onig.wasm');
  const instructions = (grammar, runs) => {
    const r = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', bundle, grammar, String(runs), wasm], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const m = /I\s+refs:\s+([\d,]+)/.exec(r.stderr);
    if (!m) throw new Error(`no count from valgrind:\n${r.stderr.slice(-2000)}`);
    return Number(m[1].replaceAll(',', ''));
  };
  specs.forEach((spec, i) => {
    let grammar = spec;
    if (spec !== 'baseline' && !existsSync(spec)) {
      grammar = join(tmp, `grammar${i}.json`);
      writeFileSync(grammar, execFileSync('git', ['show', `${spec}:syntaxes/hogql.tmLanguage.json`], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 }));
    }
    const one = instructions(grammar, 1);
    const three = instructions(grammar, 3);
    console.log(`${spec}: ${((three - one) / 2 / 1e9).toFixed(4)} G instructions per warm run of 10k lines (1 run ${(one / 1e9).toFixed(3)} G, 3 runs ${(three / 1e9).toFixed(3)} G)`);
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
