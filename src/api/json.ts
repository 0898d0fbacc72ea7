/**
 * Lossless JSON for query results: ClickHouse UInt64/Int64 values beyond 2^53 must not be
 * rounded. Node 20's `JSON.parse` has no access to a number's source text, so:
 *
 * - Fast path: if the text contains no run of 16 or more digits that could start an integer (not
 *   after a digit or `.`, so fractions do not count), no integer in it can be unsafe,
 *   and it goes straight to `JSON.parse` (one native regex scan first).
 * - Otherwise a small hand-written parser runs. It behaves like `JSON.parse` (same values, same
 *   strictness, `__proto__` stays an own property) except that an integer literal (no fraction,
 *   no exponent) that is not a safe JS integer becomes a **`bigint`**. Safe integers, and every
 *   number with a fraction or exponent, are plain `number`s exactly as `JSON.parse` makes them.
 *
 * Consumers: check `typeof v === 'bigint'`. `JSON.stringify` throws on bigint; use
 * `stringifyLossless` (digits written back unquoted) or convert with `String(v)`.
 */

import { isSafeIntegerLiteral } from '../text/integerLiteral';

// Spelled out rather than `\d{16}`: irregexp scans this form ~15× faster on large texts. The run
// must not follow a digit or `.`: an integer never does, while the 16 digits of a fraction such as
// 0.3333333333333333 (any Float64 column) do, and would send every page to the slow parser (a full
// export's garbage, issue #17). Exponents and digits in strings may still match (slow, exact).
const MAYBE_UNSAFE_INTEGER = /(?:^|[^.\d])\d\d\d\d\d\d\d\d\d\d\d\d\d\d\d\d/;

export type LosslessJson = null | boolean | number | bigint | string | LosslessJson[] | { [key: string]: LosslessJson };

/** `JSON.parse`, except that unsafe integers become `bigint`. Throws `SyntaxError` on bad input. */
export function parseJsonLossless(text: string): unknown {
  if (!MAYBE_UNSAFE_INTEGER.test(text)) return JSON.parse(text);
  src = text;
  pos = 0;
  try {
    skipWs();
    const value = parseValue();
    skipWs();
    if (pos < src.length) fail();
    return value;
  } finally {
    src = '';
  }
}

// Parser state (module-level for speed; parsing is synchronous and never re-entered).
let src = '';
let pos = 0;

function fail(): never {
  if (pos >= src.length) throw new SyntaxError('Unexpected end of JSON input');
  throw new SyntaxError(`Unexpected token ${JSON.stringify(src[pos])} in JSON at position ${pos}`);
}

function skipWs(): void {
  let c = src.charCodeAt(pos);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = src.charCodeAt(++pos);
}

function parseValue(): unknown {
  const c = src.charCodeAt(pos);
  if (c === 34) return parseString();
  if (c === 123) return parseObject();
  if (c === 91) return parseArray();
  if (c === 45 || (c >= 48 && c <= 57)) return parseNumber();
  if (c === 116 && src.startsWith('true', pos)) {
    pos += 4;
    return true;
  }
  if (c === 102 && src.startsWith('false', pos)) {
    pos += 5;
    return false;
  }
  if (c === 110 && src.startsWith('null', pos)) {
    pos += 4;
    return null;
  }
  return fail();
}

function parseObject(): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  pos++;
  skipWs();
  if (src.charCodeAt(pos) === 125) {
    pos++;
    return obj;
  }
  for (;;) {
    if (src.charCodeAt(pos) !== 34) fail();
    const key = parseString();
    skipWs();
    if (src.charCodeAt(pos) !== 58) fail();
    pos++;
    skipWs();
    const value = parseValue();
    if (key === '__proto__') {
      Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
    } else {
      obj[key] = value;
    }
    skipWs();
    const c = src.charCodeAt(pos);
    if (c === 44) {
      pos++;
      skipWs();
    } else if (c === 125) {
      pos++;
      return obj;
    } else {
      fail();
    }
  }
}

