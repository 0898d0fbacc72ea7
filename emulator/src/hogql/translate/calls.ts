/**
 * Function calls and window functions, after PostHog's printer `visit_call` /
 * `_render_function_call` / `visit_window_function` (posthog/hogql/printer/base.py,
 * clickhouse.py). Only functions in the HogQL catalogue translate; everything else is refused
 * with PostHog's "Unsupported function call" message.
 */
import { constant, span, type Node } from '../ast';
import { queryError, unsupported } from '../errors';
import { escapeClickHouseIdentifier as id } from '../escape';
import { findAggregation, findFunction, unknownFunctionError, validateArgs, type FunctionMeta } from '../functions';
import type { ValueKind } from '../schema';
import type { Printed, Scope, TranslateContext } from './context';
import { printCompare, printConstant, printExpr } from './expr';
import { STRING_INPUT_CONVERSIONS } from './propertyTypes';

/** HOGQL_COMPARISON_MAPPING: comparison functions are printed as CompareOperations. */
const COMPARISON_FUNCTIONS: Record<string, string> = {
  equals: '==', notEquals: '!=', less: '<', greater: '>', lessOrEquals: '<=', greaterOrEquals: '>=',
  like: 'like', ilike: 'ilike', notLike: 'not like', notILike: 'not ilike', in: 'in', notIn: 'not in',
};

const INTEGER_RESULTS = /^(count|countIf|countDistinct|uniq|uniqExact|uniqIf|uniqExactIf|uniqCombined|uniqHLL12|length|toInt|toIntOrZero|toYear|toMonth|toDayOfMonth|toDayOfWeek|toHour|toMinute|toSecond|dateDiff|date_diff|toUnixTimestamp|row_number|rank|dense_rank)$/;
const DATETIME_RESULTS = /^(now|now64|toDateTime|toDateTime64|parseDateTime|parseDateTimeBestEffort|toStartOfDay|toStartOfHour|toStartOfMinute|toStartOfFiveMinutes|toStartOfFifteenMinutes|toStartOfTenMinutes|toStartOfInterval|toTimeZone|timezone|date_add|date_subtract|dateAdd|dateSub|addDays|addHours|addMinutes|addSeconds|addWeeks|addMonths|addYears|subtractDays|subtractHours|subtractMinutes|subtractSeconds|subtractWeeks|subtractMonths|subtractYears|current_timestamp)$/;
const DATE_RESULTS = /^(today|yesterday|toDate|to_date|toStartOfWeek|toStartOfMonth|toStartOfQuarter|toStartOfYear|toMonday|current_date)$/;
const STRING_RESULTS = /^(toString|concat|lower|upper|substring|replaceAll|replaceOne|replaceRegexpAll|replaceRegexpOne|formatDateTime|trim|trimLeft|trimRight|JSONExtractString|extract|splitByChar)$/;
const FLOAT_RESULTS = /^(toFloat|avg|divide|round|floor|ceil|sqrt|exp|log|quantile|median)$/;

function resultKind(name: string): ValueKind {
  if (INTEGER_RESULTS.test(name)) return 'integer';
  if (DATETIME_RESULTS.test(name)) return 'datetime';
  if (DATE_RESULTS.test(name)) return 'date';
  if (STRING_RESULTS.test(name)) return 'string';
  if (FLOAT_RESULTS.test(name)) return 'float';
  return 'unknown';
}

function printArgs(args: Node[], scope: Scope, ctx: TranslateContext): Printed[] {
  return args.map((arg) => printExpr(arg, scope, ctx));
}

export function printCall(node: Node, scope: Scope, ctx: TranslateContext): Printed {
  const saved = ctx.keepPropertiesRaw;
  ctx.keepPropertiesRaw = STRING_INPUT_CONVERSIONS.has(node.name);
  try {
    return printCallInner(node, scope, ctx);
  } finally {
    ctx.keepPropertiesRaw = saved;
  }
}

