/**
 * "Save as Static Cohort" from a result column (issue #17): the distinct person uuids or distinct
 * ids a column holds, in first-seen order, with what was left out. Pure (no vscode): the host
 * reads the rows it holds, then resolves distinct ids to persons on the server.
 */
import { validId } from './links';
import type { Cell } from './protocol';

export interface ColumnIds {
  /** Distinct ids of the column, first-seen order, each of the right shape. */
  ids: string[];
  /** Rows read (all rows held for the result). */
  rows: number;
  /** Rows whose cell was NULL, empty or not an id of that kind. */
  skipped: number;
}

/** Most ids one cohort takes from a result: the row cap of a HogQL result (posthog/hogql/constants.py MAX_SELECT_RETURNED_ROWS). */
export const MAX_COHORT_IDS = 50_000;

export function columnIds(rows: readonly Cell[][], col: number, kind: 'person' | 'distinctId'): ColumnIds {
  const seen = new Set<string>();
  let skipped = 0;
  for (const row of rows) {
    const v = row[col];
    const text = typeof v === 'string' ? (kind === 'person' ? v.toLowerCase() : v) : undefined;
    if (text === undefined || !validId(kind, text)) {
      skipped++;
      continue;
    }
    if (seen.size < MAX_COHORT_IDS) seen.add(text);
  }
  return { ids: [...seen], rows: rows.length, skipped };
}

/** Splits `items` into batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
