/**
 * "Remove the check" in Ruby: `if CHECK … (elsif …) (else …) end`, `unless CHECK … end`, the
 * modifier forms `stmt if CHECK` / `stmt unless CHECK`, and `CHECK ? a : b`, where CHECK
 * (`posthog.is_feature_enabled('f', id)`, with or without parentheses, negated with `!` or `not`)
 * is always true or always false. An `elsif CHECK` branch, a check inside a larger condition, `if`
 * used as a value (`x = if …`), a statement over several lines and heredocs are refused.
 * Pure: no `vscode`.
 */
import { K, lex, type Tok } from '../scan/lexer';
import type { FlagCall } from '../scan/types';
import { type Check, closeOf, firstOnLine, indentAt, isP, isW, lineEnd, lineStart, refuse, reindent, removeStatement, type RemovalResult } from './common';
import { isTernaryMark, ternary, wholeCondition } from './js';

export function removeCheckRuby(text: string, call: FlagCall, enabled: boolean): RemovalResult {
  const toks = rubyTokens(text);
  const check = checkAt(text, toks, call.nameStart, enabled);
  if (typeof check === 'string') return refuse(check);
  const { from, to, value } = check;
  const prev = toks[from - 1];
  if (isWord(toks, from - 1, 'elsif')) return refuse('the check is an elsif branch');
  if (isWord(toks, from - 1, 'if') || isWord(toks, from - 1, 'unless')) {
    const live = prev.v === 'unless' ? !value : value;
    if (firstOnLine(text, prev.s)) {
      if (continues(text, toks[from - 2])) return refuse('an if used as a value (`x =` on the line before)');
      return ifStatement(text, toks, from - 1, to, live);
    }
    return modifier(text, toks, from - 1, to, live);
  }
  if (isTernaryMark(toks, to + 1)) {
    if (!wholeCondition(toks, from)) return refuse('the flag check is part of a larger condition');
    return ternary(text, toks, from, to + 1, value, (t) => t.k === K.Ident && STOP_WORDS.has(t.v));
  }
  return refuse('the flag check is not the whole condition of an if/unless or a ternary');
}

const STOP_WORDS = new Set(['if', 'unless', 'while', 'until', 'and', 'or', 'then', 'do', 'rescue']);

/** The scanner's Ruby tokens with `::` as one token and `:name` symbols as one identifier (so `:` is a ternary's). */
function rubyTokens(text: string): Tok[] {
  const out: Tok[] = [];
  const toks = lex(text, 'ruby');
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const next = toks[i + 1];
    if (isP(t, ':') && isP(next, ':') && next.s === t.e) {
      out.push({ k: K.Punct, s: t.s, e: next.e, v: '::' });
      i++;
    } else if (isP(t, ':') && next && next.s === t.e && (next.k === K.Ident || next.k === K.Str)) {
      out.push({ k: K.Ident, s: t.s, e: next.e, v: text.slice(t.s, next.e) });
      i++;
    } else out.push(t);
  }
  return out;
}

/** A keyword at `i`: not a method name (`x.class`) nor a hash label (`if:`). */
function isWord(toks: Tok[], i: number, v: string): boolean {
  const t = toks[i];
  if (!isW(t, v) || isP(toks[i - 1], '.')) return false;
  const next = toks[i + 1];
  return !(isP(next, ':') && next.s === t.e);
}

/** Whether two tokens are on different lines. */
const newlineBetween = (text: string, a: Tok, b: Tok | undefined): boolean => !b || text.slice(a.e, b.s).includes('\n');

/**
 * The check around the call whose name starts at `nameStart`: its receiver (`posthog.`, `@client.`,
 * `client&.`, `PostHog::Client.`), negations, and its arguments in parentheses or, without them, to the
 * end of the line (or `then`). A reason when it is not a plain call.
 */
function checkAt(text: string, toks: Tok[], nameStart: number, enabled: boolean): Check | string {
  const ni = toks.findIndex((t) => t.s === nameStart && t.k === K.Ident);
  if (ni < 0) return 'the flag check is not a complete call';
  let to: number;
  if (isP(toks[ni + 1], '(') && toks[ni + 1].s === toks[ni].e) {
    to = closeOf(toks, ni + 1);
    if (to < 0) return 'the flag check is not a complete call';
  } else {
    const end = barewordArgsEnd(text, toks, ni);
    if (typeof end === 'string') return end;
    to = end;
  }
  let j = ni;
  for (;;) {
    if (isP(toks[j - 1], '.') && isP(toks[j - 2], '&') && toks[j - 3]?.k === K.Ident) j -= 3;
    else if ((isP(toks[j - 1], '.') || isP(toks[j - 1], '::')) && toks[j - 2]?.k === K.Ident) j -= 2;
    else break;
  }
  while (isP(toks[j - 1], '@') && toks[j - 1].e === toks[j].s) j--;
  let negations = 0;
  while (isP(toks[j - 1], '!') || isWord(toks, j - 1, 'not')) {
    negations++;
    j--;
  }
  return { from: j, to, value: negations % 2 === 0 ? enabled : !enabled };
}

