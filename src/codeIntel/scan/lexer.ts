/**
 * Small lexers for the PostHog SDK scanner: one pass over the text, comments skipped, strings kept
 * with their literal value (undefined when they have substitutions), identifiers and one-character
 * punctuation. Enough to find SDK calls and their literal arguments without a grammar; far cheaper
 * than a parse. Pure: no `vscode`.
 */
import type { SdkLanguage, StrLit } from './types';

export const enum K {
  Ident,
  Str,
  Punct,
  /** A `/* hogql *\/` or `# hogql` marker comment. */
  Marker,
}

export interface Tok {
  k: K;
  s: number;
  e: number;
  /** Ident: the name; Punct: the character; Str: undefined (see `str`). */
  v: string;
  str?: StrLit;
  /** Str only: a template literal (JS backticks). */
  template?: boolean;
}

const isIdentStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c > 127;
const isIdentPart = (c: number): boolean => isIdentStart(c) || (c >= 48 && c <= 57);
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11;
const NL = 10;
const BACKSLASH = 92;

/** Tokens after which `/` starts a regular expression in JS (not a division). */
const REGEX_AFTER_PUNCT = new Set('(,=:[!&|?{};+-*%<>~^');
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);

const HOGQL_MARKER = /^\s*hogql\s*$/i;

function unescape(raw: string): string {
  return raw.indexOf('\\') < 0 ? raw : raw.replace(/\\(.)/g, '$1');
}

/** A quoted string from `i` (the opening quote) to its closing quote, or the end of the line. */
function quoted(text: string, i: number, quote: number, contentStart: number, start: number): Tok {
  const n = text.length;
  let j = contentStart;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j += 2;
    else if (c === quote || c === NL) break;
    else j++;
  }
  const closed = j < n && text.charCodeAt(j) === quote;
  const contentEnd = Math.min(j, n);
  const end = closed ? j + 1 : contentEnd;
  const value = unescape(text.slice(contentStart, contentEnd));
  void i;
  return { k: K.Str, s: start, e: end, v: '', str: { value, start, end, contentStart, contentEnd } };
}

function pushPunctOrIdent(text: string, i: number, out: Tok[], identExtra?: (c: number) => boolean): number {
  const c = text.charCodeAt(i);
  if (isIdentStart(c)) {
    let j = i + 1;
    while (j < text.length && isIdentPart(text.charCodeAt(j))) j++;
    if (identExtra && j < text.length && identExtra(text.charCodeAt(j))) j++;
    out.push({ k: K.Ident, s: i, e: j, v: text.slice(i, j) });
    return j;
  }
  if (c >= 48 && c <= 57) {
    let j = i + 1;
    while (j < text.length && (isIdentPart(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
    return j;
  }
  out.push({ k: K.Punct, s: i, e: i + 1, v: text[i] });
  return i + 1;
}

function regexAllowed(text: string, i: number, out: Tok[]): boolean {
  const prev = out[out.length - 1];
  if (!prev) return true;
  if (prev.k === K.Punct) return REGEX_AFTER_PUNCT.has(prev.v) && !jsxTagSlash(text, i, prev);
  return prev.k === K.Ident && REGEX_AFTER_WORD.has(prev.v);
}

/**
 * A `/` where a regex could start that is a JSX tag's instead: `/>` after an attribute's `}`
 * (`<Foo bar={x} />`), or `</name>` / `</>` right after `<`. Neither is a likely regex there (`}` then
 * a regex starting with `>`; `<` glued to a regex that ends in `>` before its closing `/`), while
 * reading either as a regex hid every call later on the line.
 */
function jsxTagSlash(text: string, i: number, prev: Tok): boolean {
  if (prev.v === '}') return text.charCodeAt(i + 1) === 62;
  if (prev.v !== '<' || prev.e !== i) return false;
  let j = i + 1;
  for (let c = text.charCodeAt(j); isIdentPart(c) || c === 46 || c === 45 || c === 58; c = text.charCodeAt(++j));
  while (isSpace(text.charCodeAt(j))) j++;
  return text.charCodeAt(j) === 62;
}

function skipRegex(text: string, i: number): number {
  let j = i + 1;
  let inClass = false;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j += 2;
    else if (c === NL) return j;
    else {
      if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === 47 && !inClass) return j + 1;
      j++;
    }
  }
  return j;
}

/** A JS template literal's text from `j` to its end or its next `${`. */
function templatePart(text: string, j: number): { end: number; subst: boolean } {
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j += 2;
    else if (c === 96) return { end: j, subst: false };
    else if (c === 36 && text.charCodeAt(j + 1) === 123) return { end: j, subst: true };
    else j++;
  }
  return { end: text.length, subst: false };
}

