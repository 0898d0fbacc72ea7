/**
 * A batch of rows in a columnar wire form (issue #21's "all rows"): one byte buffer the panel reads
 * without `JSON.parse` and without making row objects, straight into its column store
 * (webview-ui/results/columnStore.ts). Each column is a kind per row (`tags`, the store's own
 * codes), its numbers in a Float64Array (only columns holding any), and the batch's strings as one
 * UTF-8 text with the UTF-16 end of each string cell; nested cells (arrays, objects) go as one JSON
 * text. The cells read back are exactly those `JSON.parse(JSON.stringify(rows))` gives (the form
 * `toWire` sends): -0 → 0, a non-finite number → null, a missing cell (a shorter row) stays missing.
 * Pure: the host encodes (src/webview/), the panel decodes (webview-ui/), both in plain Node too.
 *
 * Layout (little-endian: the platform's, checked by the magic; sections 8-byte aligned):
 * u32 × 8 header: magic, count, width, numeric columns, string cells, text bytes, nested bytes, 0;
 * u8 × width: 1 when the column has numbers; u8 × count × width: tags, column after column;
 * f64 × count per numeric column; u32 × string cells: ends; u8 × text bytes; u8 × nested bytes.
 */
import type { Cell } from './cell';

/** A cell's kind (the column store's too). Importers copy them into constants of their own (`const { NUM } = KINDS`): hot loops then read no module binding. */
export const KINDS = { MISSING: 0, NULL: 1, NUM: 2, STR: 3, FALSE: 4, TRUE: 5, NESTED: 6 } as const;
const { MISSING, NULL, NUM, STR, FALSE, TRUE, NESTED } = KINDS;

const MAGIC = 0x48514331; // "HQC1"
const HEADER = 8;
/** The most rows one batch may say it holds (the host sends 5,000): a header cannot make the panel reserve more. */
const MAX_ROWS = 1_000_000;

/** A decoded batch: the column store appends it column by column. */
export interface ColumnBatch {
  readonly count: number;
  readonly width: number;
  /** Column `c`'s kinds are `tags.subarray(c * count, (c + 1) * count)`. */
  readonly tags: Uint8Array;
  /** Column `c`'s numbers (by row, 0 where not a number), or undefined when it holds none. */
  readonly nums: (Float64Array | undefined)[];
  /** Every string cell, column after column, in `text`: cell k is `text.slice(ends[k - 1] ?? 0, ends[k])`. */
  readonly text: string;
  readonly ends: Uint32Array;
  /** Every nested cell, column after column. */
  readonly nested: Cell[];
}

const align8 = (n: number): number => (n + 7) & ~7;

/** A batch's columns before they are packed: kinds column after column, each column's numbers, its strings and nested cells in column order. */
export interface Columns {
  count: number;
  width: number;
  tags: Uint8Array;
  nums: (Float64Array | undefined)[];
  strings: string[];
  nested: Cell[];
}

/** `rows` → the columnar bytes; `undefined` when a string is not well-formed UTF-16 (a lone surrogate: UTF-8 would change it). */
export function encodeColumns(rows: readonly (readonly Cell[])[]): Uint8Array | undefined {
  const count = rows.length;
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  const cols: Columns = { count, width, tags: new Uint8Array(count * width), nums: [], strings: [], nested: [] };
  const { tags, strings, nested } = cols;
  for (let c = 0; c < width; c++) {
    let nums: Float64Array | undefined;
    const base = c * count;
    for (let i = 0; i < count; i++) {
      const v = rows[i][c];
      let tag: number;
      if (typeof v === 'number') {
        if (Number.isFinite(v)) {
          nums ??= new Float64Array(count);
          nums[i] = v === 0 ? 0 : v; // -0 → 0, as JSON.stringify
          tag = NUM;
        } else tag = NULL;
      } else if (typeof v === 'string') {
        strings.push(v);
        tag = STR;
      } else if (v === null) tag = NULL;
      else if (v === undefined) tag = MISSING;
      else if (v === true) tag = TRUE;
      else if (v === false) tag = FALSE;
      else {
        nested.push(v);
        tag = NESTED;
      }
      tags[base + i] = tag;
    }
    cols.nums.push(nums);
  }
  return packColumns(cols);
}

