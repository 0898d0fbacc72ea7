/**
 * Per-statement offline analysis for diagnostics: split a document, run our parser and the
 * vocabulary checks on each statement (cached by statement text), apply the size caps, and merge
 * the outcome of PostHog's parser. Document offsets are UTF-16. Pure (no `vscode`).
 */
import type { Problem } from '../hogql/ast';
import { checkQuerySteps } from '../hogql/checks';
import { lex, lexInSlices, tokenIndexAt, type LexResult, type Token } from '../hogql/lexer';
import { parseStatementSteps } from '../hogql/parse';
import { mapInSlices, mapStepsInSlices, oneStep, runSteps, type Steps } from '../hogql/slices';
import { splitStatements, type Statement } from '../hogql/split';
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
  /** Replacement text for the range (offered as a quick fix). */
  fix?: string;
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
  /** The statement names a table outside PostHog's vocabulary: its warnings depend on the project's views. */
  unknownTables?: boolean;
}

const NOTHING: LocalResult = { syntax: [], warnings: [] };

export function documentStatements(text: string, limits?: ParseLimits): StatementInfo[] {
  const lexed = lex(text);
  return splitStatements(text, lexed).map((s) => statementInfo(text, lexed, s, limits));
}

/** `documentStatements` with the lexing done in slices (see `lexInSlices`); undefined when given up. */
export async function documentStatementsInSlices(text: string, pause: () => Promise<boolean>, limits?: ParseLimits): Promise<StatementInfo[] | undefined> {
  const lexed = await lexInSlices(text, pause);
  if (!lexed || !(await pause())) return undefined;
  return mapInSlices(splitStatements(text, lexed), (s) => statementInfo(text, lexed, s, limits), pause);
}

function statementInfo(text: string, lexed: LexResult, s: Statement, limits?: ParseLimits): StatementInfo {
  const own = lexed.tokens.slice(s.tokenStart, s.tokenEnd);
  return { range: s.range, text: text.slice(s.range.start, s.range.end), tokens: lexed.tokens, limit: exceededLimit(own, s.range, limits) };
}

/** Our own parser and vocabulary checks, cached by statement text. */
export class LocalChecker {
  private readonly cache = new Lru<string, LocalResult>(500);
  private knownTables: readonly string[] = [];

  /**
   * The project's own table names (its views). Returns the cached statement texts whose warnings
   * may change (those naming a table outside PostHog's vocabulary), dropped from the cache.
   */
  setKnownTables(names: readonly string[]): Set<string> {
    const sorted = [...new Set(names)].sort();
    const stale = new Set<string>();
    if (sorted.length === this.knownTables.length && sorted.every((n, i) => n === this.knownTables[i])) return stale;
    this.knownTables = sorted;
    for (const [text, r] of this.cache.entries()) if (r.unknownTables) stale.add(text);
    for (const text of stale) this.cache.delete(text);
    return stale;
  }

  /**
   * Statements over a size cap are not checked at all: our parser and checks are synchronous on
   * the extension host and too slow on such shapes (a 500-term AND chain takes 50–150 ms).
   */
  checkStatement(s: StatementInfo): LocalResult {
    return runSteps(this.checkStatementSteps(s));
  }

  checkStatementSteps(s: StatementInfo): Steps<LocalResult> {
    return s.limit ? oneStep(() => NOTHING) : this.checkSteps(s.text);
  }

  check(text: string): LocalResult {
    return runSteps(this.checkSteps(text));
  }

  /**
   * `check` in steps (lexing, parsing, the scopes, each scope's checks, the joins: see `Steps`),
   * so that diagnostics can yield within a statement (issue #21). Only a finished check is cached.
   */
  *checkSteps(text: string): Steps<LocalResult> {
    const hit = this.cache.get(text);
    if (hit) return hit;
    const knownTables = this.knownTables;
    const parsed = yield* parseStatementSteps(text);
    let checked: { problems: Problem[]; unknownTables: boolean } | undefined;
    // vocabulary warnings only on statements our parser accepted cleanly (issue #15)
    if (parsed.problems.length === 0) {
      yield;
      checked = yield* checkQuerySteps(parsed.query, text, { knownTables });
    }
    // the project's views changed between two steps: this result may be stale
    if (knownTables !== this.knownTables) return yield* this.checkSteps(text);
    const r: LocalResult = { syntax: parsed.problems, warnings: checked?.problems ?? [], unknownTables: checked?.unknownTables };
    this.cache.set(text, r);
    return r;
  }
}

/**
 * Small statements that take our lexer, parser and checks through their common paths. V8
 * compiles a function on its first call, so the first statement checked in a session pays for
 * compiling most of the parser (7–11 ms for a 10-line query); checking these first, one step
 * of a check per task, spreads that over small tasks.
 */
const WARM_UP = [
  'SELECT 1',
  "SELECT a, f(b) AS c, count() FROM t AS x LEFT JOIN u ON x.a = u.a WHERE a > 1 AND b IN ('x') GROUP BY a HAVING c > 1 ORDER BY a DESC LIMIT 10",
  "WITH r AS (SELECT toStartOfDay(timestamp) AS day FROM events WHERE event = '$pageview' AND timestamp > now() - INTERVAL 1 DAY) SELECT properties.$browser, countIf(day > 0) FROM (SELECT 1) AS s",
];

/** Checks WARM_UP with `checker`, one step of a check per task (see WARM_UP, `LocalChecker.checkSteps`). */
export async function warmUp(checker: LocalChecker, pause: () => Promise<boolean>): Promise<void> {
  // a slice of -1 ms: the deadline is always past, so it pauses before every step
  await mapStepsInSlices(WARM_UP, (text) => checker.checkSteps(text), pause, -1);
}

function shift(p: Problem, base: number, severity: Severity): LangProblem {
  return { start: base + p.start, end: base + p.end, message: p.message, severity, source: 'hogql', code: p.code, ...(p.fix !== undefined ? { fix: p.fix } : {}) };
}

/** Why PostHog's parser could not check a statement, or undefined when it did (or has not yet). */
function notChecked(s: StatementInfo, outcome: ParseOutcome | undefined, timeoutMs: number): { message: string; at: Range; code: string } | undefined {
  if (s.limit) return { message: s.limit.message, at: s.limit, code: 'too-large' };
  if (outcome?.kind !== 'timeout' && outcome?.kind !== 'crashed') return undefined;
  // the statement's first token (tokens are the whole document's: binary search, not a scan)
  const first = s.tokens[tokenIndexAt(s.tokens, s.range.start)];
  const head = { start: s.range.start, end: first && first.start >= s.range.start ? first.end : s.range.end };
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
