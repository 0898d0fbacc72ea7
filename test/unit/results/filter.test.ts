import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Cell } from '../../../src/results/protocol';
import { buildSearchIndex, filterRows } from '../../../src/results/filter';
import { rawText } from '../../../src/results/format';

describe('query/filter', () => {
  const rows: Cell[][] = [['Alice', 30, null], ['bob', 7, { city: 'Berlin' }], ['Carol', 300, 'x']];
  const index = buildSearchIndex(rows, (v) => rawText(v));

  it('matches substrings of any cell, case-insensitively, keeping the given order', () => {
    assert.deepEqual(Array.from(filterRows([2, 1, 0], index, 'O')), [2, 1]);
    assert.deepEqual(Array.from(filterRows([0, 1, 2], index, 'berlin')), [1]);
    assert.deepEqual(Array.from(filterRows([0, 1, 2], index, '30')), [0, 2]);
    assert.deepEqual(Array.from(filterRows([0, 1, 2], index, '')), [0, 1, 2]);
  });

  it('never matches across cell boundaries and ignores NULLs', () => {
    assert.deepEqual(Array.from(filterRows([0, 1, 2], index, 'alice30')), []);
    assert.deepEqual(Array.from(filterRows([0, 1, 2], index, 'null')), []);
  });

  it('agrees with a naive per-cell search (property)', () => {
    const cell = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'B', 'c', ' ') , maxLength: 5 }), fc.integer({ min: 0, max: 99 }), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 20 }), fc.string({ unit: fc.constantFrom('a', 'b', 'C', '1', ' '), maxLength: 3 }), (rs, q) => {
        const idx = buildSearchIndex(rs, (v) => rawText(v));
        const order = rs.map((_, i) => i);
        const expected = order.filter((i) => q === '' || rs[i].some((v) => v !== null && rawText(v).toLowerCase().includes(q.toLowerCase())));
        return JSON.stringify(Array.from(filterRows(order, idx, q))) === JSON.stringify(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('filters 100k rows × 20 columns quickly once indexed', () => {
    const big: Cell[][] = Array.from({ length: 100_000 }, (_, i) => Array.from({ length: 20 }, (_, c) => (c % 2 ? i * c : `v${i}-${c}`)));
    const idx = buildSearchIndex(big, (v) => rawText(v));
    const order = big.map((_, i) => i);
    const t0 = performance.now();
    const hits = filterRows(order, idx, 'v99999-');
    const ms = performance.now() - t0;
    assert.deepEqual(Array.from(hits), [99999]);
    assert.ok(ms < 200, `filter took ${ms.toFixed(1)} ms`);
  });
});
