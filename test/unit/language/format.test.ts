/** The HogQL formatter's layout and options on small examples (issue #18). */
import * as assert from 'node:assert/strict';
import { formatHogQL, formatRange } from '../../../src/language/hogql/format';

const lines = (...l: string[]): string => l.join('\n');

describe('HogQL formatter', () => {
  it('puts each clause on its own line and upper-cases keywords, not names', () => {
    assert.equal(
      formatHogQL("select event, count() as c from events where event = '$pageview' group by event order by c desc limit 10"),
      lines('SELECT event, count() AS c', 'FROM events', "WHERE event = '$pageview'", 'GROUP BY event', 'ORDER BY c DESC', 'LIMIT 10'),
    );
    // `if(…)` is a function; `not (x)` is a call PostHog keeps as spelled
    assert.equal(formatHogQL('select if(x, 1, 2), not (1) from t'), 'SELECT if(x, 1, 2), not(1)\nFROM t');
  });

  it('breaks a long select list one item a line and a long boolean chain before AND/OR', () => {
    const q = 'select aaaaaaaaaa, bbbbbbbbbb, cccccccccc from t where aaaaaaaaaa = 1 and bbbbbbbbbb between 1 and 2 or cccccccccc > 3';
    assert.equal(
      formatHogQL(q, { width: 30 }),
      lines('SELECT', '    aaaaaaaaaa,', '    bbbbbbbbbb,', '    cccccccccc', 'FROM t', 'WHERE aaaaaaaaaa = 1', '    AND bbbbbbbbbb BETWEEN 1 AND 2', '    OR cccccccccc > 3'),
    );
  });

  it('indents subqueries and joins', () => {
    assert.equal(
      formatHogQL('select e.event from events e left join (select id from persons) p on p.id = e.person_id where e.x in (select 1)', { indent: 2 }),
      lines('SELECT e.event', 'FROM events e', 'LEFT JOIN (', '  SELECT id', '  FROM persons', ') p ON p.id = e.person_id', 'WHERE e.x IN (', '  SELECT 1', ')'),
    );
  });

  it('honours keyword case lower and preserve', () => {
    assert.equal(formatHogQL('SELECT a From t', { keywordCase: 'lower' }), 'select a\nfrom t');
    assert.equal(formatHogQL('SELECT a From t', { keywordCase: 'preserve' }), 'SELECT a\nFrom t');
  });

  it('keeps placeholders, lambdas, f-strings, HogQLX tags and strings byte for byte', () => {
    const q = "select {  filters  }, arrayMap(x->x*2, [1,2]), f'a{ b  }c', <Sparkline data={[1,2]}  />, 'it''s  x' from {t}";
    assert.equal(
      formatHogQL(q),
      "SELECT {  filters  }, arrayMap(x->x*2, [1, 2]), f'a{ b  }c', <Sparkline data={[1,2]}  />, 'it''s  x'\nFROM {t}",
    );
  });

  it('keeps every comment where it was: trailing ones on their line, own-line ones on their own', () => {
    const q = lines('-- top', 'select a, -- first', '  /* b */ b', '-- before from', 'from t /* tail */ where x -- end', ';');
    assert.equal(formatHogQL(q, { width: 20 }), lines('-- top', 'SELECT', '    a, -- first', '    /* b */ b', '-- before from', 'FROM t /* tail */', 'WHERE x -- end', ';'));
  });

  it('never glues two minus signs into a comment', () => {
    assert.equal(formatHogQL('select - -1, 1 - -1'), 'SELECT - -1, 1 - -1');
  });

  it('leaves statements with syntax errors as they are, and formats the others', () => {
    assert.equal(formatHogQL('select  count( from t;\nselect a  from t;\n'), 'select  count( from t;\nSELECT a\nFROM t;\n');
  });

  it('keeps blank lines between statements (at most one)', () => {
    assert.equal(formatHogQL('select 1;\n\n\n\nselect 2; select 3;'), 'SELECT 1;\n\nSELECT 2;\nSELECT 3;');
  });

  it('formats only the statements a range touches', () => {
    const text = 'select 1 from t;\nselect  2 from t;\nselect 3 from t;';
    const edits = formatRange(text, text.indexOf('2'), text.indexOf('2') + 1);
    assert.deepEqual(edits, [{ start: text.indexOf('select  2'), end: text.indexOf('select 3') - 2, text: 'SELECT 2\nFROM t' }]);
  });
});
