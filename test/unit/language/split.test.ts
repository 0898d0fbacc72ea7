import * as assert from 'node:assert/strict';
import { splitStatements, statementAt } from '../../../src/language/hogql/split';

const texts = (src: string): string[] => splitStatements(src).map((s) => src.slice(s.range.start, s.range.end));

describe('statement splitting', () => {
  it('splits on ; and trims whitespace, leading/trailing comments and the ;', () => {
    const src = '-- first\nSELECT 1;\n\n/* c */ SELECT 2 -- tail\n;  SELECT 3';
    assert.deepEqual(texts(src), ['SELECT 1', 'SELECT 2', 'SELECT 3']);
    const s = splitStatements(src);
    assert.deepEqual(s.map((x) => x.separator), [src.indexOf(';'), src.indexOf(';', src.indexOf(';') + 1), null]);
    assert.equal(s[1].chunk.start, src.indexOf(';') + 1);
  });

  it('does not split on ; inside strings, quoted identifiers, f-strings or comments', () => {
    const src = "SELECT 'a;b', `c;d`, \"e;f\", f'{x};' -- g;h\n/* i;j */ FROM t; SELECT 2";
    assert.deepEqual(texts(src), ["SELECT 'a;b', `c;d`, \"e;f\", f'{x};' -- g;h\n/* i;j */ FROM t", 'SELECT 2']);
  });

  it('does not split on ; inside a closed { } block (a lambda body, as PostHog\'s grammar reads it), but does after an unclosed {', () => {
    const src = "select (x, y) -> { print('hello'); return x * y }; SELECT 2";
    assert.deepEqual(texts(src), ["select (x, y) -> { print('hello'); return x * y }", 'SELECT 2']);
    assert.deepEqual(texts('select x -> { a; { b; c } }; select {; SELECT 3'), ['select x -> { a; { b; c } }', 'select {', 'SELECT 3']);
  });

  it('keeps comments between tokens inside the range', () => {
    assert.deepEqual(texts('SELECT /* x */ 1'), ['SELECT /* x */ 1']);
  });

  it('drops empty statements and comment-only chunks', () => {
    assert.deepEqual(texts(';; -- only a comment\n; SELECT 1;;'), ['SELECT 1']);
    assert.deepEqual(texts(''), []);
  });

  describe('statementAt', () => {
    const src = 'SELECT 1;\n\nSELECT 2\nFROM t;  \n\n\nSELECT 3';
    const at = (offset: number): string | undefined => {
      const s = statementAt(src, offset);
      return s ? src.slice(s.range.start, s.range.end) : undefined;
    };
    it('finds the statement around the cursor, ends inclusive', () => {
      assert.equal(at(0), 'SELECT 1');
      assert.equal(at(src.indexOf('FROM')), 'SELECT 2\nFROM t');
      assert.equal(at(src.indexOf('SELECT 2')), 'SELECT 2\nFROM t');
      assert.equal(at(src.length), 'SELECT 3');
    });
    it('accepts a cursor just after the statement on the same line as its ;', () => {
      assert.equal(at(src.indexOf(';') + 1), 'SELECT 1');
      assert.equal(at(src.indexOf('t;') + 4), 'SELECT 2\nFROM t');
    });
    it('returns undefined on blank lines between statements', () => {
      assert.equal(at(src.indexOf('\n\n') + 1), undefined);
      assert.equal(at(src.indexOf('SELECT 3') - 1), undefined);
    });
  });
});
