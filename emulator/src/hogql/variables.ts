/**
 * `{variables.x}` after PostHog's posthog/hogql/variables.py (`ReplaceVariables`) as
 * posthog/hogql_queries/hogql_query_runner.py and posthog/hogql/metadata.py call it:
 * - the server loads the team's InsightVariables whose id is one of the `variableId`s sent;
 * - no entry with that code_name → `Variable X is missing from query` (plus `. Did you mean: a, b?`
 *   from difflib over the loaded variables' code names, n=3, cutoff 0.6);
 * - an entry but no loaded variable with that code_name → `Variable X does not exist`;
 * - `isNull` → NULL; else `value`, or the stored `default_value` when `value` is null/absent,
 *   inlined as a constant.
 * PostHog raises these QueryErrors without a position, so they carry none here either.
 */
import type { Node } from './ast';
import { getCloseMatches } from './difflib';
import { queryError } from './errors';
import type { InsightVariableInfo } from './types';


/** One `HogQLQuery.variables` entry (`HogQLVariable {variableId, code_name, value?, isNull?}`). */
interface SentVariable {
  variableId?: unknown;
  code_name?: unknown;
  value?: unknown;
  isNull?: unknown;
}

function entries(variables: Record<string, unknown> | undefined): SentVariable[] {
  return Object.values(variables ?? {}).filter((v): v is SentVariable => v !== null && typeof v === 'object' && !Array.isArray(v));
}

/** The `variableId`s of a query's variables: the ids the server loads variables for. */
export function sentVariableIds(variables: Record<string, unknown> | undefined): string[] {
  return entries(variables)
    .map((v) => v.variableId)
    .filter((id): id is string => typeof id === 'string');
}

function missing(name: string, loaded: readonly InsightVariableInfo[]): Error {
  const suggestions = loaded.length ? getCloseMatches(name, loaded.map((v) => String(v.code_name)), 3, 0.6) : [];
  const tail = suggestions.length ? `. Did you mean: ${suggestions.join(', ')}?` : '';
  return queryError(`Variable ${name} is missing from query${tail}`);
}

/** The value `{variables.name}` stands for; `toNode` turns a JSON value into a constant. */
export function resolveVariable(
  name: string,
  variables: Record<string, unknown> | undefined,
  loaded: readonly InsightVariableInfo[],
  toNode: (value: unknown) => Node,
): Node {
  const sent = entries(variables);
  if (sent.length === 0) throw missing(name, loaded);
  const match = sent.find((v) => v.code_name === name);
  if (!match) throw missing(name, loaded);
  const stored = loaded.find((v) => v.code_name === name);
  if (!stored) throw queryError(`Variable ${name} does not exist`);
  if (match.isNull === true) return toNode(null);
  return toNode(match.value !== null && match.value !== undefined ? match.value : stored.default_value);
}
