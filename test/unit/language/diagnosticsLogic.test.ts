// Pure logic behind the language features: LRU, size caps, error range mapping, server notices,
// per-statement merging and completion item building.
import * as assert from 'node:assert/strict';
import { lex } from '../../../src/language/hogql/lexer';
import { NameIndex } from '../../../src/language/hogql/filter';
import { completionContext } from '../../../src/language/hogql/completion';
import { getVocabulary } from '../../../src/language/hogql/vocabulary';
import { Lru } from '../../../src/language/lru';
import { exceededLimit } from '../../../src/language/syntax/limits';
import { errorRange, shortenMessage } from '../../../src/language/syntax/mapping';
import { serverProblems } from '../../../src/language/syntax/notices';
import { documentStatements, LocalChecker, statementProblems } from '../../../src/language/syntax/statements';
import { completionItems, functionSnippet } from '../../../src/language/completionItems';

describe('language: LRU', () => {
  it('evicts the least recently used entry, and get refreshes', () => {
    const l = new Lru<string, number>(2);
    l.set('a', 1);
    l.set('b', 2);
    assert.equal(l.get('a'), 1);
    l.set('c', 3);
    assert.deepEqual(l.keys(), ['a', 'c']);
    assert.equal(l.get('b'), undefined);
    l.set('a', 4);
    assert.deepEqual(l.keys(), ['c', 'a']);
    assert.throws(() => new Lru(0), RangeError);
  });
});

describe('language: size caps for PostHog\'s parser', () => {
  const check = (text: string) => exceededLimit(lex(text).tokens.filter((t) => t.kind !== 'eof'), { start: 0, end: text.length });
  const chain = (n: number, op: string) => `SELECT 1 FROM events WHERE ${Array.from({ length: n }, (_, i) => `a${i} = ${i}`).join(` ${op} `)}`;

  it('lets 300-term chains through and stops 301 terms', () => {
    assert.equal(check(chain(150, 'AND')), undefined); // 150 `=` and 149 `AND` at one level: 300 terms
    assert.ok(check(chain(151, 'AND')));
    assert.equal(check(`SELECT ${Array.from({ length: 300 }, (_, i) => `a${i}`).join(' + ')}`), undefined);
    assert.match(check(`SELECT ${Array.from({ length: 301 }, (_, i) => `a${i}`).join(' + ')}`)!.message, /more than 300 terms/);
  });

  it('counts a chain per nesting level and resets at commas', () => {
    const items = Array.from({ length: 200 }, (_, i) => `a${i} + b${i}`).join(', ');
    assert.equal(check(`SELECT ${items}`), undefined);
    assert.equal(check(`SELECT ${Array.from({ length: 40 }, () => `(${Array.from({ length: 10 }, (_, i) => `x${i}`).join(' OR ')})`).join(' AND ')}`), undefined);
  });

  it('stops nesting deeper than 40 and points at the first bracket too deep', () => {
    assert.equal(check(`SELECT ${'('.repeat(40)}1${')'.repeat(40)}`), undefined);
    const text = `SELECT ${'('.repeat(41)}1${')'.repeat(41)}`;
    const r = check(text)!;
    assert.match(r.message, /Nesting too deep/);
    assert.equal(r.start, 'SELECT '.length + 40);
  });

  it('stops statements over 20,000 characters', () => {
    const r = check(`SELECT '${'x'.repeat(20_000)}'`)!;
    assert.match(r.message, /too long .*20,009 characters/);
    assert.deepEqual([r.start, r.end], [0, 6]);
  });
});

describe('language: mapping PostHog parser errors', () => {
  it('converts code points to UTF-16 and ends at the offending token', () => {
    const doc = "SELECT 1;\nSELECT '🦔' AS h FROM events WHERE )";
    const [, s] = documentStatements(doc);
    const cp = [...s!.text].indexOf(')');
    const r = errorRange(s!.text, s!.range.start, { type: 'SyntaxError', message: 'x', start: cp }, lex(doc).tokens);
    assert.deepEqual(r, { start: doc.lastIndexOf(')'), end: doc.lastIndexOf(')') + 1 });
  });

  it('puts end-of-input errors on the last token and NotImplementedError on the first', () => {
    const doc = '  SELECT * FROM events WHERE';
    const [s] = documentStatements(doc);
    const eof = errorRange(s!.text, s!.range.start, { type: 'SyntaxError', message: 'x', start: [...s!.text].length }, lex(doc).tokens);
    assert.equal(doc.slice(eof.start, eof.end), 'WHERE');
    const ni = errorRange(s!.text, s!.range.start, { type: 'NotImplementedError', message: 'x', start: 0 }, lex(doc).tokens);
    assert.equal(doc.slice(ni.start, ni.end), 'SELECT');
  });

  it('shortens long expecting-lists', () => {
    const long = `mismatched input 'x' expecting {${Array.from({ length: 200 }, (_, i) => `T${i}`).join(', ')}}`;
    const s = shortenMessage(long);
    assert.ok(s.length <= 245 && s.endsWith(', …'), s);
    assert.equal(shortenMessage('short  one'), 'short one');
  });
});

