/**
 * Placeholder replacement before translation, after PostHog's posthog/hogql/placeholders.py,
 * filters.py and variables.py: `{name}` from `values` (always bound as constants, never spliced
 * as text), `{filters}` from the request's filters, `{variables.x}` from `variables` (variables.ts).
 * Variables are a pass of their own before the others, as in PostHog: the query runner runs it
 * when `variables` is non-empty, metadata whenever the query has placeholders (`resolveVariables`).
 */
import { isBigIntMarker, span, type Node } from './ast';
import { formatUtc, parseRelativeDate } from './dates';
import { HogQLError, queryError, unsupported } from './errors';
import type { HogQLFilters, InsightVariableInfo } from './types';
import { resolveVariable } from './variables';

export interface PlaceholderInput {
  values?: Record<string, unknown>;
  filters?: HogQLFilters;
  variables?: Record<string, unknown>;
  /** The team's stored variables whose ids `variables` names (the server loads them). */
  insightVariables?: readonly InsightVariableInfo[];
  /** Run the variables pass even when `variables` is empty (metadata does). */
  resolveVariables?: boolean;
  timezone: string;
  now?: number;
}

function valueToNode(value: unknown, where: Node): Node {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { node: 'Constant', value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { node: 'Constant', value: String(value), value_type: 'number' };
    return { node: 'Constant', value };
  }
  if (typeof value === 'bigint') return { node: 'Constant', value: { $bigint: value.toString() } };
  if (isBigIntMarker(value)) return { node: 'Constant', value };
  if (Array.isArray(value)) return { node: 'Array', exprs: value.map((v) => valueToNode(v, where)) };
  throw queryError(`Unsupported placeholder value of type ${typeof value}`, span(where));
}

/** A datetime constant; printed as toDateTime64('…', 6, 'UTC'). */
export function datetimeNode(utcMs: number): Node {
  return { node: 'Constant', value: { $datetime: formatUtc(utcMs) } };
}

/**
 * The timestamp `{filters}` compares, after PostHog's ReplaceFilters (posthog/hogql/filters.py):
 * `timestamp` when the SELECT reads events, else `$start_timestamp` (sessions).
 */
function timestampFieldFor(select: Node | undefined): Node {
  let readsEvents = false;
  let readsSessions = false;
  for (let join = select?.select_from; join; join = join.next_join) {
    const table = join.table;
    if (table?.node === 'Field' && table.chain.length === 1) {
      if (table.chain[0] === 'events') readsEvents = true;
      if (table.chain[0] === 'sessions') readsSessions = true;
    }
  }
  return { node: 'Field', chain: [readsSessions && !readsEvents ? '$start_timestamp' : 'timestamp'] };
}

function filtersNode(input: PlaceholderInput, where: Node, select?: Node): Node {
  const filters = input.filters;
  if (!filters) return { node: 'Constant', value: true };
  const exprs: Node[] = [];
  if (filters.properties && filters.properties.length > 0) throw unsupported('Property filters in {filters}', span(where));
  if (filters.filterTestAccounts) throw unsupported('filterTestAccounts in {filters}', span(where));
  const ts = timestampFieldFor(select);
  const parse = (text: string, key: string) => {
    const ms = parseRelativeDate(text, input.timezone, input.now);
    if (ms === null) throw queryError(`Invalid ${key}: ${text}`, span(where));
    return ms;
  };
  const dateTo = filters.dateRange?.date_to;
  if (dateTo) exprs.push({ node: 'CompareOperation', op: '<', left: ts, right: datetimeNode(parse(dateTo, 'date_to')) });
  const dateFrom = filters.dateRange?.date_from;
  if (dateFrom && dateFrom !== 'all') {
    exprs.push({ node: 'CompareOperation', op: '>=', left: ts, right: datetimeNode(parse(dateFrom, 'date_from')) });
  }
  if (exprs.length === 0) return { node: 'Constant', value: true };
  return exprs.length === 1 ? exprs[0] : { node: 'And', exprs };
}

function replacement(node: Node, input: PlaceholderInput, select?: Node): Node {
  const chain: (string | number)[] = node.expr?.chain ?? [];
  const name = chain.map(String).join('.');
  if (chain.length === 1 && chain[0] === 'filters') {
    if (input.values && 'filters' in input.values) {
      throw new HogQLError('hogql_error', "Query contains 'filters' both as placeholder and as a query parameter.");
    }
    return filtersNode(input, node, select);
  }
  if (chain.length === 1 && input.values && Object.prototype.hasOwnProperty.call(input.values, name)) {
    return { ...valueToNode(input.values[name], node), start: node.start, end: node.end };
  }
  const available = Object.keys(input.values ?? {});
  // posthog/hogql/placeholders.py: with no placeholder values at all, the message is shorter.
  if (chain[0] === 'variables' && available.length === 0) throw queryError(`Unresolved placeholder: {${name}}`, span(node));
  throw queryError(
    `Placeholder {${name}} is not available in this context. You can use the following: ${available.join(', ')}`,
    span(node),
  );
}

function isVariable(node: Node): boolean {
  const chain: unknown[] = node.expr?.chain ?? [];
  return chain.length === 2 && chain[0] === 'variables';
}

/** Return a copy of `node` with every placeholder replaced. */
export function replacePlaceholders(node: Node, input: PlaceholderInput): Node {
  const sent = Object.keys(input.variables ?? {}).length > 0;
  const withVariables = sent || input.resolveVariables ? replaceVariables(node, input) : node;
  return replaceOthers(withVariables, input);
}

function replaceVariables(node: Node, input: PlaceholderInput): Node {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    const obj = value as Node;
    if (obj.node === 'Placeholder' && isVariable(obj)) {
      const resolved = resolveVariable(String(obj.expr.chain[1]), input.variables, input.insightVariables ?? [], (v) => valueToNode(v, obj));
      return { ...resolved, start: obj.start, end: obj.end };
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = k === 'start' || k === 'end' ? v : visit(v);
    return out;
  };
  return visit(node) as Node;
}

function replaceOthers(node: Node, input: PlaceholderInput): Node {
  const selects: Node[] = [];
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    const obj = value as Node;
    if (obj.node === 'Placeholder') return replacement(obj, input, selects[selects.length - 1]);
    if (obj.node === 'SelectQuery') selects.push(obj);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = k === 'start' || k === 'end' ? v : visit(v);
    if (obj.node === 'SelectQuery') selects.pop();
    return out;
  };
  return visit(node) as Node;
}

export function hasPlaceholders(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasPlaceholders);
  if (node === null || typeof node !== 'object') return false;
  if ((node as Node).node === 'Placeholder') return true;
  return Object.entries(node).some(([k, v]) => k !== 'start' && k !== 'end' && hasPlaceholders(v));
}
