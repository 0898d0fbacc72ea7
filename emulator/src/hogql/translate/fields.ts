/**
 * Field resolution and printing: lambda arguments, SELECT aliases, table aliases, table fields
 * (with PostHog's property extraction for JSON columns), lazy joins (`events.session`,
 * `person_distinct_ids.person`) and column CTEs. Messages follow PostHog's resolver/printer.
 */
import { span, type Node } from '../ast';
import { queryError, unsupported } from '../errors';
import { escapeClickHouseIdentifier as id } from '../escape';
import { own, TABLES, type FieldDef } from '../schema';
import type { Printed, PropertyOwner, Scope, TableSource, TranslateContext } from './context';
import { typedProperty } from './propertyTypes';
import { printExpr } from './expr';

/** PostHog's `_unsafe_json_extract_trim_quotes`: properties come back as strings or NULL. */
export function propertySql(column: string, path: (string | number)[], ctx: TranslateContext): string {
  const args = path.map((p) => (typeof p === 'number' ? String(p) : ctx.addValue(p)));
  return `replaceRegexpAll(nullIf(nullIf(JSONExtractRaw(${[column, ...args].join(', ')}), ''), 'null'), '^"|"$', '')`;
}

function jsonPrinted(
  column: string,
  path: (string | number)[],
  ctx: TranslateContext,
  name: string,
  owner?: PropertyOwner,
  where?: { start?: number; end?: number },
): Printed {
  const json = { column, path, owner };
  if (path.length === 0) return { sql: column, kind: 'string', nullable: false, json, name };
  const printed: Printed = { sql: propertySql(column, path, ctx), kind: 'string', nullable: true, json, name: String(path[path.length - 1]) };
  return owner && path.length === 1 ? typedProperty(printed, String(path[0]), owner, ctx, where) : printed;
}

function unresolved(name: string, node: Node): never {
  throw queryError(`Unable to resolve field: ${name}`, span(node));
}

export function tableRef(source: TableSource): string {
  return id(source.alias);
}

/** Print `rest` (the chain after `fieldName`) on a table source. */
function printOnSource(source: TableSource, chain: (string | number)[], node: Node, scope: Scope, ctx: TranslateContext): Printed {
  const [head, ...rest] = chain;
  const name = String(head);
  if (name === '*') return { sql: `${tableRef(source)}.*`, kind: 'unknown', nullable: false };
  if (source.columns) {
    const column = source.columns.get(name);
    if (!column) unresolved(name, node);
    const sql = `${tableRef(source)}.${id(name)}`;
    if (column.json) return jsonPrinted(sql, rest, ctx, name);
    if (rest.length > 0) unresolved(chain.join('.'), node);
    return { sql, kind: column.kind, nullable: column.nullable, name };
  }
  const def = source.def ? own(source.def.fields, name) : undefined;
  if (!def) unresolved(name, node);
  return printFieldDef(source, def, name, rest, node, scope, ctx);
}

function printFieldDef(
  source: TableSource,
  def: FieldDef,
  name: string,
  rest: (string | number)[],
  node: Node,
  scope: Scope,
  ctx: TranslateContext,
): Printed {
  switch (def.kind) {
    case 'column': {
      if (rest.length > 0) unresolved([name, ...rest].join('.'), node);
      const sql = `${tableRef(source)}.${id(def.column)}`;
      // PostHog's printer shows DateTime fields in the project timezone: toTimeZone(field, tz).
      if (def.type === 'datetime') return { sql: `toTimeZone(${sql}, ${ctx.addValue(ctx.timezone)})`, kind: 'datetime', nullable: def.nullable, name };
      return { sql, kind: def.type, nullable: def.nullable, name };
    }
    case 'json':
      return jsonPrinted(`${tableRef(source)}.${id(def.column)}`, rest, ctx, name, def.owner, span(node));
    case 'virtual': {
      if (rest.length === 0) throw queryError(`Can't select a table when a column is expected: ${name}`, span(node));
      const [next, ...more] = rest;
      const inner = own(def.fields, String(next));
      if (!inner) unresolved(String(next), node);
      return printFieldDef(source, inner, String(next), more, node, scope, ctx);
    }
    case 'lazy': {
      if (rest.length === 0) throw queryError(`Can't select a table when a column is expected: ${name}`, span(node));
      return printOnSource(lazyJoin(source, name, def, ctx), rest, node, scope, ctx);
    }
    case 'unsupported':
      throw unsupported(`The field \`${source.def?.name ?? source.alias}.${name}\``, span(node));
  }
}

