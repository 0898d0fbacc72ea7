// Inputs that make careless TextMate grammars crawl: every line must finish within a
// generous per-line ceiling and the tokenizer must not give up (stoppedEarly).
// Timing uses tokenizeLine2 (binary tokens), which is what VS Code calls; tokenizeLine
// materialises the full scope list of every token, which is O(depth) per token.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { grammar, hasScope, scopesAt } from './harness';
import * as vsctm from 'vscode-textmate';

const TIME_LIMIT_MS = 30_000; // handed to tokenizeLine; stoppedEarly turns true past it
const BIG_LINE_CEILING_MS = 15_000; // one 1 MB line (typically well under a second; 5 s seen on a loaded 2-core machine)
// Any 100 KB adversarial line. A ceiling that catches catastrophic backtracking (which takes many
// seconds to minutes), not a speed target: on a loaded 2-core CI machine a healthy line took 565 ms.
// Speed is measured by `npm run bench` (scripts/bench/grammar.ts).
const LINE_CEILING_MS = 10_000; // 4 s seen for a healthy line with load 15 on 2 cores

interface Timed {
  text: string;
  tokens: Uint32Array;
  stoppedEarly: boolean;
  ms: number;
  before: vsctm.StateStack; // state at the start of this line
}

function run(g: vsctm.IGrammar, lines: string[], timeLimit = TIME_LIMIT_MS): Timed[] {
  let state: vsctm.StateStack = vsctm.INITIAL;
  return lines.map((text) => {
    const before = state;
    const t0 = performance.now();
    const r = g.tokenizeLine2(text, state, timeLimit);
    const ms = performance.now() - t0;
    state = r.ruleStack;
    return { text, tokens: r.tokens, stoppedEarly: r.stoppedEarly, ms, before };
  });
}

/** Standard token type at `column` from binary tokens: 0 other, 1 comment, 2 string. */
function tokenTypeAt(l: Timed, column: number): number {
  let meta = 0;
  for (let i = 0; i < l.tokens.length; i += 2) {
    if (l.tokens[i]! > column) break;
    meta = l.tokens[i + 1]!;
  }
  return (meta & 0x300) >>> 8;
}

function assertComplete(l: Timed, ceiling: number, label: string): void {
  assert.equal(l.stoppedEarly, false, `${label}: tokenizer stopped early`);
  assert.ok(l.ms < ceiling, `${label}: ${l.ms.toFixed(0)} ms ≥ ${ceiling} ms`);
  assert.ok(l.tokens.length >= 2, `${label}: no tokens`);
}

/** Full scopes of one line, tokenized from the state `run` recorded before it. */
function scopesOfLine(g: vsctm.IGrammar, l: Timed, column: number): string[] {
  const r = g.tokenizeLine(l.text, l.before);
  return scopesAt({ text: l.text, tokens: r.tokens, stoppedEarly: r.stoppedEarly }, column);
}

const K = 100_000;
const ADVERSARIAL: [string, string][] = [
  ['long identifier', 'a'.repeat(K)],
  ['long identifier then spaces, no call', 'abc' + ' '.repeat(K) + 'x'],
  ['open parens', '('.repeat(K)],
  ['nested calls', 'f('.repeat(K / 2)],
  ['known nested calls', 'count('.repeat(K / 6)],
  ['backslashes in a string', "'" + '\\'.repeat(K)],
  ['quote pairs', "'" + "''".repeat(K / 2)],
  ['less-than run', '<'.repeat(K)],
  ['unclosed tags', '<a '.repeat(K / 3)],
  ['unclosed braces', '{'.repeat(K)],
  ['placeholder-like run', '{a.'.repeat(K / 3)],
  ['property chain', 'properties.'.repeat(K / 11) + '$x'],
  ['bracket string keys unclosed', "a['" + 'x['.repeat(K / 2)],
  ['combinator suffix run', 'sum' + 'If'.repeat(K / 2) + '('],
  ['combinator-ish without call', 'avg' + 'OrNull'.repeat(K / 6)],
  ['digits with dangling exponent', '1'.repeat(K) + 'e'],
  ['hex digits', '0x' + 'f'.repeat(K)],
  ['lambda params without arrow', '(a' + ', a'.repeat(K / 3)],
  ['lambda arrows', 'x -> '.repeat(K / 5)],
  ['cast chain', 'a::'.repeat(K / 3)],
  ['operators soup', '=~!~*??||::->?.'.repeat(K / 15)],
  ['keywords soup', 'SELECT FROM WHERE AND OR NOT IN '.repeat(K / 32)],
  ['f-string interpolations', "f'" + '{x}'.repeat(K / 3)],
  ['comment markers in strings', "'" + '-- /* # //'.repeat(K / 10)],
  ['dollar run', '$'.repeat(K)],
  ['backtick run', '`\\'.repeat(K / 2)],
];

