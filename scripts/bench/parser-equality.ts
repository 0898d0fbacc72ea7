/**
 * Before/after check for parser speed work (issue #15, #21): our parser and what walks its trees
 * at a git revision (default HEAD) and the working tree's must give the same output —
 * `parseStatement`, `parse` and `parseAt` (at a third of the text) as JSON with sorted keys (trees,
 * problems, tokens, comments, statement ranges), and the offline diagnostics (`diagnose`), outline
 * (`documentSymbols`, `foldingRanges`) and at a third of the text the hover path (`nodeAt`),
 * completion context and symbol at the cursor — on every input of the differential sources, the corpus files and their statements, more
 * single and double mutants and generated statements of other seeds, fuzz inputs and the hostile
 * shapes. The revision's `src/language/hogql/` is extracted with `git archive` into a temp dir and
 * loaded beside the working tree's (the parser imports nothing outside that folder).
 * Run: node --import tsx scripts/bench/parser-equality.ts [rev]   (exits 1 on any difference)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { diagnose } from '../../src/language/hogql/checks';
import { completionContext } from '../../src/language/hogql/completion';
import { nodeAt } from '../../src/language/hogql/hover';
import { parse, parseAt, parseStatement } from '../../src/language/hogql/parse';
import { symbolAt } from '../../src/language/hogql/references';
import { documentSymbols, foldingRanges } from '../../src/language/hogql/symbols';
import { differentialSources } from '../../test/unit/language/support/differentialSources';
import { corpusTexts, hostileInputs, mutatedCorpus, randomText } from '../../test/unit/language/support/fuzzInputs';
import { GrammarGen } from '../../test/unit/language/support/grammarGen';

/** One output per entry, for a text and an offset in it. */
type Outputs = readonly [string, (text: string, at: number) => unknown][];

function outputsOf(m: {
  parseStatement: typeof parseStatement; parse: typeof parse; parseAt: typeof parseAt; diagnose: typeof diagnose; documentSymbols: typeof documentSymbols;
  foldingRanges: typeof foldingRanges; nodeAt: typeof nodeAt; completionContext: typeof completionContext; symbolAt: typeof symbolAt;
}): Outputs {
  return [
    ['parseStatement', (t) => m.parseStatement(t)], ['parse', (t) => m.parse(t)], ['parseAt', (t, at) => m.parseAt(t, at)],
    ['diagnose', (t) => m.diagnose(t)], ['documentSymbols', (t) => m.documentSymbols(t)], ['foldingRanges', (t) => m.foldingRanges(t)],
    ['nodeAt', (t, at) => m.nodeAt(t, at)], ['completionContext', (t, at) => m.completionContext(t, at)], ['symbolAt', (t, at) => m.symbolAt(t, at)],
  ];
}

const current = outputsOf({ parseStatement, parse, parseAt, diagnose, documentSymbols, foldingRanges, nodeAt, completionContext, symbolAt });

const ROOT = path.resolve(__dirname, '../..');
const EXTRA_SEEDS = [7, 99, 2024, 31337];
const FUZZ_SEED = 20_261_206;

function loadRevision(rev: string): { mod: Outputs; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parser-equality-'));
  const tar = execFileSync('git', ['archive', rev, 'src/language/hogql'], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (name: string): Record<string, unknown> => require(path.join(dir, 'src/language/hogql', name)) as Record<string, unknown>;
  const all = Object.assign({}, ...['parse.ts', 'checks.ts', 'symbols.ts', 'hover.ts', 'completion.ts', 'references.ts'].map(load)) as Parameters<typeof outputsOf>[0];
  return { mod: outputsOf(all), dir };
}

/** The inputs, in a fixed order (the same every run). */
export function equalityInputs(): string[] {
  const out: string[] = [];
  for (const s of differentialSources()) for (const i of s.inputs) out.push(i.text);
  out.push(...corpusTexts());
  for (const seed of EXTRA_SEEDS) {
    const g = new GrammarGen(seed);
    const statements = Array.from({ length: 500 }, () => g.statement());
    out.push(...statements);
    for (let k = 0; k < 1000; k++) out.push(g.mutate(g.pick(statements)));
    for (let k = 0; k < 1000; k++) out.push(g.mutate(g.mutate(g.pick(statements))));
  }
  const corpus = corpusTexts();
  out.push(...fc.sample(mutatedCorpus(corpus), { seed: FUZZ_SEED, numRuns: 2000 }));
  out.push(...fc.sample(randomText, { seed: FUZZ_SEED + 1, numRuns: 1000 }));
  out.push(...hostileInputs().map((h) => h.text));
  return out;
}

/** A piece of output text on canonical()'s stack (not a value to serialise). */
class Raw {
  constructor(readonly s: string) {}
}

/**
 * JSON with object keys sorted (property order is no part of the output), without recursion: the
 * hostile inputs' trees are thousands of levels deep.
 */
function canonical(value: unknown): string {
  const parts: string[] = [];
  const stack: unknown[] = [value];
  // an object met again (a shared subtree, or a back-link such as a scope's parent) is written as a
  // mark: the outputs are compared, not restored, and back-links would never end
  const seen = new Set<object>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (v instanceof Raw) parts.push(v.s);
    else if (v === null || typeof v !== 'object') parts.push(v === undefined || typeof v === 'function' ? 'null' : JSON.stringify(v));
    else if (seen.has(v)) parts.push('"(seen)"');
    else if ((seen.add(v), v instanceof Map || v instanceof Set)) stack.push([...v]);
    else if (Array.isArray(v)) {
      stack.push(new Raw(']'));
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i], new Raw(i > 0 ? ',' : '['));
      if (v.length === 0) stack.push(new Raw('['));
    } else {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o).filter((k) => o[k] !== undefined && typeof o[k] !== 'function').sort();
      stack.push(new Raw('}'));
      for (let i = keys.length - 1; i >= 0; i--) stack.push(o[keys[i]], new Raw(`${i > 0 ? ',' : '{'}${JSON.stringify(keys[i])}:`));
      if (keys.length === 0) stack.push(new Raw('{'));
    }
  }
  return parts.join('');
}

function outputs(m: Outputs, text: string): string[] {
  const at = Math.floor(text.length / 3);
  return m.map(([, fn]) => canonical(fn(text, at)));
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${a.slice(Math.max(0, i - 80), i + 80)}\n      vs: ${b.slice(Math.max(0, i - 80), i + 80)}`;
}

function main(): void {
  const rev = process.argv[2] ?? 'HEAD';
  const { mod: before, dir } = loadRevision(rev);
  try {
    const inputs = equalityInputs();
    let differ = 0;
    inputs.forEach((text, n) => {
      const a = outputs(before, text);
      const b = outputs(current, text);
      for (let k = 0; k < a.length; k++) {
        if (a[k] === b[k]) continue;
        if (++differ <= 5) console.log(`- input ${n} (${current[k][0]}): \`${text.slice(0, 100)}\`\n      ${firstDifference(a[k], b[k])}`);
        break;
      }
    });
    console.log(`${inputs.length} inputs: ${differ === 0 ? 'same' : `${differ} DIFFER`} (${current.map(([name]) => name).join(', ')}) between ${rev} and the working tree`);
    if (differ > 0) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
