/**
 * "Remove the check" in Python: `if CHECK:` blocks (with `elif`/`else`), `if not CHECK:` and
 * `a if CHECK else b`, where CHECK is always true or always false. One-line `if x: …`, an
 * `elif CHECK:` branch, headers over several lines and checks inside a larger condition are
 * refused. A block left empty by the removal gets `pass`. Pure: no `vscode`.
 */
import { K, type Tok } from '../scan/lexer';
import { type Check, firstOnLine, indentAt, isP, isW, lineEnd, lineStart, refuse, reindent, type RemovalResult } from './common';

export function removeCheckPython(text: string, toks: Tok[], check: Check): RemovalResult {
  const { from, to, value } = check;
  const prev = toks[from - 1];
  if (isW(prev, 'elif')) return refuse('the check is an elif branch');
  if (isW(prev, 'if') && isP(toks[to + 1], ':') && firstOnLine(text, prev.s)) return ifStatement(text, toks, from - 1, to + 1, value);
  if (isW(prev, 'if') && isW(toks[to + 1], 'else')) return conditional(text, toks, from - 1, to + 1, value);
  return refuse('the flag check is not the whole condition of an if statement or a conditional expression');
}

const HEADER_TAIL = /^[ \t]*(#.*)?\r?$/;
const widthOf = (line: string): number => /^[ \t]*/.exec(line)![0].length;

/** A clause's body: the lines after `from` indented deeper than `width`; [start, end) and where the next line starts. */
function bodyOf(text: string, from: number, width: number): { start: number; end: number; next: number } | undefined {
  let pos = from;
  let end = -1;
  while (pos < text.length) {
    const le = lineEnd(text, pos);
    const line = text.slice(pos, le);
    if (line.trim() && widthOf(line) <= width) break;
    if (line.trim()) end = le;
    pos = le + 1;
  }
  return end < 0 ? undefined : { start: from, end, next: Math.min(pos, text.length) };
}

interface Clause {
  /** `elif` or `else` header token. */
  tok: Tok;
  body: { start: number; end: number; next: number };
}

/** The `elif …:` / `else:` clauses at `width` after a body ending at `next`. */
function clausesAfter(text: string, toks: Tok[], next: number, width: number): Clause[] | string {
  const out: Clause[] = [];
  for (let pos = next; pos < text.length; ) {
    const le = lineEnd(text, pos);
    const line = text.slice(pos, le);
    if (widthOf(line) !== width) break;
    const word = toks.find((t) => t.s === pos + width);
    if (!isW(word, 'elif') && !isW(word, 'else')) break;
    const header = /:[ \t]*(#.*)?\r?$/.exec(line);
    if (!header) return 'an elif/else header over several lines, or with a statement after its colon';
    const body = bodyOf(text, le + 1, width);
    if (!body) return 'an empty elif/else branch';
    out.push({ tok: word!, body });
    if (word!.v === 'else') break;
    pos = body.next;
  }
  return out;
}

/** Whether a string literal runs across `at` (then the lines are not the statement's). */
const insideString = (toks: Tok[], at: number): boolean => toks.some((t) => t.k === K.Str && t.s < at && t.e > at);

function ifStatement(text: string, toks: Tok[], ifIdx: number, colon: number, value: boolean): RemovalResult {
  const ifTok = toks[ifIdx];
  const head = lineEnd(text, toks[colon].e);
  if (!HEADER_TAIL.test(text.slice(toks[colon].e, head))) return refuse('a one-line if');
  const indent = indentAt(text, ifTok.s);
  const body = bodyOf(text, head + 1, indent.length);
  if (!body) return refuse('an if without a body');
  const clauses = clausesAfter(text, toks, body.next, indent.length);
  if (typeof clauses === 'string') return refuse(clauses);
  const last = clauses.length ? clauses[clauses.length - 1].body : body;
  const start = lineStart(text, ifTok.s);
  const end = last.end;
  if ([body.end, end].some((at) => insideString(toks, at))) return refuse('a string across the end of a block');
  const elseClause = clauses.find((c) => c.tok.v === 'else');
  const shape = clauses.length === 0 ? 'if' : clauses[0].tok.v === 'elif' ? 'else-if' : 'if-else';
  const keep = (b: { start: number; end: number }): RemovalResult =>
    ({ ok: true, edit: { start, end, text: reindent(text.slice(b.start, b.end).split('\n'), indent, true), shape } });
  if (value) return keep(body);
  if (clauses[0]?.tok.v === 'elif') return { ok: true, edit: { start: ifTok.s, end: clauses[0].tok.e, text: 'if', shape } };
  if (elseClause) return keep(elseClause.body);
  const lineAfter = end < text.length ? end + 1 : end;
  return { ok: true, edit: { start, end: lineAfter, text: leavesEmptyBlock(text, start, lineAfter, indent.length) ? `${indent}pass\n` : '', shape } };
}

/** Whether removing the lines [start, end) leaves the block they stand in with no statement. */
function leavesEmptyBlock(text: string, start: number, end: number, width: number): boolean {
  if (width === 0) return false;
  const before = text.slice(0, start).split('\n').reverse().find((l) => l.trim() && !l.trim().startsWith('#'));
  const opensBlock = !!before && /:[ \t]*(#.*)?\r?$/.test(before);
  const after = text.slice(end).split('\n').find((l) => l.trim() && !l.trim().startsWith('#'));
  return opensBlock && (after === undefined || widthOf(after) < width);
}

const STOP_BACK = new Set(['return', 'else', 'lambda', 'yield', 'in', 'assert']);

/** `a if CHECK else b` → a or b. */
function conditional(text: string, toks: Tok[], ifIdx: number, elseIdx: number, value: boolean): RemovalResult {
  const consStart = consequentStart(text, toks, ifIdx);
  const altEnd = alternativeEnd(text, toks, elseIdx);
  const cons = text.slice(consStart, toks[ifIdx].s).trim();
  const rawAlt = text.slice(toks[elseIdx].e, altEnd);
  const alt = rawAlt.trim();
  if (!cons || !alt || cons.includes('\n') || alt.includes('\n') || /\\\r?\n/.test(text.slice(consStart, altEnd))) return refuse('a conditional expression over several lines');
  const start = consStart + (text.slice(consStart).length - text.slice(consStart).trimStart().length);
  return { ok: true, edit: { start, end: toks[elseIdx].e + rawAlt.trimEnd().length, text: value ? cons : alt, shape: 'ternary' } };
}

/** Where the consequent before `if` starts: after `=`, an opening bracket, `,`, `:`, `return`, … */
function consequentStart(text: string, toks: Tok[], ifIdx: number): number {
  let depth = 0;
  const line = lineStart(text, toks[ifIdx].s);
  for (let k = ifIdx - 1; k >= 0; k--) {
    const t = toks[k];
    if (depth === 0 && t.e <= line) return line;
    if (t.k === K.Punct) {
      if (t.v === ')' || t.v === ']' || t.v === '}') depth++;
      else if (t.v === '(' || t.v === '[' || t.v === '{') {
        if (depth === 0) return t.e;
        depth--;
      } else if (depth === 0 && (t.v === ',' || t.v === ':')) return t.e;
      else if (depth === 0 && t.v === '=' && !'=!<>'.includes(text[t.s - 1] ?? '') && text[t.e] !== '=') return t.e;
    } else if (depth === 0 && t.k === K.Ident && STOP_BACK.has(t.v)) return t.e;
  }
  return line;
}

/** Where the alternative after `else` ends: a closing bracket, `,`, `:`, `for`, or the end of its line. */
function alternativeEnd(text: string, toks: Tok[], elseIdx: number): number {
  let depth = 0;
  let lastEnd = toks[elseIdx].e;
  for (let k = elseIdx + 1; k < toks.length; k++) {
    const t = toks[k];
    if (depth === 0 && text.slice(lastEnd, t.s).includes('\n')) return lineEnd(text, lastEnd);
    if (t.k === K.Punct) {
      if (t.v === '(' || t.v === '[' || t.v === '{') depth++;
      else if (t.v === ')' || t.v === ']' || t.v === '}') {
        if (depth === 0) return t.s;
        depth--;
      } else if (depth === 0 && (t.v === ',' || t.v === ':')) return t.s;
    } else if (depth === 0 && isW(t, 'for')) return t.s;
    lastEnd = t.e;
  }
  return lineEnd(text, lastEnd);
}
