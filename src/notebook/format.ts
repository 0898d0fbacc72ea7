/**
 * The `.hogqlnb` file format, pure (no `vscode`): plain JSON that diffs well in git.
 *
 * - Keys sorted at every level, 2-space indent, a final newline; one entry per cell in `cells`.
 * - A cell's source is an array of its lines (`"SELECT event",` / `"FROM events"`), so a changed
 *   line is a changed line in a diff (joined with `\n`, the split is exact for any text).
 * - Per-notebook placeholder values: `values` (`{name}`) and `variables` (`{variables.x}` by code name).
 * - An output (only when `hogql.notebook.saveOutputs` is on) records the project, the time and the
 *   row count, with the first rows up to a size cap (`rowsOmitted` counts the rest), or an error.
 * - Unknown keys (a newer version, a hand edit) are kept and written back; a broken file is refused
 *   with a message naming the place, and never rewritten (VS Code opens nothing, the file is intact).
 */
import type { Cell, Column } from '../results/protocol';
import { jsonErrorOffset } from './jsonPlace';

export const FORMAT = 'hogql-notebook';
export const VERSION = 1;

export type CellKind = 'hogql' | 'markdown';

export interface OutputProject {
  host: string;
  id: number;
  name: string;
}

/** A run's result (or error) as stored in the file and carried by the notebook output item. */
export interface StoredOutput {
  /** ISO time the run finished. */
  at: string;
  project: OutputProject;
  /** Rows of the whole result (the rows stored may be fewer). */
  rowCount: number;
  columns: Column[];
  rows: Cell[][];
  /** Rows of the result not stored (size caps). */
  rowsOmitted?: number;
  /** PostHog said more rows exist beyond `rowCount` (the query's LIMIT). */
  hasMore?: boolean;
  elapsedMs?: number;
  /** The run failed: PostHog's message (then no columns or rows). */
  error?: string;
}

export interface NotebookCellFile {
  kind: CellKind;
  source: string;
  output?: StoredOutput;
  /** Keys of the cell this version does not know, written back as they were. */
  extra?: Record<string, unknown>;
}

export interface NotebookFile {
  cells: NotebookCellFile[];
  values: Record<string, unknown>;
  variables: Record<string, unknown>;
  /** Top-level keys this version does not know, written back as they were. */
  extra?: Record<string, unknown>;
}

export interface SerializeOptions {
  saveOutputs: boolean;
  /** Largest JSON size of one stored output, in characters. */
  maxOutputBytes: number;
}

/** A file that is not a HogQL notebook this version can read; `message` says where and why. */
export class NotebookFormatError extends Error {
  override name = 'NotebookFormatError';
}

const CELL_KEYS = new Set(['kind', 'source', 'output']);
const TOP_KEYS = new Set(['cells', 'format', 'values', 'variables', 'version']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with object keys sorted at every level (arrays keep their order). */
export function stableStringify(value: unknown, indent = 2): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (!isRecord(v)) return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = sort(v[k]);
    return out;
  };
  return JSON.stringify(sort(value), null, indent);
}

/** "line 3, column 7" for a JSON.parse error, when its message has a position. */
function jsonErrorPlace(text: string, message: string): string {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return `line ${lc[1]}, column ${lc[2]}`;
  const pos = /position (\d+)/.exec(message);
  const offset = pos ? Number(pos[1]) : jsonErrorOffset(text);
  if (offset === undefined) return '';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const place = jsonErrorPlace(text, message);
    throw new NotebookFormatError(`This HogQL notebook is not valid JSON${place ? ` (${place})` : ''}: ${message}. The file was not changed; fix it in a text editor (Reopen Editor With… › Text Editor).`);
  }
}

function sourceOf(v: unknown, where: string): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((l) => typeof l === 'string')) return v.join('\n');
  throw new NotebookFormatError(`${where}.source must be a list of lines (strings) or a string.`);
}

function outputOf(v: unknown, where: string): StoredOutput | undefined {
  if (v === undefined || v === null) return undefined;
  const ok = isRecord(v) && typeof v.at === 'string' && isRecord(v.project) && (typeof v.error === 'string' || (Array.isArray(v.columns) && Array.isArray(v.rows) && v.rows.every(Array.isArray)));
  if (!ok) throw new NotebookFormatError(`${where}.output must have "at", "project" and either "columns" and "rows" (a list of lists) or "error".`);
  const out = v as unknown as StoredOutput;
  return { ...out, rowCount: typeof out.rowCount === 'number' ? out.rowCount : (out.rows?.length ?? 0), columns: out.columns ?? [], rows: out.rows ?? [] };
}

