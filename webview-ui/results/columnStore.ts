// The result's rows stored by column (issue #21's scroll row). A major GC marks every object the
// result holds; as rows, a 100k × 20 result was ~2M objects (a row array and its backing store per
// row, a heap number per fractional number, a string per string cell), and marking them was the
// slowest frames of a scroll. Here each column keeps a tag per row (Uint8Array), its numbers in a
// Float64Array, its strings as indices (Int32Array) into a dictionary of distinct values (dropped
// for a column whose values are mostly distinct: then one string per cell, no Map), booleans and
// NULL as tags alone, and only nested cells (JSON: arrays, objects) as objects, one array per
// column. Typed arrays' contents are not marked. Every value reads back as it came: a number
// exactly (-0 too), a string (64-bit integers come as exact strings), NULL vs a missing cell.
// Cells are made on demand: `cell(row, col)` for the grid's visible cells, `row(i)` for the few
// callers that want whole rows. Pure (no DOM).
import type { Cell } from '../../src/results/protocol';
import type { CellTable } from '../../src/results/table';
import { KINDS, type ColumnBatch } from '../../src/results/wireColumns';
import { ownCopy, ownNestedValue } from './ownStrings';

// the kinds of a cell (MISSING: past the end of a shorter row) are the columnar wire form's own…
const { MISSING, NULL, NUM, STR, FALSE, TRUE, NESTED } = KINDS;
/** …and a string kept in its columnar batch's text (`Column.fillBatch`). */
const SPAN = 7;

/** A dictionary grows past this many distinct values only while at most half its column's strings are distinct. */
const DICT_KEEP = 256;

class Column {
  tags: Uint8Array;
  nums: Float64Array | undefined;
  strs: Int32Array | undefined;
  /** Distinct strings (or, once `ids` is dropped, each string cell's own). */
  dict: string[] = [];
  ids: Map<string, number> | undefined = new Map();
  /** String cells looked up in `ids` (not rows: a column whose strings begin late, e.g. after NULLs or safe integers, is judged by its strings). */
  private looked = 0;
  nested: Cell[] | undefined;
  /**
   * Strings of columnar batches (SPAN), not made until read: row `i`'s is
   * `texts[spanText[i]].slice(spanStart[i], spanEnd[i])` — one string per batch instead of one per cell.
   */
  private texts: string[] = [];
  private spans: { text: Uint32Array; start: Uint32Array; end: Uint32Array } | undefined;

  constructor(capacity: number) {
    this.tags = new Uint8Array(capacity);
  }

  get(i: number): Cell | undefined {
    switch (this.tags[i]) {
      case NUM:
        return this.nums![i];
      case STR:
        return this.dict[this.strs![i]];
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case NESTED:
        return this.nested![i];
      case SPAN: {
        const p = this.spans!;
        return this.texts[p.text[i]].slice(p.start[i], p.end[i]);
      }
      default:
        return undefined;
    }
  }

  /** Row `i`'s cell when it is neither a number nor a string (those come in runs: `fill`). */
  private setOther(i: number, v: Cell | undefined, copies: Map<string, string>): void {
    switch (typeof v) {
      case 'boolean':
        this.tags[i] = v ? TRUE : FALSE;
        return;
      case 'undefined':
        this.tags[i] = MISSING;
        return;
      default:
        if (v === null) this.tags[i] = NULL;
        else {
          this.tags[i] = NESTED;
          (this.nested ??= [])[i] = ownNestedValue(v, copies);
        }
    }
  }

  /**
   * Column `c` of `rows` into rows `start`… One column at a time, in runs: a column's cells are
   * mostly of one kind, so a run of numbers or of strings is copied by a loop that checks only the
   * kind, and its tags are filled at once (before: one switch per cell, row by row).
   */
  fill(rows: readonly (readonly Cell[])[], c: number, start: number, copies: Map<string, string>): void {
    for (let i = 0; i < rows.length; ) {
      const v = rows[i][c];
      if (typeof v === 'number') i = this.fillNumbers(rows, c, start, i);
      else if (typeof v === 'string') i = this.fillStrings(rows, c, start, i);
      else this.setOther(start + i++, v, copies);
    }
  }

  /** The run of numbers from `rows[from]`; returns where it ends. */
  private fillNumbers(rows: readonly (readonly Cell[])[], c: number, start: number, from: number): number {
    const nums = (this.nums ??= new Float64Array(this.tags.length));
    let i = from;
    for (let v = rows[i][c]; typeof v === 'number'; v = rows[++i]?.[c]) nums[start + i] = v;
    this.tags.fill(NUM, start + from, start + i);
    return i;
  }

  /** The run of strings from `rows[from]`; returns where it ends. */
  private fillStrings(rows: readonly (readonly Cell[])[], c: number, start: number, from: number): number {
    const strs = (this.strs ??= new Int32Array(this.tags.length));
    const dict = this.dict;
    let i = from;
    for (let v = rows[i][c]; typeof v === 'string'; v = rows[++i]?.[c]) {
      // without a dictionary (most values distinct) each cell's string goes in as it comes
      strs[start + i] = this.ids ? this.intern(v, this.ids) : dict.push(ownCopy(v)) - 1;
    }
    this.tags.fill(STR, start + from, start + i);
    return i;
  }

