/**
 * runHogQLQuery: parse (worker) → placeholders → limits → translate → engine → response, shaped
 * like PostHog's HogQLQueryResponse (posthog/schema.py) from hogql_query_runner.py.
 */
import { mapClickHouseError } from './chErrors';
import { HogQLError, HogQLInternalError, unsupported } from './errors';
import { printHogQLExpr, printHogQLQuery } from './hogqlPrinter';
import { applyLimits } from './limits';
import { parseHogQL } from './parse';
import { hasPlaceholders, replacePlaceholders } from './placeholders';
import { convertRows, type EngineJson } from './response';
import { translate } from './translate';
import type { HogQLQueryDeps, HogQLQueryRequest, HogQLQueryResponseBody, QueryTiming } from './types';
import type { Node } from './ast';

const CH_QUERY_WAS_CANCELLED = 394;

/** Modifiers the emulator implements; others are echoed only when they match these values. */
export const EMULATOR_MODIFIERS = { personsOnEventsMode: 'person_id_override_properties_on_events' } as const;

export class Timings {
  private readonly start = performance.now();
  readonly list: QueryTiming[] = [];
  async measure<T>(key: string, fn: () => T | Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      this.list.push({ k: `./${key}`, t: (performance.now() - t0) / 1000 });
    }
  }
  done(): QueryTiming[] {
    return [...this.list, { k: '.', t: (performance.now() - this.start) / 1000 }];
  }
}

function checkModifiers(modifiers: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...EMULATOR_MODIFIERS };
  for (const [key, value] of Object.entries(modifiers ?? {})) {
    if (key in EMULATOR_MODIFIERS && value !== (EMULATOR_MODIFIERS as Record<string, unknown>)[key] && value != null) {
      throw unsupported(`The modifier ${key}=${JSON.stringify(value)}`);
    }
    out[key] = value;
  }
  return out;
}

export function mapEngineError(err: unknown): Error {
  if (err instanceof HogQLError) return err;
  const e = err as { clickhouseCode?: number; message?: string };
  const message = String(e?.message ?? err);
  const code = e?.clickhouseCode ?? Number(/Code: (\d+)/.exec(message)?.[1] ?? NaN);
  if (code === CH_QUERY_WAS_CANCELLED) return err as Error;
  if (Number.isFinite(code)) return mapClickHouseError(code, message);
  return new HogQLInternalError(message);
}

function columnsOf(ast: Node): string[] {
  let first = ast;
  while (first.node === 'SelectSetQuery') first = first.initial_select_query;
  return (first.select ?? []).map((e: Node) => (e.node === 'Alias' ? e.alias : printHogQLExpr(e)));
}

/** What runs in the engine and what the response reports around it, before execution. */
export interface PreparedHogQLQuery {
  timings: Timings;
  modifiers: Record<string, unknown>;
  paging: ReturnType<typeof applyLimits>;
  hogql: string;
  columns: string[];
  executable: string;
  clickhouse: string;
}

/** The team's views, parsed (a view whose stored query no longer parses is left out). */
export async function parseViews(views: Record<string, string> | undefined): Promise<Map<string, Node>> {
  const out = new Map<string, Node>();
  for (const [name, query] of Object.entries(views ?? {})) {
    try {
      out.set(name, await parseHogQL(query, 'select'));
    } catch {
      // PostHog validated it when it was saved; an emulator with a newer parser may disagree
    }
  }
  return out;
}

export async function prepareHogQLQuery(req: HogQLQueryRequest): Promise<PreparedHogQLQuery> {
  const timings = new Timings();
  const modifiers = checkModifiers(req.modifiers);
  let ast = await timings.measure('parse_select', () => parseHogQL(req.query, 'select'));
  if (hasPlaceholders(ast)) {
    ast = await timings.measure('replace_placeholders', () =>
      replacePlaceholders(ast, { values: req.values, filters: req.filters, variables: req.variables, insightVariables: req.insightVariables, timezone: req.timezone }),
    );
  }
  const paging = applyLimits(ast);
  const hogql = printHogQLQuery(ast);
  const views = await parseViews(req.views);
  const translation = await timings.measure('print_clickhouse', () => translate(ast, req.teamId, req.timezone, req.propertyTypes, req.cohorts, views));
  const columns = translation.columnNames.length ? translation.columnNames : columnsOf(ast);
  return { timings, modifiers, paging, hogql, columns, executable: translation.executable, clickhouse: translation.clickhouse };
}

export async function runHogQLQuery(req: HogQLQueryRequest, deps: HogQLQueryDeps): Promise<HogQLQueryResponseBody> {
  return runPrepared(await prepareHogQLQuery(req), deps);
}

/** Runs a prepared query in one engine call and answers with the whole body. */
export async function runPrepared(prepared: PreparedHogQLQuery, deps: HogQLQueryDeps): Promise<HogQLQueryResponseBody> {
  let text: string;
  try {
    const result = await prepared.timings.measure('clickhouse_execute', () =>
      deps.engine.query(prepared.executable, {
        queryId: deps.queryId,
        signal: deps.signal,
        timeoutSeconds: deps.timeoutSeconds,
        onProgress: deps.onProgress,
      }),
    );
    text = result.text;
  } catch (err) {
    throw mapEngineError(err);
  }
  const json = JSON.parse(text) as EngineJson;
  const { rows, types } = convertRows(json);
  return responseBody(prepared, rows, types);
}

/** The response body once every row is known (rows past the limit are the `hasMore` probe). */
export function responseBody(prepared: PreparedHogQLQuery, rows: unknown[][], types: [string, string][]): HogQLQueryResponseBody {
  const { paging } = prepared;
  const hasMore = paging.limit === null ? null : rows.length > paging.limit;
  const results = hasMore ? rows.slice(0, paging.limit as number) : rows;
  return {
    columns: prepared.columns,
    results,
    types,
    hasMore,
    limit: paging.limit,
    offset: paging.offset,
    hogql: prepared.hogql,
    clickhouse: prepared.clickhouse,
    timings: prepared.timings.done(),
    modifiers: prepared.modifiers,
    query_status: null,
  };
}
