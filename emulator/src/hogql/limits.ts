/**
 * LIMIT handling, after PostHog's HogQLQueryExecutor._apply_limit, the printer's top-level cap
 * (printer/base.py visit_select_query) and HogQLHasMorePaginator (hogql_query_runner.py):
 * every SELECT of the top-level query without a LIMIT gets LIMIT 100; a top-level LIMIT is
 * capped at 50000; a top-level SELECT is fetched with one extra row to compute `hasMore`.
 */
import type { Node } from './ast';

export const DEFAULT_RETURNED_ROWS = 100;
export const MAX_SELECT_RETURNED_ROWS = 50000;

export interface Paging {
  /** Rows to return (the extra fetched row is trimmed); null when paging does not apply. */
  limit: number | null;
  offset: number;
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
  const offset = constantInt(ast.offset) ?? 0;
  if (ast.node === 'SelectQuery') {
    const limit = ast.limit ? capped(ast.limit) : { node: 'Constant', value: DEFAULT_RETURNED_ROWS };
    const n = constantInt(limit);
    if (n === null) {
      ast.limit = limit;
      return { limit: null, offset };
    }
    ast.limit = { ...limit, value: n + 1 };
    return { limit: n, offset };
  }
  for (const query of selectQueries(ast)) {
    query.limit = query.limit ? capped(query.limit) : { node: 'Constant', value: DEFAULT_RETURNED_ROWS };
  }
  if (ast.limit) ast.limit = capped(ast.limit);
  return { limit: null, offset };
}
