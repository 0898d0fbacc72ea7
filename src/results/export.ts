/**
 * Streaming export of a whole result to CSV (RFC 4180) or JSON. Pure; no vscode, no DOM.
 *
 * Both are async generators of string chunks that yield to the event loop between chunks, so the
 * host can write 100k rows to a file without freezing the extension host:
 *
 *   const out = createWriteStream(file);
 *   for await (const chunk of csvChunks(result.columns, result.rows)) out.write(chunk);
 */
import type { Cell, Column } from './protocol';
import { jsonRow, uniqueKeys } from './copy';
import { rawText } from './format';
import { classifyType, isNumericKind } from './types';

export interface ChunkOptions {
  /** Rows per chunk (default 2000). */
  chunkRows?: number;
  /** Called between chunks; defaults to a macrotask turn (`setImmediate`/`setTimeout`). */
  yieldToLoop?: () => Promise<void>;
}

/** Node's `setImmediate` when there is one (looked up on `globalThis`: this module is also typed for the browser). */
const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;

const defaultYield = (): Promise<void> => new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));

/**
 * One CSV field per RFC 4180: quoted when it holds a quote, comma, CR or LF, or has leading or
 * trailing spaces; quotes doubled. NULL is an empty unquoted field, an empty string is `""`, so the
 * two stay distinct. Nested values are written as their JSON text.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const s = rawText(value);
  if (s === '' || NEEDS_QUOTES.test(s) || EDGE_SPACE.test(s)) return `"${s.replace(QUOTE, '""')}"`;
  return s;
}

// Module constants: a regex literal in a function body is a new RegExp object on every call,
// which for millions of cells (a full export) is garbage enough to grow the heap.
const NEEDS_QUOTES = /[",\r\n]/;
const EDGE_SPACE = /^\s|\s$/;
const QUOTE = /"/g;

/** One CSV record, CRLF-terminated. */
export function csvRecord(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** CSV of the result: a header record of column names, then one record per row. */
export async function* csvChunks(columns: readonly Column[], rows: readonly (readonly Cell[])[], options: ChunkOptions = {}): AsyncGenerator<string> {
  const size = Math.max(1, options.chunkRows ?? 2000);
  const pause = options.yieldToLoop ?? defaultYield;
  yield csvRecord(columns.map((c) => c.name));
  for (let start = 0; start < rows.length; start += size) {
    await pause();
    let chunk = '';
    const end = Math.min(rows.length, start + size);
    for (let i = start; i < end; i++) chunk += csvRecord(columns.map((_, c) => rows[i][c] ?? null));
    yield chunk;
  }
}

/**
 * JSON of the result: an array of objects keyed by column name (duplicates get `_2`…), one row per
 * line; exact-integer strings of numeric columns are written as exact JSON numbers.
 */
export async function* jsonChunks(columns: readonly Column[], rows: readonly (readonly Cell[])[], options: ChunkOptions = {}): AsyncGenerator<string> {
  const size = Math.max(1, options.chunkRows ?? 2000);
  const pause = options.yieldToLoop ?? defaultYield;
  const keys = uniqueKeys(columns);
  const numeric = columns.map((c) => isNumericKind(classifyType(c.type).kind));
  if (rows.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  for (let start = 0; start < rows.length; start += size) {
    await pause();
    const end = Math.min(rows.length, start + size);
    const lines: string[] = [];
    for (let i = start; i < end; i++) lines.push(`  ${jsonRow(rows[i], keys, numeric)}${i < rows.length - 1 ? ',' : ''}\n`);
    yield lines.join('');
  }
  yield ']\n';
}

/** Collects every chunk into one string (tests, small results). */
export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}