function parseArray(): unknown[] {
  const arr: unknown[] = [];
  pos++;
  skipWs();
  if (src.charCodeAt(pos) === 93) {
    pos++;
    return arr;
  }
  for (;;) {
    arr.push(parseValue());
    skipWs();
    const c = src.charCodeAt(pos);
    if (c === 44) {
      pos++;
      skipWs();
    } else if (c === 93) {
      pos++;
      return arr;
    } else {
      fail();
    }
  }
}

function parseString(): string {
  const start = ++pos;
  for (;;) {
    const c = src.charCodeAt(pos);
    if (c === 34) return src.slice(start, pos++);
    if (c === 92) return parseEscapedString(start);
    if (c < 32 || Number.isNaN(c)) fail();
    pos++;
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function parseEscapedString(start: number): string {
  let out = src.slice(start, pos);
  for (;;) {
    const c = src.charCodeAt(pos);
    if (c === 34) {
      pos++;
      return out;
    }
    if (c === 92) {
      const e = src[pos + 1];
      if (e === 'u') {
        const hex = src.slice(pos + 2, pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          pos += 2;
          fail();
        }
        out += String.fromCharCode(parseInt(hex, 16));
        pos += 6;
      } else {
        const r = e === undefined ? undefined : ESCAPES[e];
        if (r === undefined) {
          pos++;
          fail();
        }
        out += r;
        pos += 2;
      }
      continue;
    }
    if (c < 32 || Number.isNaN(c)) fail();
    const runStart = pos;
    let d = c;
    while (d !== 34 && d !== 92 && d >= 32) d = src.charCodeAt(++pos);
    out += src.slice(runStart, pos);
  }
}

function digitsFrom(p: number): number {
  let c = src.charCodeAt(p);
  while (c >= 48 && c <= 57) c = src.charCodeAt(++p);
  return p;
}

function parseNumber(): number | bigint {
  const start = pos;
  let p = pos;
  const negative = src.charCodeAt(p) === 45;
  if (negative) p++;
  const intStart = p;
  let c = src.charCodeAt(p);
  // the integer part's value as it is read: exact while it has at most 15 digits (< 2^53)
  let value = 0;
  if (c === 48) c = src.charCodeAt(++p);
  else if (c >= 49 && c <= 57) {
    do {
      value = value * 10 + (c - 48);
      c = src.charCodeAt(++p);
    } while (c >= 48 && c <= 57);
  } else {
    pos = p;
    fail();
  }
  if (c !== 46 && c !== 101 && c !== 69) {
    // an integer literal: no substring for the common short one
    pos = p;
    if (p - intStart <= 15) return negative ? -value : value;
    const text = src.slice(start, p);
    return isSafeIntegerLiteral(text) ? Number(text) : BigInt(text);
  }
  if (c === 46) {
    const q = digitsFrom(p + 1);
    if (q === p + 1) {
      pos = q;
      fail();
    }
    p = q;
  }
  const e = src.charCodeAt(p);
  if (e === 101 || e === 69) {
    p++;
    const s = src.charCodeAt(p);
    if (s === 43 || s === 45) p++;
    const q = digitsFrom(p);
    if (q === p) {
      pos = q;
      fail();
    }
    p = q;
  }
  pos = p;
  return Number(src.slice(start, p));
}

const BIGINT_MARK = '\u0000bigint:';

/** `JSON.stringify` that writes `bigint`s as bare integer literals (round-trips `parseJsonLossless`). */
export function stringifyLossless(value: unknown, space?: number): string {
  let sawBigint = false;
  const text = JSON.stringify(
    value,
    (_k, v: unknown) => {
      if (typeof v !== 'bigint') return v;
      sawBigint = true;
      return BIGINT_MARK + v.toString();
    },
    space,
  );
  if (!sawBigint) return text;
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}
