// Every keyword and every vocabulary function is recognised by the generated grammar,
// and the committed grammar matches what scripts/gen-grammar.mjs generates.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, grammar, hasScope, scopesAt, tokenizeLines } from './harness';

interface Subset {
  keywords: string[];
  functions: { name: string; kind: string; caseInsensitive?: boolean }[];
}
const subset = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'data', 'hogql-grammar-vocabulary.json'), 'utf8')) as Subset;
const SOFT = new Set(['ID', 'KEY', 'NAME', 'DATE', 'TIME', 'TIMESTAMP']);
const KEYWORD_SCOPES = ['keyword', 'constant.language'];

function mixedCase(word: string): string {
  return [...word].map((c, i) => (i % 2 ? c.toLowerCase() : c.toUpperCase())).join('');
}

describe('grammar vocabulary', () => {
  it('committed grammars are up to date with the generator (--check)', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-grammar.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('has the full function list (1,167 names)', () => {
    assert.equal(subset.functions.length, 1167);
    assert.ok(subset.keywords.length >= 130);
  });

  it('scopes every keyword as a keyword in upper, lower and mixed case', async () => {
    const g = await grammar('source.hogql');
    const words = subset.keywords.filter((k) => !SOFT.has(k)).concat(['ASC', 'YYYY', 'INFINITY']);
    const lines = words.flatMap((k) => [k, k.toLowerCase(), mixedCase(k)].map((w) => `x ${w} y`));
    const bad = tokenizeLines(g, lines)
      .filter((l) => {
        const s = scopesAt(l, 2);
        return !KEYWORD_SCOPES.some((k) => hasScope(s, k)) || hasScope(s, 'variable');
      })
      .map((l) => `${l.text}: ${scopesAt(l, 2).join(' ')}`);
    assert.deepEqual(bad, []);
  });

  it('scopes every vocabulary function followed by ( as support.function.hogql', async () => {
    const g = await grammar('source.hogql');
    const lines: string[] = [];
    for (const f of subset.functions) {
      lines.push(`SELECT ${f.name}(x)`);
      if (f.caseInsensitive) lines.push(`SELECT ${f.name.toUpperCase()}(x)`);
    }
    const bad: string[] = [];
    for (const l of tokenizeLines(g, lines)) {
      const name = /^SELECT (\w+)\(/.exec(l.text)![1]!;
      for (let c = 7; c < 7 + name.length; c++) {
        if (!hasScope(scopesAt(l, c), 'support.function.hogql')) {
          bad.push(`${l.text} @${c}: ${scopesAt(l, c).join(' ')}`);
          break;
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  it('does not scope a function name as support.function without a call', async () => {
    const g = await grammar('source.hogql');
    const lines = subset.functions.map((f) => `SELECT ${f.name}, 1`);
    const bad = tokenizeLines(g, lines)
      .filter((l) => hasScope(scopesAt(l, 7), 'support.function'))
      .map((l) => l.text);
    assert.deepEqual(bad, []);
  });

  it('allows whitespace before ( except for names that are also keywords', async () => {
    const g = await grammar('source.hogql');
    const kw = new Set(subset.keywords.map((k) => k.toLowerCase()));
    const spaced = subset.functions.filter((f) => !kw.has(f.name.toLowerCase())).map((f) => `SELECT ${f.name} (x)`);
    const bad = tokenizeLines(g, spaced)
      .filter((l) => !hasScope(scopesAt(l, 7), 'support.function.hogql'))
      .map((l) => l.text);
    assert.deepEqual(bad, []);
  });

  it('matches the project vocabulary (src/language/hogql/vocabulary.json)', () => {
    // The file is committed: a missing one is a failure, not a reason to skip.
    const full = JSON.parse(readFileSync(join(ROOT, 'src', 'language', 'hogql', 'vocabulary.json'), 'utf8')) as Subset;
    assert.deepEqual(full.functions.map((f) => f.name).sort(), subset.functions.map((f) => f.name).sort());
    assert.deepEqual([...full.keywords].sort(), [...subset.keywords].sort());
  });
});