function printCallInner(node: Node, scope: Scope, ctx: TranslateContext): Printed {
  const name: string = node.name;
  const args: Node[] = node.args ?? [];
  const where = span(node);
  if (node.filter_expr) throw unsupported('Aggregate FILTER (WHERE …)', where);
  if (node.order_by) throw unsupported('ORDER BY inside a function call', where);
  if (node.within_group) throw unsupported('WITHIN GROUP', where);
  const meta = findFunction(name);
  if (meta?.parametricFirstArg) checkParametricFirstArg(name, args);
  if (Object.prototype.hasOwnProperty.call(COMPARISON_FUNCTIONS, name)) {
    if (args.length !== 2) throw queryError(`Comparison '${name}' requires exactly two arguments`, where);
    return printCompare({ node: 'CompareOperation', op: COMPARISON_FUNCTIONS[name] as string, left: args[0], right: args[1] }, scope, ctx);
  }
  if (!meta) throw unknownFunctionError(name, where);
  if (meta.kind === 'aggregate') return printAggregation(node, meta, scope, ctx);
  if (meta.kind !== 'clickhouse') throw unsupported(`The PostHog function '${name}(...)'`, where);
  if (!meta.arityUnknown) validateArgs(args.length, meta.min, meta.max, name, 'function', 'argument', where);
  checkParams(node, meta, 'function');
  return printFunction(node, meta, scope, ctx);
}

function checkParametricFirstArg(name: string, args: Node[]): void {
  if (args.length === 0) throw queryError(`Missing arguments in function '${name}'`);
  const first = args[0];
  if (first.node !== 'Constant') throw queryError(`Expected constant string as first arg in function '${name}', got ${first.node}`);
  if (typeof first.value !== 'string') {
    throw queryError(`Expected constant string as first arg in function '${name}', got ${typeof first.value} '${first.value}'`);
  }
  if (!findAggregation(first.value)) {
    throw queryError(`Invalid parametric function in '${name}', '${first.value}' is not supported.`);
  }
}

function checkParams(node: Node, meta: FunctionMeta, term: string): void {
  if (!meta.minParams) return;
  if (!node.params) throw queryError(`${term === 'aggregation' ? 'Aggregation' : 'Function'} '${node.name}' requires parameters in addition to arguments`, span(node));
  validateArgs(node.params.length, meta.minParams, meta.maxParams, node.name, term, 'parameter', span(node));
}

function printAggregation(node: Node, meta: FunctionMeta, scope: Scope, ctx: TranslateContext): Printed {
  const name: string = node.name;
  const args: Node[] = node.args ?? [];
  if (!meta.arityUnknown) validateArgs(args.length, meta.min, meta.max, name, 'aggregation', 'argument', span(node));
  checkParams(node, meta, 'aggregation');
  const outer = scope.aggregateStack[scope.aggregateStack.length - 1];
  if (outer !== undefined) {
    throw queryError(`Aggregation '${name}' cannot be nested inside another aggregation '${outer}'.`, span(node));
  }
  scope.aggregateStack.push(name);
  let printedArgs: Printed[];
  try {
    printedArgs = printArgs(args, scope, ctx);
  } finally {
    scope.aggregateStack.pop();
  }
  const params = node.params ? `(${printArgs(node.params, scope, ctx).map((p) => p.sql).join(', ')})` : '';
  const argSql = printedArgs.map((p) => p.sql).join(', ');
  const kind = resultKind(name);
  const nullable = kind !== 'integer';
  if (meta.clickhouse.includes('(')) {
    // A template such as md5 → hex(MD5(x)).
    return { sql: meta.clickhouse.replace('x', argSql), kind: 'string', nullable: true, aggregate: true };
  }
  const sql = `${meta.clickhouse}${params}(${node.distinct ? 'DISTINCT ' : ''}${argSql})`;
  return { sql, kind, nullable, aggregate: true };
}

const ACCURATE_CAST = /^accurateCastOrNull\(x,\s*'(.+)'\)$/;
const DATE_KINDS: ValueKind[] = ['datetime', 'date'];

