/**
 * Sorting result rows by one column. Pure; no vscode, no DOM.
 *
 * - numbers (ints, floats, decimals; big integers carried as exact strings) compare numerically and
 *   EXACTLY: first by their nearest double (conversion is monotonic), then, on a tie, by exact
 *   decimal comparison of the texts;
 * - dates and date-times by instant (to the microsecond and beyond, from the raw text);
 * - booleans false < true; everything else as text, case-insensitively with a case-sensitive tiebreak;
 * - NULLs always last, values that don't parse as the column's kind just before them;
 * - stable: equal keys keep their original order.
 */
import type { Cell } from './protocol';
import { parseDateTime, rawText } from './format';
import { isNumericKind, type ColumnType } from './types';
import { asTable, type CellTable } from './table';

export type SortDirection = 'asc' | 'desc';

const DECIMAL = /^([+-]?)0*(\d*)(?:\.(\d*?)0*)?$/;

/**
 * Exact comparison of two plain decimal texts (`-12.50`, `18446744073709551615`); `undefined` when
 * either is not plain decimal (e.g. has an exponent).
 */
export function compareDecimalText(a: string, b: string): number | undefined {
  const ma = DECIMAL.exec(a.trim());
  const mb = DECIMAL.exec(b.trim());
  if (!ma || !mb || !/\d/.test(a) || !/\d/.test(b)) return undefined;
  const za = !ma[2] && !ma[3];
  const zb = !mb[2] && !mb[3];
  const sa = za ? 0 : ma[1] === '-' ? -1 : 1;
  const sb = zb ? 0 : mb[1] === '-' ? -1 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const magnitude = compareMagnitude(ma[2], ma[3] ?? '', mb[2], mb[3] ?? '');
  return sa * magnitude;
}

function compareMagnitude(ia: string, fa: string, ib: string, fb: string): number {
  if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
  if (ia !== ib) return ia < ib ? -1 : 1;
  const n = Math.max(fa.length, fb.length);
  const pa = fa.padEnd(n, '0');
  const pb = fb.padEnd(n, '0');
  return pa === pb ? 0 : pa < pb ? -1 : 1;
}

/** The exact decimal text of a JS number, when it has one without an exponent. */
function numberText(n: number): string | undefined {
  if (Number.isInteger(n)) return BigInt(n).toString();
  const s = String(n);
  return /e/i.test(s) ? undefined : s;
}

/** Per-row sort keys of one column, computed once per sort. */
interface Keys {
  /** 0 = value, 1 = unparsable for the kind, 2 = NULL. */
  cls: Uint8Array;
  num: Float64Array;
  /** Exact text (numbers given as strings) or the text key (strings, lower-cased). */
  text: (string | undefined)[];
  /** Case-sensitive tiebreak for text keys. */
  raw: (string | undefined)[];
}

function numericKey(v: Cell, k: Keys, i: number): void {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) k.cls[i] = 1;
    else k.num[i] = v;
  } else if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) {
    k.num[i] = Number(v);
    k.text[i] = v;
  } else {
    k.cls[i] = 1;
    k.raw[i] = rawText(v);
  }
}

function dateKey(v: Cell, k: Keys, i: number): void {
  const d = typeof v === 'string' ? parseDateTime(v) : undefined;
  if (!d) {
    k.cls[i] = 1;
    k.raw[i] = rawText(v);
    return;
  }
  k.num[i] = d.epochMs;
  // Digits below the millisecond break ties exactly.
  k.text[i] = d.fraction.slice(3).padEnd(9, '0');
}

function buildKeys(rows: CellTable, col: number, type: ColumnType): Keys {
  const n = rows.length;
  const k: Keys = { cls: new Uint8Array(n), num: new Float64Array(n), text: new Array(n), raw: new Array(n) };
  const numeric = isNumericKind(type.kind);
  const dated = type.kind === 'date' || type.kind === 'datetime';
  for (let i = 0; i < n; i++) {
    const v = rows.cell(i, col) ?? null;
    if (v === null) k.cls[i] = 2;
    else if (numeric) numericKey(v, k, i);
    else if (dated) dateKey(v, k, i);
    else if (type.kind === 'bool' && typeof v === 'boolean') k.num[i] = v ? 1 : 0;
    else {
      const s = rawText(v);
      k.text[i] = s.toLowerCase();
      k.raw[i] = s;
    }
  }
  return k;
}

const cmpText = (a: string | undefined, b: string | undefined): number => (a === b ? 0 : (a ?? '') < (b ?? '') ? -1 : 1);

/** Exact tiebreak of two numbers whose nearest doubles are equal. */
function exactTie(k: Keys, a: number, b: number, rows: CellTable, col: number): number {
  const ta = k.text[a];
  const tb = k.text[b];
  if (ta === undefined && tb === undefined) return 0;
  const xa = ta ?? numberText(rows.cell(a, col) as number);
  const xb = tb ?? numberText(rows.cell(b, col) as number);
  return (xa !== undefined && xb !== undefined && compareDecimalText(xa, xb)) || 0;
}

/** Returns a comparator of row indices for one column (`rows`: row arrays or a column store). */
export function rowComparator(cells: readonly Cell[][] | CellTable, col: number, type: ColumnType, dir: SortDirection): (a: number, b: number) => number {
  const rows = asTable(cells);
  const k = buildKeys(rows, col, type);
  const sign = dir === 'asc' ? 1 : -1;
  const numeric = isNumericKind(type.kind);
  const byNumber = numeric || type.kind === 'date' || type.kind === 'datetime' || type.kind === 'bool';
  return (a, b) => {
    const ca = k.cls[a];
    const cb = k.cls[b];
    if (ca !== cb) return ca - cb;
    let r = 0;
    if (ca === 0 && byNumber && k.raw[a] === undefined && k.raw[b] === undefined) {
      const na = k.num[a];
      const nb = k.num[b];
      r = na < nb ? -1 : na > nb ? 1 : numeric ? exactTie(k, a, b, rows, col) : cmpText(k.text[a], k.text[b]);
    } else if (ca !== 2) {
      r = cmpText(k.text[a], k.text[b]) || cmpText(k.raw[a], k.raw[b]);
    }
    return r * sign || a - b;
  };
}

/** Row indices of `rows` sorted by column `col` (a new array; `rows` is not touched). */
export function sortedIndices(rows: readonly Cell[][] | CellTable, col: number, type: ColumnType, dir: SortDirection): Uint32Array {
  const idx = new Array<number>(rows.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  idx.sort(rowComparator(rows, col, type, dir));
  return Uint32Array.from(idx);
}
