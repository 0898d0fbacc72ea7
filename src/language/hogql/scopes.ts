/**
 * Name scopes of SELECT queries: which tables (with aliases), CTEs, subqueries
 * and select aliases each query sees, and what a dotted name `x.y.z` refers to.
 */
import type { Cte, Expr, JoinItem, Node, SelectLike, SelectQuery } from './ast';
import { mapped } from './arrays';
import { walk } from './visit';
import { getVocabulary, type PathTarget, type TableInfo } from './vocabulary';

export interface ScopeTable {
  /** The alias, or null when the table is referenced by name. */
  alias: string | null;
  /** The name as written (`events`, `db.t`, CTE name) or `(subquery)` / `{placeholder}`. */
  name: string;
  kind: 'table' | 'cte' | 'subquery' | 'function' | 'placeholder' | 'unknown';
  /** Vocabulary table for known tables and table functions (`numbers`). */
  table: TableInfo | null;
  /** Output columns of CTEs and subqueries; null when unknown or open-ended (`*` over unknown tables). */
  columns: string[] | null;
  item: JoinItem;
  /** `events` assumed while a SELECT has no FROM yet (for completion, HogQL's usual table). */
  implicit?: boolean;
}

export interface Scope {
  select: SelectQuery;
  parent: Scope | null;
  tables: ScopeTable[];
  /** Subquery and column CTEs visible here (own and inherited), by name. */
  ctes: Map<string, Cte>;
  /** Select-list aliases, ARRAY JOIN aliases and column CTEs, by name. */
  aliases: Map<string, Expr>;
}

export type Resolution =
  | { kind: 'table'; table: ScopeTable }
  /** A vocabulary table path; `target` tells field / JSON property / joined table. */
  | { kind: 'path'; table: ScopeTable; target: PathTarget; qualified: boolean }
  | { kind: 'column'; table: ScopeTable; name: string; qualified: boolean }
  | { kind: 'alias'; name: string; expr: Expr }
  /** Cannot tell: some table in scope has unknown columns (unknown table, placeholder, `*`). */
  | { kind: 'unresolved' }
  /** Definitely not found: every table in scope has a known column list. */
  | { kind: 'unknown'; name: string; tables: ScopeTable[]; qualifiedBy: ScopeTable | null };

function aliasTarget(e: Expr): string | null {
  return e.kind === 'Alias' ? e.alias.name : null;
}

/** Output column names of a select (aliases, last part of fields, else the expression text). */
export function outputColumns(query: SelectLike, text: string, scopes?: Map<SelectQuery, Scope>): string[] | null {
  switch (query.kind) {
    case 'SelectQuery': {
      const out: string[] = [];
      for (const item of query.items) {
        const alias = aliasTarget(item);
        if (alias !== null) out.push(alias);
        else if (item.kind === 'Field') out.push(item.parts[item.parts.length - 1].name);
        else if (item.kind === 'Asterisk') {
          const scope = scopes?.get(query);
          if (!scope) return null;
          for (const t of scope.tables) {
            if (item.table.length > 0 && (t.alias ?? t.name) !== item.table[item.table.length - 1].name) continue;
            const cols = t.table ? getVocabulary().fieldsOf(t.table.name).map((f) => f.name) : t.columns;
            if (!cols) return null;
            out.push(...cols);
          }
        } else out.push(text.slice(item.start, item.end));
      }
      return out;
    }
    case 'SelectSet':
      return query.selects.length > 0 ? outputColumns(query.selects[0], text, scopes) : null;
    case 'ParenSelect':
      return outputColumns(query.query, text, scopes);
    default:
      return null;
  }
}

function tableName(item: JoinItem): string {
  const t = item.table;
  if (t.kind === 'TableRef') {
    // joined by hand: `map` then `join` deoptimized on the other map of `map`'s result (see arrays.ts)
    let name = t.parts.length > 0 ? t.parts[0].name : '';
    for (let i = 1; i < t.parts.length; i++) name += `.${t.parts[i].name}`;
    return name;
  }
  if (t.kind === 'Call') return t.name.name;
  if (t.kind === 'Placeholder') return '{placeholder}';
  return '(subquery)';
}

/**
 * One literal, every field in the same order: a spread of a shared base followed by fields that
 * overwrite it (`{ ...base, kind, table }`) made V8 reconfigure two fields of a fresh map on every
 * call (`--trace-generalization`: 200 per check of a 100-statement document, each under the map
 * lock that concurrent compiles hold; issue #21's longest task).
 */
function scopeTableOf(item: JoinItem, kind: ScopeTable['kind'], table: TableInfo | null, columns: string[] | null): ScopeTable {
  return { alias: item.alias?.name ?? null, name: tableName(item), kind, table, columns, item };
}

function scopeTable(item: JoinItem, ctes: Map<string, Cte>, text: string, scopes: Map<SelectQuery, Scope>): ScopeTable {
  const t = item.table;
  if (t.kind === 'TableRef') {
    const cte = t.parts.length === 1 ? ctes.get(t.parts[0].name) : undefined;
    if (cte && cte.cteKind === 'subquery' && cte.expr.kind === 'Subquery') {
      return scopeTableOf(item, 'cte', null, outputColumns(cte.expr.query, text, scopes));
    }
    const table = getVocabulary().findTable(tableName(item)) ?? null;
    return scopeTableOf(item, table ? 'table' : 'unknown', table, null);
  }
  if (t.kind === 'Call') return scopeTableOf(item, 'function', getVocabulary().findTable(t.name.name) ?? null, null);
  if (t.kind === 'Subquery') return scopeTableOf(item, 'subquery', null, outputColumns(t.query, text, scopes));
  return scopeTableOf(item, t.kind === 'Placeholder' ? 'placeholder' : 'unknown', null, null);
}

