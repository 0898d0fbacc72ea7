/**
 * The formatter's view of one statement: its tokens and comments as a tree of items nested by
 * brackets. Source text is never rewritten here: every atom holds the exact text of its token,
 * and HogQLX tags, placeholders, lambdas and f-strings are single verbatim atoms (their source
 * slice, comments and line breaks included). Only keyword case and whitespace may change later.
 */
import type { Node } from '../ast';
import type { Comment, Token } from '../lexer';
import { walk } from '../visit';

export interface Atom {
  t: 'atom';
  text: string;
  /** Uppercase keyword when the token is used as a keyword (never for identifiers or names). */
  kw?: string;
  /** Token kind, or 'verbatim' for a copied region. */
  kind: Token['kind'] | 'verbatim';
}

export interface CommentItem {
  t: 'comment';
  text: string;
  block: boolean;
  /** Nothing but whitespace before it on its source line. */
  ownLine: boolean;
}

export interface Group {
  t: 'group';
  open: string;
  close: string;
  items: Item[];
  /** The bracket holds a query (`(SELECT …)`, `((SELECT …) UNION ALL …)`). */
  query: boolean;
}

export type Item = Atom | CommentItem | Group;

const VERBATIM_KINDS = new Set(['Tag', 'Placeholder', 'Lambda', 'TemplateString']);
const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Ranges to copy byte for byte, and the start offsets of identifier tokens (never re-cased). */
export function roles(query: Node): { verbatim: { start: number; end: number }[]; identStarts: Set<number> } {
  const verbatim: { start: number; end: number }[] = [];
  const identStarts = new Set<number>();
  walk(query, (n) => {
    if (VERBATIM_KINDS.has(n.kind)) {
      verbatim.push({ start: n.start, end: n.end });
      return false;
    }
    if (n.kind === 'Ident') identStarts.add(n.start);
    return undefined;
  });
  verbatim.sort((a, b) => a.start - b.start);
  return { verbatim, identStarts };
}

function firstCommentFrom(comments: readonly Comment[], offset: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Source {
  text: string;
  tokens: readonly Token[];
  comments: readonly Comment[];
}

/** Whether only spaces and tabs separate `offset` from the previous line break (or a non-space). */
function startsLine(text: string, offset: number, floor: number): boolean {
  for (let i = offset - 1; i >= floor; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return floor === 0;
}

/**
 * Items of the tokens `[from, to)` of `src` (one statement), with the comments between them.
 * Returns undefined when brackets do not balance (the statement is then left as it is).
 */
export function buildItems(src: Source, from: number, to: number, query: Node): Item[] | undefined {
  const { verbatim, identStarts } = roles(query);
  const start = src.tokens[from].start;
  const end = src.tokens[to - 1].end;
  const flat: (Atom | CommentItem)[] = [];
  let v = 0;
  let c = firstCommentFrom(src.comments, start);
  const flushComments = (before: number): boolean => {
    for (; c < src.comments.length && src.comments[c].start < before; c++) {
      const cm = src.comments[c];
      if (cm.unterminated) return false;
      flat.push({ t: 'comment', text: src.text.slice(cm.start, cm.end), block: cm.block, ownLine: startsLine(src.text, cm.start, 0) });
    }
    return true;
  };
  for (let i = from; i < to; i++) {
    const tok = src.tokens[i];
    while (v < verbatim.length && verbatim[v].end <= tok.start) v++;
    if (!flushComments(tok.start)) return undefined;
    const region = verbatim[v];
    if (region && region.start <= tok.start && tok.start < region.end) {
      flat.push({ t: 'atom', text: src.text.slice(region.start, region.end), kind: 'verbatim' });
      while (i + 1 < to && src.tokens[i + 1].start < region.end) i++;
      while (c < src.comments.length && src.comments[c].start < region.end) c++;
      v++;
      continue;
    }
    const atom: Atom = { t: 'atom', text: tok.text, kind: tok.kind };
    if (tok.keyword && tok.kind === 'ident' && !identStarts.has(tok.start) && keywordRole(src.tokens, i)) atom.kw = tok.keyword;
    flat.push(atom);
  }
  return flushComments(end) ? nest(flat) : undefined;
}

/**
 * Whether a keyword token may be re-cased. PostHog reads a keyword after `.` as a name
 * (`properties.from`), and `NOT (x)` as a call whose name keeps its spelling.
 */
function keywordRole(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (prev && prev.kind === 'op' && (prev.text === '.' || prev.text === '?.')) return false;
  return !(tokens[i].keyword === 'NOT' && tokens[i + 1]?.text === '(');
}

function nest(flat: (Atom | CommentItem)[]): Item[] | undefined {
  const root: Item[] = [];
  const stack: { items: Item[]; group?: Group }[] = [{ items: root }];
  for (const item of flat) {
    const top = stack[stack.length - 1];
    if (item.t === 'atom' && item.kind === 'op' && item.text in CLOSERS) {
      const group: Group = { t: 'group', open: item.text, close: CLOSERS[item.text], items: [], query: false };
      top.items.push(group);
      stack.push({ items: group.items, group });
    } else if (item.t === 'atom' && item.kind === 'op' && (item.text === ')' || item.text === ']' || item.text === '}')) {
      if (!top.group || top.group.close !== item.text) return undefined;
      top.group.query = isQuery(top.group.items);
      stack.pop();
    } else top.items.push(item);
  }
  return stack.length === 1 ? root : undefined;
}

/** A bracket's content is a query when it starts (after comments) with SELECT, WITH or a query in brackets. */
export function isQuery(items: Item[]): boolean {
  const first = items.find((i) => i.t !== 'comment');
  if (!first) return false;
  if (first.t === 'group') return first.open === '(' && first.query;
  return first.t === 'atom' && (first.kw === 'SELECT' || first.kw === 'WITH');
}
