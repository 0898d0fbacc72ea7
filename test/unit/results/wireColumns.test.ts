// The columnar wire form of streamed batches (src/results/wireColumns.ts, issue #21's "all rows"):
// whatever the rows, the panel reads back exactly the cells today's JSON form gives it
// (`JSON.parse(JSON.stringify(rows))`: -0 → 0, NaN and ±Infinity numbers → null, 64-bit integers as
// their exact strings, nested values, NULL vs a missing cell), into the column store as well as by
// its rows; and bytes that do not hold a batch are refused whole, never half read.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Cell } from '../../../src/results/protocol';
import { buildSearchIndex } from '../../../src/results/filter';
import { rawText } from '../../../src/results/format';
import { sortedIndices } from '../../../src/results/sort';
import { classifyType } from '../../../src/results/types';
import { batchRows, decodeColumns, encodeColumns } from '../../../src/results/wireColumns';
import { WireRows } from '../../../src/results/wireText';
import { ColumnStore } from '../../../webview-ui/results/columnStore';

const text = fc.oneof(
  fc.constantFrom('', 'a', 'é💥', 'ü→"\\', '\u0000', '18446744073709551615', '-9223372036854775808', '9007199254740993', 'Infinity', 'NULL', 'a long string of more than thirteen chars'),
  fc.string({ maxLength: 16, unit: 'grapheme' }),
  fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String),
);
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 2 ** 53 - 1, -(2 ** 53) + 1, 5e-324, Number.MAX_VALUE));
const scalar = fc.oneof(text, number, fc.constantFrom(true, false, null));
const { cell } = fc.letrec<{ cell: Cell }>((tie) => ({
  cell: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, scalar, fc.array(tie('cell'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('cell'), { maxKeys: 3, noNullPrototype: true })),
}));
/** Rows of up to `width` cells, some a cell shorter (the columns they lack read as missing). */
const rowsOf = (max: number) => fc.integer({ min: 0, max: 6 }).chain((width) => fc.array(fc.array(cell, { minLength: Math.max(0, width - 1), maxLength: width }), { maxLength: max }));

/** What the panel gets for `rows` in today's JSON form. */
const viaJson = (rows: Cell[][]): Cell[][] => JSON.parse(JSON.stringify(rows)) as Cell[][];
const viaColumns = (rows: Cell[][]) => decodeColumns(encodeColumns(rows)!);

