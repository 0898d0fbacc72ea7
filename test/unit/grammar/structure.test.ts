// The shape that keeps the HogQL grammar fast. vscode-oniguruma searches every regex of a
// scanner on every token for lines under 1,000 bytes (no cache), so the cost of a token grows
// with the number of regexes the top-level context offers; scripts/bench/grammar.ts measures
// the effect. These checks stop a new top-level rule from quietly undoing that.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, grammar, hasScope, scopesAt, tokenizeLines } from './harness';

interface Rule {
  include?: string;
  begin?: string;
  match?: string;
  patterns?: Rule[];
}
const hogql = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'hogql.tmLanguage.json'), 'utf8')) as {
  repository: Record<string, Rule>;
};

describe('grammar structure', () => {
  it('offers four regexes in the expression context: delimited gate, operators, other punctuation, words', () => {
    const includes = hogql.repository.expression!.patterns!.map((p) => p.include);
    assert.deepEqual(includes, ['#delimited', '#punctuation', '#words']);
    const regexes = (r: Rule): string[] => (r.begin ?? r.match ? [r.begin ?? r.match!] : (r.patterns ?? []).flatMap(regexes));
    assert.equal(regexes(hogql.repository.delimited!).length, 1);
    assert.equal(regexes(hogql.repository.punctuation!).length, 2);
    assert.equal(regexes(hogql.repository.words!).length, 1);
  });

  it('opens the delimited gate only where one of its rules matches at once', async () => {
    // If the gate's lookahead were looser than its rules, the char at the gate would be left
    // unscoped. Each case is a lookalike the gate must NOT open on, next to the real thing.
    const g = await grammar('source.hogql');
    const cases: [string, number, string][] = [
      ['a < b', 2, 'keyword.operator.comparison'],
      ['<b x={1} />', 0, 'punctuation.definition.tag.begin'],
      ["x['k']", 1, 'punctuation.section.brackets.begin'],
      ['(1)[1]', 3, 'punctuation.section.brackets.begin'],
      ["af'x'", 2, 'string.quoted.single'],
      ["f'x'", 0, 'storage.type.string'],
      ['{a}', 1, 'variable.parameter.placeholder'],
      ['{a + 1}', 3, 'keyword.operator.arithmetic'],
      ['1 - 2', 2, 'keyword.operator.arithmetic'],
      ['-- c', 0, 'comment.line.double-dash'],
    ];
    const lines = tokenizeLines(
      g,
      cases.map(([text]) => text),
    );
    cases.forEach(([text, col, scope], i) => {
      const s = scopesAt(lines[i]!, col);
      assert.ok(hasScope(s, scope), `${text} @${col}: ${s.join(' ')}`);
    });
  });
});
