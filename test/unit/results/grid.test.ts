import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { navigate } from '../../../webview-ui/results/keyboard';
import { autoWidth, columnOffsets, columnRange, rowNumberWidth, rowRange, scrollToShow } from '../../../webview-ui/results/layout';
import { Selection } from '../../../webview-ui/results/selection';
import { sanitizeState } from '../../../webview-ui/results/state';

describe('results/layout: virtualisation arithmetic', () => {
  it('returns only the rows in the viewport plus overscan, clamped', () => {
    assert.deepEqual(rowRange(0, 220, 100_000, 2, 22), { start: 0, end: 12 });
    assert.deepEqual(rowRange(22 * 500, 220, 100_000, 2, 22), { start: 498, end: 512 });
    assert.deepEqual(rowRange(22 * 99_995, 220, 100_000, 2, 22), { start: 99_993, end: 100_000 });
    assert.deepEqual(rowRange(0, 220, 0), { start: 0, end: 0 });
  });

  it('covers exactly the columns that intersect the viewport (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 50 }), fc.nat(20_000), fc.integer({ min: 1, max: 3000 }), (widths, left, width) => {
        const off = columnOffsets(widths);
        const total = off[widths.length];
        const l = Math.min(left, total);
        const r = columnRange(off, l, width, 0);
        for (let c = 0; c < widths.length; c++) {
          const intersects = off[c + 1] > l && off[c] < l + width;
          if (intersects !== (c >= r.start && c < r.end) && !(l >= total && c === widths.length - 1)) return false;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('scrolls just enough to show a target', () => {
    assert.equal(scrollToShow(100, 200, 150, 22), 100);
    assert.equal(scrollToShow(100, 200, 50, 22), 50);
    assert.equal(scrollToShow(100, 200, 290, 22), 112);
    assert.equal(rowNumberWidth(100_000, 8), 68);
    assert.equal(autoWidth([10, 500]), 360);
    assert.equal(autoWidth([]), 40);
  });
});

describe('results/selection and keyboard', () => {
  it('selects ranges, rows and columns and reports bounds', () => {
    const s = new Selection(10, 5);
    s.moveTo({ row: 2, col: 1 });
    s.moveTo({ row: 4, col: 3 }, true);
    assert.deepEqual(s.bounds(), { r0: 2, r1: 4, c0: 1, c1: 3 });
    assert.ok(s.contains(3, 2) && !s.contains(5, 2) && s.isMulti());
    s.selectRows(7, false);
    s.selectRows(5, true);
    assert.deepEqual(s.bounds(), { r0: 5, r1: 7, c0: 0, c1: 4 });
    s.selectCols(4, false);
    assert.deepEqual(s.bounds(), { r0: 0, r1: 9, c0: 4, c1: 4 });
    s.selectAll();
    assert.deepEqual(s.bounds(), { r0: 0, r1: 9, c0: 0, c1: 4 });
    s.moveTo({ row: 99, col: -3 });
    assert.deepEqual([s.focus, s.isMulti()], [{ row: 9, col: 0 }, false]);
  });

  it('maps navigation keys to focus moves, clamped to the grid', () => {
    const at = { row: 5, col: 2 };
    const go = (key: string, ctrl = false, shift = false) => navigate({ key, ctrl, shift }, at, 100, 4, 10);
    assert.deepEqual(go('ArrowUp')?.to, { row: 4, col: 2 });
    assert.deepEqual(go('ArrowRight')?.to, { row: 5, col: 3 });
    assert.deepEqual(go('Home')?.to, { row: 5, col: 0 });
    assert.deepEqual(go('End')?.to, { row: 5, col: 3 });
    assert.deepEqual(go('Home', true)?.to, { row: 0, col: 0 });
    assert.deepEqual(go('End', true)?.to, { row: 99, col: 3 });
    assert.deepEqual(go('PageUp')?.to, { row: 0, col: 2 });
    assert.deepEqual(go('PageDown')?.to, { row: 15, col: 2 });
    assert.deepEqual(go('ArrowDown', true)?.to, { row: 99, col: 2 });
    assert.equal(go('ArrowLeft', false, true)?.extend, true);
    assert.equal(go('a'), undefined);
    assert.equal(navigate({ key: 'ArrowDown', ctrl: false, shift: false }, at, 0, 4, 10), undefined);
  });

  it('keeps only well-formed persisted state', () => {
    const s = sanitizeState({ tab: 'chart', chartType: 'pie', widths: { a: 120, b: -1, c: 'x' }, sort: { column: 'a', dir: 'up' }, filter: 3, scrollTop: 40 });
    assert.deepEqual(s, { tab: 'chart', chartType: 'line', widths: { a: 120 }, filter: '', scrollTop: 40, scrollLeft: 0 });
    assert.deepEqual(sanitizeState({ sort: { column: 'a', dir: 'desc' }, queryId: 'q' }).sort, { column: 'a', dir: 'desc' });
    assert.equal(sanitizeState(null).tab, 'table');
  });
});
