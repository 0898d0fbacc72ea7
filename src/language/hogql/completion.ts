/**
 * What is expected at a cursor position, for the completion provider.
 * `range` is always the text to replace (the whole word under the cursor,
 * `$` included, or the content of the string literal); `prefix` is the part
 * of it before the cursor.
 */
import type { Node, SelectQuery } from './ast';
import type { Token } from './lexer';
import { parseAt, type ParsedStatement, type ParseResult } from './parse';
import { aliasNamesAfter } from './aliasNames';
import { buildScopes, resolveChain, withImplicitEvents, type Scope, type ScopeTable } from './scopes';
import { chunkAt } from './split';
import type { Range } from './text';
import { callAt, chainBefore, stringMeaning, tokenBefore, wordAt, type CallAtCursor } from './tokenContext';
import { walk } from './visit';
import { variableCompletion } from './variables';
import { getVocabulary } from './vocabulary';

/** A table visible at the cursor, with what we know about its columns. */
export interface ColumnSource {
  alias: string | null;
  /** Name as written (table, CTE) or `(subquery)`. */
  name: string;
  kind: ScopeTable['kind'];
  /** Vocabulary table name when known (use `getVocabulary().fieldsOf(tableName)`). */
  tableName: string | null;
  /** Output columns of CTEs/subqueries; null when unknown. */
  columns: string[] | null;
  /** True for `events` assumed while the statement has no FROM yet. */
  implicit?: boolean;
}

interface Base {
  range: Range;
  prefix: string;
}

/** `implicit`: the table is `events` assumed while the statement has no FROM yet. */
interface PropertyBase extends Base {
  quoted: boolean;
  path: string[];
  implicit?: boolean;
}

export type CompletionContext =
  | { kind: 'none'; reason: 'comment' | 'string' | 'number' | 'alias' | 'unknownMember' }
  | (Base & { kind: 'keyword'; keywords: string[] })
  | (Base & { kind: 'table'; ctes: string[] })
  /** Expression position: columns of `tables`, `aliases`, functions; `call` when inside a call's arguments. */
  | (Base & { kind: 'column'; tables: ColumnSource[]; aliases: string[]; call: CallAtCursor | undefined })
  /** After `t.` (alias/table) or a lazy join / traverser (`session.`, `person.`). */
  | (Base & { kind: 'field'; table: ColumnSource })
  /** After `properties.` or inside `properties['…` of events; `quoted` inside a string. */
  | (PropertyBase & { kind: 'eventProperty' })
  | (PropertyBase & { kind: 'personProperty' })
  /** JSON property of another table (groups, sessions…). */
  | (Base & { kind: 'property'; table: string; quoted: boolean; path: string[] })
  /** Inside the string of `event = '…` or `event IN ('…`. */
  | (Base & { kind: 'eventName' })
  /** After `AS`: names derived from the expression or table. */
  | (Base & { kind: 'alias'; names: string[] })
  /** After `AS` inside `CAST(`: type names. */
  | (Base & { kind: 'type' })
  /** After `{variables.`: the project's SQL variables; `closed` when a `}` follows. */
  | (Base & { kind: 'variable'; closed: boolean });

const EXPRESSION_AFTER = new Set([
  'SELECT', 'DISTINCT', 'WHERE', 'PREWHERE', 'HAVING', 'QUALIFY', 'ON', 'AND', 'OR', 'NOT', 'BY', 'WHEN', 'THEN', 'ELSE',
  'CASE', 'IN', 'LIKE', 'ILIKE', 'BETWEEN', 'USING', 'PARTITION', 'LIMIT', 'OFFSET', 'INTERVAL', 'IS',
]);
const TABLE_AFTER = new Set(['FROM', 'JOIN']);
const OPERAND_KINDS = new Set(['ident', 'quotedIdent', 'number', 'string', 'templateEnd']);

function inComment(parsed: ParseResult, offset: number): boolean {
  return parsed.lex.comments.some((c) => offset > c.start && (offset < c.end || (offset === c.end && (!c.block || c.unterminated))));
}

