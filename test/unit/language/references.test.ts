import * as assert from 'node:assert/strict';
import { renameEdits, symbolAt } from '../../../src/language/hogql/references';

/** The occurrences of the symbol at the first `|`, as the text they cover. */
function occurrences(withCursor: string): string[] | undefined {
  const text = withCursor.replace('|', '');
  const s = symbolAt(text, withCursor.indexOf('|'));
  return s?.occurrences.map((r) => `${r.start}:${text.slice(r.start, r.end)}`);
}

describe('statement symbols (definition, references, rename)', () => {
  it('finds a CTE from its definition and from FROM, with qualified uses', () => {
    const q = 'WITH recent AS (SELECT event FROM events) SELECT recent.event FROM recent WHERE 1';
    const fromDef = occurrences(q.replace('recent AS', 'r|ecent AS'));
    assert.deepEqual(fromDef, [`5:recent`, `${q.indexOf('recent.')}:recent`, `${q.lastIndexOf('recent')}:recent`]);
    assert.deepEqual(occurrences(q.replace('FROM recent', 'FROM rec|ent')), fromDef);
    const s = symbolAt(q, q.lastIndexOf('recent'));
    assert.equal(s?.kind, 'cte');
    assert.deepEqual(s?.definition, { start: 5, end: 11 });
  });

  it('finds a table alias and its qualified uses, not a same-named field elsewhere', () => {
    const q = 'SELECT e.event, e.timestamp FROM events e WHERE e.event = \'x\' ORDER BY e';
    const occ = occurrences(q.replace('events e', 'events |e'));
    assert.deepEqual(occ?.map((o) => o.split(':')[1]), ['e', 'e', 'e', 'e']);
    assert.equal(symbolAt(q, q.indexOf('e.timestamp'))?.kind, 'tableAlias');
  });

  it('finds a column alias used in ORDER BY / HAVING of the same SELECT only', () => {
    const q = 'SELECT count() AS total FROM events HAVING total > 1 ORDER BY total DESC';
    assert.deepEqual(occurrences(q.replace('ORDER BY total', 'ORDER BY to|tal'))?.length, 3);
    const shadow = 'SELECT x AS total FROM (SELECT 1 AS total) ORDER BY total';
    const outer = occurrences(shadow.replace('ORDER BY total', 'ORDER BY |total'));
    assert.deepEqual(outer, ['12:total', '52:total']);
  });

  it('resolves an alias of an inner SELECT to the inner definition', () => {
    const q = 'SELECT * FROM events e WHERE e.x IN (SELECT e.y FROM persons e)';
    const inner = occurrences(q.replace('persons e', 'persons |e'));
    assert.deepEqual(inner, ['44:e', '61:e']);
  });

  it('renames every occurrence, quoting names that need it, and refuses other names', () => {
    const q = 'WITH top AS (SELECT 1 AS n) SELECT n FROM top';
    const r = renameEdits(q, q.indexOf('top'), 'best');
    assert.ok('edits' in r);
    if ('edits' in r) assert.deepEqual(r.edits.map((e) => [e.range.start, e.text]), [[5, 'best'], [42, 'best']]);
    const quoted = renameEdits(q, q.indexOf('top'), 'my top');
    assert.ok('edits' in quoted && quoted.edits[0].text === '`my top`');
    assert.ok('error' in renameEdits(q, q.indexOf('SELECT'), 'x'));
    assert.ok('error' in renameEdits('SELECT event FROM events', 8, 'x'), 'a table field is not ours to rename');
  });
});