describe('results/wireColumns: streamed batches in columns (issue #21)', function () {
  this.timeout(60_000);

  it('reads back exactly the cells the JSON form gives, for any rows (property)', () => {
    fc.assert(
      fc.property(rowsOf(12), (rows) => {
        const batch = viaColumns(rows);
        assert.ok(batch, 'decodes what it encoded');
        assert.equal(batch.count, rows.length);
        assert.deepStrictEqual(batchRows(batch), viaJson(rows));
      }),
      { numRuns: 1500 },
    );
  });

  it('the column store holds the same cells from columns as from JSON, batches of either form mixed (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(rowsOf(10), fc.boolean()), { minLength: 1, maxLength: 4 }), (parts) => {
        const store = new ColumnStore();
        for (const [rows, columnar] of parts) {
          if (columnar) store.appendColumns(viaColumns(rows)!);
          else store.append(viaJson(rows));
        }
        const expected = parts.flatMap(([rows]) => viaJson(rows));
        assert.deepStrictEqual(store.rows(), expected);
        const width = Math.max(0, ...expected.map((r) => r.length));
        for (let i = 0; i < expected.length; i++) for (let c = 0; c <= width; c++) assert.deepStrictEqual(store.cell(i, c), expected[i][c], `cell ${i},${c}`);
        for (let c = 0; c < width; c++) assert.deepStrictEqual(sortedIndices(store, c, classifyType('String'), 'asc'), sortedIndices(expected, c, classifyType('String'), 'asc'));
        assert.deepStrictEqual(buildSearchIndex(store, (v) => rawText(v)), buildSearchIndex(expected, (v) => rawText(v)));
      }),
      { numRuns: 300 },
    );
  });

  it("holds the stream bench's rows past each growth of the store, after a first page in JSON", () => {
    const row = (n: number): Cell[] => [n, String(n), n / 3, n < 9_000 ? n * 1_000_000_000_000 : `${BigInt(n) * 1_000_000_000_000n}`, n % 7 ? null : { k: [n] }];
    const rows = Array.from({ length: 12_000 }, (_, n) => row(n));
    const store = new ColumnStore();
    store.append(rows.slice(0, 1_000));
    for (let i = 1_000; i < rows.length; i += 5_000) store.appendColumns(viaColumns(rows.slice(i, i + 5_000))!);
    assert.deepStrictEqual(store.rows(), rows);
  });

  it('a streamed batch of row texts crosses as the cells of its wire text', () => {
    const texts = ['[1,"é",18446744073709551615,-0,1e400]', '[2.50,null,-9007199254740993, true]', '[]'];
    const wire = new WireRows(texts);
    assert.deepStrictEqual(batchRows(viaColumns(new WireRows(texts).rows())!), wire.rows());
    assert.deepStrictEqual(wire.rows(), [[1, 'é', '18446744073709551615', 0, 'Infinity'], [2.5, null, '-9007199254740993', true], []]);
  });

  it('will not encode a string UTF-8 would change (a lone surrogate): the batch goes as JSON', () => {
    assert.equal(encodeColumns([['a\uD800b']]), undefined);
    assert.equal(encodeColumns([['\uDC00']]), undefined);
    assert.ok(encodeColumns([['💥', '\uD83D\uDCA5']]));
  });

  it('refuses bytes that are not a whole, consistent batch (and never throws)', () => {
    const good = encodeColumns([[1, 'ab', { k: 1 }, true], [2.5, 'c', null]])!;
    const edited = (at: number, v: number): Uint8Array => {
      const b = good.slice();
      b[at] = v;
      return b;
    };
    const header = new Uint32Array(good.buffer, 0, 8);
    assert.ok(decodeColumns(good));
    assert.equal(decodeColumns(good.subarray(0, good.length - 1).slice()), undefined, 'truncated');
    assert.equal(decodeColumns(new Uint8Array([...good, 0])), undefined, 'longer');
    assert.equal(decodeColumns(edited(0, 0)), undefined, 'magic');
    assert.equal(decodeColumns(new Uint8Array(4)), undefined, 'no header');
    const manyEmptyRows = encodeColumns([[]])!;
    assert.equal(decodeColumns(manyEmptyRows)?.count, 1);
    new Uint32Array(manyEmptyRows.buffer, 0, 8)[1] = 2 ** 31; // rows of no cells take no bytes
    assert.equal(decodeColumns(manyEmptyRows), undefined, 'more rows than a batch holds');
    const tagsAt = 32 + header[2];
    assert.equal(decodeColumns(edited(tagsAt, 9)), undefined, 'an unknown kind');
    assert.equal(decodeColumns(edited(tagsAt + 5, 3)), undefined, 'a string cell more than the ends hold');
    assert.equal(decodeColumns(edited(tagsAt + 7, 2)), undefined, 'a number in a column without numbers');
    assert.equal(decodeColumns(edited(32, 0)), undefined, 'a column of numbers marked as none');
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.nat(255), (at, v) => {
        const batch = decodeColumns(edited(at, v));
        if (batch) batchRows(batch);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads bytes at any offset of their buffer (a view is copied to align its numbers)', () => {
    const rows: Cell[][] = [[1.5, 'x'], [-2, 'yz']];
    const bytes = encodeColumns(rows)!;
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    assert.deepStrictEqual(batchRows(decodeColumns(shifted.subarray(3))!), rows);
  });
});
