/**
 * A query response read row by row from its text, for "Export Full Result": parsing a page of
 * 50,000 rows at once makes ~10× its text in objects that live until the page is written (and
 * the heap grows to hold several such pages between collections). Here the text is scanned once
 * for the extent of each top-level value; every top-level value but `results` is parsed (small),
 * and the rows of `results` are parsed one by one only when iterated, so they die young.
 *
 * Values are parsed by `parseJsonLossless` (integers beyond 2^53 as `bigint`). Pure; no I/O.
 */
import { parseJsonLossless } from './json';

export interface ScannedResponse {
  /** Every top-level field but `results`, parsed. */
  fields: Record<string, unknown>;
  /** Number of rows in `results` (0 when absent). */
  rowCount: number;
  /** The rows of `results`, each parsed when reached. */
  rows(): Iterable<unknown>;
}

/** Index just past the JSON value starting at `i` (after whitespace); throws on malformed text. */
function valueEnd(text: string, i: number): number {
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i = stringEnd(text, i) - 1;
      if (depth === 0) return i + 1;
    } else if (c === 91 /* [ */ || c === 123 /* { */) depth++;
    else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth === 0) return i; // end of a bare literal closing its container
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && (c === 44 /* , */ || c === 32 || c === 10 || c === 13 || c === 9)) {
      return i; // end of a bare literal (number, true, false, null)
    }
  }
  if (depth === 0) return i;
  throw new SyntaxError('Unexpected end of JSON input');
}

/** Index just past the string starting at `i` (a `"`). */
function stringEnd(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 34) return i + 1;
  }
  throw new SyntaxError('Unterminated string in JSON');
}

const skipWs = (text: string, i: number): number => {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
};

function expect(text: string, i: number, ch: string): number {
  i = skipWs(text, i);
  if (text[i] !== ch) throw new SyntaxError(`Expected '${ch}' at position ${i} in JSON`);
  return i + 1;
}

/** Start offsets and ends of the elements of the array at `[start, end)`. */
function elementExtents(text: string, start: number, end: number): Int32Array {
  const out: number[] = [];
  let i = skipWs(text, start + 1);
  if (text[i] === ']') return new Int32Array(0);
  for (;;) {
    i = skipWs(text, i);
    const e = valueEnd(text, i);
    out.push(i, e);
    i = skipWs(text, e);
    if (text[i] === ']' && i === end - 1) break;
    i = expect(text, i, ',');
  }
  return Int32Array.from(out);
}

/** Scans a query response object; `results` rows are parsed lazily. Throws SyntaxError on bad JSON. */
export function scanQueryResponse(text: string): ScannedResponse {
  const fields: Record<string, unknown> = {};
  let extents: Int32Array = new Int32Array(0);
  let i = expect(text, 0, '{');
  i = skipWs(text, i);
  if (text[i] === '}') i++;
  else {
    for (;;) {
      i = skipWs(text, i);
      const keyEnd = stringEnd(text, i);
      const key = JSON.parse(text.slice(i, keyEnd)) as string;
      i = skipWs(text, expect(text, keyEnd, ':'));
      const end = valueEnd(text, i);
      if (key === 'results' && text[i] === '[') extents = elementExtents(text, i, end);
      else fields[key] = parseJsonLossless(text.slice(i, end));
      i = skipWs(text, end);
      if (text[i] === '}') {
        i++;
        break;
      }
      i = expect(text, i, ',');
    }
  }
  if (skipWs(text, i) !== text.length) throw new SyntaxError('Unexpected text after JSON');
  return {
    fields,
    rowCount: extents.length / 2,
    *rows() {
      for (let k = 0; k < extents.length; k += 2) yield parseJsonLossless(text.slice(extents[k], extents[k + 1]));
    },
  };
}
