/**
 * ClickHouse printing of HogQL expressions, after PostHog's printer (posthog/hogql/printer/
 * base.py and clickhouse.py): operators become functions (`plus`, `equals`, …), comparisons get
 * PostHog's NULL handling (`ifNull(equals(a, b), 0)` etc.), strings become value placeholders.
 */
import { isBigIntMarker, isDatetimeMarker, span, type Node } from '../ast';
import { printInCohort } from './cohorts';
import { queryError, unsupported } from '../errors';
import { escapeClickHouseIdentifier, escapeString } from '../escape';
import { own, type ValueKind } from '../schema';
import { printCall, printWindowFunction } from './calls';
import type { Printed, Scope, TranslateContext } from './context';
import { printArrayAccess, printField } from './fields';
import { printSubquery } from './select';

const ARITHMETIC: Record<string, string> = { '+': 'plus', '-': 'minus', '*': 'multiply', '/': 'divide', '%': 'modulo' };

const COMPARE: Record<string, (l: string, r: string) => string> = {
  '==': (l, r) => `equals(${l}, ${r})`,
  '!=': (l, r) => `notEquals(${l}, ${r})`,
  '<': (l, r) => `less(${l}, ${r})`,
  '<=': (l, r) => `lessOrEquals(${l}, ${r})`,
  '>': (l, r) => `greater(${l}, ${r})`,
  '>=': (l, r) => `greaterOrEquals(${l}, ${r})`,
  like: (l, r) => `like(${l}, ${r})`,
  'not like': (l, r) => `notLike(${l}, ${r})`,
  ilike: (l, r) => `ilike(${l}, ${r})`,
  'not ilike': (l, r) => `notILike(${l}, ${r})`,
  in: (l, r) => `in(${l}, ${r})`,
  'not in': (l, r) => `notIn(${l}, ${r})`,
  '=~': (l, r) => `match(${l}, ${r})`,
  '!~': (l, r) => `not(match(${l}, ${r}))`,
  '=~*': (l, r) => `match(${l}, concat('(?i)', ${r}))`,
  '!~*': (l, r) => `not(match(${l}, concat('(?i)', ${r})))`,
};

/** [value if one side is NULL, value if both are] per op, from ClickHousePrinter.visit_compare_operation. */
const NULL_RULES: Record<string, [boolean, boolean]> = {
  '==': [false, true], '!=': [true, false], like: [false, true], 'not like': [true, false], ilike: [false, true],
  'not ilike': [true, false], '=~': [false, true], '!~': [true, false], '=~*': [false, true], '!~*': [true, false],
  '<': [false, false], '<=': [false, false], '>': [false, false], '>=': [false, false],
};

function printed(sql: string, kind: ValueKind, nullable = true, extra: Partial<Printed> = {}): Printed {
  return { sql, kind, nullable, ...extra };
}

export function printConstant(node: Node, ctx: TranslateContext): Printed {
  const value = node.value;
  if (value === null || value === undefined) return printed('NULL', 'unknown', true, { constant: { value: null } });
  if (typeof value === 'boolean') return printed(value ? 'true' : 'false', 'boolean', false, { constant: { value } });
  if (typeof value === 'number') {
    const kind = Number.isInteger(value) ? 'integer' : 'float';
    return printed(String(value), kind, false, { constant: { value } });
  }
  if (isDatetimeMarker(value)) return printed(`toDateTime64(${escapeString(value.$datetime)}, 6, 'UTC')`, 'datetime', false);
  if (isBigIntMarker(value)) return printed(value.$bigint, 'integer', false, { constant: { value: BigInt(value.$bigint) } });
  if (typeof value === 'string' && node.value_type === 'number') {
    const special: Record<string, string> = { Infinity: 'inf', '-Infinity': '-inf', NaN: 'nan' };
    if (special[value]) return printed(special[value], 'float', false, { constant: { value: Number(value) } });
    if (/^-?\d+$/.test(value)) return printed(value, 'integer', false, { constant: { value: BigInt(value) } });
    return printed(String(Number(value)), 'float', false, { constant: { value: Number(value) } });
  }
  if (typeof value === 'string') return printed(ctx.addValue(value), 'string', false, { constant: { value } });
  throw queryError(`Unsupported constant of type ${typeof value}`, span(node));
}