const BARE_STOP = new Set(['?', ';', '\\', '{', '&', '|']);
const BARE_STOP_WORDS = new Set(['and', 'or', 'if', 'unless', 'do', 'while', 'until']);

/** The last token of a call's arguments without parentheses: the rest of its line, before `then`. */
function barewordArgsEnd(text: string, toks: Tok[], ni: number): number | string {
  let k = ni;
  let depth = 0;
  while (toks[k + 1] && !newlineBetween(text, toks[k], toks[k + 1])) {
    const t = toks[k + 1];
    if (depth === 0 && isWord(toks, k + 1, 'then')) break;
    if (t.k === K.Punct) {
      if (t.v === '(' || t.v === '[') depth++;
      else if (t.v === ')' || t.v === ']') depth--;
      if (depth < 0) break;
      if (depth === 0 && BARE_STOP.has(t.v)) return 'a call without parentheses inside a larger expression';
    } else if (depth === 0 && t.k === K.Ident && BARE_STOP_WORDS.has(t.v)) return 'a call without parentheses inside a larger expression';
    k++;
  }
  if (k === ni) return 'the flag check is not a complete call';
  if (depth !== 0 || isP(toks[k], ',')) return 'a call whose arguments go on over several lines';
  return k;
}

const OPENERS = new Set(['class', 'module', 'begin', 'case', 'for']);

/** `def name(args) = expr` / `def self.name = expr` (Ruby 3): a method without `end`. */
function endlessDef(toks: Tok[], i: number): boolean {
  let k = i + 1;
  if (isW(toks[k], 'self') && isP(toks[k + 1], '.')) k += 2;
  if (toks[k]?.k !== K.Ident) return false;
  if (isP(toks[k + 1], '(') && toks[k + 1].s === toks[k].e) k = closeOf(toks, k + 1);
  const eq = toks[k + 1];
  return !!eq && isP(eq, '=') && !isP(toks[k + 2], '=') && !isP(toks[k + 2], '~') && !isP(toks[k + 2], '>');
}
const CONDITIONALS = new Set(['if', 'unless', 'while', 'until']);

/** Whether the token at `i` opens a block closed by `end`. */
function opens(text: string, toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (t.k !== K.Ident || !isWord(toks, i, t.v)) return false;
  if (t.v === 'def') return !endlessDef(toks, i);
  if (OPENERS.has(t.v)) return true;
  const prev = toks[i - 1];
  if (CONDITIONALS.has(t.v)) {
    if (!prev || newlineBetween(text, prev, t)) return true;
    // `x = if …` opens a block; `x = 3 if …` is a modifier (numbers are not tokens: nothing may stand between)
    return prev.k === K.Punct && '=(,[{|&!'.includes(prev.v) && !text.slice(prev.e, t.s).trim();
  }
  if (t.v !== 'do') return false;
  // `while c do` / `for x in xs do`: that `do` belongs to the loop
  const first = toks.findIndex((x) => x.s >= lineStart(text, t.s));
  return !(first < i && toks[first].k === K.Ident && ['while', 'until', 'for'].includes(toks[first].v));
}

/** A branch: its header (`if`/`unless`, `elsif`, `else`) and its body's lines [start, end). */
interface Branch {
  tok: Tok;
  start: number;
  end: number;
}

/** The branches of the `if` whose header ends at `toks[head]`, and its `end`. */
function branchesOf(text: string, toks: Tok[], kw: number, head: number): { branches: Branch[]; end: Tok } | string {
  const headers: { tok: Tok; last: Tok }[] = [{ tok: toks[kw], last: toks[head] }];
  let depth = 0;
  for (let k = head + 1; k < toks.length; k++) {
    if (opens(text, toks, k)) depth++;
    else if (isWord(toks, k, 'end')) {
      if (depth-- > 0) continue;
      const end = toks[k];
      if (!firstOnLine(text, end.s) || !newlineBetween(text, end, toks[k + 1])) return 'an `end` that shares its line';
      const branches = headers.map((h, i) => ({
        tok: h.tok,
        start: lineEnd(text, h.last.e) + 1,
        end: lineStart(text, (headers[i + 1]?.tok ?? end).s),
      }));
      return { branches, end };
    } else if (depth === 0 && (isWord(toks, k, 'elsif') || isWord(toks, k, 'else'))) {
      const t = toks[k];
      if (!firstOnLine(text, t.s)) return 'an elsif/else that shares its line';
      if (t.v === 'else' && !newlineBetween(text, t, toks[k + 1])) return 'an else with code on its line';
      headers.push({ tok: t, last: t });
    }
  }
  return 'an if without its `end`';
}

