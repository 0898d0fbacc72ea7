/**
 * SELECT / set-query printing: FROM and JOINs with PostHog's team guard on every table (in WHERE,
 * or in ON for LEFT JOINs, as printer/base.py `visit_join_expr`), CTE expansion, ARRAY JOIN,
 * SELECT column aliases (`_print_select_columns`: hidden aliases for fields, the HogQL text for
 * calls), and the remaining clauses.
 */
import { span, type Node } from '../ast';
import { queryError, unsupported } from '../errors';
import { escapeClickHouseIdentifier as id } from '../escape';
import { printHogQLExpr } from '../hogqlPrinter';
import { KNOWN_UNSERVED_TABLES, own, TABLES, unservedTableError } from '../schema';
import { printOrderExpr, printWindowExpr } from './calls';
import { Scope, type ColumnInfo, type Printed, type TableSource, type TranslateContext } from './context';
import { printExpr } from './expr';

export interface PrintedQuery {
  sql: string;
  columnNames: string[];
  columns: Map<string, ColumnInfo>;
}

interface JoinPart {
  node: Node;
  source: TableSource | null;
  tableSql: string;
  teamFilter: string | null;
}

const ARRAY_JOIN_OPS = ['ARRAY JOIN', 'LEFT ARRAY JOIN', 'INNER ARRAY JOIN'];
const SET_OPERATORS = ['UNION ALL', 'UNION DISTINCT', 'INTERSECT', 'INTERSECT DISTINCT', 'EXCEPT', 'EXCEPT DISTINCT'];

export function printSubquery(node: Node, parent: Scope | null, ctx: TranslateContext): PrintedQuery {
  if (node.node === 'SelectSetQuery') {
    const first = printSubquery(node.initial_select_query, parent, ctx);
    let sql = `(${first.sql})`;
    for (const next of node.subsequent_select_queries as Node[]) {
      if (!SET_OPERATORS.includes(next.set_operator)) throw unsupported(`The set operator ${next.set_operator}`, span(node));
      sql += ` ${next.set_operator} (${printSubquery(next.select_query, parent, ctx).sql})`;
    }
    if (node.limit || node.offset || node.order_by) {
      const tail: string[] = [];
      const scope = new Scope(parent);
      if (node.order_by) tail.push(`ORDER BY ${node.order_by.map((o: Node) => printOrderExpr(o, scope, ctx)).join(', ')}`);
      if (node.limit) tail.push(`LIMIT ${printExpr(node.limit, scope, ctx).sql}`);
      if (node.offset) tail.push(`OFFSET ${printExpr(node.offset, scope, ctx).sql}`);
      sql = `SELECT * FROM (${sql}) ${tail.join(' ')}`;
    }
    return { sql, columnNames: first.columnNames, columns: first.columns };
  }
  if (node.node !== 'SelectQuery') throw queryError(`Expected a SELECT query, got ${node.node}`, span(node));
  return printSelect(node, parent, ctx);
}

function tableName(table: Node): string {
  return (table.chain as (string | number)[]).join('.');
}

