import * as assert from 'node:assert/strict';
import { pagedQuery, parseValue, placeholders, queryTarget, valueNames, type QueryTarget } from '../../../src/query/target';

const doc = `-- two statements
SELECT 1 AS one;

SELECT event, count()
FROM events  -- trailing
GROUP BY event;
`;

const none = { start: 0, end: 0 };

describe('query target', () => {
  it('runs a non-empty selection, trimmed, with its document offset', () => {
    const start = doc.indexOf('SELECT event');
    const end = doc.indexOf('GROUP BY event;') + 'GROUP BY event;'.length;
    const r = queryTarget(doc, { start, end }, end);
    assert.ok(r.ok);
    assert.equal(r.target.source, 'selection');
    assert.equal(r.target.offset, start);
    assert.equal(r.target.text, 'SELECT event, count()\nFROM events  -- trailing\nGROUP BY event');
  });

  it('runs the statement at the cursor', () => {
    const cursor = doc.indexOf('FROM events');
    const r = queryTarget(doc, none, cursor);
    assert.ok(r.ok);
    assert.equal(r.target.source, 'statement');
    assert.equal(r.target.text, 'SELECT event, count()\nFROM events  -- trailing\nGROUP BY event');
    assert.equal(doc.slice(r.target.offset, r.target.offset + 6), 'SELECT');
  });

  it('runs the statement just before the cursor on the same line', () => {
    const cursor = doc.indexOf('SELECT 1 AS one;') + 'SELECT 1 AS one;'.length;
    const r = queryTarget(doc, none, cursor);
    assert.ok(r.ok);
    assert.equal(r.target.text, 'SELECT 1 AS one');
  });

  it('runs the statement above from the blank line right after it', () => {
    const r = queryTarget(doc, none, doc.indexOf('\n\n') + 1);
    assert.ok(r.ok);
    assert.equal(r.target.text, 'SELECT 1 AS one');
  });

  it("runs a file's only statement wherever the cursor is", () => {
    const one = '\n-- c\nSELECT 42\n\n\n';
    const r = queryTarget(one, none, one.length);
    assert.ok(r.ok);
    assert.equal(r.target.source, 'file');
    assert.equal(r.target.text, 'SELECT 42');
    for (let c = 0; c <= one.length; c++) assert.equal((queryTarget(one, none, c) as { target: QueryTarget }).target.text, 'SELECT 42', `cursor ${c}`);
  });

  it('says when there is nothing to run', () => {
    assert.equal(queryTarget('-- only a comment\n', none, 0).ok, false);
    assert.equal(queryTarget('select 1', { start: 0, end: 0 }, 0).ok, true);
    assert.equal(queryTarget('   \n  ', { start: 0, end: 4 }, 0).ok, false);
  });
});

describe('placeholders', () => {
  it('finds {name}, {variables.x} and {filters} outside strings and comments', () => {
    const q = "select {a}, '{not}' from events where {filters} and x = {variables.country} -- {nope}\n and y = {a}";
    assert.deepEqual(
      placeholders(q).map((p) => p.name),
      ['a', 'filters', 'variables.country', 'a'],
    );
    const first = placeholders(q)[0]!;
    assert.equal(q.slice(first.start, first.end), '{a}');
  });

  it('lists the value names to ask for once each', () => {
    assert.deepEqual(valueNames('select {b}, {a}, {b} where {filters} and {variables.v}'), ['b', 'a']);
    assert.deepEqual(valueNames('select 1'), []);
  });
});

describe('placeholder values', () => {
  it('sends numbers and booleans as such, anything else as typed', () => {
    assert.equal(parseValue('42'), 42);
    assert.equal(parseValue('-1.5'), -1.5);
    assert.equal(parseValue('true'), true);
    assert.equal(parseValue('$pageview'), '$pageview');
    assert.equal(parseValue(' 7 days'), ' 7 days');
    assert.equal(parseValue('9007199254740993'), '9007199254740993', 'unsafe integers keep their digits');
  });
});

describe('paged query (load more)', () => {
  it('appends LIMIT/OFFSET to a plain select (after a trailing comment too)', () => {
    assert.equal(pagedQuery('select event from events -- all', 100, 1000), 'select event from events -- all\nLIMIT 1000 OFFSET 100');
    assert.equal(pagedQuery('select (select 1 limit 1) as x from events;', 0, 5), 'select (select 1 limit 1) as x from events\nLIMIT 5 OFFSET 0');
  });

  it('wraps a query with its own LIMIT or a UNION', () => {
    assert.equal(pagedQuery('select 1 limit 10', 5, 5), 'SELECT * FROM (\nselect 1 limit 10\n)\nLIMIT 5 OFFSET 5');
    assert.match(pagedQuery('select 1 union all select 2', 0, 10), /^SELECT \* FROM \(/);
  });
});
