/**
 * Layout of a query's items: each clause on its own line, a clause that fits the width on one
 * line, longer select/group/order lists one item a line, longer boolean chains broken before
 * AND/OR, subqueries indented one level inside their brackets. Only whitespace is decided here.
 */
import type { Atom, Group, Item } from './items';
import { atomText, Out, type FormatOptions } from './out';

type ClauseKind = 'NONE' | 'WITH' | 'SELECT' | 'FROM' | 'JOIN' | 'BOOL' | 'LIST' | 'LIMIT' | 'OTHER' | 'SET';

interface Clause {
  kind: ClauseKind;
  items: Item[];
  /** Number of leading items (comments on their own lines, then the clause's keywords) before the body. */
  head: number;
}

const JOIN_MODS = new Set(['GLOBAL', 'ANY', 'ALL', 'ASOF', 'LEFT', 'RIGHT', 'INNER', 'FULL', 'OUTER', 'CROSS', 'SEMI', 'ANTI', 'ARRAY', 'PASTE']);
const SIMPLE: Record<string, ClauseKind> = {
  FROM: 'FROM', WHERE: 'BOOL', PREWHERE: 'BOOL', HAVING: 'BOOL', QUALIFY: 'BOOL', WINDOW: 'LIST', LIMIT: 'LIMIT', SETTINGS: 'OTHER',
};
const GLUE = new Set(['.', '?.', '::']);
const OPERAND_KEYWORDS = new Set(['END', 'NULL', 'TRUE', 'FALSE', 'INF', 'NAN', 'INFINITY']);

const kwAt = (items: Item[], i: number): string | undefined => {
  const it = items[i];
  return it && it.t === 'atom' ? it.kw : undefined;
};

/** Index of the next non-comment item at or after `i`. */
function nextSig(items: Item[], i: number): number {
  while (i < items.length && items[i].t === 'comment') i++;
  return i;
}

/** Where a clause starts at `i`: its kind and the index after its keywords; undefined if none. */
function clauseAt(items: Item[], i: number, current: ClauseKind, first: boolean, prevText: string | undefined): { kind: ClauseKind; after: number } | undefined {
  const kw = kwAt(items, i);
  if (!kw) return undefined;
  const next = nextSig(items, i + 1);
  if (kw === 'SELECT') return { kind: 'SELECT', after: kwAt(items, next) === 'DISTINCT' ? next + 1 : i + 1 };
  if (kw === 'WITH') return first ? { kind: 'WITH', after: i + 1 } : undefined;
  if (kw === 'GROUP' || kw === 'ORDER') return kwAt(items, next) === 'BY' ? { kind: 'LIST', after: next + 1 } : undefined;
  if (kw === 'OFFSET') return current === 'LIMIT' ? undefined : { kind: 'LIMIT', after: i + 1 };
  if (kw === 'UNION' || ((kw === 'INTERSECT' || kw === 'EXCEPT') && prevText !== '*')) {
    const mod = kwAt(items, next);
    return { kind: 'SET', after: mod === 'ALL' || mod === 'DISTINCT' ? next + 1 : i + 1 };
  }
  if (kw === 'JOIN' || JOIN_MODS.has(kw)) {
    let j = i;
    while (JOIN_MODS.has(kwAt(items, j) ?? '')) j = nextSig(items, j + 1);
    return kwAt(items, j) === 'JOIN' ? { kind: 'JOIN', after: j + 1 } : undefined;
  }
  const simple = SIMPLE[kw];
  return simple ? { kind: simple, after: i + 1 } : undefined;
}

/** Splits a query's items into clauses; comments alone on their lines go with the clause after them. */
export function clauses(items: Item[]): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  let kind: ClauseKind = 'NONE';
  let head = 0;
  let prevText: string | undefined;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.t === 'comment') continue;
    const found = clauseAt(items, i, kind, i === nextSig(items, 0), prevText);
    if (found) {
      let s = i;
      while (s > start && items[s - 1].t === 'comment' && (items[s - 1] as { ownLine: boolean }).ownLine) s--;
      if (s > start) out.push({ kind, items: items.slice(start, s), head: Math.min(head, s - start) });
      start = s;
      kind = found.kind;
      head = found.after - s;
      i = found.after - 1;
      prevText = undefined;
      continue;
    }
    prevText = it.t === 'atom' ? it.text : it.close;
  }
  if (start < items.length) out.push({ kind, items: items.slice(start), head: Math.min(head, items.length - start) });
  return out;
}

export function renderQuery(out: Out, items: Item[], indent: number): void {
  for (const c of clauses(items)) renderClause(out, c, indent);
}

