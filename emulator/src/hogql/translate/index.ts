/**
 * Entry point of the AST → ClickHouse translation. Returns the SQL with `%(hogql_val_N)s`
 * placeholders (what PostHog shows as `clickhouse`) plus the values, and the executable SQL
 * with the values inlined as escaped literals.
 */
import type { Node } from '../ast';
import { escapeString } from '../escape';
import type { CohortRef, PropertyTypes } from '../types';
import { TranslateContext } from './context';
import { printSubquery } from './select';

export interface Translation {
  /** SQL as PostHog shows it: string values as `%(hogql_val_N)s`. */
  clickhouse: string;
  /** SQL to run: values inlined as escaped string literals. */
  executable: string;
  values: string[];
  columnNames: string[];
  /** HogQLMetadata notices for typed properties (`Event property 'x' is of type 'Float'.`). */
  notices: { message: string; start?: number; end?: number; fix?: string }[];
}

export function translate(ast: Node, teamId: number, timezone: string, propertyTypes: PropertyTypes = {}, cohorts: readonly CohortRef[] = [], views: ReadonlyMap<string, Node> = new Map()): Translation {
  const ctx = new TranslateContext(teamId, timezone, propertyTypes, cohorts, views);
  const printed = printSubquery(ast, null, ctx);
  const executable = printed.sql.replace(/%\(hogql_val_(\d+)\)s/g, (_, i: string) => escapeString(ctx.values[Number(i)]));
  return { clickhouse: printed.sql, executable, values: ctx.values, columnNames: printed.columnNames, notices: ctx.propertyNotices };
}
