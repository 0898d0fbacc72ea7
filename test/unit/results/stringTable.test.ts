// Issue #21's scroll row: the worst frames of a scroll through a big result were V8's major GC,
// whose pause (mark-compact finalisation) walks the isolate's whole string table. JSON.parse
// internalizes every string value of up to 10 characters, so a 100k × 20 result put ~600k of its
// cells in that table: a 28 ms CPU pause (12 ms with those strings kept out; measured in the
// webview, scripts/bench/webview-grid.mjs). The grid's model keeps the result's strings as strings
// of its own, equal in value, that are in no table.
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { GridModel } from '../../../webview-ui/results/model';
import type { Cell, ResultPayload } from '../../../src/results/protocol';

setFlagsFromString('--allow-natives-syntax');
// compiled after the flag is set, so the natives syntax parses
const isInternalized = new Function('s', 'return %IsInternalizedString(s)') as (s: string) => boolean;

/** Rows as the webview gets them: JSON text parsed (src/results/protocol.ts wireRows). */
const parsed = (rows: Cell[][]): Cell[][] => JSON.parse(JSON.stringify(rows)) as Cell[][];

const payload = (rows: Cell[][]): ResultPayload => ({
  queryId: 'q',
  columns: [
    { name: 'event', type: 'String' },
    { name: 'price', type: 'Decimal(18, 4)' },
    { name: 'n', type: 'UInt64' },
    { name: 'when', type: "DateTime64(6, 'UTC')" },
  ],
  rows,
  hasMore: false,
  elapsedMs: 0,
});

const shortStrings = (rows: Cell[][]) => rows.flatMap((r) => r.filter((v): v is string => typeof v === 'string' && v.length > 1 && v.length <= 10));

describe('results model: cells kept out of the string table', () => {
  const data: Cell[][] = [
    ['$pageview', '123.4567', 5, '2026-12-06T10:00:00.000000Z'],
    ['signup', '0.5000', 9_007_199_254_740_993n.toString(), null],
  ];

  it('holds the short strings of a parsed result as strings of its own, equal in value', () => {
    const rows = parsed(data);
    assert.ok(shortStrings(rows).every(isInternalized), 'JSON.parse internalizes short string values (this V8)');
    const model = new GridModel();
    model.setResult(payload(rows));
    const kept = shortStrings(model.rows.rows());
    assert.equal(kept.length, 4);
    assert.deepEqual(kept.filter(isInternalized), [], 'no short string cell in the string table');
    assert.deepEqual(model.rows.rows(), data, 'the same values');
    assert.equal(model.cellView(0, 0).text, '$pageview');
  });

  it('does the same for appended rows', () => {
    const model = new GridModel();
    model.setResult(payload(parsed(data.slice(0, 1))));
    model.appendRows(parsed(data.slice(1)));
    assert.deepEqual(shortStrings(model.rows.rows()).filter(isInternalized), []);
    assert.deepEqual(model.rows.rows(), data);
  });

  it("does the same for the values inside a cell's arrays and objects (a Map's, an Array's)", () => {
    const nested: Cell[][] = [
      [{ $browser: 'Chrome', n: '12345', deep: { tags: ['t1', 'tag two'] } }, ['a', 'purchase', 7]],
      [{ $browser: 'Firefox', n: '12346', deep: { tags: [] } }, []],
    ];
    const rows = parsed(nested);
    const inner = (rs: Cell[][]): string[] => {
      const out: string[] = [];
      const walk = (v: Cell): void => {
        if (typeof v === 'string') {
          if (v.length > 1 && v.length <= 10) out.push(v);
        } else if (Array.isArray(v)) v.forEach(walk);
        else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
      };
      rs.forEach((r) => r.forEach(walk));
      return out;
    };
    assert.equal(inner(rows).length, 7);
    assert.ok(inner(rows).every(isInternalized), 'JSON.parse internalizes them too (this V8)');
    const model = new GridModel();
    model.setResult(payload(rows));
    assert.deepEqual(inner(model.rows.rows()).filter(isInternalized), [], 'no nested short string in the string table');
    assert.deepEqual(model.rows.rows(), nested, 'the same values');
  });

  it('keeps a cell nested deeper than it descends as it is, without overflowing the stack', () => {
    const levels = 100_000;
    const rows = JSON.parse(`[[${'['.repeat(levels)}"bottom"${']'.repeat(levels)}, "x1"]]`) as Cell[][];
    const model = new GridModel();
    model.setResult(payload(rows));
    let v: Cell = model.rows.cell(0, 0)!;
    for (let i = 0; i < levels; i++) v = (v as Cell[])[0];
    assert.equal(v, 'bottom');
    assert.equal(model.rows.cell(0, 1)!, 'x1');
    assert.ok(!isInternalized(model.rows.cell(0, 1)! as string));
  });
});
