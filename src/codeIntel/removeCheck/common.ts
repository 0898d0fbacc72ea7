/**
 * Shared parts of "remove the check" (a flag that is always on or always off): the result type,
 * where a flag check's expression starts and ends in the scanner's tokens, and text helpers for
 * lines and indentation. Pure: no `vscode`.
 */
import { K, type Tok } from '../scan/lexer';

/** One replacement in the document: the text in [start, end) becomes `text`. */
export interface CheckRemoval {
  start: number;
  end: number;
  text: string;
  /** What was recognised, for the action's title and tests. */
  shape: 'if' | 'if-else' | 'else-if' | 'ternary' | 'modifier';
}

export type RemovalResult = { ok: true; edit: CheckRemoval } | { ok: false; reason: string };

export const refuse = (reason: string): RemovalResult => ({ ok: false, reason });

export const isP = (t: Tok | undefined, v: string): boolean => !!t && t.k === K.Punct && t.v === v;
export const isW = (t: Tok | undefined, v: string): boolean => !!t && t.k === K.Ident && t.v === v;

/** The check: its tokens [from, to] (receiver chain, `await`, negations, the call) and the value it tests. */
export interface Check {
  from: number;
  to: number;
  /** What the whole expression (with its negations) always evaluates to. */
  value: boolean;
}

/** Index of the bracket that closes `toks[open]`, or -1. */
export function closeOf(toks: Tok[], open: number): number {
  let depth = 0;
  for (let i = open; i < toks.length; i++) {
    const t = toks[i];
    if (t.k !== K.Punct) continue;
    if (t.v === '(' || t.v === '[' || t.v === '{') depth++;
    else if (t.v === ')' || t.v === ']' || t.v === '}') {
      depth--;
      if (depth === 0) return i;
      if (depth < 0) return -1;
    }
  }
  return -1;
}

/**
 * The check around the flag call whose name starts at `nameStart`: `recv.chain.name(…)`, optionally
 * `await`ed and negated (`!` in JS, `not` in Python). `enabled` is the flag's constant value.
 */
export function checkAt(toks: Tok[], nameStart: number, enabled: boolean, negation: (t: Tok) => boolean): Check | undefined {
  const ni = toks.findIndex((t) => t.s === nameStart && t.k === K.Ident);
  if (ni < 0 || !isP(toks[ni + 1], '(')) return undefined;
  const close = closeOf(toks, ni + 1);
  if (close < 0) return undefined;
  let j = ni;
  for (;;) {
    if (isP(toks[j - 1], '.') && toks[j - 2]?.k === K.Ident) j -= 2;
    else if (isP(toks[j - 1], '.') && isP(toks[j - 2], '?') && toks[j - 3]?.k === K.Ident) j -= 3;
    else break;
  }
  if (isW(toks[j - 1], 'await')) j--;
  let negations = 0;
  while (toks[j - 1] && negation(toks[j - 1])) {
    negations++;
    j--;
  }
  return { from: j, to: close, value: negations % 2 === 0 ? enabled : !enabled };
}

/** Start of the line holding `at`. */
export const lineStart = (text: string, at: number): number => text.lastIndexOf('\n', at - 1) + 1;

/** End of the line holding `at` (the index of its `\n`, or the text's length). */
export function lineEnd(text: string, at: number): number {
  const j = text.indexOf('\n', at);
  return j < 0 ? text.length : j;
}

/** The indentation (spaces and tabs) that starts the line holding `at`. */
export function indentAt(text: string, at: number): string {
  const s = lineStart(text, at);
  let e = s;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return text.slice(s, e);
}

/** Whether only spaces and tabs stand between the start of `at`'s line and `at`. */
export const firstOnLine = (text: string, at: number): boolean => /^[ \t]*$/.test(text.slice(lineStart(text, at), at));

/** Whether only spaces and tabs (or nothing) follow `at` to the end of its line. */
export const lastOnLine = (text: string, at: number): boolean => /^[ \t\r]*$/.test(text.slice(at, lineEnd(text, at)));

/**
 * `lines` (a block's body, each with its own indentation) re-indented so the least indented one
 * sits at `indent`; blank lines stay empty. The first line gets no indentation of its own (it
 * takes the place of a statement that already has it) unless `indentFirst`.
 */
export function reindent(lines: string[], indent: string, indentFirst = false): string {
  const body = lines.map((l) => l.replace(/\r$/, ''));
  const widths = body.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = widths.length ? Math.min(...widths) : 0;
  return body
    .map((l, i) => (l.trim() ? `${i === 0 && !indentFirst ? '' : indent}${l.slice(cut)}` : ''))
    .join('\n');
}

/**
 * Removes [start, end) as whole lines when it stands alone on them (with the line break after
 * it), else just the range.
 */
export function removeStatement(text: string, start: number, end: number, shape: CheckRemoval['shape']): RemovalResult {
  if (firstOnLine(text, start) && lastOnLine(text, end)) {
    const e = lineEnd(text, end);
    return { ok: true, edit: { start: lineStart(text, start), end: e < text.length ? e + 1 : e, text: '', shape } };
  }
  return { ok: true, edit: { start, end, text: '', shape } };
}
