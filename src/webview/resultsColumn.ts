/**
 * Which editor group a new results panel opens in (setting `hogql.results.location`). Pure (no
 * `vscode`): columns are VS Code's `ViewColumn` numbers, with its `Active` (-1) and `Beside` (-2).
 *
 * - `beside` (default): beside the editor the first time; after that in the group that already
 *   holds results panels, so runs from any file (a panel per file or one shared) share one group
 *   instead of splitting the window again and again.
 * - `active`: in the active editor group.
 * - `reuseLast`: in the group of the results panel shown last, wherever the user moved it.
 */
export type ResultsLocation = 'beside' | 'active' | 'reuseLast';

export const ACTIVE_COLUMN = -1;
export const BESIDE_COLUMN = -2;

export interface ResultsGroups {
  /** Columns of the editor groups that hold a results panel now, in group order. */
  withResults: number[];
  /** Column of the results panel shown (or focused) last, if it is still open. */
  lastShown?: number;
}

export function resultsColumn(location: ResultsLocation, groups: ResultsGroups): number {
  if (location === 'active') return ACTIVE_COLUMN;
  if (location === 'reuseLast' && groups.lastShown !== undefined && groups.lastShown > 0) return groups.lastShown;
  return groups.withResults.find((c) => c > 0) ?? BESIDE_COLUMN;
}