function registerJoin(join: Node, scope: Scope, ctx: TranslateContext): JoinPart {
  const table = join.table as Node;
  if (join.table_final) throw queryError('The FINAL keyword is not supported in HogQL as it causes slow queries', span(join));
  if (join.sample) throw unsupported('SAMPLE', span(join));
  if (join.column_aliases) throw unsupported('Column aliases on a table', span(join));
  if (table.node === 'Field') {
    const name = tableName(table);
    const cte = table.chain.length === 1 ? scope.findCte(name) : undefined;
    if (cte && cte.cte_type !== 'column') {
      if (++ctx.cteDepth > 50) throw queryError('Too many CTE expansions (50+). Probably a CTE loop.');
      try {
        return registerSubquery({ ...join, table: cte.expr, alias: join.alias ?? name }, scope, ctx);
      } finally {
        ctx.cteDepth--;
      }
    }
    // a view (data warehouse saved query) is a table of the team's database: its query, as a subquery
    const view = table.chain.length === 1 && !own(TABLES, name) ? ctx.views.get(name) : undefined;
    if (view) {
      if (++ctx.cteDepth > 50) throw queryError('Too many CTE expansions (50+). Probably a CTE loop.');
      try {
        return registerSubquery({ ...join, table: view, alias: join.alias ?? name }, scope, ctx);
      } finally {
        ctx.cteDepth--;
      }
    }
    const def = table.chain.length === 1 ? own(TABLES, name) : undefined;
    if (!def) {
      if (KNOWN_UNSERVED_TABLES.has(name)) throw unservedTableError(name, span(table));
      throw queryError(`Unknown table \`${name}\`.`, span(table));
    }
    const alias: string = join.alias ?? name;
    if (scope.tables.has(alias)) throw queryError(`Already have joined a table called "${alias}". Can't redefine.`, span(join));
    const source: TableSource = { alias, def, lazyJoins: new Map() };
    scope.tables.set(alias, source);
    if (def.tableFunction) {
      const args: Node[] | null = join.table_args ?? null;
      const { min, max } = def.tableFunction;
      if (!args) throw queryError(`Table function '${name}' requires arguments`, span(table));
      if (args.length < min) throw queryError(`Table function '${name}' requires at least ${min} argument${min > 1 ? 's' : ''}`, span(table));
      if (args.length > max) throw queryError(`Table function '${name}' requires at most ${max} argument${max > 1 ? 's' : ''}`, span(table));
      const printed = args.map((a) => printExpr(a, new Scope(null), ctx).sql);
      return { node: join, source, tableSql: `${name}(${printed.join(', ')}) AS ${id(alias)}`, teamFilter: null };
    }
    if (join.table_args) throw queryError(`Table '${name}' does not accept arguments`, span(table));
    if (def.subquery) return { node: join, source, tableSql: `(${def.subquery(ctx.teamId)}) AS ${id(alias)}`, teamFilter: null };
    const tableSql = alias === name ? id(name) : `${id(name)} AS ${id(alias)}`;
    return { node: join, source, tableSql, teamFilter: `equals(${id(alias)}.${id('team_id')}, ${ctx.teamId})` };
  }
  if (table.node === 'SelectQuery' || table.node === 'SelectSetQuery') return registerSubquery(join, scope, ctx);
  if (table.node === 'Placeholder') throw queryError(`Unresolved placeholder: {${table.expr.chain.join('.')}}`, span(table));
  throw unsupported(`Selecting from ${table.node}`, span(table));
}

function registerSubquery(join: Node, scope: Scope, ctx: TranslateContext): JoinPart {
  const inner = printSubquery(join.table, scope, ctx);
  const alias: string | null = join.alias ?? null;
  const source: TableSource = { alias: alias ?? '', columns: inner.columns, lazyJoins: new Map() };
  if (alias !== null) {
    if (scope.tables.has(alias)) {
      throw queryError(`Already have joined a table called "${alias}". Can't join another one with the same name.`, span(join));
    }
    scope.tables.set(alias, source);
    return { node: join, source, tableSql: `(${inner.sql}) AS ${id(alias)}`, teamFilter: null };
  }
  scope.anonymous.push(source);
  return { node: join, source, tableSql: `(${inner.sql})`, teamFilter: null };
}