function cellOf(v: unknown, i: number): NotebookCellFile {
  const where = `cells[${i}]`;
  if (!isRecord(v)) throw new NotebookFormatError(`${where} must be an object with "kind" and "source".`);
  if (v.kind !== 'hogql' && v.kind !== 'markdown') throw new NotebookFormatError(`${where}.kind must be "hogql" or "markdown" (found ${JSON.stringify(v.kind) ?? 'nothing'}).`);
  const cell: NotebookCellFile = { kind: v.kind, source: sourceOf(v.source ?? '', where) };
  const output = outputOf(v.output, where);
  if (output) cell.output = output;
  const extra = Object.fromEntries(Object.entries(v).filter(([k]) => !CELL_KEYS.has(k)));
  if (Object.keys(extra).length) cell.extra = extra;
  return cell;
}

function recordOf(v: unknown, key: string): Record<string, unknown> {
  if (v === undefined) return {};
  if (!isRecord(v)) throw new NotebookFormatError(`"${key}" must be an object of names to values.`);
  return { ...v };
}

/** Reads a `.hogqlnb` text; an empty file is an empty notebook. Throws NotebookFormatError. */
export function parseNotebook(text: string): NotebookFile {
  if (text.trim() === '') return { cells: [], values: {}, variables: {} };
  const data = parseJson(text.replace(/^\uFEFF/, ''));
  if (!isRecord(data)) throw new NotebookFormatError('A HogQL notebook is a JSON object with a "cells" list.');
  if (data.format !== undefined && data.format !== FORMAT) throw new NotebookFormatError(`"format" is ${JSON.stringify(data.format)}, not "${FORMAT}".`);
  if (typeof data.version === 'number' && data.version > VERSION) throw new NotebookFormatError(`This notebook is format version ${data.version}; this extension reads version ${VERSION}. Update the extension.`);
  if (data.cells !== undefined && !Array.isArray(data.cells)) throw new NotebookFormatError('"cells" must be a list.');
  const nb: NotebookFile = {
    cells: ((data.cells as unknown[] | undefined) ?? []).map(cellOf),
    values: recordOf(data.values, 'values'),
    variables: recordOf(data.variables, 'variables'),
  };
  const extra = Object.fromEntries(Object.entries(data).filter(([k]) => !TOP_KEYS.has(k)));
  if (Object.keys(extra).length) nb.extra = extra;
  return nb;
}

/**
 * An output cut to at most `maxBytes` characters of JSON: rows are dropped from the end (counted in
 * `rowsOmitted`); when even the columns do not fit, none of the result is kept but its row count.
 */
export function capOutput(out: StoredOutput, maxBytes: number): StoredOutput {
  const size = (o: StoredOutput): number => JSON.stringify(o).length;
  if (size(out) <= maxBytes) return out;
  const omittedBefore = out.rowsOmitted ?? 0;
  const withRows = (n: number): StoredOutput => ({ ...out, rows: out.rows.slice(0, n), rowsOmitted: omittedBefore + out.rows.length - n });
  // Largest n whose output fits: the size grows with n, so a binary search.
  let lo = 0;
  let hi = out.rows.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (size(withRows(mid)) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  const capped = withRows(lo);
  if (size(capped) <= maxBytes) return capped;
  return { ...capped, columns: [], rows: [] };
}

function cellJson(cell: NotebookCellFile, opts: SerializeOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { ...cell.extra, kind: cell.kind, source: cell.source.split('\n') };
  if (opts.saveOutputs && cell.output) out.output = capOutput(cell.output, opts.maxOutputBytes);
  return out;
}

/** The file text: sorted keys, 2-space indent, one cell per entry, outputs only when asked. */
export function serializeNotebook(nb: NotebookFile, opts: SerializeOptions): string {
  const data = {
    ...nb.extra,
    cells: nb.cells.map((c) => cellJson(c, opts)),
    format: FORMAT,
    values: nb.values,
    variables: nb.variables,
    version: VERSION,
  };
  return `${stableStringify(data)}\n`;
}
