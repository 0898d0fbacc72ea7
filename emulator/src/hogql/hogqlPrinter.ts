/**
 * Prints a (placeholder-free) HogQL AST back to HogQL text, after PostHog's HogQLPrinter
 * (posthog/hogql/printer/base.py with dialect "hogql"): operators as functions (`plus(a, b)`,
 * `equals(a, b)`), fields as dotted chains, strings single-quoted. Used for the response's
 * `hogql`, its `columns` and the ClickHouse aliases of calls in SELECT (e.g. `count()`).
 */
import { isBigIntMarker, isDatetimeMarker, type Node } from './ast';
import { escapeHogQLIdentifier as id, escapeString } from './escape';

const ARITHMETIC: Record<string, string> = { '+': 'plus', '-': 'minus', '*': 'multiply', '/': 'divide', '%': 'modulo' };
const COMPARE: Record<string, string> = {
  '==': 'equals', '!=': 'notEquals', '<': 'less', '<=': 'lessOrEquals', '>': 'greater', '>=': 'greaterOrEquals',
  like: 'like', 'not like': 'notLike', ilike: 'ilike', 'not ilike': 'notILike', in: 'in', 'not in': 'notIn',
  '=~': 'match',
};

function constantText(node: Node): string {
  const v = node.value;
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  if (isBigIntMarker(v)) return v.$bigint;
  if (isDatetimeMarker(v)) return `toDateTime64(${escapeString(v.$datetime)}, 6, 'UTC')`;
  if (typeof v === 'string' && node.value_type === 'number') return v === 'Infinity' ? 'inf' : v === '-Infinity' ? '-inf' : v === 'NaN' ? 'nan' : v;
  return escapeString(String(v));
}

export function printHogQLExpr(node: Node): string {
  const p = printHogQLExpr;
  const list = (nodes: Node[] | null | undefined) => (nodes ?? []).map(p).join(', ');
  switch (node.node) {
    case 'Constant':
      return constantText(node);
    case 'Field':
      return node.chain.length === 1 && node.chain[0] === '*' ? '*' : node.chain.map((c: string | number) => (c === '*' ? '*' : id(c))).join('.');
    case 'Alias':
      return `${p(node.expr)} AS ${id(node.alias)}`;
    case 'ArithmeticOperation':
      return `${ARITHMETIC[node.op]}(${p(node.left)}, ${p(node.right)})`;
    case 'And':
    case 'Or':
      return node.exprs.length === 1 ? p(node.exprs[0]) : `${node.node === 'And' ? 'and' : 'or'}(${list(node.exprs)})`;
    case 'Not':
      return `not(${p(node.expr)})`;
    case 'CompareOperation': {
      if (node.op === '!~') return `not(match(${p(node.left)}, ${p(node.right)}))`;
      if (node.op === '=~*') return `match(${p(node.left)}, concat('(?i)', ${p(node.right)}))`;
      if (node.op === '!~*') return `not(match(${p(node.left)}, concat('(?i)', ${p(node.right)})))`;
      if (node.op === 'in cohort') return `${p(node.left)} IN COHORT ${p(node.right)}`;
      if (node.op === 'not in cohort') return `${p(node.left)} NOT IN COHORT ${p(node.right)}`;
      return `${COMPARE[node.op] ?? node.op}(${p(node.left)}, ${p(node.right)})`;
    }
    case 'BetweenExpr':
      return `${p(node.expr)}${node.negated ? ' NOT' : ''} BETWEEN ${p(node.low)} AND ${p(node.high)}`;
    case 'Call': {
      const params = node.params ? `(${list(node.params)})` : '';
      return `${node.name}${params}(${node.distinct ? 'DISTINCT ' : ''}${list(node.args)})`;
    }
    case 'WindowFunction': {
      const args = node.args?.length ? `(${list(node.args)})` : '';
      const over = node.over_expr ? `(${printWindowExpr(node.over_expr)})` : node.over_identifier ? id(node.over_identifier) : '()';
      return `${id(node.name)}(${list(node.exprs)})${args} OVER ${over}`;
    }
    case 'Array':
      return `[${list(node.exprs)}]`;
    case 'Tuple':
      return `tuple(${list(node.exprs)})`;
    case 'ArrayAccess':
      return `${p(node.array)}${node.nullish ? '?.' : ''}[${p(node.property)}]`;
    case 'TupleAccess': {
      const inner = p(node.tuple);
      const sym = node.nullish ? '?.' : '.';
      return ['Field', 'Tuple', 'Call'].includes(node.tuple.node) ? `${inner}${sym}${node.index}` : `(${inner})${sym}${node.index}`;
    }
    case 'ArraySlice':
      return `${p(node.array)}[${node.start_expr ? p(node.start_expr) : ''}:${node.end_expr ? p(node.end_expr) : ''}]`;
    case 'Lambda': {
      const ids = node.args.map((a: string) => id(a));
      return `${ids.length === 1 ? ids[0] : `(${ids.join(', ')})`} -> ${p(node.expr)}`;
    }
    case 'TypeCast':
      return `CAST(${p(node.expr)} AS ${node.type_name})`;
    case 'OrderExpr':
      return `${p(node.expr)} ${node.order}`;
    case 'Placeholder':
      return `{${node.expr.chain.join('.')}}`;
    case 'SelectQuery':
    case 'SelectSetQuery':
      return `(${printHogQLQuery(node)})`;
    default:
      return node.node;
  }
}