/** The completion context at `offset` (UTF-16) of `text`. Pass `parsed` to reuse a parse. */
export function completionContext(text: string, offset: number, parsed: ParseResult = parseAt(text, offset)): CompletionContext {
  if (inComment(parsed, offset)) return { kind: 'none', reason: 'comment' };
  const tokens = parsed.lex.tokens;
  const inside = tokens.find((t) => t.start < offset && (offset < t.end || (offset === t.end && t.unterminated)));
  const stmt = chunkAt(parsed.statements, offset);
  const scope = stmt ? withImplicitEvents(scopeForOffset(stmt, text, offset)) : undefined;
  if (inside && (inside.kind === 'string' || inside.kind === 'templateText' || inside.kind === 'templateStart')) {
    return stringContext(text, tokens, tokens.indexOf(inside), offset, scope);
  }
  if (inside?.kind === 'number') return { kind: 'none', reason: 'number' };
  const { range, prefix } = wordAt(text, offset);
  const prevIdx = tokenBefore(tokens, range.start);
  const prev = prevIdx >= 0 ? tokens[prevIdx] : undefined;
  const firstOfStatement = stmt ? tokens[stmt.tokenStart] : undefined;
  if (!prev || !stmt || prev.end <= stmt.chunk.start || (firstOfStatement && prev.start < firstOfStatement.start)) {
    return { kind: 'keyword', range, prefix, keywords: ['SELECT', 'WITH'] };
  }
  const variable = prev.kind === 'op' && prev.text === '.' ? variableCompletion(text, tokens, prevIdx, range) : undefined;
  if (variable) return { kind: 'variable', range, prefix, closed: variable.closed };
  if (prev.kind === 'op' && (prev.text === '.' || prev.text === '?.')) return memberContext(tokens, prevIdx, range, prefix, scope);
  if (prev.keyword === 'AS') return afterAs(tokens, prevIdx, offset, range, prefix, stmt);
  if (prev.keyword && TABLE_AFTER.has(prev.keyword)) return tableContext(range, prefix, scope);
  if (prev.kind === 'op' && prev.text === ',' && inFromList(tokens, prevIdx, stmt.tokenStart)) return tableContext(range, prefix, scope);
  if (prev.kind === 'op' && prev.text !== ')' && prev.text !== ']' && prev.text !== '}') return columnContext(tokens, offset, range, prefix, scope, stmt);
  if (prev.keyword && EXPRESSION_AFTER.has(prev.keyword)) return columnContext(tokens, offset, range, prefix, scope, stmt);
  if (OPERAND_KINDS.has(prev.kind) || prev.text === ')' || prev.text === ']' || prev.text === '}') {
    return { kind: 'keyword', range, prefix, keywords: keywordsAfter(tokens, prevIdx, stmt.tokenStart) };
  }
  return columnContext(tokens, offset, range, prefix, scope, stmt);
}

/** Signature help: the function call and argument index enclosing `offset`. */
export function signatureAt(text: string, offset: number, parsed: ParseResult = parseAt(text, offset)): CallAtCursor | undefined {
  if (inComment(parsed, offset)) return undefined;
  const stmt = chunkAt(parsed.statements, offset);
  return callAt(parsed.lex.tokens, offset, stmt?.tokenStart ?? 0);
}

function openSelects(root: Node): Set<SelectQuery> {
  const open = new Set<SelectQuery>();
  walk(root, (n) => {
    if (n.kind === 'Subquery' && !n.closed) {
      walk(n.query, (m) => {
        if (m.kind === 'SelectQuery') open.add(m);
      });
    }
  });
  return open;
}

/** Innermost SELECT at the cursor; unclosed subqueries and the statement's last select extend to the chunk end. */
function scopeForOffset(stmt: ParsedStatement, text: string, offset: number): Scope | undefined {
  const scopes = buildScopes(stmt.query, text);
  const open = openSelects(stmt.query);
  let best: Scope | undefined;
  for (const s of scopes) {
    const end = open.has(s.select) || s.parent === null ? Math.max(s.select.end, stmt.chunk.end) : s.select.end;
    if (s.select.start <= offset && offset <= end && (!best || s.select.start >= best.select.start)) best = s;
  }
  return best ?? scopes[0];
}

function source(t: ScopeTable): ColumnSource {
  const s: ColumnSource = { alias: t.alias, name: t.name, kind: t.kind, tableName: t.table?.name ?? null, columns: t.columns };
  if (t.implicit) s.implicit = true;
  return s;
}

function afterAs(tokens: readonly Token[], asIdx: number, offset: number, range: Range, prefix: string, stmt: ParsedStatement): CompletionContext {
  const call = callAt(tokens, offset, stmt.tokenStart);
  if (call && call.name.toUpperCase() === 'CAST') return { kind: 'type', range, prefix };
  const names = aliasNamesAfter(tokens, asIdx, stmt.tokenStart);
  return names ? { kind: 'alias', range, prefix, names } : { kind: 'none', reason: 'alias' };
}

function tableContext(range: Range, prefix: string, scope: Scope | undefined): CompletionContext {
  const ctes = scope ? [...scope.ctes.values()].filter((c) => c.cteKind === 'subquery').map((c) => c.name.name) : [];
  return { kind: 'table', range, prefix, ctes };
}

function columnContext(tokens: readonly Token[], offset: number, range: Range, prefix: string, scope: Scope | undefined, stmt: ParsedStatement): CompletionContext {
  const tables = scope ? scope.tables.map(source) : [];
  const aliases = scope ? [...scope.aliases.keys()] : [];
  return { kind: 'column', range, prefix, tables, aliases, call: callAt(tokens, offset, stmt.tokenStart) };
}

