/**
 * LIMIT handling, after PostHog's HogQLQueryExecutor._apply_limit (posthog/hogql/query.py), the
 * printer's top-level cap (printer/base.py visit_select_query) and HogQLQueryRunner._calculate
 * (posthog/hogql_queries/hogql_query_runner.py):
 * - every SELECT of the top-level query without a LIMIT gets LIMIT 100; a top-level LIMIT is
 *   capped at 50000;
 * - only a top-level SELECT *without* a LIMIT is paginated (`HogQLHasMorePaginator`,
 *   insights/paginators.py): it is run with LIMIT 101 OFFSET 0 (the paginator sets the offset,
 *   so an OFFSET without a LIMIT is dropped), the 101st row is trimmed, and the response says
 *   `hasMore`, `limit: 100`, `offset: 0`;
 * - any other query (an explicit LIMIT, a UNION) runs as written and its response carries
 *   `hasMore`, `limit` and `offset` as null (the executor's unset fields).
 */
import type { Node } from './ast';

export const DEFAULT_RETURNED_ROWS = 100;
export const MAX_SELECT_RETURNED_ROWS = 50000;

export interface Paging {
  /** Rows to return (the extra fetched row is trimmed); null when paging does not apply. */
  limit: number | null;
  /** The paginator's offset (0); null when paging does not apply. */
  offset: number | null;
}

function constantInt(node: Node | null | undefined): number | null {
  if (!node || node.node !== 'Constant' || typeof node.value !== 'number' || !Number.isInteger(node.value)) return null;
  return node.value;
}

function capped(limit: Node): Node {
  const n = constantInt(limit);
  if (n !== null) return { ...limit, value: Math.min(n, MAX_SELECT_RETURNED_ROWS) };
  return { node: 'Call', name: 'min2', args: [{ node: 'Constant', value: MAX_SELECT_RETURNED_ROWS }, limit], distinct: false };
}

function selectQueries(node: Node): Node[] {
  if (node.node === 'SelectSetQuery') {
    return [node.initial_select_query, ...node.subsequent_select_queries.map((s: Node) => s.select_query)].flatMap(selectQueries);
  }
  return node.node === 'SelectQuery' ? [node] : [];
}

/** Mutates `ast` (a fresh copy owned by the caller) and returns the response paging. */
export function applyLimits(ast: Node): Paging {
  if (ast.node === 'SelectQuery') {
    if (ast.limit) {
      ast.limit = capped(ast.limit);
      return { limit: null, offset: null };
    }
    ast.limit = { node: 'Constant', value: DEFAULT_RETURNED_ROWS + 1 };
    ast.offset = { node: 'Constant', value: 0 };
    return { limit: DEFAULT_RETURNED_ROWS, offset: 0 };
  }
  for (const query of selectQueries(ast)) {
    query.limit = query.limit ? capped(query.limit) : { node: 'Constant', value: DEFAULT_RETURNED_ROWS };
  }
  if (ast.limit) ast.limit = capped(ast.limit);
  return { limit: null, offset: null };
}
