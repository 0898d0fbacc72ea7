// One results tab per statement (issue #14 item 9, src/results/tabs.ts): which tab a run lands in,
// what "the same statement" means after an edit, which tabs go over the limit, and the labels.
import * as assert from 'node:assert/strict';
import { normalizeStatement, TabSet, tabLabel, tabTitle, type StatementRef } from '../../../src/results/tabs';

const A = 'SELECT 1 AS a';
const B = 'SELECT 2 AS b';
const C = 'SELECT 3 AS c';

/** A run of statement `index` of a document whose statements are `texts`. */
const ref = (texts: string[], index: number, doc = 'file:///q.hogql'): StatementRef => ({ doc, index, text: texts[index], statements: texts.map(normalizeStatement) });

describe('results tabs: one per statement', () => {
  it('re-running a statement lands in its own tab; another statement adds one', () => {
    const tabs = new TabSet();
    const one = tabs.place(ref([A, B], 0));
    const two = tabs.place(ref([A, B], 1));
    assert.ok(one.created && two.created);
    assert.notEqual(one.id, two.id);
    assert.deepEqual(tabs.place(ref([A, B], 0)), { id: one.id, created: false });
    assert.deepEqual(tabs.ids(), [one.id, two.id]);
  });

  it('the same statement moved in the file (or reformatted) keeps its tab', () => {
    const tabs = new TabSet();
    const b = tabs.place(ref([A, B], 1));
    assert.equal(tabs.place(ref([C, A, 'SELECT  2\n  AS b;'], 2)).id, b.id);
  });

  it('an edited statement re-run replaces the tab at its position', () => {
    const tabs = new TabSet();
    const a = tabs.place(ref([A, B], 0));
    const b = tabs.place(ref([A, B], 1));
    const edited = ['SELECT 10 AS a', B];
    assert.deepEqual(tabs.place(ref(edited, 0)), { id: a.id, created: false });
    assert.deepEqual(tabs.ids(), [a.id, b.id]);
  });

  it('a statement at the index of a tab whose statement still exists gets its own tab', () => {
    const tabs = new TabSet();
    const a = tabs.place(ref([A, B], 0));
    // C inserted above A: A still exists (now index 1), so C is no edit of A
    const c = tabs.place(ref([C, A, B], 0));
    assert.ok(c.created);
    assert.notEqual(c.id, a.id);
  });

  it('tabs are per document: the same text in another file has its own tab', () => {
    const tabs = new TabSet();
    const one = tabs.place(ref([A], 0, 'file:///one.hogql'));
    const two = tabs.place(ref([A], 0, 'file:///two.hogql'));
    assert.notEqual(one.id, two.id);
  });

  it('over the limit the least recently run tab goes, never a kept (active or running) one', () => {
    const tabs = new TabSet();
    const ids = [A, B, C].map((_, i) => tabs.place(ref([A, B, C], i)).id);
    assert.deepEqual(tabs.overLimit(3, () => false), []);
    assert.deepEqual(tabs.overLimit(2, () => false), [ids[0]]);
    tabs.place(ref([A, B, C], 0)); // A re-run: B is now the oldest
    assert.deepEqual(tabs.overLimit(2, () => false), [ids[1]]);
    assert.deepEqual(tabs.overLimit(2, (id) => id === ids[1]), [ids[2]]);
    assert.deepEqual(tabs.overLimit(1, () => true), [], 'kept tabs stay even over the limit');
    tabs.remove(ids[1]);
    assert.deepEqual(tabs.ids(), [ids[0], ids[2]]);
  });

  it('the neighbour of a closed tab is the next one, else the previous one', () => {
    const tabs = new TabSet();
    const ids = [A, B, C].map((_, i) => tabs.place(ref([A, B, C], i)).id);
    assert.equal(tabs.neighbour(ids[1]), ids[2]);
    assert.equal(tabs.neighbour(ids[2]), ids[1]);
    assert.equal(tabs.neighbour('nope'), undefined);
  });

  it('labels are the first words, bidi and invisible characters shown as [U+XXXX]', () => {
    assert.equal(tabLabel('SELECT 1\n  AS a;'), 'SELECT 1 AS a');
    assert.equal(tabLabel('SELECT event, count() FROM events GROUP BY event ORDER BY 2'), 'SELECT event, count() FROM…');
    assert.equal(tabLabel("SELECT 'a\u202Eb'"), "SELECT 'a[U+202E]b'");
    // an escape is never cut in half
    const label = tabLabel(`SELECT '${'x'.repeat(22)}\u202E\u202E'`);
    assert.doesNotMatch(label, /\[U\+[0-9A-F]*…/);
    assert.equal(tabTitle(' SELECT 1\n FROM t\u2066 '), 'SELECT 1\n FROM t[U+2066]');
  });
});
