import * as assert from 'node:assert/strict';
import type { Cell, Column } from '../../../src/results/protocol';
import { jsonValue, toJson, toMarkdown, toTsv, uniqueKeys } from '../../../src/results/copy';

const columns: Column[] = [
  { name: 'id', type: 'UInt64' },
  { name: 'name', type: 'Nullable(String)' },
  { name: 'props', type: 'Map(String, String)' },
];
const rows: Cell[][] = [
  ['9007199254740993', 'a\tb', { k: 'v' }],
  [2, null, {}],
  [3, 'say "hi"\nbye', { p: 'x|y' }],
];

describe('query/copy: TSV, Markdown, JSON', () => {
  it('writes TSV with a header on request, quoting tabs, newlines and quotes, NULL empty', () => {
    assert.equal(
      toTsv({ columns, rows }, true),
      'id\tname\tprops\n9007199254740993\t"a\tb"\t{"k":"v"}\n2\t\t{}\n3\t"say ""hi""\nbye"\t{"p":"x|y"}',
    );
    assert.equal(toTsv({ columns: columns.slice(0, 1), rows: [[1], [2]] }, false), '1\n2');
    assert.equal(toTsv({ columns: columns.slice(1, 2), rows: [['"q" start'], ['mid "q"']] }, false), '"""q"" start"\nmid "q"');
  });

  it('writes a Markdown table: numeric columns right-aligned, pipes escaped, NULL spelled out', () => {
    assert.equal(
      toMarkdown({ columns, rows }),
      [
        '| id | name | props |',
        '| ---: | --- | --- |',
        '| 9007199254740993 | a\tb | {"k":"v"} |',
        '| 2 | NULL | {} |',
        '| 3 | say "hi" bye | {"p":"x\\|y"} |',
      ].join('\n'),
    );
  });

  it('writes JSON objects with exact big integers as number literals', () => {
    const text = toJson({ columns, rows });
    assert.ok(text.includes('{"id":9007199254740993,"name":"a\\tb","props":{"k":"v"}}'), text);
    const parsed = JSON.parse(text) as Record<string, Cell>[];
    assert.deepEqual(parsed[1], { id: 2, name: null, props: {} });
    assert.equal(toJson({ columns, rows: [] }), '[]');
  });

  it('keeps strings of text columns as JSON strings, non-finite numbers as null', () => {
    assert.equal(jsonValue('123', false), '"123"');
    assert.equal(jsonValue('12x', true), '"12x"');
    assert.equal(jsonValue(Number.NaN, true), 'null');
  });

  it('makes duplicate column names unique so no value is lost', () => {
    assert.deepEqual(uniqueKeys([{ name: 'a', type: '' }, { name: 'a', type: '' }, { name: 'a_2', type: '' }, { name: 'a', type: '' }]), ['a', 'a_3', 'a_2', 'a_4']);
  });
});
