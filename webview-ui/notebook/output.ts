/**
 * A notebook output's data (`application/vnd.hogql.table+json`, written by src/notebook/serializer.ts)
 * as the results grid takes it. Pure (no DOM): unit-tested in plain Node.
 *
 * The data is untrusted (a hand-edited or merged file): its shape is checked, and every row is made
 * as long as the columns, so the grid never reads past a row's end.
 */
import type { Cell, Column, ResultPayload } from '../../src/results/protocol';
import { HEADER_HEIGHT, ROW_HEIGHT } from '../results/layout';

export interface TableData {
  at: string;
  project: { name: string; id: number };
  rowCount: number;
  columns: Column[];
  rows: Cell[][];
  hasMore: boolean;
  /** Rows of the result not kept in the notebook (its size caps). */
  rowsOmitted: number;
  elapsedMs?: number;
  error?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fitRow(row: unknown[], width: number): Cell[] {
  const out = row.slice(0, width) as Cell[];
  while (out.length < width) out.push(null);
  return out;
}

/** The output's data, or undefined when it is not a HogQL result at all. */
export function parseOutput(v: unknown): TableData | undefined {
  if (!isRecord(v) || !isRecord(v.project)) return undefined;
  const columns = Array.isArray(v.columns) ? v.columns.filter((c): c is Column => isRecord(c) && typeof c.name === 'string' && typeof c.type === 'string') : [];
  const rows = Array.isArray(v.rows) ? v.rows.filter((r): r is unknown[] => Array.isArray(r)).map((r) => fitRow(r, columns.length)) : [];
  const count = (n: unknown, fallback: number): number => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback);
  return {
    at: typeof v.at === 'string' ? v.at : '',
    project: { name: typeof v.project.name === 'string' ? v.project.name : '', id: Number(v.project.id) },
    rowCount: count(v.rowCount, rows.length),
    columns,
    rows,
    hasMore: v.hasMore === true,
    rowsOmitted: count(v.rowsOmitted, 0),
    ...(typeof v.elapsedMs === 'number' ? { elapsedMs: v.elapsedMs } : {}),
    ...(typeof v.error === 'string' ? { error: v.error } : {}),
  };
}

/** The line above the grid: project · rows · when · how long. */
export function summary(t: TableData, when: (iso: string) => string = (iso) => new Date(iso).toLocaleString()): string {
  const rows = `${t.rowCount.toLocaleString('en-US')}${t.hasMore ? '+' : ''} row${t.rowCount === 1 ? '' : 's'}`;
  const took = t.elapsedMs !== undefined ? `${(t.elapsedMs / 1000).toFixed(2)} s` : '';
  return [t.project.name || `project ${t.project.id}`, t.error === undefined ? rows : 'error', t.at ? when(t.at) : '', took].filter(Boolean).join(' · ');
}

/** Says how many rows of the result the notebook did not keep ('' when it kept them all). */
export function omittedNote(t: TableData): string {
  const n = Math.max(t.rowsOmitted, t.rowCount - t.rows.length);
  if (n <= 0) return '';
  return `${n.toLocaleString('en-US')} more row${n === 1 ? ' was' : 's were'} not kept in the notebook: run the cell again to see ${n === 1 ? 'it' : 'them'}.`;
}

/** The stored output as the grid's result (`id`: the output item's, which keys its view state). */
export function toPayload(t: TableData, id: string): ResultPayload {
  return { queryId: id, columns: t.columns, rows: t.rows, hasMore: t.hasMore, elapsedMs: t.elapsedMs ?? 0 };
}

/** The output's fixed height cap: past it the grid scrolls inside the output. */
export const MAX_OUTPUT_HEIGHT = 420;
/** Room for the toolbar, the status line and a horizontal scrollbar above and below the rows. */
const CHROME_HEIGHT = 96;
/** Low enough for a one-row result, high enough for the chart tab to be readable. */
export const MIN_OUTPUT_HEIGHT = 200;

/** The height of an output with `rows` rows: its rows when few, else the cap. */
export function outputHeight(rows: number): number {
  return Math.max(MIN_OUTPUT_HEIGHT, Math.min(MAX_OUTPUT_HEIGHT, CHROME_HEIGHT + HEADER_HEIGHT + rows * ROW_HEIGHT));
}
