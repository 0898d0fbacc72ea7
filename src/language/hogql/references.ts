/**
 * Names defined inside a statement — CTE names, table aliases and column aliases — with their
 * definition and every reference, for Go to Definition, Find References, document highlights and
 * rename. Resolution follows the scopes of scopes.ts: a name refers to the definition its SELECT
 * (or an enclosing one, for table aliases) sees, so a shadowing alias in a subquery is another symbol.
 */
import type { Cte, Ident, JoinItem, Node, SelectQuery } from './ast';
import { parseAt, type ParseResult } from './parse';
import { buildScopes, scopeAt, type Scope } from './scopes';
import { chunkAt } from './split';
import type { Range } from './text';
import { walk } from './visit';

export type SymbolKind = 'cte' | 'tableAlias' | 'columnAlias';
type Definition = { kind: SymbolKind; node: Cte | JoinItem | Node; ident: Ident };

export interface StatementSymbol {
  name: string;
  kind: SymbolKind;
  definition: Range;
  /** Every occurrence, the definition included, in source order. */
  occurrences: Range[];
}

const rangeOf = (i: Ident): Range => ({ start: i.start, end: i.end });

function columnAliasIn(select: SelectQuery, name: string): Definition | undefined {
  for (const item of [...select.items, ...(select.arrayJoin?.exprs ?? [])]) {
    if (item.kind === 'Alias' && item.alias.name === name) return { kind: 'columnAlias', node: item, ident: item.alias };
  }
  const cte = select.ctes.find((c) => c.cteKind === 'column' && c.name.name === name);
  return cte ? { kind: 'columnAlias', node: cte, ident: cte.name } : undefined;
}

function cteDefinition(scope: Scope | undefined, name: string): Definition | undefined {
  const cte = scope?.ctes.get(name);
  if (!cte) return undefined;
  return { kind: cte.cteKind === 'subquery' ? 'cte' : 'columnAlias', node: cte, ident: cte.name };
}

function tableAlias(scope: Scope | undefined, name: string): Definition | undefined {
  for (let s: Scope | null | undefined = scope; s; s = s.parent) {
    const t = s.tables.find((x) => x.alias === name);
    if (t && t.item.alias) return { kind: 'tableAlias', node: t.item, ident: t.item.alias };
  }
  return undefined;
}

/** What the identifier `ident` (child of `parent`) refers to, when it is one of our symbols. */
function resolve(ident: Ident, parent: Node | null, scopes: Scope[]): Definition | undefined {
  if (!parent) return undefined;
  const scope = scopeAt(scopes, ident.start);
  switch (parent.kind) {
    case 'Cte':
      return parent.name === ident ? { kind: parent.cteKind === 'subquery' ? 'cte' : 'columnAlias', node: parent, ident } : undefined;
    case 'JoinItem':
      return parent.alias === ident ? { kind: 'tableAlias', node: parent, ident } : undefined;
    case 'Alias':
      return parent.alias === ident ? { kind: 'columnAlias', node: parent, ident } : undefined;
    case 'TableRef':
      return parent.parts.length === 1 ? cteDefinition(scope, ident.name) : undefined;
    case 'Asterisk':
      return parent.table[0] === ident ? tableAlias(scope, ident.name) : undefined;
    case 'Field': {
      if (parent.parts[0] !== ident) return undefined;
      if (parent.parts.length > 1) {
        const t = tableAlias(scope, ident.name);
        if (t) return t;
        const table = scope?.tables.find((x) => x.alias === null && x.kind === 'cte' && x.name === ident.name);
        return table ? cteDefinition(scope, ident.name) : undefined;
      }
      return (scope && columnAliasIn(scope.select, ident.name)) ?? (scope?.ctes.get(ident.name)?.cteKind === 'column' ? cteDefinition(scope, ident.name) : undefined);
    }
    default:
      return undefined;
  }
}

/** Every identifier of `root` with its parent. */
function identifiers(root: Node): { ident: Ident; parent: Node | null }[] {
  const out: { ident: Ident; parent: Node | null }[] = [];
  walk(root, (node, parent) => {
    if (node.kind === 'Ident') out.push({ ident: node, parent });
  });
  return out;
}

/** The CTE, table alias or column alias at `offset` (UTF-16) with all its occurrences in the statement. */
export function symbolAt(text: string, offset: number, parsed: ParseResult = parseAt(text, offset)): StatementSymbol | undefined {
  const stmt = chunkAt(parsed.statements, offset);
  if (!stmt) return undefined;
  const scopes = buildScopes(stmt.query, text);
  const idents = identifiers(stmt.query);
  const here = idents.find((i) => i.ident.start <= offset && offset <= i.ident.end);
  const def = here && resolve(here.ident, here.parent, scopes);
  if (!def) return undefined;
  const occurrences = idents.filter((i) => i.ident.name === def.ident.name && resolve(i.ident, i.parent, scopes)?.node === def.node).map((i) => rangeOf(i.ident));
  return { name: def.ident.name, kind: def.kind, definition: rangeOf(def.ident), occurrences };
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Text edits renaming the symbol at `offset`, or an error message users can read. */
export function renameEdits(text: string, offset: number, newName: string): { edits: { range: Range; text: string }[] } | { error: string } {
  const sym = symbolAt(text, offset);
  if (!sym) return { error: 'Only CTE names, table aliases and column aliases can be renamed.' };
  if (!newName) return { error: 'The new name is empty.' };
  const written = PLAIN.test(newName) ? newName : `\`${newName.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
  return { edits: sym.occurrences.map((range) => ({ range, text: written })) };
}
