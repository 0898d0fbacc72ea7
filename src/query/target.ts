/**
 * What "Run Query" runs, decided from the document text, the selection and the cursor. Pure: no
 * `vscode`, offsets are UTF-16 (as in VS Code documents).
 *
 * Order: a non-empty selection; else the statement at the cursor; else the file's only statement;
 * else the caller asks which statement (`choices`). "At the cursor" (see `statementNear`):
 * - inside a statement, or after it on the line of its `;` (or its last token);
 * - on the line where a statement starts, before it;
 * - on the comment lines above a statement (and on blank lines between those comments and it);
 * - on the first blank line right after a statement;
 * - anywhere before the first statement or after the last one.
 * Only blank lines further from both neighbours are ambiguous.
 */
import { lex, type Comment } from '../language/hogql/lexer';
import { splitStatements, statementAt, type Statement } from '../language/hogql/split';
import { lineStarts, positionAt } from '../language/hogql/text';

export interface QueryTarget {
  /** The HogQL text sent to PostHog. */
  text: string;
  /** Offset of `text` in the document, to map server offsets back. */
  offset: number;
  source: 'selection' | 'statement' | 'file';
}

/**
 * `choices` is set when the cursor is between statements and none of them is closer: the
 * statements of the file, for the caller to offer (`reason` says why in one sentence).
 */
export type TargetResult = { ok: true; target: QueryTarget } | { ok: false; reason: string; choices?: QueryTarget[] };

export function queryTarget(doc: string, selection: { start: number; end: number }, cursor: number): TargetResult {
  if (selection.end > selection.start) {
    const raw = doc.slice(selection.start, selection.end);
    const trimmedStart = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(/;\s*$/, '');
    if (text === '') return { ok: false, reason: 'The selection is empty.' };
    return { ok: true, target: { text, offset: selection.start + trimmedStart, source: 'selection' } };
  }
  const lexed = lex(doc);
  const statements = splitStatements(doc, lexed);
  if (statements.length === 0) return { ok: false, reason: 'There is no HogQL statement in this file.' };
  const toTarget = (s: Statement, source: QueryTarget['source']): QueryTarget => ({ text: doc.slice(s.range.start, s.range.end), offset: s.range.start, source });
  if (statements.length === 1) {
    const only = statements[0];
    const inside = statementAt(doc, cursor, statements) === only;
    return { ok: true, target: toTarget(only, inside ? 'statement' : 'file') };
  }
  const near = statementNear(doc, cursor, statements, lexed.comments);
  if (near) return { ok: true, target: toTarget(near, 'statement') };
  return {
    ok: false,
    reason: `This file has ${statements.length} statements and the cursor is between them: put it in the one to use, or select it.`,
    choices: statements.map((s) => toTarget(s, 'statement')),
  };
}