/** Register (once) a LEFT JOIN for a lazy-join field, like PostHog's LazyJoinResolver. */
function lazyJoin(source: TableSource, name: string, def: Extract<FieldDef, { kind: 'lazy' }>, ctx: TranslateContext): TableSource {
  const existing = source.lazyJoins.get(name);
  if (existing) return existing.source;
  const table = TABLES[def.table] as (typeof TABLES)[string];
  const alias = `${source.alias}__${name}`;
  const joined: TableSource = { alias, def: table, lazyJoins: new Map() };
  const sub = table.subquery ? `(${table.subquery(ctx.teamId, def.groupIndex)})` : id(table.physical as string);
  const fromField = source.def ? own(source.def.fields, def.from) : undefined;
  const fromColumn = fromField && fromField.kind === 'column' ? fromField.column : def.from;
  const sql = `${def.join === 'INNER' ? 'INNER' : 'LEFT'} JOIN ${sub} AS ${id(alias)} ON equals(${tableRef(source)}.${id(fromColumn)}, ${id(alias)}.${id(def.to)})`;
  source.lazyJoins.set(name, { alias, source: joined, sql });
  return joined;
}

function sourcesWithField(scope: Scope, name: string): TableSource[] {
  const found: TableSource[] = [];
  for (const source of [...scope.tables.values(), ...scope.anonymous]) {
    if (source.columns ? source.columns.has(name) : source.def && own(source.def.fields, name)) found.push(source);
  }
  return found;
}

export function printField(node: Node, scope: Scope, ctx: TranslateContext): Printed {
  const chain: (string | number)[] = node.chain;
  const first = String(chain[0]);
  if (chain.length === 1 && first === '*') return { sql: '*', kind: 'unknown', nullable: false };
  if (scope.isLambdaArg(first)) {
    if (chain.length > 1) throw unsupported('Property access on a lambda argument', span(node));
    return { sql: id(first), kind: 'unknown', nullable: true };
  }
  const alias = scope.aliases.get(first);
  if (alias && !scope.tables.has(first)) {
    if (alias.json) return jsonPrinted(id(first), chain.slice(1), ctx, first);
    if (chain.length > 1) unresolved(chain.join('.'), node);
    return { sql: id(first), kind: alias.kind, nullable: alias.nullable, name: first };
  }
  const table = scope.tables.get(first);
  if (table && chain.length > 1) return printOnSource(table, chain.slice(1), node, scope, ctx);
  if (table) throw queryError(`Can't select a table when a column is expected: ${first}`, span(node));
  const sources = sourcesWithField(scope, first);
  if (sources.length > 1) throw queryError(`Ambiguous query. Found multiple sources for field: ${first}`, span(node));
  if (sources.length === 1) {
    const source = sources[0];
    if (!scope.tables.has(source.alias) && source.columns) {
      // A column of an unaliased subquery: ClickHouse names it bare.
      const column = source.columns.get(first)!;
      const sql = id(first);
      if (column.json) return jsonPrinted(sql, chain.slice(1), ctx, first);
      if (chain.length > 1) unresolved(chain.join('.'), node);
      return { sql, kind: column.kind, nullable: column.nullable, name: first };
    }
    return printOnSource(source, chain, node, scope, ctx);
  }
  const cte = scope.findCte(first);
  if (cte && cte.cte_type === 'column') {
    if (chain.length > 1) unresolved(chain.join('.'), node);
    const printed = printExpr(cte.expr, scope, ctx);
    return { ...printed, name: first };
  }
  unresolved(chain.join('.'), node);
}

export function printArrayAccess(node: Node, scope: Scope, ctx: TranslateContext): Printed {
  const array = printExpr(node.array, scope, ctx);
  const property = node.property as Node;
  if (property.node === 'Constant' && property.value === 0) throw queryError('SQL indexes start from one, not from zero. E.g: array[1]', span(node));
  if (array.json && property.node === 'Constant' && (typeof property.value === 'string' || typeof property.value === 'number')) {
    const path = [...array.json.path, property.value];
    return jsonPrinted(array.json.column, path, ctx, String(property.value), array.json.owner, span(node));
  }
  const index = printExpr(property, scope, ctx);
  return { sql: `${array.sql}[${index.sql}]`, kind: 'unknown', nullable: true, aggregate: array.aggregate || index.aggregate };
}
