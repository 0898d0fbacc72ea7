// Pin-and-diff marks for the grid (issue #17): which rows of the result are new or changed since
// the pinned result, and the pinned values of changed cells. No DOM (the model and unit tests use it).
import { diffResults, type ResultDiff } from '../../src/results/diff';
import type { Cell, Column, ResultInfo } from '../../src/results/protocol';
import type { ColumnStore } from './columnStore';
import type { Pin } from '../../src/results/snapshot';

/** What the grid marks: per row of the result, added or changed, and the changed cells' pinned values. */
export interface DiffMarks {
  added: Set<number>;
  /** Row → (column → the pinned cell it differs from). */
  changed: Map<number, Map<number, Cell>>;
}

/** The marks of `d` for the grid (rows index the new result, whose columns are `columns`). */
export function marksOf(d: ResultDiff, pin: Pin, columns: readonly Column[]): DiffMarks {
  const pinCol = columns.map((c) => pin.columns.findIndex((p) => p.name === c.name));
  const changed = new Map<number, Map<number, Cell>>();
  for (const [row, cols] of d.changed) {
    const old = pin.rows[d.partner.get(row) ?? -1] ?? [];
    changed.set(row, new Map(cols.map((c) => [c, old[pinCol[c]] ?? null])));
  }
  return { added: new Set(d.added), changed };
}

/** The diff of `result` against `pin`, unless it is the pinned run itself. */
export function diffWithPin(result: ResultInfo | undefined, rows: ColumnStore, pin: Pin | undefined): ResultDiff | undefined {
  if (!result || !pin || result.queryId === pin.queryId) return undefined;
  return diffResults(pin, { columns: result.columns, rows: rows.rows() }, pin.keys);
}