describe('grammar pathological inputs', function () {
  this.timeout(120_000);

  it('reports stoppedEarly when the time limit is too small (so the checks below can fail)', async () => {
    const g = await grammar('source.hogql');
    const line = 'select count(x), properties.$browser from events where a = 1 and '.repeat(20_000);
    const [r] = run(g, [line], 1);
    assert.equal(r!.stoppedEarly, true);
  });

  it('tokenizes a 1 MB single line of mixed HogQL completely', async () => {
    const g = await grammar('source.hogql');
    const unit =
      "SELECT count(), sumIf(x, y > 1), properties.$browser, person.properties['email'], 'it''s', 0x1F, 1.5e3, " +
      "f'{a} b', {filters}, arrayMap(x -> x * 2, arr), <T a={1} />, `q` /* c */ FROM events WHERE a ILIKE '%x' AND ";
    const line = unit.repeat(Math.ceil(1_048_576 / unit.length));
    assert.ok(line.length >= 1_048_576);
    const [r] = run(g, [line]);
    assertComplete(r!, BIG_LINE_CEILING_MS, '1 MB line');
    // the end of the line is still tokenized as HogQL, not swallowed by a runaway string or comment
    assert.equal(tokenTypeAt(r!, line.lastIndexOf('WHERE')), 0);
    assert.equal(tokenTypeAt(r!, line.lastIndexOf('%x')), 2);
    assert.equal(tokenTypeAt(r!, line.lastIndexOf('/* c')), 1);
  });

  for (const [label, line] of ADVERSARIAL) {
    it(`adversarial line: ${label}`, async () => {
      const g = await grammar('source.hogql');
      const [r] = run(g, [line]);
      assertComplete(r!, LINE_CEILING_MS, label);
    });
  }

  it('an unterminated string stays a string to the end of the file', async () => {
    const g = await grammar('source.hogql');
    const lines = ["SELECT 'never closed", ...Array.from({ length: 2_000 }, (_, i) => `SELECT ${i} FROM events`)];
    const out = run(g, lines);
    out.forEach((l, i) => assertComplete(l, LINE_CEILING_MS, `line ${i}`));
    assert.ok(hasScope(scopesOfLine(g, out[out.length - 1]!, 0), 'string.quoted.single.hogql'));
  });

  it('an unterminated block comment stays a comment to the end of the file', async () => {
    const g = await grammar('source.hogql');
    const lines = ['SELECT 1 /* never closed', ...Array.from({ length: 2_000 }, (_, i) => `SELECT '${i}' FROM events`)];
    const out = run(g, lines);
    out.forEach((l, i) => assertComplete(l, LINE_CEILING_MS, `line ${i}`));
    assert.ok(hasScope(scopesOfLine(g, out[out.length - 1]!, 8), 'comment.block.hogql'));
  });

  it('tokenizes 10,000 lines of mixed content with a bound per line', async () => {
    const g = await grammar('source.hogql');
    const shapes = [
      'SELECT toStartOfDay(timestamp) AS day, count() AS c, uniq(person_id)',
      "FROM events WHERE event = '$pageview' AND properties.$browser ILIKE '%chrome%'",
      '  AND timestamp > now() - INTERVAL 7 DAY -- last week',
      "GROUP BY day ORDER BY day DESC LIMIT 100; /* block */ SELECT f'{x} y'",
      "WITH t AS (SELECT arrayMap(x -> x * 2, [1, 2, 3]) AS a) SELECT * FROM t",
      '  <Sparkline data={groupArray(c)} />, {filters}, {variables.start}',
      '  quantile(0.9)(duration), sumIf(x, y), 0x1F + 0b101 + 1.5e-3 ?? null',
      "  person.properties['email'] =~ '.*@posthog.com', `odd column`, \"quoted\"",
    ];
    const lines = Array.from({ length: 10_000 }, (_, i) => shapes[i % shapes.length]!);
    const t0 = performance.now();
    const out = run(g, lines);
    const total = performance.now() - t0;
    out.forEach((l, i) => assertComplete(l, LINE_CEILING_MS, `line ${i}`));
    assert.ok(total < 20_000, `10k lines took ${total.toFixed(0)} ms`);
    // state does not leak between lines: the last SELECT is still a keyword
    const scopes = scopesOfLine(g, out[out.length - 8]!, 0);
    assert.ok(hasScope(scopes, 'keyword.control.query.hogql'), scopes.join(' '));
  });
});
