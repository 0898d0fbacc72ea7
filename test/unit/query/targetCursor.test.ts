// Which statement "Run Query" runs for a cursor outside every statement (issue #13: a cursor on the
// comment above a statement gave an error instead of running it).
import * as assert from 'node:assert/strict';
import { firstLine, queryTarget, type TargetResult } from '../../../src/query/target';

const none = { start: 0, end: 0 };

/** The text run for a cursor on `line` (0-based) at `column`, or 'ASK' when the user is asked. */
function runAt(doc: string, line: number, column = 0): string {
  const lines = doc.split('\n');
  const offset = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + Math.min(column, lines[line]!.length);
  const r: TargetResult = queryTarget(doc, none, offset);
  if (r.ok) return r.target.text;
  assert.ok(r.choices, `no choices for line ${line}: ${r.reason}`);
  return 'ASK';
}

/** Each line of `doc` → what runs with the cursor at its start and at its end. */
function byLine(doc: string): string[] {
  return doc.split('\n').map((l, i) => {
    const a = runAt(doc, i, 0);
    const b = runAt(doc, i, l.length);
    return a === b ? a : `${a} | ${b}`;
  });
}

describe('query target: the statement near the cursor', () => {
  it('runs the statement under the -- comment lines the cursor is on (the issue)', () => {
    const doc = ['-- first', 'SELECT 1;', '', '-- second: top events', '-- by count', 'SELECT 2;', '', '-- third', 'SELECT 3;', ''].join('\n');
    assert.deepEqual(byLine(doc), ['SELECT 1', 'SELECT 1', 'SELECT 1', 'SELECT 2', 'SELECT 2', 'SELECT 2', 'SELECT 2', 'SELECT 3', 'SELECT 3', 'SELECT 3']);
  });

  it('treats /* */ comments, also across lines, like -- comments', () => {
    const doc = ['SELECT 1;', '', '/* the second', '', '   statement */', '', 'SELECT 2', ';', '/* c */ SELECT 3'].join('\n');
    assert.deepEqual(byLine(doc), ['SELECT 1', 'SELECT 1', 'SELECT 2', 'SELECT 2', 'SELECT 2', 'SELECT 2', 'SELECT 2', 'SELECT 2', 'SELECT 3']);
  });

  it('asks only on blank lines that are neither right after a statement nor under the next one\'s comments', () => {
    const doc = ['SELECT 1;', '', '', '', '-- two', '', 'SELECT 2;', '', '', 'SELECT 3'].join('\n');
    assert.deepEqual(byLine(doc), ['SELECT 1', 'SELECT 1', 'ASK', 'ASK', 'SELECT 2', 'SELECT 2', 'SELECT 2', 'SELECT 2', 'ASK', 'SELECT 3']);
  });

  it('runs the first statement from above it and the last from below it', () => {
    const doc = ['', '', 'SELECT 1;', 'SELECT 2;', '', '', '-- the end', ''].join('\n');
    assert.deepEqual(byLine(doc), ['SELECT 1', 'SELECT 1', 'SELECT 1', 'SELECT 2', 'SELECT 2', 'SELECT 2', 'SELECT 2', 'SELECT 2']);
  });

  it('splits on ; even when statements share a line, and keeps a trailing comment with its statement', () => {
    const doc = 'SELECT 1; SELECT 2; -- about 2\n\n\nSELECT 3';
    assert.equal(runAt(doc, 0, 0), 'SELECT 1');
    assert.equal(runAt(doc, 0, doc.indexOf('--') + 3), 'SELECT 2');
    assert.equal(runAt(doc, 1), 'SELECT 2');
    assert.equal(runAt(doc, 2), 'ASK');
  });

  it('keeps a comment between the last token and a ; on the next line with its statement', () => {
    const doc = ['SELECT 1 -- tail', ';', '', 'SELECT 2'].join('\n');
    assert.deepEqual(byLine(doc), ['SELECT 1', 'SELECT 1', 'SELECT 1', 'SELECT 2']);
  });

  it('runs a statement from the indentation before it on its first line', () => {
    const doc = 'SELECT 1;\n\n\n    SELECT 2';
    assert.equal(runAt(doc, 3, 0), 'SELECT 2');
    assert.equal(runAt(doc, 3, 2), 'SELECT 2');
  });

  it('ignores ; and -- inside strings when deciding', () => {
    const doc = "SELECT ';' AS a;\n-- next\nSELECT '-- no' AS b";
    assert.deepEqual(byLine(doc), ["SELECT ';' AS a", "SELECT '-- no' AS b", "SELECT '-- no' AS b"]);
  });

  it('handles \\r\\n line ends', () => {
    const doc = 'SELECT 1;\r\n\r\n\r\n-- two\r\nSELECT 2';
    const at = (o: number): string => {
      const r = queryTarget(doc, none, o);
      return r.ok ? r.target.text : 'ASK';
    };
    assert.equal(at(doc.indexOf('-- two') + 2), 'SELECT 2');
    assert.equal(at(doc.indexOf('\r\n') + 2), 'SELECT 1');
    assert.equal(at(doc.indexOf('\r\n\r\n\r\n') + 4), 'ASK');
  });

  it('lists every statement, first line first, when it asks', () => {
    const doc = 'SELECT 1;\n\n\n\nSELECT event,\n  count()\nFROM events';
    const r = queryTarget(doc, none, doc.indexOf('\n\n\n') + 2);
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.choices);
    assert.deepEqual(r.choices.map((c) => firstLine(c.text)), ['SELECT 1', 'SELECT event,']);
    assert.deepEqual(r.choices.map((c) => doc.slice(c.offset, c.offset + c.text.length)), ['SELECT 1', 'SELECT event,\n  count()\nFROM events']);
    assert.match(r.reason, /2 statements/);
  });

  it('never asks in a file of one statement, and never offers choices when there is nothing to run', () => {
    const one = '-- a\n\n\n/* b */\n\nSELECT 1\n\n\n-- c\n';
    for (let c = 0; c <= one.length; c++) assert.equal(queryTarget(one, none, c).ok, true, `cursor ${c}`);
    const empty = queryTarget('-- only a comment\n\n', none, 0);
    assert.ok(!empty.ok && !empty.choices);
  });

  it('shortens long first lines', () => {
    assert.equal(firstLine(`  SELECT ${'x, '.repeat(100)}\nFROM t`).length, 100);
    assert.equal(firstLine('SELECT 1\r\nFROM t'), 'SELECT 1');
  });
});
