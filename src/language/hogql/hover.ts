/**
 * Hover targets: what the token under the cursor names — a function, a table,
 * a field (with its owning table), a JSON property, a keyword, a placeholder or a HogQLX tag
 * (the last three with their doc from keywordDocs.ts).
 */
import type { Field, Node } from './ast';
import { keywordDocAt, PLACEHOLDER_DOCS, TAG_DOC, type KeywordDoc } from './keywordDocs';
import { parseAt, type ParseResult } from './parse';
import { buildScopes, resolveChain, scopeAt, withImplicitEvents } from './scopes';
import { chunkAt } from './split';
import type { Range } from './text';
import { pathAt } from './visit';
import { getVocabulary, type FieldInfo, type FunctionInfo, type TableInfo } from './vocabulary';

export type HoverTarget =
  | { kind: 'function'; name: string; range: Range; function: FunctionInfo | undefined }
  | { kind: 'table'; name: string; range: Range; table: TableInfo | undefined; cte: boolean }
  | { kind: 'field'; name: string; range: Range; table: TableInfo; field: FieldInfo }
  /** A column of a CTE or subquery (`source` is its name or alias). */
  | { kind: 'column'; name: string; range: Range; source: string }
  | { kind: 'property'; name: string; range: Range; table: TableInfo; path: string[] }
  | { kind: 'alias'; name: string; range: Range }
  /** A keyword (with its doc when it has one), a `{placeholder}` or a HogQLX tag name. */
  | { kind: 'keyword'; name: string; range: Range; doc?: KeywordDoc };

/** The innermost syntax node at `offset` (end inclusive) and its ancestors, outermost first. */
export function nodeAt(text: string, offset: number, parsed: ParseResult = parseAt(text, offset)): Node[] {
  const stmt = chunkAt(parsed.statements, offset);
  return stmt ? pathAt(stmt.query, offset) : [];
}

export function hoverTarget(text: string, offset: number, parsed: ParseResult = parseAt(text, offset)): HoverTarget | undefined {
  const tok = parsed.lex.tokens.find((t) => t.start <= offset && offset < t.end) ?? parsed.lex.tokens.find((t) => t.end === offset && t.kind === 'ident');
  if (!tok || tok.kind === 'eof') return undefined;
  const stmt = chunkAt(parsed.statements, offset);
  if (!stmt) return undefined;
  const path = pathAt(stmt.query, tok.start);
  const node = path[path.length - 1];
  const parent = path[path.length - 2];
  const range = { start: tok.start, end: tok.end };
  const placeholder = path.find((n) => n.kind === 'Placeholder');
  if (placeholder) return placeholderHover(text, placeholder);
  if (node?.kind === 'Ident' && parent?.kind === 'Tag' && parent.name === node) return { kind: 'keyword', name: node.name, range, doc: TAG_DOC };
  if (node?.kind === 'Ident' && parent?.kind === 'Call' && (parent).name === node) {
    const table = isTableFunction(path) ? getVocabulary().findTable(node.name) : undefined;
    if (table) return { kind: 'table', name: node.name, range, table, cte: false };
    return { kind: 'function', name: node.name, range, function: getVocabulary().findFunction(node.name) };
  }
  if (node?.kind === 'Ident' && parent?.kind === 'TableRef') {
    const name = parent.parts.map((p) => p.name).join('.');
    const scope = scopeAt(buildScopes(stmt.query, text), tok.start);
    const cte = !!scope?.ctes.has(name);
    return { kind: 'table', name, range, table: cte ? undefined : getVocabulary().findTable(name), cte };
  }
  if (node?.kind === 'Ident' && parent?.kind === 'Field') return fieldHover(stmt.query, text, parent, node.start, range);
  if (tok.kind === 'ident' && tok.keyword) {
    const doc = keywordDocAt(parsed.lex.tokens, parsed.lex.tokens.indexOf(tok));
    return doc ? { kind: 'keyword', name: tok.keyword, range, doc } : { kind: 'keyword', name: tok.keyword, range };
  }
  return undefined;
}

/** `{filters}`, `{variables.x}` or another placeholder: the whole `{…}` is the range. */
function placeholderHover(text: string, node: Node): HoverTarget {
  const inner = text.slice(node.start + 1, node.end - 1).trim();
  const doc = inner === 'filters' ? PLACEHOLDER_DOCS.filters : inner.startsWith('variables.') ? PLACEHOLDER_DOCS.variables : PLACEHOLDER_DOCS.other;
  return { kind: 'keyword', name: inner, range: { start: node.start, end: node.end }, doc };
}

function isTableFunction(path: Node[]): boolean {
  const item = path[path.length - 3];
  return item?.kind === 'JoinItem' && (item).table === path[path.length - 2];
}

function fieldHover(root: Node, text: string, field: Field, at: number, range: Range): HoverTarget | undefined {
  // with no FROM yet, as if FROM events (completion offers the same names)
  const scope = withImplicitEvents(scopeAt(buildScopes(root, text), at));
  if (!scope) return undefined;
  const idx = field.parts.findIndex((p) => p.start === at);
  const names = field.parts.slice(0, idx + 1).map((p) => p.name);
  const name = names[names.length - 1];
  const r = resolveChain(scope, names);
  switch (r.kind) {
    case 'table':
      return { kind: 'table', name, range, table: r.table.table ?? undefined, cte: r.table.kind === 'cte' };
    case 'alias':
      return { kind: 'alias', name, range };
    case 'column':
      return { kind: 'column', name, range, source: r.table.alias ?? r.table.name };
    case 'path': {
      const t = r.target;
      if (t.kind === 'field') return { kind: 'field', name, range, table: t.table, field: t.field };
      if (t.kind === 'property') return { kind: 'property', name, range, table: t.table, path: t.rest };
      if (t.kind === 'table') return { kind: 'field', name, range, table: t.owner, field: t.via };
      return undefined;
    }
    default:
      return undefined;
  }
}
