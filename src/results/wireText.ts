/**
 * Rows as the body holds them → the JSON text of the protocol's wire form (issue #21), without
 * parsing them: the text `JSON.stringify(rows.map((r) => r.map(toCell)))` would have, up to
 * whitespace and number spelling, where `rows` is what `parseJsonLossless` makes of the texts. So
 * `JSON.parse` of the result (the webview's, or the host's own: a native parse, no lossless parser,
 * no `toCell`) gives exactly the cells that path gives, and a batch of a big result crosses to the
 * panel as the body's own text instead of parse → convert → stringify (~3× the CPU).
 *
 * What differs between a number's text and its cell is rewritten; everything else is copied:
 * - an integer literal that is not a safe JS integer (the lossless parser's `bigint`) → its digits
 *   quoted (`toCell` gives the string of its exact digits);
 * - a number whose value is ±Infinity (an exponent beyond the double's range) → `"Infinity"` /
 *   `"-Infinity"` (`toCell`'s `String(value)`);
 * - a number whose value is -0 (`-0`, `-0.0`, `-1e-400`) → `0` (`JSON.stringify(-0)` is `0`).
 * Strings are copied as they are (JSON.parse reads the same string from them either way). Pure.
 *
 * The texts must each be valid JSON (the caller checks: src/api/rowStream.ts hands out only rows its
 * strict row pattern matched); the rows may nest arrays and objects (rewritten the same way).
 */

import { isSafeIntegerLiteral } from '../text/integerLiteral';
import type { Cell, EncodedRows } from './protocol';

/**
 * A batch of a streamed result as the body's text of its rows: its cells are made on first use
 * (`rows()`: wire text, then a native parse). Posted to the panel, the batch's text goes to the rows
 * worker (src/webview/rowsWorker.ts), which makes the columnar form off the host's thread; the host's
 * own cells are made after the stream (`Arrival.settle()`), or when something reads them sooner.
 */
export class WireRows implements EncodedRows {
  readonly count: number;
  private raw: string | undefined;
  private parsed: Cell[][] | undefined;

  /** `rowTexts`: each a row's valid JSON text, as the body holds it. */
  constructor(rowTexts: readonly string[]) {
    this.count = rowTexts.length;
    this.raw = `[${rowTexts.join(',')}]`;
  }

  /** Whether `rows()` has parsed them already. */
  get parsedYet(): boolean {
    return this.parsed !== undefined;
  }

  /** The rows' JSON text as the body holds it (`[row,row,…]`; undefined once parsed): `wireText` makes the wire text of it. */
  get bodyText(): string | undefined {
    return this.raw;
  }

  /** The batch's cells (parsed once). */
  rows(): Cell[][] {
    if (!this.parsed) {
      this.parsed = JSON.parse(wireText(this.raw ?? '[]')) as Cell[][];
      this.raw = undefined;
    }
    return this.parsed;
  }
}

/** The texts of rows → the wire JSON text of the array of their cells (see above). */
export function wireRowsText(rows: readonly string[]): string {
  return wireText(`[${rows.join(',')}]`);
}

/** One valid JSON text → the same text with the numbers that differ as cells rewritten (see above). */
export function wireText(t: string): string {
  let out = '';
  let copied = 0;
  const n = t.length;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === 34) {
      i = stringEnd(t, i + 1);
      continue;
    }
    if (c !== 45 && (c < 48 || c > 57)) {
      i++;
      continue;
    }
    // a number: its digits, and whether it has a fraction or an exponent
    let p = i + 1;
    let fraction = false;
    let exponent = false;
    for (let d = t.charCodeAt(p); ; d = t.charCodeAt(++p)) {
      if (d >= 48 && d <= 57) continue;
      if (d === 46) fraction = true;
      else if (d === 101 || d === 69) exponent = true;
      else if (d !== 43 && d !== 45) break;
    }
    const plain = !fraction && !exponent;
    // (a positive number with a fraction and no exponent, or a short one, is always spelled the same)
    if (c === 45 || exponent || (plain && p - i > 15)) {
      const cell = numberCell(t, i, p, c === 45, plain);
      if (cell !== undefined) {
        out += t.slice(copied, i) + cell;
        copied = p;
      }
    }
    i = p;
  }
  return copied === 0 ? t : out + t.slice(copied);
}

/** From just after a string's opening quote, the index just after its closing one. */
function stringEnd(t: string, i: number): number {
  for (;;) {
    const q = t.indexOf('"', i);
    if (q < 0) return t.length;
    let back = 0;
    while (t.charCodeAt(q - 1 - back) === 92) back++;
    if (back % 2 === 0) return q + 1;
    i = q + 1;
  }
}

/**
 * The cell's text of the number `t.slice(i, p)`, or `undefined` when it is spelled the same. The
 * common cases decide without making the number: an integer by its digits (src/text/integerLiteral.ts,
 * the rule src/api/json.ts reads integers by).
 */
function numberCell(t: string, i: number, p: number, negative: boolean, plainInteger: boolean): string | undefined {
  if (plainInteger) {
    const digits = p - i - (negative ? 1 : 0);
    if (!isSafeIntegerLiteral(t, i, p)) return `"${t.slice(i, p)}"`;
    // `-0` is the only other integer literal whose cell is spelled otherwise
    return negative && digits === 1 && t.charCodeAt(i + 1) === 48 ? '0' : undefined;
  }
  // a fraction or an exponent: only an overflow (±Infinity) or a negative zero is spelled otherwise
  const v = Number(t.slice(i, p));
  if (!Number.isFinite(v)) return `"${String(v)}"`;
  return Object.is(v, -0) ? '0' : undefined;
}