/** JS/TS/JSX/TSX and Go (Go: backticks are raw strings, no regex literals). */
export function lexC(text: string, lang: 'js' | 'go'): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  /** Open template literals waiting for their substitution's `}`: the brace depth inside it. */
  const templates: { tok: Tok; depth: number }[] = [];
  let i = 0;
  const continueTemplate = (tok: Tok, from: number): number => {
    const part = templatePart(text, from);
    if (part.subst) {
      tok.str!.value = undefined;
      templates.push({ tok, depth: 0 });
      return part.end + 2;
    }
    const closed = part.end < n;
    tok.e = tok.str!.end = closed ? part.end + 1 : n;
    tok.str!.contentEnd = part.end;
    if (tok.str!.value !== undefined) tok.str!.value = unescape(text.slice(tok.str!.contentStart, part.end));
    return tok.e;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    if (c === 47) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) { const j = text.indexOf('\n', i); i = j < 0 ? n : j; continue; }
      if (d === 42) {
        const j = text.indexOf('*/', i + 2);
        const end = j < 0 ? n : j + 2;
        if (end - i < 40 && HOGQL_MARKER.test(text.slice(i + 2, end - 2))) out.push({ k: K.Marker, s: i, e: end, v: 'hogql' });
        i = end;
        continue;
      }
      if (lang === 'js' && regexAllowed(text, i, out)) { i = skipRegex(text, i); continue; }
    }
    if (c === 34 || c === 39) { const t = quoted(text, i, c, i + 1, i); out.push(t); i = t.e; continue; }
    if (c === 96) {
      if (lang === 'go') {
        const j = text.indexOf('`', i + 1);
        const end = j < 0 ? n : j;
        const value = text.slice(i + 1, end);
        const e = j < 0 ? n : j + 1;
        out.push({ k: K.Str, s: i, e, v: '', str: { value, start: i, end: e, contentStart: i + 1, contentEnd: end } });
        i = e;
        continue;
      }
      const tok: Tok = { k: K.Str, s: i, e: n, v: '', template: true, str: { value: '', start: i, end: n, contentStart: i + 1, contentEnd: n } };
      out.push(tok);
      i = continueTemplate(tok, i + 1);
      continue;
    }
    // (never `templates[-1]`: an out-of-bounds read leaves V8's fast path; it was 60 % of the lexer's time)
    const open = templates.length > 0 ? templates[templates.length - 1] : undefined;
    if (open && c === 123) open.depth++;
    else if (open && c === 125) {
      if (open.depth === 0) {
        templates.pop();
        i = continueTemplate(open.tok, i + 1);
        continue;
      }
      open.depth--;
    }
    i = pushPunctOrIdent(text, i, out);
  }
  return out;
}

/** Python: `#` comments, string prefixes (r, b, u, f), triple quotes; f-strings with `{…}` are not literal. */
export function lexPython(text: string): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    if (c === 35) {
      const j = text.indexOf('\n', i);
      const end = j < 0 ? n : j;
      if (/^#\s*hogql\b/i.test(text.slice(i, Math.min(end, i + 12)))) out.push({ k: K.Marker, s: i, e: end, v: 'hogql' });
      i = end;
      continue;
    }
    let p = i;
    while (p < n && p - i < 2 && /[rRbBuUfF]/.test(text[p])) p++;
    const q = text.charCodeAt(p);
    if ((q === 34 || q === 39) && (p === i || !isIdentPart(text.charCodeAt(i - 1)))) {
      const prefix = text.slice(i, p).toLowerCase();
      const raw = prefix.includes('r');
      const f = prefix.includes('f');
      const t = pythonString(text, i, p, q, raw);
      if (f && t.str!.value !== undefined && /\{(?!\{)/.test(t.str!.value)) t.str!.value = undefined;
      out.push(t);
      i = t.e;
      continue;
    }
    i = pushPunctOrIdent(text, i, out);
  }
  return out;
}

function pythonString(text: string, start: number, p: number, quote: number, raw: boolean): Tok {
  const triple = text.charCodeAt(p + 1) === quote && text.charCodeAt(p + 2) === quote;
  if (!triple) {
    const t = quoted(text, p, quote, p + 1, start);
    if (raw && t.str) t.str.value = text.slice(t.str.contentStart, t.str.contentEnd);
    return t;
  }
  const delim = text.slice(p, p + 3);
  let j = p + 3;
  while (j < text.length && !text.startsWith(delim, j)) j += text.charCodeAt(j) === BACKSLASH ? 2 : 1;
  const contentEnd = Math.min(j, text.length);
  const end = Math.min(contentEnd + 3, text.length);
  const body = text.slice(p + 3, contentEnd);
  return { k: K.Str, s: start, e: end, v: '', str: { value: raw ? body : unescape(body), start, end, contentStart: p + 3, contentEnd } };
}

/** Ruby: `#` and `=begin`/`=end` comments, `'…'` and `"…"` (`#{}` makes it not literal), `:symbols`, `name?`. */
export function lexRuby(text: string): Tok[] {
  const out: Tok[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    if (c === 35) { const j = text.indexOf('\n', i); i = j < 0 ? n : j; continue; }
    if (c === 61 && (i === 0 || text.charCodeAt(i - 1) === NL) && text.startsWith('=begin', i)) {
      const j = text.indexOf('\n=end', i);
      i = j < 0 ? n : j + 5;
      continue;
    }
    if (c === 34 || c === 39) {
      const t = quoted(text, i, c, i + 1, i);
      if (c === 34 && t.str!.value !== undefined && text.slice(t.str!.contentStart, t.str!.contentEnd).includes('#{')) t.str!.value = undefined;
      out.push(t);
      i = t.e;
      continue;
    }
    i = pushPunctOrIdent(text, i, out, (d) => d === 63 || d === 33);
  }
  return out;
}

export function lex(text: string, lang: SdkLanguage): Tok[] {
  switch (lang) {
    case 'js': return lexC(text, 'js');
    case 'go': return lexC(text, 'go');
    case 'python': return lexPython(text);
    case 'ruby': return lexRuby(text);
  }
}
