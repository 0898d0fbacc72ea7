/**
 * Pin-and-diff (issue #17): what changed between a pinned result and the next run of the same
 * statement. Pure (no `vscode`, no DOM): the webview computes it for the grid's marks.
 *
 * Rows are matched by their key columns (chosen by the user; guessed as the first column):
 * - a key is the JSON text of the row's key cells, so a 64-bit integer sent as its exact decimal
 *   string compares exactly (never through a lossy number), and NULL is a key value like any other
 *   (two NULL keys match, as SQL's `IS NOT DISTINCT FROM`);
 * - duplicate keys pair up in order of appearance: the k-th row with key K in the pin matches the
 *   k-th row with key K in the new result; unpaired ones are removed / added (deterministic);
 * - a matched row is changed when a cell of a column both results have (by name) differs; columns
 *   only one side has are reported, not compared.
 */
import type { Cell, Column } from './protocol';

export interface DiffSide {
  columns: readonly Column[];
  rows: readonly (readonly Cell[])[];
}

export interface ResultDiff {
  /** Key columns used (names). */
  keys: string[];
  /** Indices into the new rows that have no partner in the pin. */
  added: number[];
  /** Indices into the pinned rows that have no partner in the new result. */
  removed: number[];
  /** New row index → the new result's column indices whose cells differ from the pinned row. */
  changed: Map<number, number[]>;
  /** New row index → the pinned row index it was matched with (every matched row). */
  partner: Map<number, number>;
  /** Column names only the new result has / only the pin has. */
  addedColumns: string[];
  removedColumns: string[];
}

/** The key columns to use when the user chose none: the first column of the result. */
export function guessKeys(columns: readonly Column[]): string[] {
  return columns.length ? [columns[0].name] : [];
}

/** `keys` that both sides have; `guessKeys` when none is left. */
export function usableKeys(keys: readonly string[], a: readonly Column[], b: readonly Column[]): string[] {
  const names = new Set(b.map((c) => c.name));
  const ok = keys.filter((k) => a.some((c) => c.name === k) && names.has(k));
  if (ok.length) return ok;
  return guessKeys(a).filter((k) => names.has(k));
}

/** Exact text of a cell for comparing (order of object keys as sent; numbers and strings distinct). */
const cellText = (v: Cell | undefined): string => JSON.stringify(v ?? null);

function keyOf(row: readonly Cell[], idx: readonly number[]): string {
  return idx.length === 1 ? cellText(row[idx[0]]) : JSON.stringify(idx.map((i) => row[i] ?? null));
}

/** Pinned row indices by key, in order of appearance (the queue duplicate keys are paired from). */
function byKey(rows: readonly (readonly Cell[])[], idx: readonly number[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const k = keyOf(row, idx);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  });
  return out;
}

/** The diff of `next` against the pinned `pin`, rows matched by `keys` (see the module comment). */
export function diffResults(pin: DiffSide, next: DiffSide, keys: readonly string[]): ResultDiff {
  const used = usableKeys(keys, pin.columns, next.columns);
  const pinIdx = used.map((k) => pin.columns.findIndex((c) => c.name === k));
  const nextIdx = used.map((k) => next.columns.findIndex((c) => c.name === k));
  // common columns: new index → pinned index
  const common: [number, number][] = [];
  next.columns.forEach((c, i) => {
    const j = pin.columns.findIndex((p) => p.name === c.name);
    if (j >= 0) common.push([i, j]);
  });
  const queues = byKey(pin.rows, pinIdx);
  const taken = new Uint8Array(pin.rows.length);
  const cursor = new Map<number[], number>();
  const diff: ResultDiff = {
    keys: used,
    added: [],
    removed: [],
    changed: new Map(),
    partner: new Map(),
    addedColumns: next.columns.filter((c) => !pin.columns.some((p) => p.name === c.name)).map((c) => c.name),
    removedColumns: pin.columns.filter((p) => !next.columns.some((c) => c.name === p.name)).map((c) => c.name),
  };
  next.rows.forEach((row, i) => {
    const queue = used.length ? queues.get(keyOf(row, nextIdx)) : undefined;
    // the queue's next unpaired row (a cursor in slot 0's place would cost a shift per pair)
    const j = queue ? queue[(cursor.get(queue) ?? 0)] : undefined;
    if (queue) cursor.set(queue, (cursor.get(queue) ?? 0) + 1);
    if (j === undefined) {
      diff.added.push(i);
      return;
    }
    taken[j] = 1;
    diff.partner.set(i, j);
    const old = pin.rows[j];
    const cols = common.filter(([a, b]) => cellText(row[a]) !== cellText(old[b])).map(([a]) => a);
    if (cols.length) diff.changed.set(i, cols);
  });
  for (let j = 0; j < pin.rows.length; j++) if (!taken[j]) diff.removed.push(j);
  return diff;
}

/** The header's counts: "+3 −1 ~2". */
export function diffCounts(d: ResultDiff): string {
  return `+${d.added.length} −${d.removed.length} ~${d.changed.size}`;
}
