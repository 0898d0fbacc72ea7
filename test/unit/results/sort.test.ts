import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Cell } from '../../../src/results/protocol';
import { compareDecimalText, sortedIndices } from '../../../src/results/sort';
import { classifyType } from '../../../src/results/types';

const col = (values: Cell[]): Cell[][] => values.map((v) => [v]);
const sortValues = (values: Cell[], type: string, dir: 'asc' | 'desc' = 'asc'): Cell[] =>
  Array.from(sortedIndices(col(values), 0, classifyType(type), dir), (i) => values[i]);

describe('query/sort', () => {
  it('compares decimal texts exactly (property, against BigInt)', () => {
    const big = fc.bigInt({ min: -(2n ** 130n), max: 2n ** 130n });
    fc.assert(
      fc.property(big, big, fc.nat(6), (a, b, scale) => {
        const text = (n: bigint): string => {
          if (scale === 0) return n.toString();
          const s = (n < 0n ? -n : n).toString().padStart(scale + 1, '0');
          return `${n < 0n ? '-' : ''}${s.slice(0, -scale)}.${s.slice(-scale)}`;
        };
        const expected = a === b ? 0 : a < b ? -1 : 1;
        return compareDecimalText(text(a), text(b)) === expected;
      }),
      { numRuns: 500 },
    );
    assert.equal(compareDecimalText('1.50', '1.5'), 0);
    assert.equal(compareDecimalText('-0', '0.000'), 0);
    assert.equal(compareDecimalText('1e3', '2'), undefined);
  });

  it('sorts numbers numerically, not as text', () => {
    assert.deepEqual(sortValues([10, 9, 100, -1, 2.5], 'Float64'), [-1, 2.5, 9, 10, 100]);
    assert.deepEqual(sortValues(['10', '9', '100'], 'UInt64'), ['9', '10', '100']);
  });

  it('orders 64-bit integers beyond 2^53 exactly, mixed with plain numbers', () => {
    // All four round to the same double 9007199254740992.
    const values: Cell[] = ['9007199254740993', 9007199254740992, '9007199254740995', '9007199254740994'];
    assert.deepEqual(sortValues(values, 'UInt64'), [9007199254740992, '9007199254740993', '9007199254740994', '9007199254740995']);
    assert.deepEqual(sortValues(values, 'UInt64', 'desc'), ['9007199254740995', '9007199254740994', '9007199254740993', 9007199254740992]);
    assert.deepEqual(sortValues(['-18446744073709551615', '18446744073709551615', '0'], 'Int128'), ['-18446744073709551615', '0', '18446744073709551615']);
  });

  it('keeps NULLs last in both directions, unparsable values just before them', () => {
    assert.deepEqual(sortValues([3, null, 'nan', 1], 'Nullable(Float64)'), [1, 3, 'nan', null]);
    assert.deepEqual(sortValues([3, null, 'nan', 1], 'Nullable(Float64)', 'desc'), [3, 1, 'nan', null]);
    assert.deepEqual(sortValues([null, 'b', 'a'], 'Nullable(String)', 'desc'), ['b', 'a', null]);
  });

  it('sorts date-times by instant across offsets and to the microsecond', () => {
    const values: Cell[] = ['2026-01-01T10:00:00.000002Z', '2026-01-01T05:00:00.000001-05:00', '2026-01-01T09:59:59.999999Z'];
    assert.deepEqual(sortValues(values, "DateTime64(6, 'UTC')"), [values[2], values[1], values[0]]);
    assert.deepEqual(sortValues(['2026-02-01', '2025-12-31', '2026-01-15'], 'Date'), ['2025-12-31', '2026-01-15', '2026-02-01']);
  });

  it('sorts strings case-insensitively with a stable, case-sensitive tiebreak; booleans false first', () => {
    assert.deepEqual(sortValues(['b', 'B', 'a', 'C'], 'String'), ['a', 'B', 'b', 'C']);
    assert.deepEqual(sortValues([true, false, true], 'Bool'), [false, true, true]);
  });

  it('is stable: equal keys keep their original order in both directions', () => {
    const rows: Cell[][] = [[1, 'a'], [0, 'b'], [1, 'c'], [0, 'd']];
    const asc = Array.from(sortedIndices(rows, 0, classifyType('UInt8'), 'asc'), (i) => rows[i][1]);
    const desc = Array.from(sortedIndices(rows, 0, classifyType('UInt8'), 'desc'), (i) => rows[i][1]);
    assert.deepEqual([asc, desc], [['b', 'd', 'a', 'c'], ['a', 'c', 'b', 'd']]);
  });

  it('produces a permutation ordered like BigInt for random exact integers (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n }), fc.constant(null)), { maxLength: 60 }), (xs) => {
        const cells: Cell[] = xs.map((x) => (x === null ? null : x >= -(2n ** 53n) && x <= 2n ** 53n && x % 2n === 0n ? Number(x) : x.toString()));
        const sorted = sortValues(cells, 'Nullable(Int128)');
        const nonNull = sorted.filter((v) => v !== null).map((v) => BigInt(v as string | number));
        for (let i = 1; i < nonNull.length; i++) if (nonNull[i - 1] > nonNull[i]) return false;
        return sorted.slice(nonNull.length).every((v) => v === null) && sorted.length === cells.length;
      }),
      { numRuns: 300 },
    );
  });
});
