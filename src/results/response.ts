/**
 * PostHog's HogQLQueryResponse → the results view's payload. Pure: no `vscode`.
 *
 * The API client parses query results losslessly, so integers beyond 2^53 arrive as `bigint`;
 * here they become strings holding their exact digits (the protocol's rule for exact numbers), as
 * does anything nested inside arrays, tuples and maps.
 */
import type { HogQLQueryResponse, QueryProgress } from '../api/resources/querySchemas';
import type { Cell, Column, ResultPayload } from './protocol';

/** One value as it may come out of the lossless parser → a protocol cell. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'object':
      if (Array.isArray(value)) return value.map(toCell);
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toCell(v)]));
    default:
      return String(value);
  }
}

/** Column names and ClickHouse types; `types` is a list of `[name, type]` pairs (or bare types). */
export function toColumns(resp: Pick<HogQLQueryResponse, 'columns' | 'types' | 'results'>): Column[] {
  const types = resp.types ?? [];
  const names = resp.columns ?? types.map((t, i) => (Array.isArray(t) ? String(t[0]) : `column_${i + 1}`));
  return names.map((name, i) => {
    const t = types[i];
    return { name: String(name), type: Array.isArray(t) ? String(t[1] ?? '') : typeof t === 'string' ? t : '' };
  });
}

export interface PayloadContext {
  queryId: string;
  elapsedMs: number;
  timezone?: string;
  progress?: QueryProgress | null;
}

export function toPayload(resp: HogQLQueryResponse, ctx: PayloadContext): ResultPayload {
  const rows = (Array.isArray(resp.results) ? resp.results : []).map((r) => (Array.isArray(r) ? r.map(toCell) : [toCell(r)]));
  const payload: ResultPayload = {
    queryId: ctx.queryId,
    columns: toColumns(resp),
    rows,
    hasMore: resp.hasMore === true,
    elapsedMs: Math.max(0, Math.round(ctx.elapsedMs)),
  };
  const timezone = ctx.timezone ?? (typeof resp.timezone === 'string' ? resp.timezone : undefined);
  if (timezone) payload.timezone = timezone;
  if (typeof resp.hogql === 'string') payload.query = resp.hogql;
  // Rows/bytes read only when the engine reported any: zeros would claim the query read nothing.
  if (ctx.progress && ctx.progress.rows_read > 0) {
    payload.rowsRead = ctx.progress.rows_read;
    payload.bytesRead = ctx.progress.bytes_read;
  }
  return payload;
}

/** Where a HogQL error points, when PostHog's message says ("… at line 2, column 7: …"). */
export function errorPosition(message: string): { line: number; column: number } | undefined {
  const m = /line (\d+), column (\d+)/i.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}