  /**
   * Column `c` of a columnar batch (src/results/wireColumns.ts) into rows `start`…: its kinds and
   * numbers copied at once, its strings sliced from the batch's text from string cell `s` on, its
   * nested cells from `n` on. Returns where the next column's strings and nested cells begin.
   */
  fillBatch(b: ColumnBatch, c: number, start: number, s: number, n: number, copies: Map<string, string>): [number, number] {
    const tags = b.tags.subarray(c * b.count, (c + 1) * b.count);
    this.tags.set(tags, start);
    const nums = b.nums[c];
    if (nums) (this.nums ??= new Float64Array(this.tags.length)).set(nums, start);
    const ends = b.ends;
    const strings = tags.includes(STR);
    // (a column of numbers alone is done: its tags are checked natively)
    if (!strings && !tags.includes(NESTED)) return [s, n];
    const p = strings ? this.spanArrays() : undefined;
    const text = this.texts.push(b.text) - 1;
    for (let i = 0; i < tags.length; ) {
      if (tags[i] === NESTED) (this.nested ??= [])[start + i++] = ownNestedValue(b.nested[n++], copies);
      else if (tags[i] !== STR) i++;
      else {
        // a run of strings: their spans are the batch's next ends, copied at once
        let j = i + 1;
        while (tags[j] === STR) j++;
        const k = j - i;
        p!.start[start + i] = s ? ends[s - 1] : 0;
        p!.start.set(ends.subarray(s, s + k - 1), start + i + 1);
        p!.end.set(ends.subarray(s, s + k), start + i);
        p!.text.fill(text, start + i, start + j);
        this.tags.fill(SPAN, start + i, start + j);
        s += k;
        i = j;
      }
    }
    return [s, n];
  }

  private spanArrays(): { text: Uint32Array; start: Uint32Array; end: Uint32Array } {
    const n = this.tags.length;
    return (this.spans ??= { text: new Uint32Array(n), start: new Uint32Array(n), end: new Uint32Array(n) });
  }

  /** `v`'s index in the dictionary (a short string as a copy of its own: ownStrings.ts). */
  private intern(v: string, ids: Map<string, number>): number {
    const id = ids.get(v);
    this.looked++;
    if (id !== undefined) return id;
    if (this.dict.length >= DICT_KEEP && this.dict.length * 2 > this.looked) this.ids = undefined;
    else ids.set(v, this.dict.length);
    this.dict.push(ownCopy(v));
    return this.dict.length - 1;
  }

  grow(capacity: number): void {
    this.tags = grown(this.tags, new Uint8Array(capacity));
    if (this.nums) this.nums = grown(this.nums, new Float64Array(capacity));
    if (this.strs) this.strs = grown(this.strs, new Int32Array(capacity));
    const p = this.spans;
    if (p) this.spans = { text: grown(p.text, new Uint32Array(capacity)), start: grown(p.start, new Uint32Array(capacity)), end: grown(p.end, new Uint32Array(capacity)) };
  }
}

function grown<T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(old: T, next: T): T {
  next.set(old);
  return next;
}

export class ColumnStore implements CellTable {
  private cols: Column[] = [];
  private capacity = 0;
  length = 0;

  get width(): number {
    return this.cols.length;
  }

  cell(row: number, col: number): Cell | undefined {
    return row < this.length ? this.cols[col]?.get(row) : undefined;
  }

  /** A new array of the row's cells from `from` to before `to` (its end when shorter), as the rows came. */
  row(i: number, from = 0, to = this.cols.length): Cell[] {
    let end = Math.min(to, this.cols.length);
    while (end > from && this.cols[end - 1].tags[i] === MISSING) end--;
    const out = new Array<Cell>(Math.max(0, end - from));
    for (let c = from; c < end; c++) out[c - from] = this.cols[c].get(i) as Cell;
    return out;
  }

  /** New arrays of the rows at `indices` (e.g. the view, for a copy, an export or the chart). */
  rows(indices?: ArrayLike<number>): Cell[][] {
    const n = indices ? indices.length : this.length;
    const out = new Array<Cell[]>(n);
    for (let k = 0; k < n; k++) out[k] = this.row(indices ? indices[k] : k);
    return out;
  }

  /** The rows at `indices` read in place (the chart reads the view's few columns it plots so). */
  view(indices: ArrayLike<number>): CellTable {
    return { length: indices.length, width: this.cols.length, cell: (row, col) => this.cell(indices[row], col) };
  }

  /** Adds `rows` after the rows stored (their cells are copied: the arrays can be dropped). */
  append(rows: readonly (readonly Cell[])[]): void {
    let width = this.cols.length;
    for (const r of rows) if (r.length > width) width = r.length;
    const start = this.grow(rows.length, width);
    // one copy per distinct short string inside the batch's nested cells (ownStrings.ts)
    const copies = new Map<string, string>();
    for (let c = 0; c < width; c++) this.cols[c].fill(rows, c, start, copies);
    this.length = start + rows.length;
  }

  /** Adds a columnar batch's rows (src/results/wireColumns.ts) after the rows stored: the same cells `append` of its rows stores. */
  appendColumns(b: ColumnBatch): void {
    const start = this.grow(b.count, b.width);
    const copies = new Map<string, string>();
    let at: [number, number] = [0, 0];
    for (let c = 0; c < b.width; c++) at = this.cols[c].fillBatch(b, c, start, at[0], at[1], copies);
    this.length = start + b.count;
  }

  /** Room for `count` more rows and at least `width` columns; the first new row's index. */
  private grow(count: number, width: number): number {
    const start = this.length;
    this.reserve(start + count);
    while (this.cols.length < width) this.cols.push(new Column(this.capacity));
    return start;
  }

  private reserve(n: number): void {
    if (n <= this.capacity) return;
    this.capacity = Math.max(n, this.capacity * 2, 1024);
    for (const c of this.cols) c.grow(this.capacity);
  }
}