function printWindowExpr(node: Node): string {
  const parts: string[] = [];
  if (node.partition_by) parts.push('PARTITION BY', node.partition_by.map(printHogQLExpr).join(', '));
  if (node.order_by) parts.push('ORDER BY', node.order_by.map(printHogQLExpr).join(', '));
  if (node.frame_method) {
    const frame = (f: Node) => (f.frame_type === 'CURRENT ROW' ? 'CURRENT ROW' : `${f.frame_value ?? 'UNBOUNDED'} ${f.frame_type}`);
    parts.push(node.frame_method);
    if (node.frame_end) parts.push('BETWEEN', frame(node.frame_start), 'AND', frame(node.frame_end));
    else if (node.frame_start) parts.push(frame(node.frame_start));
  }
  return parts.join(' ');
}

function printJoin(join: Node): string {
  const parts: string[] = [];
  if (join.join_type) parts.push(join.join_type);
  const table = join.table as Node;
  if (table.node === 'Field') {
    parts.push(printHogQLExpr(table) + (join.table_args ? `(${join.table_args.map(printHogQLExpr).join(', ')})` : ''));
  } else parts.push(printHogQLExpr(table));
  if (join.alias && !(table.node === 'Field' && table.chain.join('.') === join.alias)) parts.push(`AS ${id(join.alias)}`);
  if (join.constraint) parts.push(`${join.constraint.constraint_type} ${printHogQLExpr(join.constraint.expr)}`);
  return parts.join(' ');
}

export function printHogQLQuery(node: Node): string {
  if (node.node === 'SelectSetQuery') {
    let out = printHogQLQuery(node.initial_select_query);
    for (const next of node.subsequent_select_queries) out += ` ${next.set_operator} ${printHogQLQuery(next.select_query)}`;
    return out;
  }
  if (node.node !== 'SelectQuery') return printHogQLExpr(node);
  const clauses: string[] = [];
  if (node.ctes?.length) {
    const ctes = node.ctes.map((c: Node) => (c.cte_type === 'column' ? `${printHogQLExpr(c.expr)} AS ${id(c.name)}` : `${id(c.name)} AS (${printHogQLQuery(c.expr)})`));
    clauses.push(`WITH ${ctes.join(', ')}`);
  }
  clauses.push(`SELECT ${node.distinct ? 'DISTINCT ' : ''}${(node.select ?? []).map(printHogQLExpr).join(', ') || '1'}`);
  const joins: string[] = [];
  for (let join = node.select_from; join; join = join.next_join) joins.push(printJoin(join));
  if (joins.length) clauses.push(`FROM ${joins.join(' ')}`);
  if (node.array_join_op) clauses.push(`${node.array_join_op} ${node.array_join_list.map(printHogQLExpr).join(', ')}`);
  if (node.prewhere) clauses.push(`PREWHERE ${printHogQLExpr(node.prewhere)}`);
  if (node.where) clauses.push(`WHERE ${printHogQLExpr(node.where)}`);
  if (node.group_by) clauses.push(`GROUP BY ${node.group_by.map(printHogQLExpr).join(', ')}`);
  if (node.having) clauses.push(`HAVING ${printHogQLExpr(node.having)}`);
  if (node.window_exprs) {
    clauses.push(`WINDOW ${Object.entries(node.window_exprs).map(([n, w]) => `${id(n)} AS (${printWindowExpr(w as Node)})`).join(', ')}`);
  }
  if (node.order_by) clauses.push(`ORDER BY ${node.order_by.map(printHogQLExpr).join(', ')}`);
  if (node.limit_by) {
    const offset = node.limit_by.offset_value ? ` OFFSET ${printHogQLExpr(node.limit_by.offset_value)}` : '';
    clauses.push(`LIMIT ${printHogQLExpr(node.limit_by.n)}${offset} BY ${node.limit_by.exprs.map(printHogQLExpr).join(', ')}`);
  }
  if (node.limit) clauses.push(`LIMIT ${printHogQLExpr(node.limit)}${node.limit_with_ties ? ' WITH TIES' : ''}`);
  if (node.offset) clauses.push(`OFFSET ${printHogQLExpr(node.offset)}`);
  return clauses.join(' ');
}
