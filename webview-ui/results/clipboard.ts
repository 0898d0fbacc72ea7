// What a copy takes from the grid: the selected block (or every shown row) as TSV, JSON or
// Markdown. Values are copied raw (exact numbers, ISO date-times), not as displayed.
import type { Cell } from '../../src/results/protocol';
import { toJson, toMarkdown, toTsv, type Block } from '../../src/results/copy';
import type { GridModel } from './model';
import type { Selection } from './selection';
import type { CopyFormat } from './toolbar';

/** The selected cells as a block; whole rows/columns include the header in TSV. */
export function selectionBlock(model: GridModel, s: Selection): { block: Block; header: boolean } {
  const b = s.bounds();
  const columns = model.columns.slice(b.c0, b.c1 + 1);
  const rows: Cell[][] = [];
  for (let r = b.r0; r <= b.r1 && r < model.rowCount; r++) rows.push(model.rows.row(model.rowAt(r), b.c0, b.c1 + 1));
  return { block: { columns, rows }, header: s.mode !== 'cells' };
}

/** Every shown row (after filter and sort), every column. */
export function viewBlock(model: GridModel): Block {
  return { columns: model.columns, rows: model.rows.rows(model.view) };
}

export function formatBlock(block: Block, format: CopyFormat, header: boolean): string {
  if (format === 'json') return toJson(block);
  if (format === 'markdown') return toMarkdown(block);
  return toTsv(block, header);
}