function printJoinPart(part: JoinPart, scope: Scope, ctx: TranslateContext): string {
  const join = part.node;
  const out: string[] = [];
  if (join.join_type) {
    if (!/^[A-Z ]*JOIN$/.test(join.join_type)) throw unsupported(`The join type ${join.join_type}`, span(join));
    out.push(join.join_type);
  }
  out.push(part.tableSql);
  const constraint = join.constraint as Node | null;
  if (constraint) {
    scope.inJoinConstraint = true;
    try {
      if (constraint.constraint_type === 'USING') {
        const expr = constraint.expr as Node;
        const fields = expr.node === 'Tuple' ? expr.exprs : [expr];
        const names = fields.map((f: Node) => {
          if (f.node !== 'Field') throw unsupported('USING with expressions', span(f));
          return id(String(f.chain[f.chain.length - 1]));
        });
        out.push(`USING (${names.join(', ')})`);
      } else {
        const printed = printExpr(constraint.expr, scope, ctx).sql;
        const isLeft = typeof join.join_type === 'string' && join.join_type.includes('LEFT');
        if (isLeft && part.teamFilter) {
          out.push(`ON and(${part.teamFilter}, ${printed})`);
          part.teamFilter = null;
        } else out.push(`ON ${printed}`);
      }
    } finally {
      scope.inJoinConstraint = false;
    }
  }
  if (part.source) out.push(...lazyJoinSql(part.source));
  return out.join(' ');
}

/** A source's lazy joins, each followed by the joins made through it (events.pdi.person). */
function lazyJoinSql(source: TableSource): string[] {
  return [...source.lazyJoins.values()].flatMap((lazy) => [lazy.sql, ...lazyJoinSql(lazy.source)]);
}

function expandAsterisk(expr: Node, scope: Scope): Node[] {
  if (expr.node !== 'Field' || expr.chain[expr.chain.length - 1] !== '*') return [expr];
  let source: TableSource | undefined;
  if (expr.chain.length === 1) {
    const all = [...scope.tables.values(), ...scope.anonymous];
    if (all.length === 0) throw queryError('Cannot use \'*\' when there are no tables in the query', span(expr));
    if (all.length > 1) throw queryError('Cannot use \'*\' when there are multiple tables in the query', span(expr));
    source = all[0];
  } else {
    source = scope.tables.get(String(expr.chain[0]));
    if (!source) throw queryError(`Unable to resolve field: ${expr.chain[0]}`, span(expr));
  }
  const names = source.columns ? [...source.columns.keys()] : (source.def?.asterisk ?? []);
  const prefix = scope.tables.has(source.alias) && expr.chain.length > 1 ? [source.alias] : [];
  return names.map((name) => ({ node: 'Field', chain: [...prefix, name], start: expr.start, end: expr.end }));
}

function printColumns(node: Node, scope: Scope, ctx: TranslateContext) {
  const sqls: string[] = [];
  const names: string[] = [];
  const columns = new Map<string, ColumnInfo>();
  const used = new Set<string>();
  const exprs = (node.select as Node[]).flatMap((e) => expandAsterisk(e, scope));
  for (const expr of exprs) {
    let p: Printed;
    let alias: string | null;
    let name: string;
    if (expr.node === 'Alias') {
      p = printExpr(expr.expr, scope, ctx);
      alias = expr.alias as string;
      name = alias;
      scope.aliases.set(alias, { kind: p.kind, nullable: p.nullable, json: Boolean(p.json && p.json.path.length === 0) });
    } else {
      p = printExpr(expr, scope, ctx);
      const hogql = printHogQLExpr(expr);
      alias = p.name ?? (expr.node === 'Call' ? hogql : null);
      name = p.name ?? hogql;
    }
    if (alias !== null && used.has(alias) && expr.node !== 'Alias') alias = null;
    if (alias !== null) used.add(alias);
    sqls.push(alias !== null ? `${p.sql} AS ${id(alias)}` : p.sql);
    names.push(name);
    columns.set(name, { kind: p.kind, nullable: p.nullable, json: Boolean(p.json && p.json.path.length === 0) });
  }
  return { sqls, names, columns };
}

