import * as assert from 'node:assert/strict';
import { hoverTarget } from '../../../src/language/hogql/hover';

/** The doc title the hover shows at the `|` of `withCursor`. */
function docAt(withCursor: string): string | undefined {
  const t = hoverTarget(withCursor.replace('|', ''), withCursor.indexOf('|'));
  return t?.kind === 'keyword' ? t.doc?.title : undefined;
}

describe('keyword docs on hover (#20)', () => {
  it('documents clause keywords, with a docs link and an example', () => {
    assert.equal(docAt('SEL|ECT 1'), 'SELECT');
    assert.equal(docAt('SELECT 1 FROM events PRE|WHERE event = 1'), 'PREWHERE');
    assert.equal(docAt('SELECT event FROM events GRO|UP BY event'), 'GROUP BY');
    assert.equal(docAt('SELECT event FROM events GROUP B|Y event'), 'GROUP BY');
    assert.equal(docAt('SELECT event FROM events ORDER BY event LIM|IT 10'), 'LIMIT');
    const t = hoverTarget('SELECT 1 FROM events PREWHERE 1', 22);
    assert.ok(t?.kind === 'keyword' && t.doc);
    assert.equal(t.doc.link, 'https://clickhouse.com/docs/sql-reference/statements/select/prewhere');
    assert.match(t.doc.example, /PREWHERE/);
  });

  it('reads LIMIT … BY, ARRAY JOIN and WITH TIES from the words around', () => {
    assert.equal(docAt('SELECT event FROM events ORDER BY timestamp LIM|IT 3 BY event'), 'LIMIT BY');
    assert.equal(docAt('SELECT event FROM events ORDER BY timestamp LIMIT 3 B|Y event LIMIT 10'), 'LIMIT BY');
    assert.equal(docAt('SELECT event FROM events ORDER BY timestamp LIMIT (1 + 2) BY event'.replace('LIMIT', 'LI|MIT')), 'LIMIT BY');
    assert.equal(docAt('SELECT x FROM t AR|RAY JOIN arr AS x'), 'ARRAY JOIN');
    assert.equal(docAt('SELECT x FROM t LEFT ARRAY JO|IN arr AS x'), 'ARRAY JOIN');
    assert.equal(docAt('SELECT x FROM t LEFT JO|IN u ON t.a = u.a'), 'JOIN');
    assert.equal(docAt('SELECT x FROM t ORDER BY x LIMIT 3 WITH TI|ES'), 'WITH TIES');
    assert.equal(docAt('SELECT x FROM t ORDER BY x LIMIT 3 WI|TH TIES'), 'WITH TIES');
    assert.equal(docAt('WI|TH a AS (SELECT 1) SELECT * FROM a'), 'WITH');
  });

  it('documents placeholders and HogQLX tags', () => {
    assert.equal(docAt('SELECT count() FROM events WHERE {fil|ters}'), '{filters}');
    assert.equal(docAt('SELECT count() FROM events WHERE |{filters}'), '{filters}');
    assert.equal(docAt('SELECT * FROM events WHERE uuid = {u|id}'), '{placeholder}');
    const tag = hoverTarget('SELECT <Sparkline data={[1, 2]} />', 10);
    assert.ok(tag?.kind === 'keyword' && tag.doc?.title === 'HogQLX tag', JSON.stringify(tag));
    assert.match(tag.doc.link, /^https:\/\/posthog\.com\/docs\/sql/);
  });

  it('has no doc for words that are not clauses here', () => {
    assert.equal(docAt('SELECT 1 FROM t ORDER BY x LIMIT 3 WITH TI|ES'.replace('WITH TI|ES', 'TI|ES')), undefined);
  });
});
