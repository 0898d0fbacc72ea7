import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Cell, Column } from '../../../src/results/protocol';
import { exportCsvField, exportEncoder, isFormulaLeading, type FullExportFormat } from '../../../src/results/exportEncode';
import { parseCsv } from './support/csv';

/** Encodes `rows` in pages of `page` rows, as the full export feeds them. */
function encode(format: FullExportFormat, columns: Column[], rows: Cell[][], page = 3, rawFormulas = false): string {
  const enc = exportEncoder(format, columns, { rawFormulas });
  let out = enc.start();
  for (let i = 0; i < rows.length; i += page) out += enc.rows(rows.slice(i, i + page));
  return out + enc.end();
}

const text = (n: number): Column[] => Array.from({ length: n }, (_, i) => ({ name: `c${i}`, type: 'Nullable(String)' }));
const FORMULA_LEAD = ['=', '+', '-', '@', '\t', '\r'];
/** Cells biased towards formula leads, quotes, separators and numbers. */
const textCell = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', '1', 'é', "'") }),
  fc.constant(null),
  fc.tuple(fc.constantFrom(...FORMULA_LEAD), fc.string()).map(([a, b]) => a + b),
);

describe('results/exportEncode: CSV, JSON Lines and JSON of a full export', () => {
  it('neutralises formula-leading text cells with a quote prefix, and only those (OWASP)', () => {
    const cases: [Cell, string][] = [
      ['=1+2', "'=1+2"],
      ['+SUM(A1)', "'+SUM(A1)"],
      ['-2+3', "'-2+3"],
      ['@cmd', "'@cmd"],
      ['\tx', "'\tx"],
      ['\r=x', `"'\r=x"`],
      ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
      ['plain', 'plain'],
      ['-5', '-5'],
      ['-1.5e3', '-1.5e3'],
      ['a=b', 'a=b'],
      [null, ''],
      ['', '""'],
    ];
    for (const [cell, want] of cases) assert.equal(exportCsvField(cell, false), want, JSON.stringify(cell));
  });

  it('never alters numbers: numeric columns, negative and 64-bit ones included', () => {
    for (const v of [-5, -0.25, '-9223372036854775808', '18446744073709551615', 3]) assert.equal(exportCsvField(v, true), String(v));
    assert.equal(exportCsvField(-5, false), '-5', 'a number cell of any column');
    const csv = encode('csv', [{ name: 'n', type: 'Int64' }, { name: 'u', type: 'UInt64' }], [[-5, '18446744073709551615'], ['-9223372036854775808', 0]]);
    assert.equal(csv, 'n,u\r\n-5,18446744073709551615\r\n-9223372036854775808,0\r\n');
  });

  it('writes formulas raw with rawFormulas', () => {
    assert.equal(exportCsvField('=1+2', false, true), '=1+2');
    assert.equal(encode('csv', text(1), [['@x']], 3, true), 'c0\r\n@x\r\n');
  });

  it('neutralises a formula in a column name too', () => {
    assert.equal(encode('csv', [{ name: '=cmd()', type: 'String' }], []), "'=cmd()\r\n");
  });

  it('round-trips through an RFC 4180 parser; every formula-leading cell is neutralised (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((w) => fc.tuple(fc.constant(w), fc.array(fc.array(textCell, { minLength: w, maxLength: w }), { maxLength: 12 }), fc.integer({ min: 1, max: 5 }))), ([w, rows, page]) => {
        const parsed = parseCsv(encode('csv', text(w), rows, page));
        assert.equal(parsed.length, rows.length + 1);
        parsed.slice(1).forEach((rec, r) =>
          rec.fields.forEach((field, c) => {
            const cell = rows[r][c];
            if (cell === null) return assert.ok(field === '' && !rec.quoted[c]);
            assert.ok(!isFormulaLeading(field), `formula left live: ${JSON.stringify(field)}`);
            assert.equal(field, isFormulaLeading(cell as string) ? `'${cell as string}` : cell);
          }),
        );
      }),
    );
  });

  it('keeps every number of a numeric column unchanged (property)', () => {
    const num = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }).map(String));
    fc.assert(
      fc.property(fc.array(num, { maxLength: 20 }), (values) => {
        const parsed = parseCsv(encode('csv', [{ name: 'x', type: 'Float64' }], values.map((v) => [v])));
        assert.deepEqual(parsed.slice(1).map((r) => r.fields[0]), values.map(String));
      }),
    );
  });

  it('JSON Lines: one object per row, exact integers as JSON numbers, duplicate names kept apart', () => {
    const cols: Column[] = [{ name: 'id', type: 'UInt64' }, { name: 'id', type: 'String' }];
    const out = encode('jsonl', cols, [['18446744073709551615', '=x'], [1, null]]);
    assert.equal(out, '{"id":18446744073709551615,"id_2":"=x"}\n{"id":1,"id_2":null}\n');
  });

  it('JSON: an array written page by page is valid JSON holding every row (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(textCell, { minLength: 2, maxLength: 2 }), { maxLength: 15 }), fc.integer({ min: 1, max: 4 }), (rows, page) => {
        const parsed = JSON.parse(encode('json', text(2), rows, page)) as Record<string, Cell>[];
        assert.deepEqual(parsed, rows.map(([a, b]) => ({ c0: a, c1: b })));
        const lines = encode('jsonl', text(2), rows, page).split('\n').filter(Boolean);
        assert.deepEqual(lines.map((l) => JSON.parse(l)), parsed);
      }),
    );
  });

  it('JSON of no rows is an empty array', () => {
    assert.equal(encode('json', text(1), []), '[]\n');
    assert.equal(encode('jsonl', text(1), []), '');
  });
});