export function printExpr(node: Node, scope: Scope, ctx: TranslateContext): Printed {
  switch (node.node) {
    case 'Constant':
      return printConstant(node, ctx);
    case 'Field':
      return printField(node, scope, ctx);
    case 'Alias':
      return printInlineAlias(node, scope, ctx);
    case 'ArithmeticOperation': {
      const left = printExpr(node.left, scope, ctx);
      const right = printExpr(node.right, scope, ctx);
      const fn = ARITHMETIC[node.op];
      if (!fn) throw queryError(`Unknown arithmetic operator ${node.op}`, span(node));
      const kind: ValueKind = left.kind === 'datetime' || left.kind === 'date' ? left.kind : node.op === '/' ? 'float' : left.kind === 'float' || right.kind === 'float' ? 'float' : left.kind === 'integer' && right.kind === 'integer' ? 'integer' : 'unknown';
      return printed(`${fn}(${left.sql}, ${right.sql})`, kind, left.nullable || right.nullable, { aggregate: left.aggregate || right.aggregate });
    }
    case 'And':
    case 'Or':
      return printLogical(node, scope, ctx);
    case 'Not': {
      const inner = printExpr(node.expr, scope, ctx);
      return printed(`not(${inner.sql})`, 'boolean', inner.nullable, { aggregate: inner.aggregate });
    }
    case 'CompareOperation':
      return printCompare(node, scope, ctx);
    case 'BetweenExpr':
      return printBetween(node, scope, ctx);
    case 'Call':
      return printCall(node, scope, ctx);
    case 'WindowFunction':
      return printWindowFunction(node, scope, ctx);
    case 'Array': {
      const items = node.exprs.map((e: Node) => printExpr(e, scope, ctx));
      return printed(`[${items.map((i: Printed) => i.sql).join(', ')}]`, 'array', false, { aggregate: items.some((i: Printed) => i.aggregate) });
    }
    case 'Tuple': {
      const items = node.exprs.map((e: Node) => printExpr(e, scope, ctx));
      return printed(`tuple(${items.map((i: Printed) => i.sql).join(', ')})`, 'unknown', false, { aggregate: items.some((i: Printed) => i.aggregate) });
    }
    case 'ArrayAccess':
      return printArrayAccess(node, scope, ctx);
    case 'TupleAccess': {
      const tuple = printExpr(node.tuple, scope, ctx);
      const index = Number(node.index);
      if (!Number.isInteger(index)) throw queryError('Tuple index must be an integer', span(node));
      if (index === 0) throw queryError('SQL indexes start from one, not from zero. E.g: array.1', span(node));
      // `properties.list.1` reads JSON like `properties.list[1]` (PostHog's property chains).
      if (tuple.json && tuple.json.path.length > 0) return printArrayAccess({ ...node, node: 'ArrayAccess', array: node.tuple, property: { node: 'Constant', value: index } }, scope, ctx);
      return printed(`tupleElement(${tuple.sql}, ${index})`, 'unknown', true, { aggregate: tuple.aggregate });
    }
    case 'ArraySlice': {
      const array = printExpr(node.array, scope, ctx);
      const start = node.start_expr ? printExpr(node.start_expr, scope, ctx).sql : '1';
      if (!node.end_expr) return printed(`arraySlice(${array.sql}, ${start})`, 'array', true);
      const end = printExpr(node.end_expr, scope, ctx).sql;
      return printed(`arraySlice(${array.sql}, ${start}, plus(minus(${end}, ${start}), 1))`, 'array', true);
    }
    case 'Lambda':
      return printLambda(node, scope, ctx);
    case 'TypeCast':
      return printTypeCast(node, scope, ctx);
    case 'SelectQuery':
    case 'SelectSetQuery':
      return printed(`(${printSubquery(node, scope, ctx).sql})`, 'unknown', true);
    case 'Placeholder':
      throw queryError(`Unresolved placeholder: {${(node.expr?.chain ?? []).join('.')}}`, span(node));
    case 'HogQLXTag':
      throw queryError('Printing HogQLX tags is only supported in HogQL queries', span(node));
    case 'OrderExpr':
      throw queryError('ORDER BY expression found outside of ORDER BY', span(node));
    default:
      throw unsupported(`The HogQL construct ${node.node}`, span(node));
  }
}

