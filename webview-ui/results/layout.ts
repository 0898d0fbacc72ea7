// Virtualisation arithmetic: which rows and columns intersect the viewport. Pure (no DOM), so it
// is unit-tested in Node.

export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 40;
export const MIN_COL_WIDTH = 40;
export const MAX_AUTO_COL_WIDTH = 360;

export interface Range {
  /** First index in range (inclusive). */
  start: number;
  /** One past the last index. */
  end: number;
}

/** Rows intersecting a viewport of `height` px scrolled to `scrollTop`, plus `overscan` each side. */
export function rowRange(scrollTop: number, height: number, count: number, overscan = 6, rowHeight = ROW_HEIGHT): Range {
  if (count <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, height)) / rowHeight);
  return { start: Math.max(0, Math.min(count, first - overscan)), end: Math.min(count, last + overscan) };
}

/** Left offsets of columns (`offsets[i]` = left of column i; `offsets[n]` = total width). */
export function columnOffsets(widths: readonly number[]): Float64Array {
  const out = new Float64Array(widths.length + 1);
  for (let i = 0; i < widths.length; i++) out[i + 1] = out[i] + widths[i];
  return out;
}

/** First column whose right edge is beyond `x` (binary search over offsets). */
function columnAt(offsets: Float64Array, x: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Columns intersecting `[scrollLeft, scrollLeft + width)` of the data area, plus `overscan`. */
export function columnRange(offsets: Float64Array, scrollLeft: number, width: number, overscan = 1): Range {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  const first = columnAt(offsets, Math.max(0, scrollLeft));
  const last = columnAt(offsets, Math.max(0, scrollLeft + width - 1));
  return { start: Math.max(0, first - overscan), end: Math.min(n, last + 1 + overscan) };
}

/** Scroll position that brings `[start, start + size)` into a viewport `[pos, pos + view)`. */
export function scrollToShow(pos: number, view: number, start: number, size: number): number {
  if (start < pos) return start;
  if (start + size > pos + view) return Math.max(0, start + size - view);
  return pos;
}

/** Width of the row-number column for `count` rows, given one digit's width. */
export function rowNumberWidth(count: number, digitWidth: number): number {
  return Math.ceil(String(Math.max(1, count)).length * digitWidth + 20);
}

/** An automatic column width from the widest sampled text, clamped. */
export function autoWidth(textWidths: readonly number[], padding = 20): number {
  let max = 0;
  for (const w of textWidths) if (w > max) max = w;
  return Math.round(Math.min(MAX_AUTO_COL_WIDTH, Math.max(MIN_COL_WIDTH, max + padding)));
}
