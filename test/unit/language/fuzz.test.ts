// A bounded fuzz of the pure HogQL language core: 10,000 inputs (corpus mutations, random text with
// unicode/bidi/NUL, deep nesting, 50k-character lines) through every feature the editor calls —
// lex, parse, statement split, statement at the cursor, completion context and items, hover,
// signature help, outline, folding, the offline diagnostics. Properties: nothing throws, nothing
// hangs (a per-input time ceiling), every range is inside the document, and a second run gives the
// same results. The parser's own catch-all (an `internal` problem) counts as a crash.
// HOGQL_FUZZ_SEED=<n> reruns another seed; HOGQL_FUZZ_RUNS=<n> changes the number of random inputs.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { completionItems } from '../../../src/language/completionItems';
import { diagnose } from '../../../src/language/hogql/checks';
import { completionContext, signatureAt } from '../../../src/language/hogql/completion';
import { hoverTarget } from '../../../src/language/hogql/hover';
import { forgetLastLex, lex } from '../../../src/language/hogql/lexer';
import { parse } from '../../../src/language/hogql/parse';
import { chunkAt, splitStatements, statementAt } from '../../../src/language/hogql/split';
import { documentSymbols, foldingRanges, statementSymbol } from '../../../src/language/hogql/symbols';
import { lineStarts } from '../../../src/language/hogql/text';
import { documentStatements, LocalChecker, statementProblems } from '../../../src/language/syntax/statements';
import { queryTarget } from '../../../src/query/target';
import { corpusTexts, hostileInputs, mutatedCorpus, randomText } from './support/fuzzInputs';

const SEED = Number(process.env.HOGQL_FUZZ_SEED ?? 20_261_113);
/** Random inputs; with the fixed hostile shapes and the corpus itself, about 10,000 in all. */
const RUNS = Number(process.env.HOGQL_FUZZ_RUNS ?? 9_750);
/** Per-input ceilings: far above a healthy run (a few ms; ~0.5 s for a 5,000-deep input on a loaded machine), far below a hang. */
const SMALL_CEILING_MS = 1_500;
const HOSTILE_CEILING_MS = 8_000;

/**
 * Walks any result (AST, contexts, symbols, problems) without recursion, checking every
 * `{ start, end }` pair is a range inside the text; with `out`, records a fingerprint of what it saw.
 */
function inspect(value: unknown, length: number, where: string, out: string[] | undefined): void {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) {
      if (out && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) out.push(String(v));
      continue;
    }
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      const ok = Number.isInteger(o.start) && Number.isInteger(o.end) && 0 <= o.start && o.start <= o.end && o.end <= length;
      if (!ok) throw new Error(`${where}: range [${o.start}, ${o.end}] outside the document (length ${length}) in ${JSON.stringify(Object.keys(o))}`);
    }
    if (o.code === 'internal') throw new Error(`${where}: the parser caught its own failure: ${String(o.message)}`);
    const entries = v instanceof Map ? [...v.entries()] : Object.entries(o);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, x] = entries[i]!;
      if (k === 'parent' || k === 'text' || k === 'lex') continue; // back-links and the whole document
      out?.push(String(k));
      stack.push(x);
    }
  }
}

/** Offsets to try in `text`: both ends and a few spread over it. */
function offsetsOf(text: string, picks: readonly number[]): number[] {
  const n = text.length;
  return [...new Set([0, n, ...picks.map((p) => Math.floor(p * n))])];
}

/**
 * Every feature the editor calls on `text` (what src/language/*.ts providers call); `full` adds
 * the completion items (the costliest: the whole function list) and the fingerprint of all results.
 */
function exercise(text: string, picks: readonly number[], full: boolean): string {
  forgetLastLex();
  const n = text.length;
  const out: string[] | undefined = full ? [] : undefined;
  const check = (what: string, v: unknown): void => inspect(v, n, what, out);
  check('lex', lex(text));
  const parsed = parse(text);
  check('parse', parsed.statements.map((s) => ({ range: s.range, chunk: s.chunk, query: s.query, problems: s.problems })));
  check('parse problems', parsed.problems);
  const statements = splitStatements(text);
  check('split', statements);
  check('outline', parsed.statements.map((s) => statementSymbol(parsed, s)));
  const lines = lineStarts(text).length;
  for (const f of foldingRanges(text, parsed)) {
    assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines, `folding ${JSON.stringify(f)} outside ${lines} lines`);
    out?.push(`${f.startLine}-${f.endLine}`);
  }
  const checker = new LocalChecker();
  check('diagnostics', documentStatements(text).flatMap((s) => statementProblems(s, checker.checkStatement(s), undefined, 1000)));
  if (full) {
    check('diagnose', diagnose(text));
    check('symbols', documentSymbols(text, parsed));
  }
  for (const o of offsetsOf(text, picks)) {
    check(`statementAt ${o}`, [statementAt(text, o, statements), chunkAt(statements, o)]);
    const target = queryTarget(text, { start: 0, end: 0 }, o);
    check(`queryTarget ${o}`, target.ok ? { start: target.target.offset, end: target.target.offset + target.target.text.length } : target.choices?.map((c) => ({ start: c.offset, end: c.offset + c.text.length })));
    const cc = completionContext(text, o, parsed);
    check(`completion ${o}`, cc);
    if (full) check(`completion items ${o}`, completionItems(cc, {}).items.map((i) => i.label));
    check(`signature ${o}`, signatureAt(text, o, parsed));
    check(`hover ${o}`, hoverTarget(text, o, parsed));
  }
  return out?.join('\u0001') ?? '';
}

/**
 * Runs `exercise` under a time ceiling; throws on any broken property. With `full`, runs it twice
 * with everything and compares the fingerprints (determinism).
 */
function fuzzOne(text: string, picks: readonly number[], ceilingMs: number, full: boolean): void {
  const t0 = performance.now();
  const first = exercise(text, picks, full);
  const ms = performance.now() - t0;
  assert.ok(ms < ceilingMs, `took ${ms.toFixed(0)} ms (ceiling ${ceilingMs} ms) on ${JSON.stringify(text.slice(0, 120))}… (${text.length} chars)`);
  if (full) assert.ok(exercise(text, picks, full) === first, 'a second run gave different results');
}

describe('HogQL fuzz (10,000 inputs through every pure language feature)', function () {
  this.timeout(120_000);
  const corpus = corpusTexts();
  const picks = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 2 });

  it('the corpus itself', () => {
    assert.ok(corpus.length > 50, `${corpus.length} corpus texts`);
    corpus.forEach((text, i) => fuzzOne(text, [0.25, 0.5, 0.75], SMALL_CEILING_MS, i % 4 === 0));
  });

  it('fixed hostile shapes: 5,000-deep nesting and 50k-character lines', () => {
    for (const { name, text } of hostileInputs()) {
      try {
        fuzzOne(text, [0.5, 0.999], HOSTILE_CEILING_MS, false);
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).message}`);
      }
    }
  });

  it('random mutations of the corpus and random text (fixed seed)', () => {
    const input = fc.oneof({ weight: 4, arbitrary: mutatedCorpus(corpus) }, { weight: 1, arbitrary: randomText });
    let i = 0;
    fc.assert(
      // one input in twenty gets the completion items and the determinism check (they double the cost)
      fc.property(input, picks, (text, at) => fuzzOne(text, at, SMALL_CEILING_MS, i++ % 20 === 0)),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});
