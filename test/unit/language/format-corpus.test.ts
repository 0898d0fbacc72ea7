/**
 * Proofs of the formatter (issue #18) over every HogQL statement the project has: the hand-written
 * corpus, PostHog's own parser-test statements, the grammar fixtures, and generated statements.
 * For each statement PostHog's parser accepts, and for several option sets:
 * - PostHog's parser gives the same AST (positions stripped) before and after formatting;
 * - formatting is idempotent;
 * - the multiset of comments is unchanged.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { formatHogQL, type FormatOptions } from '../../../src/language/hogql/format';
import { lex } from '../../../src/language/hogql/lexer';
import { parse } from '../../../src/language/hogql/parse';
import { CORPUS_DIR, corpusInputs, PostHog, posthogTestInputs, type Input } from './support/differential';
import { selectStatement } from './support/generator';
import { grammarSample } from './support/grammarGen';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const OPTION_SETS: Partial<FormatOptions>[] = [{}, { keywordCase: 'lower', indent: 2, width: 20 }, { keywordCase: 'preserve', width: 40 }];
/** PostHog's parser takes ~10 ms a statement: the AST is compared under the first two option sets. */
const AST_SETS = 2;

/** Statements of the .hogql fixtures outside the corpus (grammar fixtures lose their `@@` lines). */
function fixtureInputs(): Input[] {
  const files = [
    ...fs.readdirSync(path.join(FIXTURES, 'grammar')).filter((f) => f.endsWith('.hogql')).map((f) => path.join(FIXTURES, 'grammar', f)),
    path.join(FIXTURES, 'workspace/sample.hogql'),
    path.join(FIXTURES, 'run-workspace/run.hogql'),
  ];
  const out: Input[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8').split('\n').filter((l) => !l.startsWith('@@')).join('\n');
    parse(text).statements.forEach((s, i) => out.push({ id: `${path.basename(file)}#${i + 1}`, text: text.slice(s.chunk.start, s.chunk.end) }));
  }
  return out;
}

function allInputs(): Input[] {
  const generated = fc.sample(selectStatement, { numRuns: 150, seed: 20261 }).map((text, i) => ({ id: `gen#${i + 1}`, text }));
  const grammar = grammarSample(18, 150, 0).statements.map((text, i) => ({ id: `g4#${i + 1}`, text }));
  return [...corpusInputs(), ...posthogTestInputs(), ...fixtureInputs(), ...generated, ...grammar];
}

/** PostHog's AST without positions. */
function stripPositions(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripPositions);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'start' && k !== 'end') out[k] = stripPositions(x);
    return out;
  }
  return v;
}

const comments = (text: string): string[] => lex(text).comments.map((c) => text.slice(c.start, c.end)).sort();

describe('formatter proofs over the HogQL corpora (issue #18)', function () {
  this.timeout(120_000);
  const ph = new PostHog();
  const inputs = allInputs();

  async function ast(text: string): Promise<string | undefined> {
    try {
      const json = JSON.parse((await ph.get()).parseSelect(text)) as { error?: boolean };
      return json.error ? undefined : JSON.stringify(stripPositions(json));
    } catch {
      ph.reset();
      return undefined;
    }
  }

  it('keeps PostHog\'s AST, is idempotent and keeps every comment, on every statement PostHog accepts', async () => {
    const failures: string[] = [];
    let accepted = 0;
    for (const input of inputs) {
      const before = await ast(input.text);
      if (before === undefined) continue;
      accepted++;
      for (const [k, opts] of OPTION_SETS.entries()) {
        const once = formatHogQL(input.text, opts);
        const twice = formatHogQL(once, opts);
        const tag = `${input.id} ${JSON.stringify(opts)}\n--- input\n${input.text}\n--- formatted\n${once}`;
        if (k < AST_SETS && (await ast(once)) !== before) failures.push(`AST changed: ${tag}`);
        if (twice !== once) failures.push(`not idempotent: ${tag}\n--- twice\n${twice}`);
        if (comments(once).join('\n') !== comments(input.text).join('\n')) failures.push(`comments changed: ${tag}`);
      }
    }
    assert.ok(accepted >= 600, `PostHog accepts only ${accepted} of ${inputs.length} statements`);
    assert.deepEqual(failures.slice(0, 5), []);
  });

  it('is idempotent and keeps every comment on whole corpus files, invalid statements included', () => {
    for (const file of fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.hogql'))) {
      const text = fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8');
      for (const opts of OPTION_SETS) {
        const once = formatHogQL(text, opts);
        assert.equal(formatHogQL(once, opts), once, `${file} ${JSON.stringify(opts)}`);
        assert.deepEqual(comments(once), comments(text), file);
      }
    }
  });

  it('formats a 1,000-line file in bounded time', () => {
    const text = fs.readFileSync(path.join(CORPUS_DIR, 'basics.hogql'), 'utf8');
    const big = Array.from({ length: Math.ceil(1000 / text.split('\n').length) }, () => text).join('\n');
    formatHogQL(big);
    const t0 = performance.now();
    formatHogQL(big);
    const ms = performance.now() - t0;
    assert.ok(ms < 500, `${ms.toFixed(0)} ms`);
  });
});
