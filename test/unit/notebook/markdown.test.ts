// Notebook results as Markdown (src/notebook/markdown.ts): tables, caps, escaping, export.
import * as assert from 'node:assert/strict';
import type { StoredOutput } from '../../../src/notebook/format';
import { markdownCellText, notebookMarkdown, tableMarkdown } from '../../../src/notebook/markdown';

const out: StoredOutput = {
  at: '2026-12-06T07:10:42.123Z',
  project: { host: 'http://localhost:8010', id: 1, name: 'Hedgebox' },
  rowCount: 3,
  columns: [{ name: 'event', type: 'String' }, { name: 'c', type: 'UInt64' }],
  rows: [['$pageview', 10], ['a|b', 2], [null, 1]],
};

describe('notebook/markdown: results as Markdown tables', () => {
  it('writes a header, a rule and one line per row', () => {
    assert.equal(tableMarkdown(out, 10), ['| event | c |', '| --- | --- |', '| $pageview | 10 |', '| a\\|b | 2 |', '| NULL | 1 |'].join('\n'));
  });

  it('caps the rows and says how many more there are', () => {
    const md = tableMarkdown({ ...out, rowCount: 1_000 }, 2);
    assert.equal(md.split('\n').filter((l) => l.startsWith('| ')).length, 4);
    assert.ok(md.endsWith('_998 more rows_'), md);
  });

  it('renders values as text: no HTML, link, emphasis or column break survives', () => {
    assert.equal(markdownCellText('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert(1)\\>');
    assert.equal(markdownCellText('[x](javascript:alert(1)) *b* `c`'), '\\[x\\](javascript:alert(1)) \\*b\\* \\`c\\`');
    assert.equal(markdownCellText('two\nlines|x'), 'two lines\\|x');
    assert.equal(markdownCellText({ a: [1, 'x'] }), '{"a":\\[1,"x"\\]}');
    assert.ok(markdownCellText('x'.repeat(1_000)).length <= 200);
  });

  it('shows an error as text', () => {
    assert.equal(tableMarkdown({ ...out, error: 'Unknown table <b>x</b>', columns: [], rows: [] }, 10), '**Error:** Unknown table \\<b\\>x\\</b\\>');
  });

  it('exports a notebook: Markdown cells as they are, HogQL fenced, results below with project, rows and time', () => {
    const md = notebookMarkdown({
      cells: [
        { kind: 'markdown', source: '# Weekly\n\nNotes.' },
        { kind: 'hogql', source: 'SELECT event, count() AS c FROM events GROUP BY event', output: out },
        { kind: 'hogql', source: 'SELECT "```" AS fence' },
      ],
      values: {},
      variables: {},
    });
    const expected = [
      '# Weekly\n\nNotes.',
      '```hogql\nSELECT event, count() AS c FROM events GROUP BY event\n```',
      '_Hedgebox · 3 rows · 2026-12-06 07:10 UTC_\n\n' + tableMarkdown(out, 100),
      '````hogql\nSELECT "```" AS fence\n````',
    ].join('\n\n');
    assert.equal(md, `${expected}\n`);
  });
});
