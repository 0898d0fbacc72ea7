/**
 * HogQL lexer. Never throws, runs in linear time (hand-written scanning, no
 * regular expressions), and gives every token its exact UTF-16 range.
 *
 * Significant tokens and comments are returned in two arrays; whitespace is dropped.
 * Keywords are identifiers with `keyword` set to the uppercase spelling, because
 * most HogQL keywords can also be used as identifiers.
 */
import { objectArray } from './arrays';
import { foldHash, keywordAt } from './keywords';
import { charAt, isDigit, isHex, isIdentPart, isIdentStart, isSpace, operatorLength, unescapeQuoted } from './lexChars';
import { SLICE_MS } from './slices';

export { isIdentPart, isIdentStart, unescapeQuoted } from './lexChars';

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

class Lexer {
  private pos = 0;
  // of object elements kind from the start: a `[]` deoptimized the lexer at its first push (s14)
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

  /**
   * A word, or the `f'` that opens a template string. That `f'` is told here, by the character after
   * the word, rather than before any word by its first letter: a test run only for words starting
   * with `f` had no type feedback when the lexer was optimized on a document without one, and
   * deoptimized it at the next `from` or `f(…)` (issue #21). Now only a real `f'` meets a new path.
   */
  private identifier(start: number): void {
    const src = this.src;
    let end = start;
    let h = 0;
    let c = charAt(src, end);
    for (; isIdentPart(c); c = charAt(src, ++end)) h = foldHash(h, c);
    if (c === 39 && end === start + 1 && src.charCodeAt(start) === 102) {
      this.pos = end + 1;
      this.stack.push({ mode: 'template', token: this.push('templateStart', start) });
      return;
    }
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
