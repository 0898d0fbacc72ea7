/**
 * Function lookup and argument validation, after PostHog's `find_hogql_aggregation`,
 * `find_hogql_function`, `find_hogql_posthog_function` (posthog/hogql/functions/mapping.py) and
 * `validate_function_args` (posthog/hogql/functions/core.py).
 */
import { getCloseMatches } from './difflib';
import { HogQLError } from './errors';
import { FUNCTION_ROWS, type FunctionExtra } from './functionCatalog';

export interface FunctionMeta {
  name: string;
  kind: 'clickhouse' | 'aggregate' | 'posthog' | 'udf';
  min: number;
  max: number | null;
  clickhouse: string;
  tzAware: boolean;
  caseInsensitive: boolean;
  window: boolean;
  minParams: number;
  maxParams: number | null;
  arityUnknown: boolean;
  parametricFirstArg: boolean;
  requiresWithinGroup: boolean;
}

const KINDS = { c: 'clickhouse', a: 'aggregate', p: 'posthog', u: 'udf' } as const;

function toMeta(row: (typeof FUNCTION_ROWS)[number]): FunctionMeta {
  const [name, kind, min, max] = row;
  const extra: FunctionExtra = row[4] ?? {};
  return {
    name,
    kind: KINDS[kind],
    min: min ?? 0,
    max: extra.u ? null : max,
    clickhouse: extra.ch ?? name,
    tzAware: extra.tz === 1,
    caseInsensitive: extra.ci === 1,
    window: extra.w === 1,
    minParams: extra.pmin ?? 0,
    maxParams: extra.pmax === undefined ? 0 : extra.pmax,
    arityUnknown: extra.u === 1,
    parametricFirstArg: extra.pf === 1,
    requiresWithinGroup: extra.wg === 1,
  };
}

const BY_NAME = new Map<string, FunctionMeta>();
const BY_LOWER_NAME = new Map<string, FunctionMeta>();
for (const row of FUNCTION_ROWS) {
  const meta = toMeta(row);
  BY_NAME.set(meta.name, meta);
  if (meta.caseInsensitive) BY_LOWER_NAME.set(meta.name.toLowerCase(), meta);
}

/** Names PostHog suggests from (ALL_EXPOSED_FUNCTION_NAMES). */
export const ALL_FUNCTION_NAMES: readonly string[] = [...BY_NAME.keys()];

export function findFunction(name: string): FunctionMeta | undefined {
  return BY_NAME.get(name) ?? BY_LOWER_NAME.get(name.toLowerCase());
}

export function findAggregation(name: string): FunctionMeta | undefined {
  const meta = findFunction(name);
  return meta?.kind === 'aggregate' ? meta : undefined;
}

export function unknownFunctionError(name: string, node?: { start?: number; end?: number }): HogQLError {
  const [match] = getCloseMatches(name, ALL_FUNCTION_NAMES, 1);
  const message = match
    ? `Unsupported function call '${name}(...)'. Perhaps you meant '${match}(...)'?`
    : `Unsupported function call '${name}(...)'`;
  return new HogQLError('hogql_query_error', message, node?.start, node?.end);
}

export function validateArgs(
  count: number,
  min: number,
  max: number | null,
  name: string,
  functionTerm = 'function',
  argumentTerm = 'argument',
  where?: { start?: number; end?: number },
): void {
  const tooFew = count < min;
  const tooMany = max !== null && count > max;
  const term = functionTerm.charAt(0).toUpperCase() + functionTerm.slice(1);
  const plural = (n: number) => `${argumentTerm}${n !== 1 ? 's' : ''}`;
  let message: string | null = null;
  if (min === max && (tooFew || tooMany)) message = `${term} '${name}' expects ${min} ${plural(min)}, found ${count}`;
  else if (tooFew) message = `${term} '${name}' expects at least ${min} ${plural(min)}, found ${count}`;
  else if (tooMany) message = `${term} '${name}' expects at most ${max} ${plural(max as number)}, found ${count}`;
  if (message) throw new HogQLError('hogql_query_error', message, where?.start, where?.end);
}
