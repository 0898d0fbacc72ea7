// The shape that keeps the HogQL grammar fast. vscode-oniguruma searches every regex of a
// scanner on every token for lines under 1,000 bytes (no cache), so the cost of a token grows
// with the number of regexes the top-level context offers; scripts/bench/grammar.ts measures
// the effect. These checks stop a new top-level rule from quietly undoing that.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vsctm from 'vscode-textmate';
import { countGroups as groups } from '../../../scripts/lib/grammarRegex.mjs';
import { FIXTURES, ROOT, createRegistry, grammar, hasScope, scopesAt, tokenizeLines } from './harness';

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

  it('keeps the groups of the words regex few: each one is decoded on every word token', () => {
    // vscode-oniguruma hands back every group of the regex that matched (one object each, also
    // for the groups that did not take part), so a group costs time on every word; the three call
    // forms (aggregate with combinators, known function, other name) share theirs.
    // FROM/JOIN's table and DATE '…' share the keyword groups; one trailing `)`, `,`, comparison and
    // arithmetic operator for all; one for a plain name and one for an integer joined to the keyword
    // before it, one for BY after a query keyword
    assert.ok(groups(hogql.repository.words!.match!) <= 30, `${groups(hogql.repository.words!.match!)} groups`);
    // the same for the second #punctuation regex (numbers, `(`, `.name`, simple strings, {name}): the
    // rare multi-group rules (lambda parameter lists, `::Type`) sit behind the delimited gate instead
    const [operators, others] = hogql.repository.punctuation!.patterns!;
    // the operators (14) and the one-line forms of `--`/`/* */` comments, quoted names and ['key'] (17)
    assert.ok(groups(operators!.match!) <= 31, `operators: ${groups(operators!.match!)} groups`);
    assert.ok(groups(others!.match!) <= 23, `other punctuation: ${groups(others!.match!)} groups`);
  });

  it('spends no backtracking on spaces in the top-level regexes, and tries a trailing `)`/`,`/operator only before one', () => {
    // Every `\s*`/`\s+` there is followed by a char that is not a space, so giving spaces back
    // could never let a regex match: possessive (`\s*+`) spares Oniguruma a backtrack entry per
    // space on every try (hogql`…` inside a quoted name keeps its own; it only runs at a backtick).
    // The optional tail of a word, number or `)` is entered only when one of its chars follows,
    // instead of trying its dozen alternatives after every token (~2 % fewer instructions in all).
    const [operators, others] = hogql.repository.punctuation!.patterns!;
    const top = [hogql.repository.delimited!.begin!, operators!.match!, others!.match!, hogql.repository.words!.match!];
    for (const re of top) {
      const loose = re.replaceAll('hogql\\s*`', '').match(/\\s[*+](?![+])/g) ?? [];
      assert.deepEqual(loose, [], re.slice(0, 60));
    }
    assert.ok(hogql.repository.words!.match!.includes('(?:(?=\\s*+[),=!<>+*%/-])'), 'the words regex guards its trailing operator');
  });

  it('joins a trailing `,` or `)` to a number, a `)` and an empty argument list: one search fewer each', async () => {
    // vscode-textmate searches once per match (and once more at the end of the line); these pairs
    // are frequent (`count()`, `[1, 2]`, `f(x), g`). Same tokens as apart: the reference test below.
    let searches = 0;
    const g = (await createRegistry({}, () => searches++).loadGrammar('source.hogql'))!;
    // matches: `count(),` `[` `1,` `2` `]` `),` `3)`, then the end of the line
    tokenizeLines(g, ['count(), [1, 2]), 3)']);
    assert.equal(searches, 8);
  });

  it('joins BY after a query keyword, an integer after a keyword, and a `)` then `,` or an operator after a word', async () => {
    // Frequent pairs in queries; the same tokens as apart (the reference test below, with
    // fragments for each join and for what must stay apart).
    const cases: [string, number][] = [
      ['GROUP BY x', 2], // `GROUP BY x`, the end of the line
      ['ORDER BY day DESC LIMIT 10', 5], // `ORDER BY` `day` `DESC` `LIMIT 10`
      ['LIMIT 100', 2],
      ['f(x), y', 4], // `f(` `x),` `y`
      ['a > 1 AND b = c', 5], // `a >` `1` `AND b =` `c`
      ['now() - 1', 3], // `now() -` `1`
      ['LEFT JOIN t', 3], // the table stays with its JOIN: `LEFT` `JOIN t`
      ['x =~ y', 4], // a regex operator is not a comparison: `x` `=~` `y`
    ];
    for (const [line, want] of cases) {
      let searches = 0;
      const g = (await createRegistry({}, () => searches++).loadGrammar('source.hogql'))!;
      tokenizeLines(g, [line]);
      assert.equal(searches, want, line);
    }
  });

  it('takes one-line comments, quoted names and [\'key\'] in one search each, a `,` after a keyword, a string or a region, and a plain name after a keyword', async () => {
    // Behind the delimited gate each of these cost the gate's opening, the region's begin and
    // end, and the gate's closing; a `,` or `)` after a keyword or a region was one search more.
    // Same tokens as before: the reference test below.
    const cases: [string, number][] = [
      ['x -- c', 3], // `x` `-- c`, the end of the line
      ['/* b */ x', 3],
      ['`a`, "b"', 4], // `` `a` `` `,` `"b"`
      ["x['k']", 3], // `x` `['k']`
      ['DAY, END)', 3], // `DAY,` `END)`
      ["f('a', {b}, .5)", 5], // `f(` `'a',` `{b},` `.5)`
      ['AS c, WHEN a', 3], // `AS c,` `WHEN a`: a plain name joins the keyword before it
      ['AS day, AS f(x)', 6], // … not another keyword, nor a call: `AS` `day,` `AS` `f(` `x)`
      ["'a\\nb', 1", 7], // the gate, `'`, `\n`, `'`, the gate's closing with the `,`, `1`, the end
    ];
    for (const [line, want] of cases) {
      let searches = 0;
      const g = (await createRegistry({}, () => searches++).loadGrammar('source.hogql'))!;
      tokenizeLines(g, [line]);
      assert.equal(searches, want, line);
    }
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
      ["'it''s'", 3, 'constant.character.escape.quote'],
      ["'a\\nb'", 2, 'constant.character.escape'],
      ['{a.}', 0, 'meta.placeholder.expression'],
      ['{ a.b }', 2, 'variable.parameter.placeholder'],
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

  it('tokenizes exactly like its reference form without the shortcuts', async function () {
    // The shortcuts (simple strings and {name} as one #punctuation match instead of a region
    // behind the gate, a name's trailing `,`/`)` in its match, possessive names) exist for speed
    // only. The reference: `gen-grammar.mjs --reference`, with names that may give back chars.
    this.timeout(60_000);
    const text = execFileSync(process.execPath, [join(ROOT, 'scripts', 'gen-grammar.mjs'), '--reference'], { encoding: 'utf8' });
    const possessive = '[A-Za-z0-9_$]*+';
    assert.ok(text.includes(possessive));
    const reference = createRegistry({ 'source.hogql': JSON.parse(text.split(possessive).join('[A-Za-z0-9_$]*')) });
    const shipped = createRegistry();

    const fragments = ["'", "''", "'a'", "'it''s'", "'a\\'b'", "'${x}'", "'$p'", "'a", '${y}', '$', '{', '}', '{a}',
      '{ a.b }', '{a + 1}', '{a.}', 'f', "f'", "f'{x}'", '`', '``', '"', '"q"', '-- c', '/* b */', '/*', '*/', '#',
      '//', '(', ')', ',', ' ', '\t', 'x', 'x1', 'SELECT', 'from', 'count', 'sumIf', 'and', 'if', '.', '?.', '::',
      '[', ']', "['k']", '->', '=', '<', '<b>', '</b>', '/>', '0x1F', '1.5e3', '$d', 'properties', 'DATE', '\\', 'é', '😀', ';',
      // the one-match forms of comments, quoted names and ['key'], and what must keep them regions
      '-- ${z}', '/**/', '/* ${w} */', '`a`', '`a``b`', '"q""r"', "x['']", "x['k''s']", "x[ 'k' ]", 'FROM t', 'TIME ZONE', "DATE '1'",
      'AS x', 'WHEN a', 'AS f', 'AS hogql', 'hogql`', 'r"""', "r'''", 'AS $x', 'AS day', 'AS date', 'AS x.y', 'AS x (', 'AS y,',
      // BY, an integer after a keyword, `)` then `,`, an operator after a word
      'GROUP BY', 'BY ->', 'BY(', 'LEFT JOIN t', 'FROM t AS', 'LIMIT 10', 'LIMIT 1.5',
      'LIMIT 1_0', 'x),', 'x >= 1', 'x =~', 'x <b', 'x <', 'x -', 'x --', 'x ->', 'x /*', 'x //', 'x *', 'x %'];
    // mulberry32 in 32-bit integers (an LCG computed in doubles loses bits: a third of the lines repeated)
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const random = Array.from({ length: 3000 }, () =>
      Array.from({ length: 1 + next(10) }, () => fragments[next(fragments.length)]).join(''),
    );
    const hogqlFiles = [FIXTURES, join(ROOT, 'test', 'fixtures', 'hogql', 'corpus')].flatMap((dir) =>
      readdirSync(dir).filter((f) => f.endsWith('.hogql')).map((f) => readFileSync(join(dir, f), 'utf8')),
    );
    // [root scope, documents]: one line each for the random ones (a fresh state per line keeps an
    // unclosed `{` from nesting thousands deep), whole files for the fixtures.
    const runs: [string, string[]][] = [
      ['source.hogql', [...hogqlFiles, ...random]],
      ['source.ts', random.slice(0, 1000).map((l, i) => (i % 2 ? `const q = hogql\`${l}\`;` : `x = /* hogql */ '${l}';`))],
      ['source.python', random.slice(1000, 2000).map((l) => `# hogql\nq = "${l}"`)],
      ['text.html.markdown', [`\`\`\`hogql\n${random.slice(2000).join('\n')}\n\`\`\``]],
    ];
    const dump = (g: vsctm.IGrammar, doc: string): string =>
      tokenizeLines(g, doc.split('\n'))
        .map((l) => l.tokens.map((t) => `${t.startIndex}-${t.endIndex} ${t.scopes.join(' ')}`).join('\n'))
        .join('\n---\n');
    let compared = 0;
    for (const [scope, docs] of runs) {
      const [a, b] = [(await shipped.loadGrammar(scope))!, (await reference.loadGrammar(scope))!];
      for (const doc of docs) {
        const [got, want] = [dump(a, doc), dump(b, doc)];
        if (got !== want) assert.equal(got, want, `${scope}: ${doc.slice(0, 200)}`);
        compared++;
      }
    }
    assert.ok(compared > 3000);
  });
});

