/**
 * HogQL formatter (issue #18): a pretty printer over our lexer's tokens. It only changes
 * whitespace and the case of keywords; every comment, string, identifier, placeholder, lambda,
 * f-string and HogQLX tag is printed byte for byte. A statement with syntax errors is left as
 * it is. Pure (no vscode): the editor's providers live in src/language/formatting.ts.
 */
import type { Comment, LexResult, Token } from '../lexer';
import { parse, type ParsedStatement } from '../parse';
import { buildItems } from './items';
import { renderQuery } from './layout';
import { DEFAULT_OPTIONS, Out, type FormatOptions } from './out';

export { DEFAULT_OPTIONS, type FormatOptions } from './out';

export interface FormatEdit {
  start: number;
  end: number;
  text: string;
}

function normalize(options: Partial<FormatOptions>): FormatOptions {
  const o = { ...DEFAULT_OPTIONS, ...options };
  const int = (v: number, min: number, max: number, d: number): number => (Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : d);
  return {
    keywordCase: o.keywordCase === 'lower' || o.keywordCase === 'preserve' ? o.keywordCase : 'upper',
    indent: int(o.indent, 1, 8, DEFAULT_OPTIONS.indent),
    width: int(o.width, 20, 1_000, DEFAULT_OPTIONS.width),
  };
}

/** One statement formatted from column 0, or undefined to leave it as it is. */
function formatStatement(text: string, lexed: LexResult, s: ParsedStatement, opts: FormatOptions): string | undefined {
  if (s.problems.some((p) => p.severity === 'error')) return undefined;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = lexed.tokens[i];
    if (t.kind === 'unknown' || t.unterminated) return undefined;
  }
  const items = buildItems({ text, tokens: lexed.tokens, comments: lexed.comments }, s.tokenStart, s.tokenEnd, s.query);
  if (!items) return undefined;
  const out = new Out(opts);
  renderQuery(out, items, 0);
  return out.text();
}

const newlines = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
};

/** What lies between statements: comments and `;`, laid out by the line breaks around them. */
class Gaps {
  out = '';
  private afterLineComment = false;
  private afterBlockComment = false;
  /** Next comment and token to look at (gaps come in order). */
  private c = 0;
  private t = 0;

  constructor(private readonly text: string, private readonly lexed: LexResult) {}

  /** Emits the comments and semicolons in `[from, to)`; returns the whitespace after the last. */
  gap(from: number, to: number): string {
    const items: (Comment | Token)[] = [];
    const { comments, tokens } = this.lexed;
    while (this.c < comments.length && comments[this.c].start < from) this.c++;
    for (; this.c < comments.length && comments[this.c].end <= to; this.c++) items.push(comments[this.c]);
    while (this.t < tokens.length && tokens[this.t].start < from) this.t++;
    for (; this.t < tokens.length && tokens[this.t].end <= to && tokens[this.t].kind !== 'eof'; this.t++) items.push(tokens[this.t]);
    items.sort((a, b) => a.start - b.start);
    let pos = from;
    for (const it of items) {
      const nl = newlines(this.text.slice(pos, it.start));
      const body = this.text.slice(it.start, it.end);
      if ('kind' in it) this.out += this.afterLineComment ? `\n${body}` : body;
      else this.out += this.out === '' ? body : nl === 0 ? ` ${body}` : `${nl > 1 ? '\n\n' : '\n'}${body}`;
      this.afterLineComment = !('kind' in it) && !it.block;
      this.afterBlockComment = !('kind' in it) && it.block;
      pos = it.end;
    }
    return this.text.slice(pos, to);
  }

  /** Starts a statement after the whitespace `ws`. */
  statement(ws: string, formatted: string): void {
    const nl = newlines(ws);
    if (this.out !== '') this.out += nl > 1 ? '\n\n' : nl === 0 && this.afterBlockComment ? ' ' : '\n';
    this.out += formatted;
    this.afterLineComment = this.afterBlockComment = false;
  }
}

/** The whole text formatted. */
export function formatHogQL(text: string, options: Partial<FormatOptions> = {}): string {
  const opts = normalize(options);
  const parsed = parse(text);
  const gaps = new Gaps(text, parsed.lex);
  let pos = 0;
  for (const s of parsed.statements) {
    const ws = gaps.gap(pos, s.range.start);
    gaps.statement(ws, formatStatement(text, parsed.lex, s, opts) ?? text.slice(s.range.start, s.range.end));
    pos = s.range.end;
  }
  gaps.gap(pos, text.length);
  const ends = /\r?\n$/.test(text);
  return gaps.out + (ends && gaps.out !== '' && !gaps.out.endsWith('\n') ? '\n' : '');
}

/** Edits that format the statements touching `[start, end]` (each replaces a statement's range). */
export function formatRange(text: string, start: number, end: number, options: Partial<FormatOptions> = {}): FormatEdit[] {
  const opts = normalize(options);
  const parsed = parse(text);
  const edits: FormatEdit[] = [];
  for (const s of parsed.statements) {
    if (s.range.end < start || s.range.start > end) continue;
    const formatted = formatStatement(text, parsed.lex, s, opts);
    if (formatted !== undefined && formatted !== text.slice(s.range.start, s.range.end)) {
      edits.push({ start: s.range.start, end: s.range.end, text: formatted });
    }
  }
  return edits;
}
