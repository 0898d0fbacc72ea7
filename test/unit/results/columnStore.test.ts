// The grid's rows stored by column (webview-ui/results/columnStore.ts, issue #21's scroll row):
// whatever rows come, in whatever batches, the store gives back exactly the cells the row arrays
// held (numbers bit for bit, -0 and NaN too; 64-bit integers as their exact strings; NULL vs a
// missing cell; nested JSON), and sort, filter and the model read them as they read the arrays.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Cell, ResultPayload } from '../../../src/results/protocol';
import { generateResult } from '../../../src/results/devResults';
import { buildSearchIndex } from '../../../src/results/filter';
import { rawText } from '../../../src/results/format';
import { sortedIndices } from '../../../src/results/sort';
import { classifyType } from '../../../src/results/types';
import { ColumnStore } from '../../../webview-ui/results/columnStore';
import { GridModel } from '../../../webview-ui/results/model';
import { chartData } from '../../../webview-ui/results/chartData';

const text = fc.oneof(
  fc.constantFrom('', 'a', '$pageview', 'US', 'Chrome', '18446744073709551615', '-9223372036854775808', '2026-12-06T10:00:00.000000Z', 'NULL'),
  fc.string({ maxLength: 14 }),
  fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String),
);
const scalar = fc.oneof(text, fc.double(), fc.integer(), fc.constantFrom(0, -0, 2 ** 53 + 2, true, false, null));
const { cell } = fc.letrec<{ cell: Cell }>((tie) => ({
  cell: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('cell'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('cell'), { maxKeys: 3, noNullPrototype: true })),
}));
/** Rows of up to `width` cells (some shorter: a store column they lack reads as missing), in batches. */
const batches = (rowCount: number) =>
  fc.integer({ min: 1, max: 5 }).chain((width) =>
    fc.array(fc.array(fc.array(cell, { minLength: width - 1, maxLength: width }), { maxLength: rowCount }), { minLength: 1, maxLength: 4 }),
  );

/** What a copy of the rows as they came looks like (the store must not share or change them). */
const copyOf = (rows: Cell[][]): Cell[][] => rows.map((r) => r.map((v) => structuredClone(v)));

function check(parts: Cell[][][]): void {
  const expected = copyOf(parts.flat());
  const store = new ColumnStore();
  for (const p of parts) store.append(p);
  assert.equal(store.length, expected.length);
  const width = Math.max(0, ...expected.map((r) => r.length));
  assert.equal(store.width, width);
  for (let i = 0; i < expected.length; i++) {
    for (let c = 0; c <= width; c++) assert.deepStrictEqual(store.cell(i, c), expected[i][c], `cell ${i},${c}`);
    assert.deepStrictEqual(store.row(i, 1, 3), expected[i].slice(1, 3));
  }
  assert.deepStrictEqual(store.rows(), expected);
  const back = expected.map((_, i) => expected.length - 1 - i);
  assert.deepStrictEqual(store.rows(back), back.map((i) => expected[i]));
  for (const type of ['String', 'Int64', 'DateTime64(6)', 'Bool']) {
    for (let c = 0; c < width; c++) {
      assert.deepStrictEqual(sortedIndices(store, c, classifyType(type), 'desc'), sortedIndices(expected, c, classifyType(type), 'desc'), `${type} sort of column ${c}`);
    }
  }
  assert.deepStrictEqual(buildSearchIndex(store, (v) => rawText(v)), buildSearchIndex(expected, (v) => rawText(v)));
}

describe('results/columnStore: rows stored by column', function () {
  // property runs over a few thousand rows each: seconds on the shared machine at load
  this.timeout(30_000);

  it('gives back exactly the cells of the rows appended, in any batches (property)', () => {
    fc.assert(fc.property(batches(12), check), { numRuns: 200 });
  });

  it('does the same past its dictionary limit: a column of mostly distinct strings, and one of a few (property)', () => {
    const many = fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('DE', 'US', null), fc.double()), { minLength: 300, maxLength: 700 });
    fc.assert(fc.property(many, fc.integer({ min: 1, max: 400 }), (rows, cut) => check([rows.slice(0, cut), rows.slice(cut)])), { numRuns: 30 });
  });

  it('judges a dictionary by its column’s strings, not its rows: distinct strings that begin late keep no dictionary', () => {
    // like the stream bench's 64-bit column: safe integers (numbers) first, then exact strings
    const store = new ColumnStore();
    const rows: Cell[][] = Array.from({ length: 15_000 }, (_, i) => [i < 9_000 ? i : `9007199254740${i}`]);
    for (let i = 0; i < rows.length; i += 5_000) store.append(rows.slice(i, i + 5_000));
    const column = (store as unknown as { cols: { ids?: Map<string, number> }[] }).cols[0];
    assert.ok(column.ids === undefined || column.ids.size <= 512, `a dictionary of ${column.ids?.size} distinct strings`);
    assert.deepStrictEqual(store.rows(), rows);
  });

  it('holds the generated result (every column kind) appended in batches of 5,000, past each growth of its arrays', () => {
    const { rows } = generateResult({ rows: 12_345, cols: 20, seed: 7 });
    const store = new ColumnStore();
    for (let i = 0; i < rows.length; i += 5_000) store.append(rows.slice(i, i + 5_000));
    assert.deepStrictEqual(store.rows(), copyOf(rows));
  });

  it('the model reads, sorts and charts the stored rows as the rows came (property)', () => {
    fc.assert(
      fc.property(batches(10), fc.nat(4), fc.constantFrom('asc', 'desc') as fc.Arbitrary<'asc' | 'desc'>, (parts, col, dir) => {
        const rows = copyOf(parts.flat());
        const width = Math.max(1, ...rows.map((r) => r.length));
        const columns = Array.from({ length: width }, (_, i) => ({ name: `c${i}`, type: i % 2 ? 'Nullable(Float64)' : 'String' }));
        const payload: ResultPayload = { queryId: 'q', columns, rows: parts[0], hasMore: false, elapsedMs: 0 };
        const model = new GridModel();
        model.setResult(payload);
        for (const p of parts.slice(1)) model.appendRows(p);
        const c = col % width;
        model.setSort({ col: c, dir });
        const order = Array.from(sortedIndices(rows, c, classifyType(columns[c].type), dir));
        assert.deepEqual(Array.from(model.view), order);
        for (let v = 0; v < model.rowCount; v++) for (let k = 0; k < width; k++) assert.deepStrictEqual(model.value(v, k), rows[order[v]][k] ?? null);
        const shown = order.map((i) => rows[i]);
        assert.deepStrictEqual(chartData(model.columns, model.rows.view(model.view)), chartData(model.columns, shown), 'the chart of the view');
      }),
      { numRuns: 150 },
    );
  });
});
