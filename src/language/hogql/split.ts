/**
 * Statement splitting on `;`. Semicolons inside strings, quoted identifiers,
 * f-strings and comments do not split (they are inside tokens or comments).
 *
 * For each statement:
 * - `chunk`: the text between the previous `;` (exclusive) and this statement's
 *   `;` (exclusive) or the end of the text. Chunks of consecutive statements are adjacent
 *   apart from the `;` characters.
 * - `range`: from the start of the first token to the end of the last token of the
 *   chunk. It excludes surrounding whitespace, comments before the first token and
 *   after the last token, and the `;`. Comments between tokens are inside it. This
 *   matches the root node range reported by PostHog's parser.
 * - `separator`: offset of the terminating `;`, or null for the last statement
 *   when it has none.
 * Chunks that hold only whitespace and comments are not statements.
 */
import { lex, type LexResult, type Token } from './lexer';
import type { Range } from './text';

export interface Statement {
  range: Range;
  chunk: Range;
  separator: number | null;
  /** Index of the first token and one past the last token in the lexer's token array. */
  tokenStart: number;
  tokenEnd: number;
}

export function splitStatements(text: string, lexed: LexResult = lex(text)): Statement[] {
  const out: Statement[] = [];
  const tokens = lexed.tokens;
  // One path for every text, a statement's own (no `;`) too: a shortcut taken only by texts without
  // a `;` had no type feedback when V8 optimized this function on a document, and deoptimized it at
  // the first statement checked after the split (issue #21).
  const inBlock = blockSemicolons(text, tokens);
  let chunkStart = 0;
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const isSep = t.kind === 'op' && t.text === ';' && !inBlock.has(i);
    if (!isSep && t.kind !== 'eof') continue;
    if (i > first) {
      out.push({
        range: { start: tokens[first].start, end: tokens[i - 1].end },
        chunk: { start: chunkStart, end: t.start },
        separator: isSep ? t.start : null,
        tokenStart: first,
        tokenEnd: i,
      });
    }
    chunkStart = t.end;
    first = i + 1;
  }
  return out;
}

/**
 * Indexes of the `;` tokens inside a closed `{ … }` (a Hog block as a lambda body:
 * `x -> { print(x); return x }`), which PostHog's grammar reads as part of the statement.
 * A `;` after an unclosed `{` still separates, so a half-typed statement does not swallow the next.
 */
function semicolonsInBlocks(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  const open: number[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'op' || t.text.length !== 1) continue;
    if (t.text === '{') open.push([]);
    else if (t.text === ';' && open.length > 0) open[open.length - 1].push(i);
    else if (t.text === '}' && open.length > 0) for (const k of open.pop()!) out.add(k);
  }
  return out;
}

const NONE: ReadonlySet<number> = new Set();

/** `semicolonsInBlocks` when the text has a `{` at all (most statements have none). */
function blockSemicolons(text: string, tokens: readonly Token[]): ReadonlySet<number> {
  return text.includes('{') ? semicolonsInBlocks(tokens) : NONE;
}

function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/**
 * The statement the runner should run for a cursor at `offset`:
 * - inside its `range` (both ends inclusive), or
 * - "just after" it: between its range end and the end of the line holding its
 *   `;` (or its last token when it has no `;`), e.g. `select 1;|` or `select 1  |`.
 * A cursor on a blank line between statements, or before the first one, gives undefined.
 */
export function statementAt(text: string, offset: number, statements: Statement[] = splitStatements(text)): Statement | undefined {
  for (const s of statements) {
    if (offset >= s.range.start && offset <= s.range.end) return s;
    const anchor = s.separator ?? s.range.end;
    if (offset > s.range.end && offset <= lineEnd(text, anchor) && !hasNewline(text, s.range.end, Math.min(offset, anchor))) {
      return s;
    }
  }
  return undefined;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] === '\n' || text[i] === '\r') return true;
  return false;
}

/** The statement whose chunk holds `offset` (chunk end inclusive); for completion and hover. */
export function chunkAt<S extends Statement>(statements: S[], offset: number): S | undefined {
  return statements.find((s) => offset >= s.chunk.start && offset <= s.chunk.end);
}
