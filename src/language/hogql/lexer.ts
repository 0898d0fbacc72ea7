/**
 * HogQL lexer. Never throws, runs in linear time (hand-written scanning, no
 * regular expressions), and gives every token its exact UTF-16 range.
 *
 * Significant tokens and comments are returned in two arrays; whitespace is dropped.
 * Keywords are identifiers with `keyword` set to the uppercase spelling, because
 * most HogQL keywords can also be used as identifiers.
 */
import { foldHash, keywordAt } from './keywords';
import { SLICE_MS } from './slices';

export type TokenKind =
  | 'ident' // bare identifier or keyword (`keyword` is set for keywords)
  | 'quotedIdent' // `x` or "x"
  | 'string' // 'x'
  | 'number'
  | 'op' // punctuation and operators
  | 'templateStart' // f'
  | 'templateText' // literal text inside f'…'
  | 'templateEnd' // closing ' of f'…'
  | 'unknown' // a character HogQL does not allow
  | 'eof';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Source text of the token. */
  text: string;
  /** Uppercase keyword for bare identifiers that spell one (`select` → `SELECT`). */
  keyword?: string;
  /** Unquoted / unescaped value of identifiers, quoted identifiers and strings. */
  value?: string;
  /** String, quoted identifier or template string without its closing quote. */
  unterminated?: boolean;
}

export interface Comment {
  start: number;
  end: number;
  block: boolean;
  unterminated?: boolean;
}

export interface LexResult {
  tokens: Token[]; // always ends with an `eof` token
  comments: Comment[];
}

/**
 * Every token has the same properties in the same order (absent ones undefined), so the parser's
 * property reads see one object shape (V8 keeps such reads monomorphic, hence fast).
 */
export function token(kind: TokenKind, start: number, end: number, text: string, keyword: string | undefined, value: string | undefined, unterminated: boolean | undefined): Token {
  return { kind, start, end, text, keyword, value, unterminated };
}

/**
 * Length of the operator at `at` (longest match: `=~*` before `=~` before `=`), or 0 for a character
 * HogQL does not allow. Operators: `-> :: ?? ?. =~ !~ ~* || == != <> <= >= := =~* !~*` and
 * `+ - * / % = < > ~ ? : . , ; ( ) [ ] { }`.
 */
