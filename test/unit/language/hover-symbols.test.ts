import * as assert from 'node:assert/strict';
import { hoverTarget, nodeAt } from '../../../src/language/hogql/hover';
import { documentSymbols, foldingRanges } from '../../../src/language/hogql/symbols';

function hover(withCursor: string): ReturnType<typeof hoverTarget> {
  const offset = withCursor.indexOf('|');
  return hoverTarget(withCursor.replace('|', ''), offset);
}

describe('hover targets', () => {
  it('names functions, tables, keywords', () => {
    const f = hover('SELECT toSta|rtOfDay(timestamp) FROM events');
    assert.ok(f?.kind === 'function' && f.name === 'toStartOfDay' && f.function?.min === 1);
    const t = hover('SELECT 1 FROM eve|nts');
    assert.ok(t?.kind === 'table' && t.table?.name === 'events' && !t.cte);
    const tf = hover('SELECT 1 FROM num|bers(3)');
    assert.ok(tf?.kind === 'table' && tf.table?.name === 'numbers');
    const cte = hover('WITH x AS (SELECT 1) SELECT 1 FROM |x');
    assert.ok(cte?.kind === 'table' && cte.cte);
    const k = hover('SEL|ECT 1');
    assert.ok(k?.kind === 'keyword');
    assert.deepEqual({ ...k, doc: k.doc?.title }, { kind: 'keyword', name: 'SELECT', range: { start: 0, end: 6 }, doc: 'SELECT' });
  });

  it('names fields with their owning table, through aliases and traversers', () => {
    const f = hover('SELECT e.ev|ent FROM events e');
    assert.ok(f?.kind === 'field' && f.table.name === 'events' && f.field.name === 'event');
    assert.deepEqual(f?.range, { start: 9, end: 14 });
    const a = hover('SELECT |e.event FROM events e');
    assert.ok(a?.kind === 'table' && a.table?.name === 'events');
    const p = hover('SELECT per|son.properties.email FROM events');
    assert.ok(p?.kind === 'field' && p.table.name === 'events' && p.field.name === 'person');
    const sessions = hover('SELECT session.$entry_curr|ent_url FROM events');
    assert.ok(sessions?.kind === 'field' && sessions.table.name === 'sessions');
  });

  it('names JSON properties and select aliases', () => {
    const p = hover('SELECT properties.$brow|ser FROM events');
    assert.ok(p?.kind === 'property' && p.table.name === 'events' && p.path.join() === '$browser');
    const pp = hover('SELECT person.properties.em|ail FROM events');
    assert.ok(pp?.kind === 'property' && pp.table.name === 'persons');
    const al = hover('SELECT count() AS c FROM events ORDER BY |c');
    assert.ok(al?.kind === 'alias');
    const col = hover('SELECT s.|c FROM (SELECT 1 AS c) s');
    assert.ok(col?.kind === 'column' && col.source === 's');
  });

  it('names properties and fields with no FROM yet as if FROM events, as completion does (#20)', () => {
    const p = hover('SELECT properties.$brow|ser');
    assert.ok(p?.kind === 'property' && p.table.name === 'events' && p.path.join() === '$browser', JSON.stringify(p));
    const pp = hover('SELECT person.properties.em|ail');
    assert.ok(pp?.kind === 'property' && pp.table.name === 'persons', JSON.stringify(pp));
    const f = hover('SELECT time|stamp');
    assert.ok(f?.kind === 'field' && f.table.name === 'events' && f.field.name === 'timestamp', JSON.stringify(f));
    const inner = hover('SELECT x FROM (SELECT properties.$brow|ser AS x)');
    assert.ok(inner?.kind === 'property' && inner.table.name === 'events');
  });

  it('nodeAt returns the path from the statement root to the innermost node', () => {
    const src = 'SELECT lower(event) FROM events';
    const path = nodeAt(src, src.indexOf('event)') + 1);
    assert.deepEqual(path.map((n) => n.kind), ['SelectQuery', 'Call', 'Field', 'Ident']);
  });
});

describe('outline and folding', () => {
  const src = [
    '-- Daily active users',
    'WITH daily AS (',
    '  SELECT toDate(timestamp) AS d, uniq(person_id) AS u FROM events GROUP BY d',
    ')',
    'SELECT d, u FROM daily;',
    '',
    '/* a',
    '   block */',
    'SELECT x.n',
    'FROM (',
    '  SELECT number AS n FROM numbers(3)',
    ') AS x;',
    'SELECT 1',
  ].join('\n');

  it('lists statements named by their leading comment or first line, with CTEs and subqueries', () => {
    const syms = documentSymbols(src);
    assert.deepEqual(syms.map((s) => s.name), ['Daily active users', 'SELECT x.n', 'SELECT 1']);
    assert.deepEqual(syms[0].children.map((c) => [c.kind, c.name]), [['cte', 'daily']]);
    assert.deepEqual(syms[1].children.map((c) => [c.kind, c.name]), [['subquery', 'x']]);
    const cte = syms[0].children[0];
    assert.equal(src.slice(cte.selectionRange.start, cte.selectionRange.end), 'daily');
  });

  it('folds multi-line statements, parenthesised blocks and block comments', () => {
    assert.deepEqual(foldingRanges(src), [
      { startLine: 1, endLine: 4, kind: 'region' },
      { startLine: 6, endLine: 7, kind: 'comment' },
      { startLine: 8, endLine: 11, kind: 'region' },
      { startLine: 9, endLine: 11, kind: 'region' },
    ]);
  });
});
