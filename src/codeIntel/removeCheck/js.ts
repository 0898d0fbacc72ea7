/**
 * "Remove the check" in TypeScript/JavaScript: `if (CHECK) {A} else {B}` (with `else if` chains),
 * `if (!CHECK) …` and `CHECK ? a : b`, where CHECK is always true or always false. Branches without
 * braces, an `else if (CHECK)` branch and checks inside a larger condition are refused. A kept
 * block that declares names at its top level keeps its braces (its names stay in their scope).
 * Pure: no `vscode`.
 */
import { K, type Tok } from '../scan/lexer';
import { type Check, type CheckRemoval, closeOf, indentAt, isP, isW, lineEnd, refuse, reindent, removeStatement, type RemovalResult } from './common';

export function removeCheckJs(text: string, toks: Tok[], check: Check): RemovalResult {
  const { from, to, value } = check;
  if (isP(toks[from - 1], '(') && isW(toks[from - 2], 'if') && isP(toks[to + 1], ')')) return bracedIf(text, toks, from - 2, to + 1, value, JS_BLOCKS);
  if (isTernaryMark(toks, to + 1)) {
    if (!wholeCondition(toks, from)) return refuse('the flag check is part of a larger condition');
    return ternary(text, toks, from, to + 1, value);
  }
  return refuse('the flag check is not the whole condition of an if statement or a ternary');
}

/** `?` of a conditional, not `?.` nor `??`. */
export const isTernaryMark = (toks: Tok[], i: number): boolean =>
  isP(toks[i], '?') && !isP(toks[i + 1], '.') && !isP(toks[i + 1], '?') && !isP(toks[i - 1], '?');

/** Whether what comes before the check leaves it the whole condition of a ternary. */
export function wholeCondition(toks: Tok[], from: number): boolean {
  const prev = toks[from - 1];
  if (!prev || isW(prev, 'return')) return true;
  if (prev.k !== K.Punct) return false;
  const glued = toks[from - 2]?.k === K.Punct && toks[from - 2].e === prev.s ? toks[from - 2].v : '';
  if (prev.v === '=') return glued === '' || !'=!<>'.includes(glued); // not ==, !=, <=, >=
  if (prev.v === '>') return glued === '='; // an arrow function's body
  return '([{,;:?}'.includes(prev.v);
}

interface Chain {
  consOpen: number;
  consClose: number;
  alt?: { open: number; close: number };
  /** Index of the `if` of `else if`. */
  elseIf?: number;
  /** The last token of the whole statement. */
  end: number;
}

/** How a C-like language's `if` statements read: JS/TS here, Go in go.ts. */
export interface BraceRules {
  /** The index of the `{` that opens the body of the `if` at `ifIdx` (its condition skipped), or -1. */
  bodyOpen(toks: Tok[], ifIdx: number): number;
  /** Whether a block declares names at its top level (kept, it keeps its braces). */
  declares(toks: Tok[], open: number, close: number): boolean;
}

const JS_BLOCKS: BraceRules = {
  bodyOpen: (toks, k) => (isP(toks[k + 1], '(') ? closeOf(toks, k + 1) + 1 : -1),
  declares: (toks, open, close) => declaresAtTop(toks, open, close, (t) => t.k === K.Ident && ['const', 'let', 'class', 'function'].includes(t.v)),
};

/** The branches after `if (…)`: `{…}`, then `else {…}` or an `else if` chain; undefined when a branch has no braces. */
function chainOf(toks: Tok[], closeParen: number, rules: BraceRules): Chain | string {
  const consOpen = closeParen + 1;
  if (!isP(toks[consOpen], '{')) return 'a branch without braces';
  const consClose = closeOf(toks, consOpen);
  if (consClose < 0) return 'an unclosed block';
  const chain: Chain = { consOpen, consClose, end: consClose };
  if (!isW(toks[consClose + 1], 'else')) return chain;
  const next = consClose + 2;
  if (isP(toks[next], '{')) {
    const close = closeOf(toks, next);
    if (close < 0) return 'an unclosed block';
    return { ...chain, alt: { open: next, close }, end: close };
  }
  if (!isW(toks[next], 'if')) return 'an else branch without braces';
  chain.elseIf = next;
  for (let k = next; ; ) {
    const open = rules.bodyOpen(toks, k);
    if (open <= 0 || !isP(toks[open], '{')) return 'an else-if branch without braces';
    const close = closeOf(toks, open);
    if (close < 0) return 'an unclosed block';
    chain.end = close;
    if (!isW(toks[close + 1], 'else')) return chain;
    if (isW(toks[close + 2], 'if')) k = close + 2;
    else if (isP(toks[close + 2], '{')) {
      const last = closeOf(toks, close + 2);
      if (last < 0) return 'an unclosed block';
      chain.end = last;
      return chain;
    } else return 'an else branch without braces';
  }
}