/** The first line of a statement's text, for a list of statements to choose from. */
export function firstLine(text: string): string {
  const line = text.split(/\r\n|\r|\n/, 1)[0].trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/**
 * The statement a cursor at `offset` belongs to (rules in the header), or undefined when the cursor
 * is on a blank line that is neither right after a statement nor below a statement's comments.
 */
export function statementNear(doc: string, offset: number, statements: readonly Statement[], comments: readonly Comment[]): Statement | undefined {
  // Latest first: on `SELECT 1; SELECT 2; -- c` the cursor after the second `;` is after both.
  const at = statementAt(doc, offset, [...statements].reverse());
  if (at) return at;
  const next = statements.findIndex((s) => s.range.start > offset);
  const below = next === -1 ? undefined : statements[next];
  const above = next === -1 ? statements[statements.length - 1] : statements[next - 1];
  if (!below || !above) return below ?? above;
  const starts = lineStarts(doc);
  const line = (o: number): number => positionAt(starts, o).line;
  const cursorLine = line(offset);
  const aboveEnd = line(above.separator ?? above.range.end);
  if (cursorLine <= aboveEnd) return above; // a comment or the `;` line after its last token
  if (cursorLine >= line(below.range.start)) return below;
  const blank = (l: number): boolean => isBlankLine(doc, starts, l, comments);
  if (!blank(cursorLine)) return below; // comments belong to the statement under them
  if (cursorLine === aboveEnd + 1) return above;
  for (let l = aboveEnd + 1; l < cursorLine; l++) if (!blank(l)) return below;
  return undefined;
}

/** A line holding only whitespace, outside every comment (a line inside a block comment is not blank). */
function isBlankLine(doc: string, starts: readonly number[], l: number, comments: readonly Comment[]): boolean {
  const start = starts[l];
  const end = l + 1 < starts.length ? starts[l + 1] : doc.length;
  if (doc.slice(start, end).trim() !== '') return false;
  return !comments.some((c) => c.start < end && c.end > start);
}

export interface Placeholder {
  /** Dotted name inside the braces: `event`, `variables.country`, `filters`. */
  name: string;
  start: number;
  end: number;
}

/**
 * The `{name}` placeholders of a query (outside strings and comments): `{filters}` takes a date
 * range, `{variables.x}` comes from SQL-editor variables, any other `{name}` from `values`.
 */
export function placeholders(query: string): Placeholder[] {
  const toks = lex(query).tokens;
  const out: Placeholder[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind !== 'op' || toks[i].text !== '{') continue;
    const parts: string[] = [];
    let j = i + 1;
    while (toks[j]?.kind === 'ident') {
      parts.push(toks[j].text);
      if (toks[j + 1]?.kind === 'op' && toks[j + 1].text === '.') j += 2;
      else {
        j += 1;
        break;
      }
    }
    if (parts.length > 0 && toks[j]?.kind === 'op' && toks[j].text === '}') {
      out.push({ name: parts.join('.'), start: toks[i].start, end: toks[j].end });
      i = j;
    }
  }
  return out;
}

/** Placeholder names whose values the user supplies (not `filters`, not `variables.*`), in order, unique. */
export function valueNames(query: string): string[] {
  const names = placeholders(query)
    .map((p) => p.name)
    .filter((n) => n !== 'filters' && !n.startsWith('variables.'));
  return [...new Set(names)];
}

/** Text typed for a value → the JSON value sent: numbers and booleans as such, else the string. */
export function parseValue(text: string): unknown {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t) && Number.isFinite(Number(t))) {
    return Number.isSafeInteger(Number(t)) || t.includes('.') || /e/i.test(t) ? Number(t) : t;
  }
  if (t === 'true' || t === 'false') return t === 'true';
  return text;
}

/** True when the query has a clause keyword (`LIMIT`, `UNION`, …) outside any parentheses. */
function hasTopLevelKeyword(query: string, keywords: readonly string[]): boolean {
  let depth = 0;
  for (const t of lex(query).tokens) {
    if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) depth++;
    else if (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) depth = Math.max(0, depth - 1);
    else if (depth === 0 && t.kind === 'ident' && t.keyword && keywords.includes(t.keyword)) return true;
  }
  return false;
}

/**
 * The query for rows `[offset, offset + limit)` of `query`'s result ("Load more"). A plain SELECT
 * gets `LIMIT … OFFSET …` appended; one with its own top-level LIMIT or a set operation (where an
 * appended LIMIT would bind to the last SELECT only) is wrapped in a subquery.
 */
export function pagedQuery(query: string, offset: number, limit: number): string {
  const body = query.trim().replace(/;\s*$/, '');
  const page = `LIMIT ${Math.max(0, Math.floor(limit))} OFFSET ${Math.max(0, Math.floor(offset))}`;
  if (hasTopLevelKeyword(body, ['LIMIT', 'UNION', 'INTERSECT', 'EXCEPT', 'OFFSET'])) return `SELECT * FROM (\n${body}\n)\n${page}`;
  return `${body}\n${page}`;
}