function printInlineAlias(node: Node, scope: Scope, ctx: TranslateContext): Printed {
  const inner = printExpr(node.expr, scope, ctx);
  scope.aliases.set(node.alias, { kind: inner.kind, nullable: inner.nullable });
  return { ...inner, sql: `(${inner.sql} AS ${escapeClickHouseIdentifier(node.alias)})`, constant: undefined };
}

function printLogical(node: Node, scope: Scope, ctx: TranslateContext): Printed {
  const isAnd = node.node === 'And';
  const parts: string[] = [];
  let nullable = false;
  let aggregate = false;
  for (const expr of node.exprs as Node[]) {
    const p = printExpr(expr, scope, ctx);
    nullable ||= p.nullable;
    aggregate ||= Boolean(p.aggregate);
    // PostHog's ClickHousePrinter.visit_and/visit_or constant folding.
    if (isAnd && p.sql === '0') return printed('0', 'boolean', false);
    if (!isAnd && p.sql === '1') return printed('1', 'boolean', false);
    if ((isAnd && p.sql === '1') || (!isAnd && p.sql === '0')) continue;
    parts.push(p.sql);
  }
  if (parts.length === 0) return printed(isAnd ? '1' : '0', 'boolean', false);
  if (parts.length === 1) return printed(parts[0], 'boolean', nullable, { aggregate });
  return printed(`${isAnd ? 'and' : 'or'}(${parts.join(', ')})`, 'boolean', nullable, { aggregate });
}

/** Python-like comparison of two constants, or undefined when PostHog would not fold it. */
function foldConstants(op: string, a: unknown, b: unknown): boolean | undefined {
  const num = (v: unknown) => (typeof v === 'boolean' ? Number(v) : typeof v === 'bigint' ? Number(v) : v);
  const x = num(a);
  const y = num(b);
  if (op === '==' || op === '!=') {
    const same = typeof x === typeof y ? x === y : false;
    return op === '==' ? same : !same;
  }
  if (!['<', '<=', '>', '>='].includes(op)) return undefined;
  if (x === null || y === null) return false;
  if (typeof x !== typeof y || (typeof x !== 'number' && typeof x !== 'string')) return undefined;
  const xs = x as number | string;
  const ys = y as number | string;
  return op === '<' ? xs < ys : op === '<=' ? xs <= ys : op === '>' ? xs > ys : xs >= ys;
}