/** Builds a scope for every SELECT in `root` (outer before inner). */
export function buildScopes(root: Node, text: string): Scope[] {
  const list: Scope[] = [];
  const bySelect = new Map<SelectQuery, Scope>();
  const enter = (select: SelectQuery, parent: Scope | null): void => {
    // A SELECT without its own CTEs shares its parent's map (copying it into each of N CTE bodies was O(N²)).
    const ctes = select.ctes.length === 0 && parent ? parent.ctes : new Map(parent?.ctes ?? []);
    for (const c of select.ctes) ctes.set(c.name.name, c);
    const scope: Scope = { select, parent, tables: [], ctes, aliases: new Map() };
    list.push(scope);
    bySelect.set(select, scope);
    walk(select, (node) => {
      if (node === select) return true;
      if (node.kind === 'SelectQuery') {
        enter(node, scope);
        return false;
      }
      return true;
    });
    for (const c of select.ctes) if (c.cteKind === 'column') scope.aliases.set(c.name.name, c.expr);
    for (const item of select.items) if (item.kind === 'Alias') scope.aliases.set(item.alias.name, item.expr);
    for (const e of select.arrayJoin?.exprs ?? []) if (e.kind === 'Alias') scope.aliases.set(e.alias.name, e.expr);
    scope.tables = mapped(select.from, (item) => scopeTable(item, ctes, text, bySelect));
  };
  walk(root, (node) => {
    if (node.kind !== 'SelectQuery') return true;
    enter(node, null);
    return false;
  });
  return list;
}

/**
 * The scope as if `FROM events` were written when its SELECT has no table yet (people type
 * `SELECT properties.$br` before the FROM); other scopes as they are.
 */
export function withImplicitEvents(scope: Scope | undefined): Scope | undefined {
  const events = getVocabulary().findTable('events');
  if (!scope || scope.tables.length > 0 || scope.select.from.length > 0 || !events) return scope;
  const at = { start: scope.select.start, end: scope.select.start };
  const ref = { kind: 'TableRef' as const, ...at, parts: [{ kind: 'Ident' as const, ...at, name: 'events', quoted: false }] };
  const item: JoinItem = { kind: 'JoinItem', ...at, joinType: null, table: ref, alias: null, final: false, sample: null, constraint: null };
  return { ...scope, tables: [{ alias: null, name: 'events', kind: 'table', table: events, columns: null, item, implicit: true }] };
}

/** The innermost scope whose SELECT contains `offset` (end inclusive). */
export function scopeAt(scopes: Scope[], offset: number): Scope | undefined {
  let best: Scope | undefined;
  for (const s of scopes) {
    if (s.select.start <= offset && offset <= s.select.end) {
      if (!best || s.select.start >= best.select.start) best = s;
    }
  }
  return best;
}

function matchesTable(t: ScopeTable, name: string): boolean {
  if (t.alias !== null) return t.alias === name;
  // the whole name or its last dotted part (`db.events` → `events`), without splitting it
  return t.name === name || (t.name.endsWith(name) && t.name.lastIndexOf('.') === t.name.length - name.length - 1);
}

function resolveIn(t: ScopeTable, rest: readonly string[], qualified: boolean): Resolution | null {
  if (t.table) {
    const target = getVocabulary().resolvePath(t.table, rest);
    if (target.kind === 'unknownField' && !qualified && target.index === 0) return null;
    return { kind: 'path', table: t, target, qualified };
  }
  if (t.columns) {
    if (t.columns.includes(rest[0])) return { kind: 'column', table: t, name: rest[0], qualified };
    return null;
  }
  return { kind: 'unresolved' };
}

/** What `parts` (e.g. `['e', 'person', 'properties', 'email']`) refers to in `scope`. */
export function resolveChain(scope: Scope, parts: readonly string[]): Resolution {
  // Runs for every field of every check: indexed loops, no closure, no `[head, ...rest] = parts`
  // (array destructuring and for…of run the iterator protocol: garbage in code not yet optimised)
  const head = parts[0];
  const rest = parts.slice(1);
  const tables = scope.tables;
  let byName: ScopeTable | undefined;
  for (let i = 0; i < tables.length && !byName; i++) if (matchesTable(tables[i], head)) byName = tables[i];
  if (byName && rest.length === 0 && !scope.aliases.has(head) && !columnExists(scope, head)) return { kind: 'table', table: byName };
  if (byName && rest.length > 0) {
    const r = resolveIn(byName, rest, true);
    return r ?? { kind: 'unknown', name: rest[0], tables: [byName], qualifiedBy: byName };
  }
  const alias = scope.aliases.get(head);
  if (alias) return { kind: 'alias', name: head, expr: alias };
  let unresolved = false;
  for (let i = 0; i < tables.length; i++) {
    const r = resolveIn(tables[i], parts, false);
    if (r?.kind === 'unresolved') unresolved = true;
    else if (r) return r;
  }
  if (unresolved || scope.tables.length === 0) return { kind: 'unresolved' };
  return { kind: 'unknown', name: head, tables: scope.tables, qualifiedBy: null };
}

function columnExists(scope: Scope, name: string): boolean {
  return scope.tables.some((t) => (t.table ? !!getVocabulary().findField(t.table.name, name) : t.columns?.includes(name)));
}
