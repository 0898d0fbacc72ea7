/**
 * Substring filtering across all cells of a result. Pure; no vscode, no DOM.
 *
 * The search text of each row (every cell's display text, lower-cased, separated by a character no
 * query contains) is built once, lazily, on the first filter; each keystroke is then one
 * `indexOf` per row.
 */
import type { Cell } from './protocol';
import { asTable, type CellTable } from './table';

const SEP = '\u0000';

/** Lower-cased search text of every row; `text(value, col)` gives a cell's searchable text. */
export function buildSearchIndex(cells: readonly (readonly Cell[])[] | CellTable, text: (value: Cell, col: number) => string, from = 0): string[] {
  const rows = asTable(cells);
  const out = new Array<string>(rows.length - from);
  for (let i = from; i < rows.length; i++) {
    let s = '';
    for (let c = 0; c < rows.width; c++) {
      const v = rows.cell(i, c);
      s += (v === null || v === undefined ? '' : text(v, c)) + SEP;
    }
    out[i - from] = s.toLowerCase();
  }
  return out;
}

/** The entries of `order` (row indices) whose search text contains `needle` (case-insensitive). */
export function filterRows(order: ArrayLike<number>, index: readonly string[], needle: string): Uint32Array {
  const q = needle.toLowerCase().replace(/\u0000/g, '');
  if (!q) return Uint32Array.from(order);
  const out = new Uint32Array(order.length);
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    const r = order[i];
    if (index[r].includes(q)) out[n++] = r;
  }
  return out.slice(0, n);
}
