/**
 * Entry points of our HogQL parser. Always returns a tree plus a list of
 * syntax problems; never throws.
 */
import type { Problem, SelectLike } from './ast';
import { lex, lexInSlices, type LexResult, type Token, token } from './lexer';
import { ParserState } from './parserCore';
import { normalizeRanges } from './ranges';
import { parseSelectSet, startsSelect } from './select';
import { mapInSlices, runSteps, SLICE_MS, type Steps } from './slices';
import { chunkAt, splitStatements, type Statement } from './split';
import { parseTag } from './tags';

export interface ParsedStatement extends Statement {
  query: SelectLike;
  problems: Problem[];
}

export interface ParseResult {
  text: string;
  lex: LexResult;
  statements: ParsedStatement[];
  /** Syntax problems of all statements plus lexical ones (unterminated comments). */
  problems: Problem[];
}

function newParser(text: string, tokens: readonly Token[]): ParserState {
  const p = new ParserState(text, tokens);
  p.parseSelectSet = parseSelectSet;
  p.startsSelect = startsSelect;
  return p;
}

/** Parses one statement from a token list that ends with `eof`. */
export function parseTokens(text: string, tokens: readonly Token[]): { query: SelectLike; problems: Problem[] } {
  const p = newParser(text, tokens);
  let query: SelectLike;
  try {
    query = p.isOp('<') && p.isAnyIdent(1) ? parseTag(p) : parseSelectSet(p);
    if (!p.atEnd()) {
      const t = p.peek();
      p.error(`Unexpected \`${t.text}\` after the end of the query`, t.start, t.end, 'unexpected-token');
    }
  } catch (err) {
    const at = p.peek().start;
    p.error(`Parser failure: ${(err as Error).message}`, at, at, 'internal');
    query = { kind: 'Error', message: 'Parser failure', start: tokens[0]?.start ?? 0, end: at };
  }
  if (p.rangesDirty) normalizeRanges(query);
  return { query, problems: p.problems };
}

function statementTokens(all: readonly Token[], s: Statement): readonly Token[] {
  // the whole token list already ends with the statement's `eof` (no `;`, nothing after the last token)
  const last = all[all.length - 1];
  if (s.tokenStart === 0 && s.tokenEnd === all.length - 1 && last.kind === 'eof' && last.start === s.range.end) return all;
  const slice = all.slice(s.tokenStart, s.tokenEnd);
  slice.push(token('eof', s.range.end, s.range.end, '', undefined, undefined, undefined));
  return slice;
}

/** Parses every `;`-separated statement of a document. */
export function parse(text: string): ParseResult {
  const result = emptyResult(text, lex(text));
  for (const s of splitStatements(text, result.lex)) parseInto(result, s);
  return result;
}

/**
 * `parse` in slices of about `sliceMs` (lexing, then statement by statement), awaiting `pause()`
 * between them so a big document never blocks the thread for long. `pause` resolves false to give
 * up; the result is then undefined.
 */
export async function parseInSlices(text: string, pause: () => Promise<boolean>, sliceMs = SLICE_MS): Promise<ParseResult | undefined> {
  const lexed = await lexInSlices(text, pause, sliceMs);
  if (!lexed) return undefined;
  const result = emptyResult(text, lexed);
  const done = await mapInSlices(splitStatements(text, lexed), (s) => parseInto(result, s), pause, sliceMs);
  return done && result;
}

function emptyResult(text: string, lexed: LexResult): ParseResult {
  const problems: Problem[] = [];
  for (const c of lexed.comments) {
    if (c.unterminated) problems.push({ message: 'Unterminated block comment', start: c.start, end: c.end, severity: 'error', code: 'unterminated-comment' });
  }
  return { text, lex: lexed, statements: [], problems };
}

function parseInto(result: ParseResult, s: Statement): void {
  const r = parseTokens(result.text, statementTokens(result.lex.tokens, s));
  result.statements.push({ ...s, query: r.query, problems: r.problems });
  result.problems.push(...r.problems);
}

/**
 * Lexes the whole text but parses only the statement whose chunk holds `offset`
 * (what completion, hover and signature help need). `statements` holds at most that one.
 */
export function parseAt(text: string, offset: number): ParseResult {
  const lexed = lex(text);
  const s = chunkAt(splitStatements(text, lexed), offset);
  if (!s) return { text, lex: lexed, statements: [], problems: [] };
  const r = parseTokens(text, statementTokens(lexed.tokens, s));
  return { text, lex: lexed, statements: [{ ...s, query: r.query, problems: r.problems }], problems: r.problems };
}

/** Parses text that should hold exactly one statement (a trailing `;` is fine). */
export function parseStatement(text: string): { query: SelectLike; problems: Problem[]; lex: LexResult } {
  return runSteps(parseStatementSteps(text));
}

/** `parseStatement` in two steps, lexing then parsing (see `Steps`). */
export function* parseStatementSteps(text: string): Steps<{ query: SelectLike; problems: Problem[]; lex: LexResult }> {
  const lexed = lex(text);
  yield;
  const stmts = splitStatements(text, lexed);
  if (stmts.length === 0) {
    const end = text.length;
    return { lex: lexed, query: { kind: 'Error', message: 'Empty query', start: end, end }, problems: [{ message: 'Expected `SELECT`, found end of input', start: end, end, severity: 'error', code: 'empty' }] };
  }
  const r = parseTokens(text, statementTokens(lexed.tokens, stmts[0]));
  for (let k = 1; k < stmts.length; k++) {
    const extra = stmts[k];
    r.problems.push({ message: 'Only one statement is allowed here', start: extra.range.start, end: extra.range.end, severity: 'error', code: 'multiple-statements' });
  }
  return { query: r.query, problems: r.problems, lex: lexed };
}