/** The columns → their bytes (the layout above); `undefined` when a string is not well-formed UTF-16. */
export function packColumns(cols: Columns): Uint8Array | undefined {
  const { count, width, strings } = cols;
  const joined = strings.join('');
  if (/[\uD800-\uDFFF]/.test(joined) && !wellFormed(joined)) return undefined;
  const text = new TextEncoder().encode(joined);
  const nestedText = cols.nested.length ? new TextEncoder().encode(JSON.stringify(cols.nested)) : new Uint8Array(0);
  const numCols = cols.nums.filter((n) => n !== undefined);
  const at = offsets(count, width, numCols.length, strings.length, text.length);
  const out = new Uint8Array(at.nested + nestedText.length);
  new Uint32Array(out.buffer, 0, HEADER).set([MAGIC, count, width, numCols.length, strings.length, text.length, nestedText.length, 0]);
  for (let c = 0; c < width; c++) out[at.hasNums + c] = cols.nums[c] ? 1 : 0;
  out.set(cols.tags, at.tags);
  const f64 = new Float64Array(out.buffer, at.nums, numCols.length * count);
  numCols.forEach((n, k) => f64.set(n, k * count));
  const ends = new Uint32Array(out.buffer, at.ends, strings.length);
  for (let k = 0, end = 0; k < strings.length; k++) ends[k] = end += strings[k].length;
  out.set(text, at.text);
  out.set(nestedText, at.nested);
  return out;
}

/** Where each section starts. */
function offsets(count: number, width: number, numCols: number, strCells: number, textBytes: number) {
  const hasNums = HEADER * 4;
  const tags = hasNums + width;
  const nums = align8(tags + count * width);
  const ends = nums + numCols * count * 8;
  const text = ends + strCells * 4;
  return { hasNums, tags, nums, ends, text, nested: text + textBytes };
}

function wellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return false;
    const d = s.charCodeAt(i + 1);
    if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
    i++;
  }
  return true;
}

/** The columnar bytes → the batch, checked whole (untrusted input); `undefined` when malformed. */
export function decodeColumns(bytes: Uint8Array): ColumnBatch | undefined {
  // typed-array views need the sections aligned in their buffer: copy when the bytes are not
  const b = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  if (b.byteLength < HEADER * 4) return undefined;
  const [magic, count, width, numCols, strCells, textBytes, nestedBytes] = new Uint32Array(b.buffer, b.byteOffset, HEADER);
  if (magic !== MAGIC || numCols > width || count > MAX_ROWS) return undefined;
  const at = offsets(count, width, numCols, strCells, textBytes);
  if (at.nested + nestedBytes !== b.byteLength) return undefined;
  const hasNums = b.subarray(at.hasNums, at.hasNums + width);
  const tags = b.subarray(at.tags, at.tags + count * width);
  let numbered = 0;
  for (const h of hasNums) if (h > 1 || (h === 1 && ++numbered > numCols)) return undefined;
  if (numbered !== numCols) return undefined;
  let strs = 0;
  let nestedCells = 0;
  for (const t of tags) {
    if (t === STR) strs++;
    else if (t === NESTED) nestedCells++;
    else if (t > NESTED) return undefined;
  }
  const ends = new Uint32Array(b.buffer, b.byteOffset + at.ends, strCells);
  const text = new TextDecoder().decode(b.subarray(at.text, at.text + textBytes));
  if (strs !== strCells || !ascending(ends, text.length)) return undefined;
  const nested = nestedCells ? parseNested(b.subarray(at.nested, at.nested + nestedBytes), nestedCells) : [];
  if (!nested) return undefined;
  const nums: (Float64Array | undefined)[] = [];
  for (let c = 0, k = 0; c < width; c++) nums.push(hasNums[c] ? new Float64Array(b.buffer, b.byteOffset + at.nums + 8 * count * k++, count) : undefined);
  // NUM tags only where the column has numbers
  for (let c = 0; c < width; c++) if (!nums[c] && tags.subarray(c * count, (c + 1) * count).includes(NUM)) return undefined;
  return { count, width, tags, nums, text, ends, nested };
}

function ascending(ends: Uint32Array, max: number): boolean {
  let prev = 0;
  for (const e of ends) {
    if (e < prev) return false;
    prev = e;
  }
  return prev <= max;
}

function parseNested(bytes: Uint8Array, cells: number): Cell[] | undefined {
  try {
    const v: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return Array.isArray(v) && v.length === cells && v.every((x) => typeof x === 'object' && x !== null) ? (v as Cell[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The batch's rows as cells (tests, and any reader that wants rows). */
export function batchRows(b: ColumnBatch): Cell[][] {
  const rows: Cell[][] = Array.from({ length: b.count }, () => []);
  let s = 0;
  let n = 0;
  for (let c = 0; c < b.width; c++) {
    for (let i = 0; i < b.count; i++) {
      const t = b.tags[c * b.count + i];
      if (t === MISSING) continue;
      rows[i][c] = t === NUM ? b.nums[c]![i] : t === STR ? b.text.slice(s ? b.ends[s - 1] : 0, b.ends[s++]) : t === NESTED ? b.nested[n++] : t === NULL ? null : t === TRUE;
    }
  }
  return rows;
}
