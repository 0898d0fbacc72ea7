/**
 * Sort and filter in the results panel act on the rows loaded so far. When the result has more
 * rows (`hasMore`), the header says so and offers to sort all of them on the server: the same query
 * re-run wrapped in an ORDER BY. Pure; no vscode, no DOM (both sides import it).
 */
import { formatCount } from './format';
import type { SortDirection } from './sort';

/** A HogQL identifier, always backtick-quoted (backslashes and backticks escaped). */
export function quotedIdentifier(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

/**
 * `query` sorted on the server by its result column `column`. On their own lines, so a trailing
 * `-- comment` in the query cannot swallow the closing parenthesis.
 */
export function serverSortedQuery(query: string, column: string, dir: SortDirection): string {
  const body = query.trim().replace(/;\s*$/, '');
  return `SELECT * FROM (\n${body}\n)\nORDER BY ${quotedIdentifier(column)} ${dir === 'desc' ? 'DESC' : 'ASC'}`;
}

/**
 * What the header says when sort or filter act on the `loaded` rows of a result that has more;
 * empty when neither is active.
 */
export function loadedScopeNote(loaded: number, sorted: boolean, filtered: boolean): string {
  if (!sorted && !filtered) return '';
  const what = sorted && filtered ? 'Sorted and filtered' : sorted ? 'Sorted' : 'Filtered';
  return `${what} the ${formatCount(loaded)} loaded row${loaded === 1 ? '' : 's'} only; the result has more.`;
}
