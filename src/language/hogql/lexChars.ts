/**
 * Character-level helpers of the HogQL lexer (`lexer.ts`): character classes, operator lengths
 * and unescaping. Pure functions of a string and an offset.
 */

/**
 * Length of the operator at `at` (longest match: `=~*` before `=~` before `=`), or 0 for a character
 * HogQL does not allow. Operators: `-> :: ?? ?. =~ !~ ~* || == != <> <= >= := =~* !~*` and
 * `+ - * / % = < > ~ ? : . , ; ( ) [ ] { }`.
 */
export function operatorLength(src: string, at: number): number {
  const c1 = charAt(src, at + 1);
  switch (src.charCodeAt(at)) {
    case 40: case 41: case 44: case 59: case 91: case 93: case 123: case 125: // ( ) , ; [ ] { }
    case 43: case 42: case 47: case 37: case 46: // + * / % .
      return 1;
    case 61: // =  (=~* =~ ==)
      if (c1 === 126) return charAt(src, at + 2) === 42 ? 3 : 2;
      return c1 === 61 ? 2 : 1;
    case 33: // !  (!~* !~ !=; alone it is no operator)
      if (c1 === 126) return charAt(src, at + 2) === 42 ? 3 : 2;
      return c1 === 61 ? 2 : 0;
    case 45: return c1 === 62 ? 2 : 1; // - ->
    case 58: return c1 === 58 || c1 === 61 ? 2 : 1; // : :: :=
    case 63: return c1 === 63 || c1 === 46 ? 2 : 1; // ? ?? ?.
    case 126: return c1 === 42 ? 2 : 1; // ~ ~*
    case 124: return c1 === 124 ? 2 : 0; // || (a lone | is no operator)
    case 60: return c1 === 62 || c1 === 61 ? 2 : 1; // < <> <=
    case 62: return c1 === 61 ? 2 : 1; // > >=
    default: return 0;
  }
}

/**
 * The character code at `at`, or 0 past the end, where every test below is false as it is for a
 * NUL. The lexer never reads past the end of its text: V8 deoptimizes an optimized function at its
 * first read out of bounds, and a document's lexer is optimized before its statements are lexed
 * (issue #21: each recompilation of the lexer ran beside the main thread).
 */
export function charAt(src: string, at: number): number {
  return at < src.length ? src.charCodeAt(at) : 0;
}

/** 1 for `[A-Za-z_$]`, 2 for digits, 0 for other ASCII characters. */
const IDENT_CHARS = new Uint8Array(128).map((_, c) => ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 ? 1 : c >= 48 && c <= 57 ? 2 : 0));

export function isIdentStart(c: number): boolean {
  return c < 128 && IDENT_CHARS[c] === 1;
}

export function isIdentPart(c: number): boolean {
  return c < 128 && IDENT_CHARS[c] !== 0;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', r: '\r', n: '\n', t: '\t', '0': '\0', a: '\x07', v: '\v', '\\': '\\' };

/** Unescapes the body of a quoted token (`quote` is the quote character). */
export function unescapeQuoted(body: string, quote: string): string {
  // most bodies have nothing to unescape: no string built character by character for them
  if (body.indexOf('\\') < 0 && body.indexOf(quote) < 0) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && i + 1 < body.length) {
      const next = body[i + 1];
      if (next in ESCAPES) out += ESCAPES[next];
      else if (next === "'" || next === '"' || next === '`' || next === '{') out += next;
      else out += ch + next;
      i++;
    } else if (ch === quote && body[i + 1] === quote) {
      out += quote;
      i++;
    } else out += ch;
  }
  return out;
}
