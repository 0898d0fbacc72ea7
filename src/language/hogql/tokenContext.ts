/**
 * Token-level helpers for cursor contexts: the word under the cursor, the
 * enclosing function call (signature help), dotted chains before a `.`, and the
 * meaning of a string literal the cursor is in (event name, property key).
 */
import { isIdentPart, type Token, tokenIndexAt } from './lexer';
import type { Range } from './text';
import { getVocabulary, type FunctionInfo } from './vocabulary';

/** The identifier-ish word around `offset` (letters, digits, `_`, `$`): `range` covers all of it. */
export function wordAt(text: string, offset: number): { range: Range; prefix: string } {
  let start = offset;
  while (start > 0 && isIdentPart(text.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < text.length && isIdentPart(text.charCodeAt(end))) end++;
  return { range: { start, end }, prefix: text.slice(start, offset) };
}

/** Index of the last token ending at or before `offset` (-1 if none). */
export function tokenBefore(tokens: readonly Token[], offset: number): number {
  let i = tokenIndexAt(tokens, offset);
  if (i >= tokens.length || tokens[i].end > offset || tokens[i].kind === 'eof') i--;
  while (i >= 0 && (tokens[i].end > offset || tokens[i].kind === 'eof')) i--;
  return i;
}

export interface CallAtCursor {
  /** Function name as written. */
  name: string;
  nameRange: Range;
  /** 0-based index of the argument the cursor is in. */
  argIndex: number;
  /** True inside the parameter list of `quantile(0.5)(x)` (the first parentheses) when a second follows. */
  inParams: boolean;
  /** Offset of the `(` of the argument list. */
  lparen: number;
  function: FunctionInfo | undefined;
}

const NOT_CALLS = new Set(['IN', 'FROM', 'JOIN', 'USING', 'AS', 'OVER', 'VALUES', 'WHERE', 'AND', 'OR', 'NOT', 'ON', 'SELECT', 'EXISTS', 'COHORT', 'BY', 'WHEN', 'THEN', 'ELSE']);

/**
 * The innermost unclosed `name(` before `offset` and the argument index there,
 * found by scanning tokens backwards from `to` (exclusive) down to `from`.
 */
export function callAt(tokens: readonly Token[], offset: number, from = 0): CallAtCursor | undefined {
  let depth = 0;
  let commas = 0;
  for (let i = tokenBefore(tokens, offset); i >= from; i--) {
    const t = tokens[i];
    if (t.kind !== 'op') continue;
    if (t.text === ')' || t.text === ']' || t.text === '}') depth++;
    else if (t.text === '[' || t.text === '{') {
      if (depth === 0) return undefined;
      depth--;
    } else if (t.text === ',' && depth === 0) commas++;
    else if (t.text === ';') return undefined;
    else if (t.text === '(') {
      if (depth > 0) {
        depth--;
        continue;
      }
      return describeCall(tokens, i, commas);
    }
  }
  return undefined;
}

function describeCall(tokens: readonly Token[], paren: number, argIndex: number): CallAtCursor | undefined {
  let nameIdx = paren - 1;
  let inParams = false;
  if (tokens[nameIdx]?.text === ')') {
    let depth = 0;
    for (let j = nameIdx; j >= 0; j--) {
      if (tokens[j].text === ')') depth++;
      else if (tokens[j].text === '(' && --depth === 0) {
        nameIdx = j - 1;
        break;
      }
    }
  } else if (tokens[paren + 1] && hasSecondParens(tokens, paren)) inParams = true;
  const nameTok = tokens[nameIdx];
  if (!nameTok || nameTok.kind !== 'ident' || NOT_CALLS.has(nameTok.keyword ?? '')) return undefined;
  const name = nameTok.text;
  return {
    name, nameRange: { start: nameTok.start, end: nameTok.end }, argIndex, inParams, lparen: tokens[paren].start,
    function: getVocabulary().findFunction(name),
  };
}

function hasSecondParens(tokens: readonly Token[], paren: number): boolean {
  let depth = 0;
  for (let j = paren; j < tokens.length; j++) {
    if (tokens[j].text === '(') depth++;
    else if (tokens[j].text === ')' && --depth === 0) return tokens[j + 1]?.text === '(' && tokens[j + 1].start === tokens[j].end;
  }
  return false;
}

/** Names of a dotted chain ending right before token index `dot` (`a.b.` → ['a','b']). */
export function chainBefore(tokens: readonly Token[], dot: number): string[] {
  const names: string[] = [];
  let i = dot - 1;
  while (i >= 0 && (tokens[i].kind === 'ident' || tokens[i].kind === 'quotedIdent')) {
    names.unshift(tokens[i].value ?? tokens[i].text);
    if (i >= 1 && (tokens[i - 1].text === '.' || tokens[i - 1].text === '?.') && tokens[i - 1].kind === 'op') i -= 2;
    else break;
  }
  return names;
}

export type StringMeaning =
  | { kind: 'eventName'; field: string[] }
  | { kind: 'propertyKey'; chain: string[] }
  | { kind: 'plain' };

/** What a string literal at token index `s` is used for. */
export function stringMeaning(tokens: readonly Token[], s: number): StringMeaning {
  const prev = tokens[s - 1];
  if (!prev) return { kind: 'plain' };
  if (prev.kind === 'op' && prev.text === '[' && s >= 2) {
    const chain = chainBefore(tokens, s - 1);
    if (chain.length > 0) return { kind: 'propertyKey', chain };
  }
  if (prev.kind === 'op' && ['=', '==', '!=', '<>'].includes(prev.text)) {
    const field = chainBefore(tokens, s - 1);
    if (field[field.length - 1] === 'event') return { kind: 'eventName', field };
  }
  let i = s - 1;
  while (i >= 1 && (tokens[i].text === ',' || tokens[i].kind === 'string')) i--;
  if (tokens[i]?.text === '(' && tokens[i - 1]?.keyword === 'IN') {
    const notOffset = tokens[i - 2]?.keyword === 'NOT' ? 1 : 0;
    const field = chainBefore(tokens, i - 1 - notOffset);
    if (field[field.length - 1] === 'event') return { kind: 'eventName', field };
  }
  return { kind: 'plain' };
}