function printFunction(node: Node, meta: FunctionMeta, scope: Scope, ctx: TranslateContext): Printed {
  const name: string = node.name;
  const argNodes: Node[] = node.args ?? [];
  const args = printArgs(argNodes, scope, ctx);
  const aggregate = args.some((a) => a.aggregate);
  const kind = resultKind(name);
  const done = (sql: string, k: ValueKind = kind): Printed => ({ sql, kind: k, nullable: true, aggregate });
  const cast = ACCURATE_CAST.exec(meta.clickhouse);
  if (cast) {
    if (name === 'toDecimal') {
      const scale = argNodes[1];
      if (scale?.node !== 'Constant' || typeof scale.value !== 'number') {
        throw queryError(`Suffix argument 'Decimal64({0})' expects ast.Constant arguments, but got ${scale?.node}`, span(node));
      }
      return done(`accurateCastOrNull(${args[0].sql}, ${ctx.addValue(`Decimal64(${scale.value})`)})`, 'float');
    }
    return done(`accurateCastOrNull(${args[0].sql}, ${ctx.addValue(cast[1])})`);
  }
  if (meta.clickhouse.includes('(')) return done(meta.clickhouse.replace('x', args.map((a) => a.sql).join(', ')));
  let chName = meta.clickhouse;
  let sqlArgs = args.map((a) => a.sql);
  if (name === 'concat') sqlArgs = argNodes.map((arg, i) => concatArg(arg, args[i]));
  if ((name === 'toDate' || name === 'to_date') && DATE_KINDS.includes(args[0].kind)) chName = 'toDate';
  if (name === 'toDateTime' && [...DATE_KINDS, 'integer'].includes(args[0].kind)) chName = 'toDateTime';
  if (meta.tzAware) {
    const hasOverride = argNodes.length === meta.max;
    if (!hasOverride) sqlArgs.push(printConstant(constant(ctx.timezone), ctx).sql);
    const first = argNodes[0];
    if (chName === 'parseDateTime64BestEffortOrNull' && argNodes.length === 1 && first.node === 'Constant' && typeof first.value === 'string') {
      chName = 'parseDateTime64BestEffort';
      if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{1,6}$/.test(first.value)) chName = 'toDateTime64';
      else if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(first.value) || /^\d{4}-\d{2}-\d{2}$/.test(first.value)) chName = 'toDateTime';
    }
    const precisionNames = ['parseDateTime64BestEffortOrNull', 'parseDateTime64BestEffortUSOrNull', 'parseDateTime64BestEffort', 'toDateTime64'];
    if (
      (chName === 'now64' && (argNodes.length === 0 || (hasOverride && argNodes.length === 1))) ||
      (precisionNames.includes(chName) && (argNodes.length === 1 || (hasOverride && argNodes.length === 2)))
    ) {
      sqlArgs = [...sqlArgs.slice(0, -1), '6', ...sqlArgs.slice(-1)];
    }
  }
  if (name === 'toStartOfWeek' && argNodes.length === 1) sqlArgs.splice(1, 0, String(ctx.weekMode));
  if (name === 'trimLeft' && sqlArgs.length === 2) return done(`trim(LEADING ${sqlArgs[1]} FROM ${sqlArgs[0]})`);
  if (name === 'trimRight' && sqlArgs.length === 2) return done(`trim(TRAILING ${sqlArgs[1]} FROM ${sqlArgs[0]})`);
  if (name === 'trim' && sqlArgs.length === 2) return done(`trim(BOTH ${sqlArgs[1]} FROM ${sqlArgs[0]})`);
  const params = node.params ? `(${printArgs(node.params, scope, ctx).map((p) => p.sql).join(', ')})` : '';
  return done(`${chName}${params}(${sqlArgs.join(', ')})`);
}

/** PostHog wraps concat() arguments so NULLs become '' and non-strings are stringified. */
function concatArg(node: Node, printed: Printed): string {
  if (node.node === 'Constant') {
    if (node.value === null) return "''";
    if (typeof node.value === 'string') return printed.sql;
    return `toString(${printed.sql})`;
  }
  if (node.node === 'Call' && node.name === 'toString') {
    if (node.args?.length === 1 && node.args[0].node === 'Constant') return node.args[0].value === null ? "''" : printed.sql;
    return `ifNull(${printed.sql}, '')`;
  }
  return `ifNull(toString(${printed.sql}), '')`;
}