describe('language: server notices', () => {
  it('maps code-point offsets of the statement to document offsets, keeping fixes', () => {
    const text = "SELECT '🦔', evnt FROM events";
    const ps = serverProblems(text, 100, { errors: [{ message: 'Unknown', start: [...text].indexOf('e', 10), end: [...text].indexOf('e', 10) + 4, fix: 'event' }], notices: [{ message: 'whole' }] });
    assert.equal(ps[0]!.start, 100 + text.indexOf('evnt'));
    assert.equal(ps[0]!.end, 100 + text.indexOf('evnt') + 4);
    assert.equal(ps[0]!.fix, 'event');
    assert.deepEqual([ps[1]!.start, ps[1]!.end, ps[1]!.severity], [100, 100 + text.length, 'information']);
  });

  it('drops "placeholder not available" for {name} placeholders the runner fills, keeps {variables.x}', () => {
    const msg = (n: string): string => `Placeholder {${n}} is not available in this context. You can use the following: `;
    const ps = serverProblems('SELECT {ev}, {filters}, {variables.country}', 0, { errors: [{ message: msg('ev') }, { message: msg('filters') }, { message: msg('variables.country') }] });
    assert.deepEqual(ps.map((p) => p.message), [msg('variables.country')]);
  });
});

describe('language: per-statement problems', () => {
  const local = new LocalChecker();

  it('uses PostHog\'s error instead of ours, keeps vocabulary warnings of clean statements only, and falls back to ours when it could not check', () => {
    const [s] = documentStatements('SELECT evnt FROM events WHERE');
    const l = local.check(s!.text);
    // issue #15: a statement our parser is unsure of gets no vocabulary warning
    assert.ok(l.syntax.length > 0 && l.warnings.length === 0);
    const pending = statementProblems(s!, l, undefined, 2000);
    assert.deepEqual(pending, []);
    const err = statementProblems(s!, l, { kind: 'error', error: { type: 'SyntaxError', message: 'eof', start: 29 }, ms: 1 }, 2000);
    assert.deepEqual(err.map((p) => `${p.source}:${p.severity}`), ['PostHog parser:error']);
    const timeout = statementProblems(s!, l, { kind: 'timeout', ms: 2000 }, 2000);
    assert.ok(timeout.some((p) => p.code === 'parser-timeout' && p.severity === 'information'));
    assert.ok(timeout.some((p) => p.source === 'hogql' && p.severity === 'error'));
    const ok = statementProblems(s!, l, { kind: 'ok', ms: 1 }, 2000, false);
    assert.deepEqual(ok, []);
    const [clean] = documentStatements('SELECT evnt FROM events');
    const c = local.check(clean!.text);
    const shown = statementProblems(clean!, c, { kind: 'ok', ms: 1 }, 2000);
    assert.deepEqual(shown.map((p) => `${p.source}:${p.severity}`), ['hogql:warning']);
  });
});

describe('language: completion items', () => {
  it('builds function snippets from the arity', () => {
    const v = getVocabulary();
    assert.equal(functionSnippet(v.findFunction('count')!), 'count($0)');
    assert.equal(functionSnippet(v.findFunction('toStartOfDay')!), 'toStartOfDay(${1:timestamp})');
    assert.equal(functionSnippet(v.findFunction('if')!), 'if(${1:arg1}, ${2:arg2}, ${3:arg3})');
  });

  it('filters project names through the index, quotes what is no identifier, and says when the list was cut', () => {
    const names = new NameIndex(['$browser', '$browser_version', 'plan type', ...Array.from({ length: 500 }, (_, i) => `p${i}`)]);
    const at = (text: string) => completionContext(text.replace('|', ''), text.indexOf('|'));
    const r = completionItems(at('SELECT properties.$br| FROM events'), { eventProperties: names });
    assert.deepEqual(r.items.map((i) => i.label), ['$browser', '$browser_version']);
    assert.equal(r.incomplete, false);
    const all = completionItems(at('SELECT properties.| FROM events'), { eventProperties: names });
    assert.equal(all.items.length, 200);
    assert.equal(all.incomplete, true);
    const spaced = completionItems(at('SELECT properties.pla| FROM events'), { eventProperties: names });
    assert.equal(spaced.items[0]!.insertText, '`plan type`');
    const quoted = completionItems(at("SELECT properties['pla|'] FROM events"), { eventProperties: names });
    assert.equal(quoted.items[0]!.insertText, 'plan type');
    assert.equal(completionItems(at('SELECT properties.| FROM events'), {}).incomplete, true, 'names still loading');
  });

  it("offers the project's views as tables after PostHog's own", () => {
    const at = (text: string) => completionContext(text.replace('|', ''), text.indexOf('|'));
    const r = completionItems(at('SELECT 1 FROM |'), { views: ['daily_signups'] });
    const view = r.items.find((i) => i.label === 'daily_signups');
    assert.deepEqual([view?.kind, view?.detail], ['table', 'view']);
    assert.ok(r.items.findIndex((i) => i.label === 'events') < r.items.indexOf(view!));
    assert.ok(r.items.every((i, k) => k === 0 || r.items[k - 1]!.sortText! <= i.sortText!));
  });
});
