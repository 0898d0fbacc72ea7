/**
 * Before/after check for grammar speed work (issue #21): the HogQL grammars at a git revision
 * (default HEAD) and the working tree's must give the same tokens — same boundaries, same scopes —
 * on the scope fixtures, the corpus, the benchmark's lines and ≥ 20,000 random lines built from
 * fragments that start, end or break every construct, in all four roots (HogQL, and HogQL
 * injected into TypeScript, Python and Markdown). The revision's `syntaxes/*.tmLanguage.json` are
 * read with `git show`; the host grammar stubs are the test fixtures'.
 * Run: node --import tsx scripts/bench/grammar-equality.ts [rev] [--lines N]   (exits 1 on any difference)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type * as vsctm from 'vscode-textmate';
import { FIXTURES, ROOT, createRegistry, tokenizeLines } from '../../test/unit/grammar/harness';
import { SHAPES } from './grammarShapes';

const args = process.argv.slice(2);
const linesArg = args.indexOf('--lines');
const LINES = linesArg >= 0 ? Number(args[linesArg + 1]) : 24_000;
const rev = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--lines') ?? 'HEAD';

const FILES: Record<string, string> = {
  'source.hogql': 'syntaxes/hogql.tmLanguage.json',
  'markdown.hogql.codeblock': 'syntaxes/hogql.markdown.injection.tmLanguage.json',
  'inline.hogql.js-ts': 'syntaxes/hogql.js-ts.injection.tmLanguage.json',
  'inline.hogql.python': 'syntaxes/hogql.python.injection.tmLanguage.json',
};

const FRAGMENTS = [
  "'", "''", "'a'", "'it''s'", "'a\\'b'", "'${x}'", "'$p'", "'a", '${y}', '$', '${', '{', '}', '{a}', '{ a.b }',
  '{a + 1}', '{a.}', 'f', "f'", "f'{x}'", '`', '``', '`a`', '`a``b`', '`a\\`', '"', '"q"', '"q""r"', '"q\\n"', '-- c',
  '--', '-- ${z}', '/* b */', '/*', '*/', '/**/', '/* ${w} */', '#', '# c', '//', '// c', '(', ')', ',', ' ', '  ', '\t',
  'x', 'x1', 'SELECT', 'from', 'FROM t', 'JOIN t', 'count', 'count()', 'sumIf', 'sumIf(', 'and', 'AS', 'day', 'if', 'if(',
  'in', 'not(', '.', '?.', '::', '::Int', '[', ']', "['k']", "[ 'k' ]", "['']", "['k''s']", "['k\\'']", "['${k}']",
  'a[', "a['k']", "x]['k']", '->', 'x ->', '(x, y) ->', '=', '<', '<b>', '</b>', '/>', '<b x={1}>', '0x1F', '0b1', '1.5e3',
  '.5', '1', '1,', '1)', '$d', '$d.x', 'properties', 'properties.$x', 'DATE', "DATE '2024-01-01'", 'TIME ZONE', 'null',
  'TRUE', 'inf', '\\', '\\n', 'é', '😀', ';', '*', '-', '/', '+', '??', '||', '=~', ':=', '?', ':',
  // a keyword then a word: joined only when the word is certainly a plain name on its own
  'AS x', 'AS  x', 'WHEN a', 'AS f', 'AS r', 'AS hogql', 'hogql`', 'r"""', "r'''", "f'''", 'AS $x', 'AS day', 'AS date',
  'AS time', 'AS x.y', 'AS x?.y', 'AS x[', 'AS x (', 'AS x->', 'AS y,', 'AS z)', 'ELSE\tc', 'AS é',
  // what joins a word's match after it: BY after a query keyword, an integer after a keyword, a
  // `)`, a `,`, a comparison or arithmetic operator after any word (and what must not join)
  'GROUP BY', 'ORDER  BY x', 'BY ->', 'BY(', 'GROUP by(', 'LIMIT 10', 'LIMIT 1.5', 'LIMIT 1e3', 'LIMIT 0x1', 'LIMIT 1_0',
  'LIMIT 7d', 'x >= 1', 'x =~ y', 'x <b', 'x <b>', 'x <= y', 'x <> y', 'x == y', 'x != y', 'x !~ y', 'x),', 'x) ,', 'x -',
  'x --', 'x ->', 'x -> y', 'x /', 'x /*', 'x //', 'x *', 'x %', 'x +', 'x<', 'x<y', 'x ,', ') ,', 'DESC LIMIT', 'AS day',
  'IS NULL', 'IS NOT NULL', 'NOT IN (', 'NOT IN x', 'LEFT JOIN t', 'FROM t AS', 'ELSE NULL', 'UNION ALL', 'SELECT DISTINCT', 'AS DATE',
];