function operatorLength(src: string, at: number): number {
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
function charAt(src: string, at: number): number {
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

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function isSpace(c: number): boolean {
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

/**
 * The last spelling seen of an identifier for each slot of its folded hash: a name met again (most
 * are: columns, keywords, functions, in every statement) reuses that string instead of slicing a
 * new one. A document's tokens stay alive while its statements are checked, so each string saved is
 * one that scavenges do not copy (issue #21). Module-wide, so statements lexed after their document
 * find its names too; a slot holds one string, bounded.
 */
const SPELLINGS: string[] = new Array<string>(1024).fill('');

function spelling(src: string, start: number, end: number, h: number): string {
  // V8 makes a slice of 13 or more characters a view into the whole text: kept here, it would keep
  // a closed document's text alive. Most names are shorter (sliced as copies).
  if (end - start >= 13) return src.slice(start, end);
  const slot = h & 1023;
  const known = SPELLINGS[slot];
  // an identifier is never empty, so an empty slot never matches
  if (known.length === end - start && src.startsWith(known, start)) return known;
  return (SPELLINGS[slot] = src.slice(start, end));
}

type Frame = { mode: 'code'; depth: number } | { mode: 'template'; token: Token };

/**
 * An empty array already of V8's object elements kind. A `[]` starts as small integers until V8 has
 * seen a few lexers; the lexer optimized on a document then deoptimized ("not a Smi") at its first
 * push into a new one, and its recompilation competed with the main thread (issue #21).
 */
function objectArray<T>(): T[] {
  const a: T[] = [undefined as T];
  a.length = 0;
  return a;
}

class Lexer {
  private pos = 0;
  readonly tokens: Token[] = objectArray();
  readonly comments: Comment[] = [];
  private readonly stack: Frame[] = [{ mode: 'code', depth: 0 }];

  constructor(private readonly src: string) {}

  run(): LexResult {
    this.runUntil(Infinity);
    return { tokens: this.tokens, comments: this.comments };
  }

  /** Lexes until the end (true) or until `performance.now()` passes `deadline` (false). */
  runUntil(deadline: number): boolean {
    let steps = 0;
    while (this.pos < this.src.length) {
      const top = this.stack[this.stack.length - 1];
      if (top.mode === 'template') this.templatePart();
      else this.codeToken();
      if ((++steps & 63) === 0 && deadline !== Infinity && performance.now() > deadline) return false;
    }
    this.markOpenTemplate();
    this.tokens.push(token('eof', this.src.length, this.src.length, '', undefined, undefined, undefined));
    return true;
  }

  private push(kind: TokenKind, start: number, value?: string, unterminated?: boolean): Token {
    const tok = token(kind, start, this.pos, this.src.slice(start, this.pos), undefined, value, unterminated);
    this.tokens.push(tok);
    return tok;
  }

  private code(at = this.pos): number {
    return charAt(this.src, at);
  }

  private codeToken(): void {
    const src = this.src;
    let start = this.pos;
    let c = charAt(src, start);
    // a run of whitespace in one go (past the end, 0: not a space)
    while (isSpace(c)) c = charAt(src, ++start);
    this.pos = start;
    // only `-`, `/` and `#` can open a comment
    if (start >= src.length || ((c === 45 || c === 47 || c === 35) && this.comment(c))) return;
    if (c === 102 && charAt(src, start + 1) === 39) {
      this.pos += 2;
      this.stack.push({ mode: 'template', token: this.push('templateStart', start) });
      return;
    }
    if (isIdentStart(c)) return this.identifier(start);
    if (isDigit(c) || (c === 46 && isDigit(this.code(start + 1)) && !this.afterOperand())) return this.number(start);
    if (c === 39) return this.quoted(start, "'", 'string');
    if (c === 96) return this.quoted(start, '`', 'quotedIdent');
    if (c === 34) return this.quoted(start, '"', 'quotedIdent');
    this.operator(start);
  }

  private comment(c: number): boolean {
    const src = this.src;
    const next = charAt(src, this.pos + 1);
    const start = this.pos;
    if ((c === 45 && next === 45) || (c === 47 && next === 47) || c === 35) {
      while (this.pos < src.length && src[this.pos] !== '\n' && src[this.pos] !== '\r') this.pos++;
      this.comments.push({ start, end: this.pos, block: false });
      return true;
    }
    if (c === 47 && next === 42) {
      const close = src.indexOf('*/', start + 2);
      this.pos = close < 0 ? src.length : close + 2;
      this.comments.push({ start, end: this.pos, block: true, ...(close < 0 ? { unterminated: true } : {}) });
      return true;
    }
    return false;
  }

  /** True when the previous token ends an operand (so `.5` after it is a dot, not a number). */
  private afterOperand(): boolean {
    const prev = this.tokens[this.tokens.length - 1];
    if (!prev || prev.end !== this.pos) return false;
    return prev.kind === 'ident' || prev.kind === 'quotedIdent' || prev.kind === 'number' || prev.text === ')' || prev.text === ']';
  }

  private identifier(start: number): void {
    const src = this.src;
    let end = start;
    let h = 0;
    for (let c = charAt(src, end); isIdentPart(c); c = charAt(src, ++end)) h = foldHash(h, c);
    this.pos = end;
    const text = spelling(src, start, end, h);
    this.tokens.push(token('ident', start, end, text, keywordAt(src, start, end, h), text, undefined));
  }

  private number(start: number): void {
    const src = this.src;
    const prev = this.tokens[this.tokens.length - 1];
    const tupleIndex = prev !== undefined && prev.end === start && (prev.text === '.' || prev.text === '?.');
    const c1 = charAt(src, start + 1);
    if (src[start] === '0' && (c1 === 120 || c1 === 88) && isHex(this.code(start + 2))) { // 0x 0X
      this.pos = start + 2;
      while (isHex(this.code())) this.pos++;
      this.push('number', start);
      return;
    }
    if (src[start] === '0' && (c1 === 98 || c1 === 66) && (this.code(start + 2) === 48 || this.code(start + 2) === 49)) { // 0b 0B, then 0 or 1
      this.pos = start + 2;
      while (this.code() === 48 || this.code() === 49) this.pos++;
      this.push('number', start);
      return;
    }
    while (isDigit(this.code())) this.pos++;
    if (!tupleIndex && this.code() === 46 && this.code(this.pos + 1) !== 46) { // a `.`, not `..`
      const afterDot = this.code(this.pos + 1);
      if (isDigit(afterDot) || !isIdentStart(afterDot)) {
        this.pos++;
        while (isDigit(this.code())) this.pos++;
      }
    }
    if (!tupleIndex) this.exponent();
    this.push('number', start);
  }

  private exponent(): void {
    const e = this.code();
    if (e !== 101 && e !== 69) return; // e E
    let p = this.pos + 1;
    if (this.code(p) === 43 || this.code(p) === 45) p++; // + -
    if (!isDigit(this.code(p))) return;
    while (isDigit(this.code(p))) p++;
    this.pos = p;
  }

  private quoted(start: number, quote: string, kind: TokenKind): void {
    const src = this.src;
    let p = start + 1;
    let closed = false;
    while (p < src.length) {
      const ch = src[p];
      if (ch === '\\') {
        p += 2;
        continue;
      }
      if (ch === quote) {
        if (p + 1 < src.length && src[p + 1] === quote) {
          p += 2;
          continue;
        }
        closed = true;
        p++;
        break;
      }
      p++;
    }
    this.pos = Math.min(p, src.length);
    const body = src.slice(start + 1, closed ? this.pos - 1 : this.pos);
    this.push(kind, start, unescapeQuoted(body, quote), closed ? undefined : true);
  }

  private operator(start: number): void {
    const len = operatorLength(this.src, start);
    if (len === 0) {
      const cp = this.src.codePointAt(start)!;
      this.pos += cp > 0xffff ? 2 : 1;
      this.push('unknown', start);
      return;
    }
    this.pos += len;
    const tok = this.push('op', start);
    if (len === 1) this.trackBraces(tok.text);
  }

  private trackBraces(text: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top.mode !== 'code') return;
    if (text === '{') top.depth++;
    else if (text === '}') {
      if (top.depth > 0) top.depth--;
      else if (this.stack.length > 1) this.stack.pop();
    }
  }

  /** Inside f'…': literal text up to `{` (expression) or the closing quote. */
  private templatePart(): void {
    const src = this.src;
    const start = this.pos;
    let p = start;
    while (p < src.length) {
      const ch = src[p];
      if (ch === '\\') p += 2;
      else if (ch === "'" && p + 1 < src.length && src[p + 1] === "'") p += 2;
      else if (ch === "'" || ch === '{') break;
      else p++;
    }
    this.pos = Math.min(p, src.length);
    if (this.pos > start) {
      this.push('templateText', start, unescapeQuoted(src.slice(start, this.pos), "'"));
    }
    if (this.pos >= src.length) return;
    const s = this.pos++;
    if (src[s] === "'") {
      this.push('templateEnd', s);
      this.stack.pop();
    } else {
      this.push('op', s);
      this.stack.push({ mode: 'code', depth: 0 });
    }
  }

  /** Flags the start of every f-string that was still open at end of input. */
  private markOpenTemplate(): void {
    for (const frame of this.stack) if (frame.mode === 'template') frame.token.unterminated = true;
  }
}

/**
 * The last whole document lexed. Completion, hover, signature help, outline and diagnostics all
 * lex the same document version in turn; the result is shared read-only (nobody mutates tokens).
 * Only texts of some size are kept: small ones are cheaper to lex than to compare.
 */
let last: { text: string; result: LexResult } | undefined;
const CACHE_FROM = 4_096;

function cached(text: string): LexResult | undefined {
  return last && last.text.length === text.length && last.text === text ? last.result : undefined;
}

function remember(text: string, result: LexResult): LexResult {
  if (text.length >= CACHE_FROM) last = { text, result };
  return result;
}

/** Drops the cached last document (tests compare fresh results). */
export function forgetLastLex(): void {
  last = undefined;
}

/** Tokenizes HogQL source. Never throws. */
export function lex(text: string): LexResult {
  return cached(text) ?? remember(text, new Lexer(text).run());
}

/**
 * `lex` in slices of about `sliceMs`, awaiting `pause()` between them so a big document never
 * blocks the thread for long (a cold first lex of 1,000 lines takes 10–20 ms before the JIT has
 * warmed up). `pause` resolves false to give up; the result is then undefined.
 */
export async function lexInSlices(text: string, pause: () => Promise<boolean>, sliceMs = SLICE_MS): Promise<LexResult | undefined> {
  const hit = cached(text);
  if (hit) return hit;
  const lexer = new Lexer(text);
  while (!lexer.runUntil(performance.now() + sliceMs)) {
    if (!(await pause())) return undefined;
  }
  return remember(text, { tokens: lexer.tokens, comments: lexer.comments });
}

/** Index of the first token whose end is after `offset` (binary search). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
