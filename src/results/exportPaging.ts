/**
 * How "Export Full Result" pages a query past PostHog's 50,000-row cap. Pure; no vscode, no DOM.
 *
 * PostHog returns at most `MAX_SELECT_RETURNED_ROWS` (50,000) rows per query and caps any
 * top-level LIMIT to it (posthog/hogql/constants.py; the printer's top-level cap), but a LIMIT or
 * ORDER BY inside a subquery is left alone, and OFFSET is not capped. So a whole result comes out
 * as pages: the user's statement wrapped as a subquery, ordered, cut with LIMIT/OFFSET.
 *
 * - First page: the statement as written with LIMIT 50,000 (`pagedQuery`: wrapped when it has its
 *   own LIMIT). When that is the whole result (`hasMore` false) the file keeps the query's own
 *   order, in one request.
 * - Longer results: every page is `SELECT * FROM (<statement>) ORDER BY <every result column>
 *   LIMIT n OFFSET m`. Without an ORDER BY, ClickHouse may return a different order for each page
 *   and rows would repeat or go missing; ordering by all columns makes the order a function of the
 *   rows themselves, so pages tile the result. Rows equal in every column are interchangeable, so
 *   their order does not matter. The file is then in that order, not the query's own ORDER BY.
 * Limits: columns ClickHouse cannot compare (Map, JSON) are left out of the ORDER BY, so rows equal
 * in all other columns may repeat or go missing across pages; a query whose rows change between
 * pages (new events arriving, `now()`) gives a file mixed from the pages' moments; each page
 * re-runs the query (and sorts it), so a result of N rows costs N / 50,000 queries, each counted
 * against PostHog's query rate limit (120 per hour by default: posthog/rate_limit.py).
 * Keyset paging (WHERE key > last) would avoid re-sorting but needs a unique key the result
 * generally does not have.
 */
import type { Column } from './protocol';
import { POSTHOG_MAX_ROWS } from './limits';
import { quotedIdentifier } from './serverSort';
import { classifyType } from './types';

/** Rows asked per page: PostHog's cap, so the fewest queries (each counts against the rate limit). */
export const EXPORT_PAGE_ROWS = POSTHOG_MAX_ROWS;

/** The columns a stable page order sorts by: all but those ClickHouse cannot compare. */
export function orderColumns(columns: readonly Column[]): string[] {
  return columns.filter((c) => !['map', 'json', 'nothing'].includes(classifyType(c.type).kind)).map((c) => c.name);
}

/**
 * One page of `query` in a stable order: wrapped as a subquery (its own LIMIT, ORDER BY, UNION
 * stay inside), ordered by `order` (result column names), `limit` rows from `offset`. On their own
 * lines, so a trailing `-- comment` in the query cannot swallow the closing parenthesis.
 */
export function stablePageQuery(query: string, order: readonly string[], offset: number, limit: number): string {
  const body = query.trim().replace(/;\s*$/, '');
  const orderBy = order.length ? `\nORDER BY ${order.map((c) => `${quotedIdentifier(c)} ASC`).join(', ')}` : '';
  return `SELECT * FROM (\n${body}\n)${orderBy}\nLIMIT ${Math.max(0, Math.floor(limit))} OFFSET ${Math.max(0, Math.floor(offset))}`;
}