/**
 * A deterministic generator (the same lines every run): mulberry32, in 32-bit integer arithmetic
 * (an LCG computed in doubles loses bits and cycles through a few thousand lines).
 */
function randomLines(n: number, seed: number): string[] {
  let s = seed >>> 0;
  const next = (k: number): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % k;
  };
  return Array.from({ length: n }, () => Array.from({ length: 1 + next(12) }, () => FRAGMENTS[next(FRAGMENTS.length)]).join(''));
}

function documents(): [string, string[]][] {
  const hogqlDirs = [FIXTURES, join(ROOT, 'test', 'fixtures', 'hogql', 'corpus')];
  const hogqlFiles = hogqlDirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.hogql')).map((f) => readFileSync(join(dir, f), 'utf8')));
  const bench = SHAPES.join('\n');
  const hostFiles = (ext: string): string[] => readdirSync(FIXTURES).filter((f) => f.endsWith(ext)).map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
  const random = randomLines(LINES, 11);
  const q = Math.floor(LINES / 8);
  return [
    // one line each for the random ones (a fresh state per line keeps an unclosed `{` from nesting
    // thousands deep), whole files for the fixtures; also every random line joined as one document
    ['source.hogql', [...hogqlFiles, bench, ...random.slice(0, 4 * q), random.slice(4 * q, 5 * q).join('\n')]],
    ['source.ts', [...hostFiles('.ts'), ...random.slice(5 * q, 6 * q).map((l, i) => (i % 2 ? `const q = hogql\`${l}\`;` : `x = /* hogql */ '${l}';`))]],
    ['source.js', hostFiles('.js')],
    ['source.python', [...hostFiles('.py'), ...random.slice(6 * q, 7 * q).map((l) => `# hogql\nq = "${l}"`)]],
    ['text.html.markdown', [...hostFiles('.md'), `\`\`\`hogql\n${random.slice(7 * q).join('\n')}\n\`\`\``]],
  ];
}

const dump = (g: vsctm.IGrammar, doc: string): string[] =>
  tokenizeLines(g, doc.split(/\r?\n/)).map((l) => `${l.text}\n` + l.tokens.map((t) => `  ${t.startIndex}-${t.endIndex} ${t.scopes.join(' ')}`).join('\n'));

async function main(): Promise<void> {
  const old: Record<string, object> = {};
  for (const [scope, file] of Object.entries(FILES)) {
    old[scope] = JSON.parse(execFileSync('git', ['show', `${rev}:${file}`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 })) as object;
  }
  const before = createRegistry(old);
  const after = createRegistry();
  let lines = 0;
  let differences = 0;
  for (const [scope, docs] of documents()) {
    const [a, b] = [(await before.loadGrammar(scope))!, (await after.loadGrammar(scope))!];
    for (const doc of docs) {
      const [want, got] = [dump(a, doc), dump(b, doc)];
      lines += want.length;
      for (let i = 0; i < want.length; i++) {
        if (want[i] === got[i]) continue;
        if (++differences <= 5) console.log(`${scope} line ${i + 1}:\n--- ${rev}\n${want[i]}\n--- working tree\n${got[i]}\n`);
      }
    }
  }
  console.log(`${lines} lines compared (${new Set(randomLines(LINES, 11)).size} distinct random ones), ${differences} differ (${rev} vs working tree)`);
  if (differences) process.exit(1);
}

void main();
