/**
 * What "Run Query" runs, decided from the document text, the selection and the cursor. Pure: no
 * `vscode`, offsets are UTF-16 (as in VS Code documents).
 *
 * Order: a non-empty selection; else the statement at the cursor (inside it, or just after it on
 * the same line); else the file's only statement.
 */
import { lex } from '../language/hogql/lexer';
import { splitStatements, statementAt } from '../language/hogql/split';

export interface QueryTarget {
  /** The HogQL text sent to PostHog. */
  text: string;
  /** Offset of `text` in the document, to map server offsets back. */
  offset: number;
  source: 'selection' | 'statement' | 'file';
}

export type TargetResult = { ok: true; target: QueryTarget } | { ok: false; reason: string };

export function queryTarget(doc: string, selection: { start: number; end: number }, cursor: number): TargetResult {
  if (selection.end > selection.start) {
    const raw = doc.slice(selection.start, selection.end);
    const trimmedStart = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(/;\s*$/, '');
    if (text === '') return { ok: false, reason: 'The selection is empty.' };
    return { ok: true, target: { text, offset: selection.start + trimmedStart, source: 'selection' } };
  }
  const statements = splitStatements(doc);
  if (statements.length === 0) return { ok: false, reason: 'There is no HogQL statement in this file.' };
  const at = statementAt(doc, cursor, statements);
  const s = at ?? (statements.length === 1 ? statements[0] : undefined);
  if (!s) {
    return { ok: false, reason: `This file has ${statements.length} statements: put the cursor in the one to run, or select it.` };
  }
  return { ok: true, target: { text: doc.slice(s.range.start, s.range.end), offset: s.range.start, source: at ? 'statement' : 'file' } };
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
    if (toks[i]!.kind !== 'op' || toks[i]!.text !== '{') continue;
    const parts: string[] = [];
    let j = i + 1;
    while (toks[j]?.kind === 'ident') {
      parts.push(toks[j]!.text);
      if (toks[j + 1]?.kind === 'op' && toks[j + 1]!.text === '.') j += 2;
      else {
        j += 1;
        break;
      }
    }
    if (parts.length > 0 && toks[j]?.kind === 'op' && toks[j]!.text === '}') {
      out.push({ name: parts.join('.'), start: toks[i]!.start, end: toks[j]!.end });
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