export function printCompare(node: Node, scope: Scope, ctx: TranslateContext): Printed {
  if (node.op === 'in cohort' || node.op === 'not in cohort') return printInCohort(node, scope, ctx);
  const build = COMPARE[node.op];
  if (!build) throw queryError(`Unknown CompareOperationOp: ${node.op}`, span(node));
  const left = printExpr(node.left, scope, ctx);
  const right = printExpr(node.right, scope, ctx);
  const aggregate = Boolean(left.aggregate || right.aggregate);
  const op = build(left.sql, right.sql);
  const done = (sql: string, nullable = false) => printed(sql, 'boolean', nullable, { aggregate });
  if (node.op === 'in' || node.op === 'not in') return done(op, left.nullable);
  if (left.constant && right.constant) {
    const folded = foldConstants(node.op, left.constant.value, right.constant.value);
    if (folded !== undefined) return done(folded ? '1' : '0');
  }
  // events.timestamp comparisons stay unwrapped for index use (PostHog's timestamp hack).
  const notNullable = (!left.nullable && !right.nullable) || left.name === 'timestamp' || right.name === 'timestamp';
  if (scope.inJoinConstraint || notNullable) return done(op);
  const leftNull = left.constant !== undefined && left.constant.value === null;
  const rightNull = right.constant !== undefined && right.constant.value === null;
  if (['==', 'like', 'ilike'].includes(node.op)) {
    if (right.constant) return done(rightNull ? `isNull(${left.sql})` : `ifNull(${op}, 0)`);
    if (left.constant) return done(leftNull ? `isNull(${right.sql})` : `ifNull(${op}, 0)`);
    return done(`ifNull(${op}, isNull(${left.sql}) and isNull(${right.sql}))`);
  }
  if (['!=', 'not like', 'not ilike'].includes(node.op)) {
    if (right.constant) return done(rightNull ? `isNotNull(${left.sql})` : `ifNull(${op}, 1)`);
    if (left.constant) return done(leftNull ? `isNotNull(${right.sql})` : `ifNull(${op}, 1)`);
    return done(`ifNull(${op}, isNotNull(${left.sql}) or isNotNull(${right.sql}))`);
  }
  const [oneSide, bothSides] = NULL_RULES[node.op];
  if ((rightNull || leftNull) && oneSide === bothSides) return done(oneSide ? '1' : '0');
  if (oneSide && bothSides) return done(`ifNull(${op}, 1)`);
  if (oneSide) return done(`ifNull(${op}, isNotNull(${left.sql}) or isNotNull(${right.sql}))`);
  if (bothSides) return done(`ifNull(${op}, isNull(${left.sql}) and isNull(${right.sql}))`);
  return done(`ifNull(${op}, 0)`);
}

function printBetween(node: Node, scope: Scope, ctx: TranslateContext): Printed {
  const expr = printExpr(node.expr, scope, ctx);
  const low = printExpr(node.low, scope, ctx);
  const high = printExpr(node.high, scope, ctx);
  const op = `${expr.sql}${node.negated ? ' NOT' : ''} BETWEEN ${low.sql} AND ${high.sql}`;
  const nullable = expr.nullable || low.nullable || high.nullable;
  return printed(nullable ? `ifNull(${op}, 0)` : op, 'boolean', false);
}

function printLambda(node: Node, scope: Scope, ctx: TranslateContext): Printed {
  const args: string[] = node.args;
  if (args.length === 0) throw queryError('Lambdas require at least one argument', span(node));
  scope.lambdaArgs.push(args);
  try {
    const body = printExpr(node.expr, scope, ctx);
    const ids = args.map(escapeClickHouseIdentifier);
    const head = ids.length === 1 ? ids[0] : `(${ids.join(', ')})`;
    return printed(`${head} -> ${body.sql}`, 'unknown', true);
  } finally {
    scope.lambdaArgs.pop();
  }
}

/**
 * `x::type` / CAST(x AS type). Only plain scalar types are accepted; the cast is printed as a
 * ClickHouse CAST to the named type.
 */
const CAST_TYPES: Record<string, [string, ValueKind]> = {
  int: ['Int64', 'integer'], integer: ['Int64', 'integer'], int8: ['Int8', 'integer'], int16: ['Int16', 'integer'],
  int32: ['Int32', 'integer'], int64: ['Int64', 'integer'], uint8: ['UInt8', 'integer'], uint16: ['UInt16', 'integer'],
  uint32: ['UInt32', 'integer'], uint64: ['UInt64', 'integer'], float: ['Float64', 'float'], double: ['Float64', 'float'],
  float32: ['Float32', 'float'], float64: ['Float64', 'float'], string: ['String', 'string'], text: ['String', 'string'],
  varchar: ['String', 'string'], bool: ['Bool', 'boolean'], boolean: ['Bool', 'boolean'], date: ['Date', 'date'],
  uuid: ['UUID', 'uuid'],
};

function printTypeCast(node: Node, scope: Scope, ctx: TranslateContext): Printed {
  const target = own(CAST_TYPES, String(node.type_name).toLowerCase());
  if (!target) throw unsupported(`Casting to type '${node.type_name}'`, span(node));
  const inner = printExpr(node.expr, scope, ctx);
  const type = inner.nullable ? `Nullable(${target[0]})` : target[0];
  return printed(`CAST(${inner.sql}, '${type}')`, target[1], inner.nullable, { aggregate: inner.aggregate });
}
