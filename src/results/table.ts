/**
 * A result's rows read cell by cell: what sort and filter walk, whether the rows are an array of
 * row arrays (the host's `ResultPayload.rows`) or the webview's column store
 * (webview-ui/results/columnStore.ts). Pure; no vscode, no DOM.
 */
import type { Cell } from './protocol';

export interface CellTable {
  /** Rows. */
  readonly length: number;
  /** Columns: one past the last index any row has a cell at. */
  readonly width: number;
  /** The cell, `undefined` past the end of a shorter row. */
  cell(row: number, col: number): Cell | undefined;
}

/** `rows` as a `CellTable` (no copy). */
export function arrayTable(rows: readonly (readonly Cell[])[]): CellTable {
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  return { length: rows.length, width, cell: (row, col) => rows[row][col] };
}

/** `rows` as a `CellTable`: itself when it is one. */
export function asTable(rows: readonly (readonly Cell[])[] | CellTable): CellTable {
  return Array.isArray(rows) ? arrayTable(rows) : (rows as CellTable);
}