function renderClause(out: Out, c: Clause, indent: number): void {
  out.newline(indent);
  flow(out, c.items.slice(0, c.head));
  const body = c.items.slice(c.head);
  if (body.length === 0) return;
  const line = inline(body, out.opts);
  if (line !== undefined && out.column() + (c.head > 0 ? 1 : 0) + line.length <= out.opts.width) {
    flow(out, body, c.head > 0);
  } else if ((c.kind === 'SELECT' || c.kind === 'LIST' || c.kind === 'WITH') && body.some(isComma)) {
    listLayout(out, body, indent + 1);
  } else if ((c.kind === 'BOOL' || c.kind === 'JOIN') && chainBreaks(body).size > 0) {
    const breaks = chainBreaks(body);
    flow(out, body, c.head > 0, (i) => (breaks.has(i) ? indent + 1 : undefined));
  } else flow(out, body, c.head > 0);
}

const isComma = (it: Item): boolean => it.t === 'atom' && it.kind === 'op' && it.text === ',';

/** One item a line; a comment after a comma stays on that line. */
function listLayout(out: Out, body: Item[], indent: number): void {
  let segment: Item[] = [];
  const flush = (): void => {
    out.newline(indent);
    flow(out, segment);
    segment = [];
  };
  let i = 0;
  for (; i < body.length; i++) {
    const it = body[i];
    if (!isComma(it)) {
      segment.push(it);
      continue;
    }
    flush();
    out.word(',', false);
    while (i + 1 < body.length && body[i + 1].t === 'comment' && !(body[i + 1] as { ownLine: boolean }).ownLine) {
      const cm = body[++i] as { text: string; block: boolean };
      out.comment(cm.text, cm.block, false);
    }
  }
  if (segment.length > 0) flush();
}

/** Indexes of the AND/OR of a boolean chain (not BETWEEN's AND, not inside CASE … END). */
function chainBreaks(body: Item[]): Set<number> {
  const at = new Set<number>();
  let between = false;
  let cases = 0;
  body.forEach((it, i) => {
    const kw = it.t === 'atom' ? it.kw : undefined;
    if (kw === 'CASE') cases++;
    else if (kw === 'END' && cases > 0) cases--;
    else if (kw === 'BETWEEN') between = true;
    else if (kw === 'AND' && between) between = false;
    else if ((kw === 'AND' || kw === 'OR') && cases === 0 && i > 0) at.add(i);
  });
  return at;
}

/** Whether rendering `items` must break a line: line comments, comments on their own lines, subqueries. */
function breaks(items: Item[]): boolean {
  return items.some((it) => {
    if (it.t === 'comment') return !it.block || it.ownLine || it.text.includes('\n');
    if (it.t === 'atom') return it.text.includes('\n');
    return it.query || breaks(it.items);
  });
}

/** The items on one line, or undefined when they cannot be. */
function inline(items: Item[], opts: FormatOptions): string | undefined {
  if (breaks(items)) return undefined;
  const o = new Out(opts);
  flow(o, items);
  return o.text();
}

function endsOperand(p: Item): boolean {
  if (p.t === 'group') return true;
  if (p.t === 'comment') return false;
  return p.kw ? OPERAND_KEYWORDS.has(p.kw) : p.kind !== 'op';
}

/** Space between two consecutive items (`prevUnary`: `prev` is a sign, not a binary operator). */
function spaced(prev: Item | undefined, next: Item, prevUnary: boolean): boolean {
  if (!prev) return false;
  if (next.t === 'atom' && next.kind === 'op' && (next.text === ',' || GLUE.has(next.text))) return false;
  if (prev.t === 'atom' && prev.kind === 'op' && GLUE.has(prev.text)) return false;
  if (prevUnary) return next.t === 'atom' && (next.text.startsWith('-') || next.text.startsWith('+'));
  if (next.t === 'group' && next.open !== '{') {
    if (prev.t === 'group') return next.open === '(' && prev.open === '[';
    if (prev.t === 'atom' && !prev.kw && (prev.kind === 'ident' || prev.kind === 'quotedIdent')) return false;
    if (next.open === '[' && prev.t === 'atom' && !prev.kw && prev.kind !== 'op') return false;
  }
  return true;
}

/**
 * Items in order with their spacing; `lead`: a space before the first one. `breakAt(i)` gives an
 * indent to break the line at before item i (boolean chains).
 */
export function flow(out: Out, items: Item[], lead = false, breakAt?: (i: number) => number | undefined): void {
  let prev: Item | undefined;
  let prevUnary = false;
  let afterComment = lead;
  items.forEach((it, i) => {
    if (it.t === 'comment') {
      out.comment(it.text, it.block, it.ownLine);
      afterComment = true;
      return;
    }
    const to = breakAt?.(i);
    if (to !== undefined) out.newline(to);
    const space = afterComment || spaced(prev, it, prevUnary);
    if (it.t === 'group') group(out, it, space);
    else out.word(atomText(it, out.opts), space);
    prevUnary = it.t === 'atom' && it.kind === 'op' && (it.text === '-' || it.text === '+') && (!prev || !endsOperand(prev));
    prev = it;
    afterComment = false;
  });
}

function group(out: Out, g: Group, space: boolean): void {
  out.word(g.open, space);
  if (g.query) {
    const at = out.indentLevel;
    renderQuery(out, g.items, at + 1);
    out.newline(at);
  } else flow(out, g.items);
  out.word(g.close, false);
}

export type { Atom };
