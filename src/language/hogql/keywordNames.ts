/**
 * Where PostHog's grammar reads a keyword as a name (HogQLParser.g4 `identifier: IDENTIFIER |
 * interval | keyword`) although it could start a construct: `not or 2`, `interval event`.
 */
import type { ParserState } from './parserCore';

export const INTERVAL_UNITS = new Set(['SECOND', 'MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR', 'YYYY']);

/** Operator keywords that only continue an operand (`not or 2` reads `not` as a name). */
const CONTINUE_KEYWORDS = new Set(['AND', 'OR', 'IS', 'AS', 'LIKE', 'ILIKE', 'BETWEEN']);
const CONTINUE_OPS = new Set([')', ']', '}', ',', ';', '=', '==', '!=', '<>', '<=', '>', '>=', '*', '/', '%', '||', '??', '?', ':', '::', '.', '?.', '~', '~*', '=~', '=~*', '!~', '!~*']);

/** True when the token at `k` can only follow an operand, so the keyword before it is a name. */
export function endsOperand(p: ParserState, k: number): boolean {
  const t = p.peek(k);
  if (t.kind === 'eof') return true;
  if (t.kind === 'op') return CONTINUE_OPS.has(t.text);
  return t.kind === 'ident' && t.keyword !== undefined && (CONTINUE_KEYWORDS.has(t.keyword) || p.isClauseKeyword(t));
}

/** `interval event` is the name `interval` aliased `event`: a plain name follows without a unit after it. */
export function intervalIsName(p: ParserState): boolean {
  const next = p.peek(1);
  if (next.kind !== 'ident' || next.keyword) return false;
  const after = p.peek(2);
  return !INTERVAL_UNITS.has(after.keyword ?? '') && !(after.kind === 'op' && !CONTINUE_OPS.has(after.text)) && !p.isOp('.', 2);
}