function printSelect(node: Node, parent: Scope | null, ctx: TranslateContext): PrintedQuery {
  const scope = new Scope(parent);
  for (const cte of (node.ctes ?? []) as Node[]) scope.ctes.set(cte.name, cte);
  for (const [name, win] of Object.entries(node.window_exprs ?? {})) scope.windows.set(name, win as Node);
  if (node.qualify) throw unsupported('QUALIFY', span(node.qualify));
  if (node.group_by_mode) throw unsupported(`GROUP BY ${node.group_by_mode}`, span(node));
  const parts: JoinPart[] = [];
  for (let join = node.select_from; join; join = join.next_join) parts.push(registerJoin(join, scope, ctx));

  let arrayJoin: string | null = null;
  if (node.array_join_op) {
    if (!ARRAY_JOIN_OPS.includes(node.array_join_op)) throw queryError(`Invalid ARRAY JOIN operation: ${node.array_join_op}`);
    const items = (node.array_join_list as Node[]).map((item) => {
      if (item.node !== 'Alias') throw queryError('ARRAY JOIN arrays must have an alias', span(item));
      const p = printExpr(item.expr, scope, ctx);
      scope.aliases.set(item.alias, { kind: 'unknown', nullable: true });
      return `${p.sql} AS ${id(item.alias)}`;
    });
    arrayJoin = `${node.array_join_op} ${items.join(', ')}`;
  }

  const { sqls, names, columns } = node.select?.length ? printColumns(node, scope, ctx) : { sqls: ['1'], names: ['1'], columns: new Map() };
  const clause = (expr: Node | null | undefined) => (expr ? printExpr(expr, scope, ctx).sql : null);
  const prewhere = clause(node.prewhere);
  let where = clause(node.where);
  const groupBy = node.group_by ? (node.group_by as Node[]).map((e) => printExpr(e, scope, ctx).sql) : null;
  const having = clause(node.having);
  const windows = node.window_exprs
    ? Object.entries(node.window_exprs).map(([n, w]) => `${id(n)} AS (${printWindowExpr(w as Node, scope, ctx)})`)
    : null;
  const orderBy = node.order_by ? (node.order_by as Node[]).map((o) => printOrderExpr(o, scope, ctx)) : null;
  const limitBy = node.limit_by
    ? `LIMIT ${clause(node.limit_by.n)}${node.limit_by.offset_value ? ` OFFSET ${clause(node.limit_by.offset_value)}` : ''} BY ${(node.limit_by.exprs as Node[]).map((e) => printExpr(e, scope, ctx).sql).join(', ')}`
    : null;
  const limit = clause(node.limit);
  const offset = clause(node.offset);

  const joinSql = parts.map((part) => printJoinPart(part, scope, ctx));
  const filters = parts.map((p) => p.teamFilter).filter((f): f is string => f !== null);
  if (filters.length > 0) {
    const rest = where === null ? [] : where.startsWith('and(') && node.where?.node === 'And' ? [where.slice(4, -1)] : [where];
    where = filters.length + rest.length === 1 ? filters[0] : `and(${[...filters, ...rest].join(', ')})`;
  }

  const out = [`SELECT ${node.distinct ? 'DISTINCT ' : ''}${sqls.join(', ')}`];
  if (joinSql.length) out.push(`FROM ${joinSql.join(' ')}`);
  if (arrayJoin) out.push(arrayJoin);
  if (prewhere) out.push(`PREWHERE ${prewhere}`);
  if (where) out.push(`WHERE ${where}`);
  if (groupBy) out.push(`GROUP BY ${groupBy.join(', ')}`);
  if (having) out.push(`HAVING ${having}`);
  if (windows) out.push(`WINDOW ${windows.join(', ')}`);
  if (orderBy) out.push(`ORDER BY ${orderBy.join(', ')}`);
  if (limitBy) out.push(limitBy);
  // ClickHouse takes WITH TIES after the OFFSET (`LIMIT n OFFSET m WITH TIES`); PostHog's printer
  // puts it before the OFFSET, which ClickHouse refuses with a syntax error.
  if (limit) out.push(`LIMIT ${limit}`);
  if (offset) out.push(`OFFSET ${offset}`);
  if (limit && node.limit_with_ties) out.push('WITH TIES');
  return { sql: out.join(' '), columnNames: names, columns };
}