function printWindowExpr(node: Node, scope: Scope, ctx: TranslateContext): string {
  const parts: string[] = [];
  if (node.partition_by) parts.push('PARTITION BY', node.partition_by.map((e: Node) => printExpr(e, scope, ctx).sql).join(', '));
  if (node.order_by) parts.push('ORDER BY', node.order_by.map((e: Node) => printOrderExpr(e, scope, ctx)).join(', '));
  if (node.frame_method) {
    if (node.frame_method !== 'ROWS' && node.frame_method !== 'RANGE') throw queryError(`Invalid frame method ${node.frame_method}`);
    parts.push(node.frame_method);
    if (node.frame_start && !node.frame_end) parts.push(printFrame(node.frame_start));
    else if (node.frame_start && node.frame_end) parts.push('BETWEEN', printFrame(node.frame_start), 'AND', printFrame(node.frame_end));
    else throw queryError('Frame start and end must be specified together');
  }
  return parts.join(' ');
}

function printFrame(node: Node): string {
  if (node.frame_type === 'CURRENT ROW') return 'CURRENT ROW';
  const value = node.frame_value === null || node.frame_value === undefined ? 'UNBOUNDED' : String(Math.trunc(Number(node.frame_value)));
  if (node.frame_type === 'PRECEDING' || node.frame_type === 'FOLLOWING') return `${value} ${node.frame_type}`;
  throw queryError(`Invalid frame type ${node.frame_type}`);
}

export function printOrderExpr(node: Node, scope: Scope, ctx: TranslateContext): string {
  if (node.with_fill) throw unsupported('ORDER BY … WITH FILL', span(node));
  const order = node.order === 'DESC' ? 'DESC' : 'ASC';
  return `${printExpr(node.expr, scope, ctx).sql} ${order}`;
}

export function printWindowFunction(node: Node, scope: Scope, ctx: TranslateContext): Printed {
  let name: string = node.name;
  const meta = findFunction(name);
  if (!meta) throw unknownFunctionError(name, span(node));
  const exprs: string[] = (node.exprs ?? []).map((e: Node) => printExpr(e, scope, ctx).sql);
  let over: Node | null = node.over_expr ?? null;
  let overIdentifier: string | null = node.over_identifier ?? null;
  if (name === 'lag' || name === 'lead') {
    name = `${name}InFrame`;
    if (exprs.length > 0) exprs[0] = `toNullable(${exprs[0]})`;
    const defaultFrame = (base: Node | null): Node => ({
      node: 'WindowExpr',
      partition_by: base?.partition_by ?? null,
      order_by: base?.order_by ?? (node.exprs?.length ? [{ node: 'OrderExpr', expr: node.exprs[0], order: 'ASC' }] : null),
      frame_method: 'ROWS',
      frame_start: { node: 'WindowFrameExpr', frame_type: 'PRECEDING', frame_value: null },
      frame_end: { node: 'WindowFrameExpr', frame_type: 'FOLLOWING', frame_value: null },
    });
    if (!over && !overIdentifier) over = defaultFrame(null);
    else if (overIdentifier) {
      const base = scope.windows.get(overIdentifier);
      if (base) {
        over = { ...defaultFrame(base), frame_method: base.frame_method ?? 'ROWS', frame_start: base.frame_start ?? defaultFrame(null).frame_start, frame_end: base.frame_end ?? defaultFrame(null).frame_end, order_by: base.order_by };
        overIdentifier = null;
      }
    } else if (over && over.order_by && !over.frame_method) over = defaultFrame(over);
  } else if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw unknownFunctionError(name, span(node));
  }
  const args = node.args?.length ? `(${node.args.map((a: Node) => printExpr(a, scope, ctx).sql).join(', ')})` : '';
  const overSql = over ? `(${printWindowExpr(over, scope, ctx)})` : overIdentifier ? id(overIdentifier) : '()';
  return { sql: `${name}(${exprs.join(', ')})${args} OVER ${overSql}`, kind: resultKind(node.name), nullable: true };
}

export { printWindowExpr };