function memberContext(tokens: readonly Token[], dotIdx: number, range: Range, prefix: string, scope: Scope | undefined): CompletionContext {
  const chain = chainBefore(tokens, dotIdx);
  if (!scope || chain.length === 0) return { kind: 'none', reason: 'unknownMember' };
  return propertyOrField(chain, scope, range, prefix, false) ?? { kind: 'none', reason: 'unknownMember' };
}

/** Context for what follows `chain.` (or `chain['` when `quoted`). */
function propertyOrField(chain: string[], scope: Scope, range: Range, prefix: string, quoted: boolean): CompletionContext | undefined {
  const r = resolveChain(scope, chain);
  if (r.kind === 'table') return quoted ? undefined : { kind: 'field', range, prefix, table: source(r.table) };
  if (r.kind !== 'path') return undefined;
  const t = r.target;
  if ((t.kind === 'field' && t.field.type === 'json') || t.kind === 'property') {
    const path = t.kind === 'property' ? t.rest : [];
    const mark = r.table.implicit ? { implicit: true } : {};
    if (t.table.name === 'events') return { kind: 'eventProperty', range, prefix, quoted, path, ...mark };
    if (t.table.name === 'persons') return { kind: 'personProperty', range, prefix, quoted, path, ...mark };
    return { kind: 'property', table: t.table.name, range, prefix, quoted, path };
  }
  if (t.kind === 'table' && !quoted) {
    const table = { alias: null, name: t.table.name, kind: 'table' as const, tableName: t.table.name, columns: null };
    return { kind: 'field', range, prefix, table };
  }
  return undefined;
}

function stringContext(text: string, tokens: readonly Token[], s: number, offset: number, scope: Scope | undefined): CompletionContext {
  const t = tokens[s];
  if (t.kind !== 'string') return { kind: 'none', reason: 'string' };
  const range = { start: t.start + 1, end: t.unterminated ? t.end : t.end - 1 };
  const prefix = text.slice(range.start, offset);
  const meaning = stringMeaning(tokens, s);
  if (meaning.kind === 'eventName') return { kind: 'eventName', range, prefix };
  if (meaning.kind === 'propertyKey' && scope) {
    const ctx = propertyOrField(meaning.chain, scope, range, prefix, true);
    if (ctx) return ctx;
  }
  return { kind: 'none', reason: 'string' };
}

/** After `,` — is it the FROM list (the nearest clause keyword at depth 0 is FROM)? */
function inFromList(tokens: readonly Token[], idx: number, from: number): boolean {
  let depth = 0;
  for (let i = idx - 1; i >= from; i--) {
    const t = tokens[i];
    if (t.text === ')') depth++;
    else if (t.text === '(') {
      if (depth === 0) return false;
      depth--;
    } else if (depth === 0 && t.keyword && ['SELECT', 'WHERE', 'ON', 'USING', 'BY', 'HAVING', 'PREWHERE', 'LIMIT'].includes(t.keyword)) return false;
    else if (depth === 0 && t.keyword === 'FROM') return true;
  }
  return false;
}

const NEXT_KEYWORDS: Record<string, string[]> = {
  SELECT: ['FROM', 'AS', 'WHERE', 'GROUP BY', 'ORDER BY', 'LIMIT', 'UNION ALL'],
  FROM: ['WHERE', 'AS', 'JOIN', 'LEFT JOIN', 'INNER JOIN', 'CROSS JOIN', 'ARRAY JOIN', 'PREWHERE', 'SAMPLE', 'FINAL', 'GROUP BY', 'ORDER BY', 'LIMIT'],
  JOIN: ['ON', 'USING', 'AS'],
  ON: ['AND', 'OR', 'WHERE', 'JOIN', 'LEFT JOIN', 'GROUP BY', 'ORDER BY', 'LIMIT'],
  WHERE: ['AND', 'OR', 'NOT', 'IN', 'LIKE', 'ILIKE', 'BETWEEN', 'IS NULL', 'IS NOT NULL', 'GROUP BY', 'ORDER BY', 'LIMIT'],
  GROUP: ['HAVING', 'WITH ROLLUP', 'WITH CUBE', 'WITH TOTALS', 'ORDER BY', 'LIMIT'],
  HAVING: ['AND', 'OR', 'ORDER BY', 'LIMIT'],
  ORDER: ['ASC', 'DESC', 'NULLS FIRST', 'NULLS LAST', 'WITH FILL', 'LIMIT'],
  LIMIT: ['OFFSET', 'BY', 'WITH TIES', 'UNION ALL'],
  WITH: ['AS', 'SELECT'],
};

/** Keywords likely after a complete operand, from the nearest clause keyword at depth 0. */
function keywordsAfter(tokens: readonly Token[], idx: number, from: number): string[] {
  let depth = 0;
  for (let i = idx; i >= from; i--) {
    const t = tokens[i];
    if (t.text === ')') depth++;
    else if (t.text === '(') depth = Math.max(0, depth - 1);
    else if (depth === 0 && t.keyword && NEXT_KEYWORDS[t.keyword]) return NEXT_KEYWORDS[t.keyword];
  }
  return getVocabulary().keywords.slice();
}
