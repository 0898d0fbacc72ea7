/**
 * Size caps for PostHog's WASM parser. It is fast on typical statements but degrades badly on
 * some shapes, measured with @posthog/hogql-parser 1.3.87 on Node 20 (one parse per fresh process, 2 cores):
 * - long operator chains: 300 `AND` terms parse in ~0.4 s, 500 throw a WASM RuntimeError that
 *   poisons the instance (1,000 `+` terms too);
 * - nesting: 30 parentheses take ~0.4 s, 50 ~1.1 s, 200 ~8 s, 300+ hang for longer than we wait;
 * - sheer size: 1,000 select items ~2.5 s.
 * Statements over a cap are not sent to it; the user gets one clear message instead (our own
 * parser's findings are skipped too: they run on the extension host and are slow on such shapes).
 * Everything else is bounded by the worker's timeout. Pure (no `vscode`).
 */
import type { Token } from '../hogql/lexer';

export interface ParseLimits {
  /** Characters (UTF-16 units) per statement. */
  maxChars: number;
  /** Terms of one operator chain (`a AND b AND …`, `a + b + …`) at one nesting level. */
  maxChainTerms: number;
  /** Nesting depth of `(`, `[` and `{`. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxChars: 20_000, maxChainTerms: 300, maxDepth: 40 };

export interface LimitExceeded {
  /** Why the statement is not checked, for the diagnostic message. */
  message: string;
  /** Where to put the diagnostic (UTF-16 offsets into the checked text). */
  start: number;
  end: number;
}

const CHAIN_OPS = new Set(['+', '-', '*', '/', '%', '||', '=', '==', '!=', '<>', '<', '>', '<=', '>=', '??', '=~', '!~']);
const CHAIN_KEYWORDS = new Set(['AND', 'OR']);
const RESET_KEYWORDS = new Set(['SELECT', 'FROM', 'WHERE', 'PREWHERE', 'HAVING', 'GROUP', 'ORDER', 'LIMIT', 'JOIN', 'ON', 'WHEN', 'THEN', 'ELSE']);
const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

function chainOperator(t: Token): boolean {
  if (t.kind === 'op') return CHAIN_OPS.has(t.text);
  return t.kind === 'ident' && !!t.keyword && CHAIN_KEYWORDS.has(t.keyword);
}

/**
 * The first cap that `tokens` (the statement's tokens, from our lexer) exceed, or undefined.
 * `range` is the statement's extent; `length` its text length.
 */
export function exceededLimit(tokens: readonly Token[], range: { start: number; end: number }, limits: ParseLimits = DEFAULT_LIMITS): LimitExceeded | undefined {
  const length = range.end - range.start;
  const head = { start: range.start, end: Math.min(range.end, (tokens[0]?.end ?? range.start)) };
  if (length > limits.maxChars) {
    return { ...head, message: `Statement too long for PostHog's parser (${length.toLocaleString('en-US')} characters; the limit is ${limits.maxChars.toLocaleString('en-US')}). It is not checked.` };
  }
  const chains: number[] = [0];
  for (const t of tokens) {
    if (t.kind === 'op' && OPEN.has(t.text)) {
      chains.push(0);
      if (chains.length - 1 > limits.maxDepth) {
        return { start: t.start, end: t.end, message: `Nesting too deep for PostHog's parser (more than ${limits.maxDepth} levels of brackets). It is not checked.` };
      }
    } else if (t.kind === 'op' && CLOSE.has(t.text)) {
      if (chains.length > 1) chains.pop();
    } else if ((t.kind === 'op' && t.text === ',') || (t.keyword && RESET_KEYWORDS.has(t.keyword))) {
      chains[chains.length - 1] = 0;
    } else if (chainOperator(t)) {
      const terms = ++chains[chains.length - 1] + 1;
      if (terms > limits.maxChainTerms) {
        return { start: t.start, end: t.end, message: `Expression too long for PostHog's parser (more than ${limits.maxChainTerms} terms joined by operators at one level). It is not checked.` };
      }
    }
  }
  return undefined;
}
