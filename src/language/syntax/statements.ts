/**
 * Per-statement offline analysis for diagnostics: split a document, run our parser and the
 * vocabulary checks on each statement (cached by statement text), apply the size caps, and merge
 * the outcome of PostHog's parser. Document offsets are UTF-16. Pure (no `vscode`).
 */
import type { Problem } from '../hogql/ast';
import { checkQuery } from '../hogql/checks';
import { lex, type Token } from '../hogql/lexer';
import { parseStatement } from '../hogql/parse';
import { splitStatements } from '../hogql/split';
import type { Range } from '../hogql/text';
import { Lru } from '../lru';
import { exceededLimit, type LimitExceeded, type ParseLimits } from './limits';
import { errorRange, shortenMessage } from './mapping';
import type { ParseOutcome } from './parserClient';

export type Severity = 'error' | 'warning' | 'information';

/** One diagnostic in document offsets. `source` tells our checks from PostHog's parser. */
export interface LangProblem extends Range {
  message: string;
  severity: Severity;
  source: 'hogql' | 'PostHog parser';
  code: string;
}

export interface StatementInfo {
  /** Extent in the document (first to last token; what is sent to PostHog's parser). */
  range: Range;
  text: string;
  /** The document's tokens (document offsets), shared by all statements. */
  tokens: readonly Token[];
  limit: LimitExceeded | undefined;
}

interface LocalResult {
  /** Our parser's syntax problems and the vocabulary warnings, relative to the statement text. */
  syntax: Problem[];
  warnings: Problem[];
}

const NOTHING: LocalResult = { syntax: [], warnings: [] };

export function documentStatements(text: string, limits?: ParseLimits): StatementInfo[] {
  const lexed = lex(text);
  return splitStatements(text, lexed).map((s) => {
    const own = lexed.tokens.slice(s.tokenStart, s.tokenEnd);
    return { range: s.range, text: text.slice(s.range.start, s.range.end), tokens: lexed.tokens, limit: exceededLimit(own, s.range, limits) };
  });
}

/** Our own parser and vocabulary checks, cached by statement text. */
export class LocalChecker {
  private readonly cache = new Lru<string, LocalResult>(500);

  /**
   * Statements over a size cap are not checked at all: our parser and checks are synchronous on
   * the extension host and too slow on such shapes (a 500-term AND chain takes 50–150 ms).
   */
  checkStatement(s: StatementInfo): LocalResult {
    return s.limit ? NOTHING : this.check(s.text);
  }

  check(text: string): LocalResult {
    let r = this.cache.get(text);
    if (!r) {
      const parsed = parseStatement(text);
      r = { syntax: parsed.problems, warnings: checkQuery(parsed.query, text) };
      this.cache.set(text, r);
    }
    return r;
  }
}

function shift(p: Problem, base: number, severity: Severity): LangProblem {
  return { start: base + p.start, end: base + p.end, message: p.message, severity, source: 'hogql', code: p.code };
}

/** Why PostHog's parser could not check a statement, or undefined when it did (or has not yet). */
function notChecked(s: StatementInfo, outcome: ParseOutcome | undefined, timeoutMs: number): { message: string; at: Range; code: string } | undefined {
  const head = { start: s.range.start, end: s.tokens.find((t) => t.start >= s.range.start)?.end ?? s.range.end };
  if (s.limit) return { message: s.limit.message, at: s.limit, code: 'too-large' };
  if (outcome?.kind === 'timeout') return { message: `PostHog's parser gave no answer within ${timeoutMs} ms, so only the offline checks ran on this statement.`, at: head, code: 'parser-timeout' };
  if (outcome?.kind === 'crashed') return { message: `PostHog's parser failed on this statement (${outcome.message}); only the offline checks ran.`, at: head, code: 'parser-crashed' };
  return undefined;
}

/**
 * The diagnostics of one statement. With PostHog's verdict, its error replaces our parser's
 * syntax problems (ours only fill in when it could not check the statement); vocabulary warnings
 * always show. `outcome` undefined means "not known yet": only the warnings show meanwhile.
 */
export function statementProblems(s: StatementInfo, local: LocalResult, outcome: ParseOutcome | undefined, timeoutMs: number, warnings = true): LangProblem[] {
  const base = s.range.start;
  const out: LangProblem[] = warnings ? local.warnings.map((p) => shift(p, base, 'warning')) : [];
  const skipped = notChecked(s, outcome, timeoutMs);
  if (skipped) {
    out.push({ ...skipped.at, message: skipped.message, severity: 'information', source: 'PostHog parser', code: skipped.code });
    out.push(...local.syntax.map((p) => shift(p, base, 'error')));
  } else if (outcome?.kind === 'error') {
    const r = errorRange(s.text, base, outcome.error, s.tokens);
    out.push({ ...r, message: shortenMessage(outcome.error.message), severity: 'error', source: 'PostHog parser', code: outcome.error.type });
  }
  return out.sort((a, b) => a.start - b.start);
}