/** `if (CHECK) {…}` (JS) or `if CHECK {…}` (Go; `closeParen` is then the check's last token) and its else/else-if chain. */
export function bracedIf(text: string, toks: Tok[], ifIdx: number, closeParen: number, value: boolean, rules: BraceRules): RemovalResult {
  if (isW(toks[ifIdx - 1], 'else')) return refuse('the check is an else-if branch');
  const chain = chainOf(toks, closeParen, rules);
  if (typeof chain === 'string') return refuse(chain);
  const start = toks[ifIdx].s;
  const end = toks[chain.end].e;
  const shape: CheckRemoval['shape'] = chain.alt ? 'if-else' : chain.elseIf !== undefined ? 'else-if' : 'if';
  const keep = (open: number, close: number): RemovalResult =>
    keepBlock(text, start, end, toks[open], toks[close], rules.declares(toks, open, close), shape);
  if (value) return keep(chain.consOpen, chain.consClose);
  if (chain.elseIf !== undefined) return { ok: true, edit: { start, end: toks[chain.elseIf].s, text: '', shape } };
  if (chain.alt) return keep(chain.alt.open, chain.alt.close);
  return removeStatement(text, start, end, shape);
}

/** Replaces the statement [start, end) with the body of the block `toks[open]…toks[close]`. */
function keepBlock(text: string, start: number, end: number, o: Tok, c: Tok, declares: boolean, shape: CheckRemoval['shape']): RemovalResult {
  const inner = text.slice(o.e, c.s);
  if (!inner.trim()) return removeStatement(text, start, end, shape);
  if (declares) return { ok: true, edit: { start, end, text: text.slice(o.s, c.e), shape } };
  if (!inner.includes('\n')) return { ok: true, edit: { start, end, text: inner.trim(), shape } };
  const lines = inner.split('\n');
  if (!lines[0].trim()) lines.shift();
  if (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  return { ok: true, edit: { start, end, text: reindent(lines, indentAt(text, start)), shape } };
}

/** Whether a block has, at its top level, a token that declares a name (`is`). */
export function declaresAtTop(toks: Tok[], open: number, close: number, is: (t: Tok, i: number) => boolean): boolean {
  let depth = 0;
  for (let i = open + 1; i < close; i++) {
    const t = toks[i];
    if (t.k === K.Punct) {
      if (t.v === '(' || t.v === '[' || t.v === '{') depth++;
      else if (t.v === ')' || t.v === ']' || t.v === '}') depth--;
    }
    if (depth === 0 && is(t, i)) return true;
  }
  return false;
}

/** `CHECK ? a : b` → a or b; the alternative ends at a closing bracket, `,`, `;` or the end of its line. */
export function ternary(text: string, toks: Tok[], from: number, q: number, value: boolean, stop?: (t: Tok) => boolean): RemovalResult {
  const colon = colonOf(toks, q);
  if (colon < 0) return refuse('a conditional without its `:`');
  const altEnd = alternativeEnd(text, toks, colon, stop);
  if (altEnd < 0) return refuse('an alternative that goes on over several lines');
  const cons = text.slice(toks[q].e, toks[colon].s).trim();
  const rawAlt = text.slice(toks[colon].e, altEnd);
  const alt = rawAlt.trim();
  if (!cons || !alt) return refuse('an empty branch');
  const end = toks[colon].e + rawAlt.trimEnd().length;
  return { ok: true, edit: { start: toks[from].s, end, text: value ? cons : alt, shape: 'ternary' } };
}

/** The `:` that belongs to the `?` at `q` (nested conditionals in the consequent skipped), or -1. */
function colonOf(toks: Tok[], q: number): number {
  let depth = 0;
  let nested = 0;
  for (let k = q + 1; k < toks.length; k++) {
    const t = toks[k];
    if (t.k !== K.Punct) continue;
    if (t.v === '(' || t.v === '[' || t.v === '{') depth++;
    else if (t.v === ')' || t.v === ']' || t.v === '}') {
      if (--depth < 0) return -1;
    } else if (depth === 0 && isTernaryMark(toks, k)) nested++;
    else if (depth === 0 && t.v === ':') {
      if (nested === 0) return k;
      nested--;
    } else if (depth === 0 && (t.v === ',' || t.v === ';')) return -1;
  }
  return -1;
}

const CONTINUES = '+-*/%&|^.?:<>=!';

/**
 * Where the alternative after `toks[colon]` ends (an offset), or -1 when it continues on a later
 * line; also before a token `stop` accepts at its top level (Ruby's modifier `if`, `and`, …).
 */
function alternativeEnd(text: string, toks: Tok[], colon: number, stop?: (t: Tok) => boolean): number {
  let depth = 0;
  let nested = 0;
  let lastEnd = toks[colon].e;
  for (let k = colon + 1; k < toks.length; k++) {
    const t = toks[k];
    if (depth === 0 && text.slice(lastEnd, t.s).includes('\n')) {
      if (t.k === K.Punct && CONTINUES.includes(t.v)) return -1;
      return lineEnd(text, lastEnd);
    }
    if (depth === 0 && stop?.(t)) return t.s;
    if (t.k === K.Punct) {
      if (t.v === '(' || t.v === '[' || t.v === '{') depth++;
      else if (t.v === ')' || t.v === ']' || t.v === '}') {
        if (depth === 0) return t.s;
        depth--;
      } else if (depth === 0 && (t.v === ',' || t.v === ';')) return t.s;
      else if (depth === 0 && isTernaryMark(toks, k)) nested++;
      else if (depth === 0 && t.v === ':') {
        if (nested === 0) return t.s;
        nested--;
      }
    }
    lastEnd = t.e;
  }
  return lineEnd(text, lastEnd);
}