/** A heredoc or a `%w[…]`-like literal, whose words the tokens would read as code. */
const LITERAL_BLOCK = /<<[~-]?(['"`]?)[A-Za-z_]\w*\1|%[wWiIqQ]?[[({<|]/;

/** `if CHECK [then]` / `unless CHECK` … `end` on lines of their own; `live` is what the condition is. */
function ifStatement(text: string, toks: Tok[], kw: number, to: number, live: boolean): RemovalResult {
  const kwTok = toks[kw];
  const head = isWord(toks, to + 1, 'then') ? to + 1 : to;
  if (!newlineBetween(text, toks[head], toks[head + 1])) {
    return refuse(head === to ? 'the flag check is not the whole condition of the if' : 'a one-line if');
  }
  const found = branchesOf(text, toks, kw, head);
  if (typeof found === 'string') return refuse(found);
  const { branches, end } = found;
  const start = lineStart(text, kwTok.s);
  const endLine = lineEnd(text, end.s);
  const stop = endLine < text.length ? endLine + 1 : endLine;
  const nl = endLine < text.length ? '\n' : '';
  if (LITERAL_BLOCK.test(text.slice(start, stop))) return refuse('a heredoc or %-literal inside the statement');
  const next = branches[1]?.tok;
  if (kwTok.v === 'unless' && isW(next, 'elsif')) return refuse('an unless with elsif');
  const shape = !next ? 'if' : next.v === 'elsif' ? 'else-if' : 'if-else';
  const indent = indentAt(text, kwTok.s);
  const keep = (b: Branch): RemovalResult => {
    const body = text.slice(b.start, b.end).replace(/\r?\n$/, '');
    if (!body.trim()) return { ok: true, edit: { start, end: stop, text: '', shape } };
    return { ok: true, edit: { start, end: stop, text: `${reindent(body.split('\n'), indent, true)}${nl}`, shape } };
  };
  if (live) return keep(branches[0]);
  if (isW(next, 'elsif')) return { ok: true, edit: { start: kwTok.s, end: next.e, text: 'if', shape } };
  const elseBranch = branches.find((b) => isW(b.tok, 'else'));
  if (elseBranch) return keep(elseBranch);
  return { ok: true, edit: { start, end: stop, text: '', shape } };
}

const CONTINUED = new Set([',', '\\', '+', '-', '*', '/', '=', '.', '(', '[', '&', '<', '>']);

/** Whether `t` ends its line (a comment aside; numbers are not tokens) and the line goes on on the next one. */
function continues(text: string, t: Tok | undefined): boolean {
  if (!t || !/^[ \t]*(#.*)?\r?$/.test(text.slice(t.e, lineEnd(text, t.e)))) return false;
  return (t.k === K.Punct && CONTINUED.has(t.v)) || isW(t, 'and') || isW(t, 'or');
}

/** `stmt if CHECK` / `stmt unless CHECK`: `stmt` alone when `live`, else the whole statement goes. */
function modifier(text: string, toks: Tok[], kw: number, to: number, live: boolean): RemovalResult {
  if (opens(text, toks, kw)) return refuse('an if used as a value (`x = if …`)');
  if (!newlineBetween(text, toks[to], toks[to + 1])) return refuse('the flag check is not the whole condition of the modifier');
  const first = toks.findIndex((t) => t.s >= lineStart(text, toks[kw].s));
  if (first >= kw) return refuse('a modifier without its statement');
  if (continues(text, toks[first - 1]) || isP(toks[first], '.')) {
    return refuse('a statement over several lines');
  }
  let depth = 0;
  for (let k = first; k < kw; k++) {
    const t = toks[k];
    if (t.k === K.Punct && '([{'.includes(t.v)) depth++;
    else if (t.k === K.Punct && ')]}'.includes(t.v)) depth--;
    else if (depth === 0 && (opens(text, toks, k) || isWord(toks, k, 'end'))) return refuse('a modifier on a block');
    else if (depth === 0 && isP(t, ';')) return refuse('a modifier after several statements on its line');
    if (depth < 0) return refuse('a modifier inside a larger expression');
  }
  if (depth !== 0) return refuse('a modifier inside a larger expression');
  // from the end of the statement (which may be a number, not a token) to the end of the condition
  let start = toks[kw].s;
  while (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
  if (live) return { ok: true, edit: { start, end: toks[to].e, text: '', shape: 'modifier' } };
  return removeStatement(text, toks[first].s, toks[to].e, 'modifier');
}
