/**
 * Outline (document symbols) and folding ranges.
 */
import type { Node } from './ast';
import { parse, type ParsedStatement, type ParseResult } from './parse';
import { lineStarts, positionAt, type Range } from './text';
import { walk } from './visit';

export interface HogQLSymbol {
  name: string;
  kind: 'statement' | 'cte' | 'subquery';
  /** Whole extent of the symbol. */
  range: Range;
  /** The part to highlight/reveal (first token, CTE name or alias). */
  selectionRange: Range;
  children: HogQLSymbol[];
}

export interface FoldingRange {
  /** 0-based lines, both inclusive. */
  startLine: number;
  endLine: number;
  kind: 'region' | 'comment';
}

const MAX_NAME = 60;

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > MAX_NAME ? `${one.slice(0, MAX_NAME - 1)}…` : one;
}

/**
 * Statement name: the text of a line comment directly above the statement
 * (inside its chunk), else the statement's first line.
 */
function statementName(text: string, parsed: ParseResult, s: ParsedStatement): string {
  const comments = parsed.lex.comments.filter((c) => !c.block && c.start >= s.chunk.start && c.end <= s.range.start);
  const last = comments[comments.length - 1];
  if (last && !/\S/.test(text.slice(last.end, s.range.start).replace(/[\r\n]/g, ''))) {
    const body = text.slice(last.start, last.end).replace(/^(--|\/\/|#)\s*/, '');
    if (body.trim()) return clip(body);
  }
  const firstLineEnd = text.slice(s.range.start, s.range.end).search(/[\r\n]/);
  return clip(text.slice(s.range.start, firstLineEnd < 0 ? s.range.end : s.range.start + firstLineEnd));
}

function childSymbols(root: Node): HogQLSymbol[] {
  const out: HogQLSymbol[] = [];
  walk(root, (node) => {
    if (node === root) return true;
    if (node.kind === 'Cte') {
      out.push({
        name: node.name.name, kind: 'cte', range: { start: node.start, end: node.end },
        selectionRange: { start: node.name.start, end: node.name.end }, children: childSymbols(node.expr),
      });
      return false;
    }
    if (node.kind === 'JoinItem' && node.table.kind === 'Subquery') {
      const sel = node.alias ?? node.table;
      out.push({
        name: node.alias ? node.alias.name : '(subquery)', kind: 'subquery', range: { start: node.start, end: node.end },
        selectionRange: { start: sel.start, end: sel.end }, children: childSymbols(node.table.query),
      });
      return false;
    }
    return true;
  });
  return out;
}

/** Outline: one symbol per statement, with its CTEs and FROM subqueries nested. */
export function documentSymbols(text: string, parsed: ParseResult = parse(text)): HogQLSymbol[] {
  return parsed.statements.map((s) => statementSymbol(parsed, s));
}

/** The outline entry of one statement of `parsed` (for callers that work in slices). */
export function statementSymbol(parsed: ParseResult, s: ParsedStatement): HogQLSymbol {
  return {
    name: statementName(parsed.text, parsed, s),
    kind: 'statement',
    range: s.range,
    selectionRange: { start: s.range.start, end: Math.min(s.range.end, s.range.start + 6) },
    children: childSymbols(s.query),
  };
}

/** Folding: multi-line statements, subqueries, parenthesised blocks and block comments. */
export function foldingRanges(text: string, parsed: ParseResult = parse(text)): FoldingRange[] {
  const starts = lineStarts(text);
  const byStart = new Map<number, FoldingRange>();
  const add = (start: number, end: number, kind: FoldingRange['kind']): void => {
    const a = positionAt(starts, start).line;
    const b = positionAt(starts, Math.max(start, end - 1)).line;
    if (b <= a) return;
    const prev = byStart.get(a);
    if (!prev || prev.endLine < b) byStart.set(a, { startLine: a, endLine: b, kind });
  };
  for (const s of parsed.statements) add(s.range.start, s.range.end, 'region');
  const open: number[] = [];
  for (const t of parsed.lex.tokens) {
    if (t.kind !== 'op') continue;
    if (t.text === '(') open.push(t.start);
    else if (t.text === ')' && open.length > 0) add(open.pop()!, t.end, 'region');
  }
  for (const c of parsed.lex.comments) if (c.block) add(c.start, c.end, 'comment');
  return [...byStart.values()].sort((x, y) => x.startLine - y.startLine);
}
