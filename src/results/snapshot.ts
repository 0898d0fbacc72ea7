/**
 * What a results tab keeps across a window reload (issue #17), and a pinned result: bounded copies
 * of a result, validated on the way back in (they round-trip through the webview's `setState`, so
 * they are untrusted input). Pure: no `vscode`, no DOM.
 *
 * The host posts each tab's snapshot to the webview (`tabSnapshot`), which stores it with its view
 * state; after a reload VS Code hands that state to the panel serializer, and the host rebuilds
 * the tabs from it (src/webview/resultsRestore.ts). A run still in flight at the reload is not
 * resumed (the extension host that ran it is gone): its tab says so and offers nothing stale.
 */
import { parseResult, type Cell, type Column, type ResultPayload, type ToView } from './protocol';
import type { Phase } from './state';
import type { TabInfo } from './tabs';

/** Rows a snapshot or a pin keeps at most, and the size of their JSON text. */
export const SAVED_MAX_ROWS = 1_000;
export const SAVED_MAX_CHARS = 1_000_000;

/** The first rows of `rows` within both caps; `truncated` when some were left out. */
export function capRows(rows: readonly Cell[][], maxRows = SAVED_MAX_ROWS, maxChars = SAVED_MAX_CHARS): { rows: Cell[][]; truncated: boolean } {
  const out: Cell[][] = [];
  let chars = 2;
  for (const row of rows) {
    if (out.length >= maxRows) break;
    chars += JSON.stringify(row).length + 1;
    if (chars > maxChars) break;
    out.push(row);
  }
  return { rows: out, truncated: out.length < rows.length };
}

/** A pinned result: the rows the next run of the statement is compared with. */
export interface Pin {
  /** Epoch ms of the pin (the header shows its time). */
  at: number;
  queryId: string;
  columns: Column[];
  rows: Cell[][];
  /** Rows of the pinned result; more than `rows` when it was capped. */
  totalRows: number;
  /** Key columns chosen by the user; empty: the first column (src/results/diff.ts). */
  keys: string[];
}

/** The pin of `result` now: its first rows within the caps. */
export function makePin(result: ResultPayload, keys: string[] = [], at = Date.now()): Pin {
  const { rows } = capRows(result.rows);
  return { at, queryId: result.queryId, columns: result.columns.map((c) => ({ ...c })), rows, totalRows: Math.max(result.rows.length, result.totalRows ?? 0), keys };
}

/** Where a tab's statement is (src/results/tabs.ts's StatementRef without the document's statements). */
export interface SavedRef {
  doc: string;
  index: number;
  text: string;
}

/** One tab as it comes back after a reload. */
export interface TabSnapshot {
  /** The panel the tab belongs to (ResultsPanel's key) and its title. */
  panelKey: string;
  panelTitle: string;
  tab: TabInfo;
  /** The statement, when the tab is one's; none for the panel's default tab (insights, dev results). */
  ref?: SavedRef;
  /** The result on screen, its first rows (`restored` says how many of how many). */
  result?: ResultPayload;
  /** How the tab's last run ended when it shows no result. */
  end?: { kind: 'error'; message: string } | { kind: 'cancelled' } | { kind: 'interrupted' };
  pin?: Pin;
}

/** `result` as a snapshot keeps it: its first rows, no "Load more" (there is no run to page). */
export function savedResult(result: ResultPayload, savedAt = Date.now()): ResultPayload {
  const total = Math.max(result.rows.length, result.totalRows ?? 0);
  const { rows } = capRows(result.rows);
  const { totalRows: _t, devRenderer: _d, ...rest } = result;
  return { ...rest, rows, hasMore: false, restored: { savedRows: rows.length, totalRows: total, more: result.hasMore, savedAt } };
}

/** What a tab whose query was running at a window reload says (the run is not resumed). */
export const INTERRUPTED = 'This query was still running when the window reloaded; it was not resumed. Run it again to see its result.';

/** A tab's run as the snapshot sees it: its phase, the result on screen, how the last run ended. */
export interface TabRun {
  phase: Phase;
  result?: ResultPayload | undefined;
  end?: ToView | undefined;
}

/**
 * The snapshot of a tab (`base`: panel, tab, statement, pin) whose run is `run`: the result's first
 * rows; or, with none on screen, how the run ended; a run in flight is saved as interrupted (even
 * over a stale previous result: after the reload nothing would finish it).
 */
export function snapshotOf(base: Omit<TabSnapshot, 'result' | 'end'>, run: TabRun, savedAt = Date.now()): TabSnapshot {
  const snap: TabSnapshot = { ...base };
  const end = run.end;
  if (run.phase === 'running') snap.end = { kind: 'interrupted' };
  else if (run.result) snap.result = run.result.restored ? run.result : savedResult(run.result, savedAt);
  else if (end?.kind === 'error') snap.end = { kind: 'error', message: end.message };
  else if (end?.kind === 'cancelled') snap.end = { kind: 'cancelled' };
  return snap;
}

/** How a restored tab without a result ends: the error (the interruption's words) or the cancel. */
export function restoredEnd(snap: TabSnapshot): { kind: 'error'; message: string } | { kind: 'cancelled' } | undefined {
  if (snap.result) return undefined;
  if (snap.end?.kind === 'interrupted') return { kind: 'error', message: INTERRUPTED };
  return snap.end;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Validates a pin that came back from the webview; `undefined` if malformed. */
export function parsePin(v: unknown): Pin | undefined {
  if (!isObject(v) || !isCount(v.at) || !isString(v.queryId) || !Array.isArray(v.keys) || !v.keys.every(isString) || !isCount(v.totalRows)) return undefined;
  const r = parseResult({ queryId: v.queryId, columns: v.columns, rows: v.rows, hasMore: false, elapsedMs: 0 });
  if (!r || r.rows.length > SAVED_MAX_ROWS) return undefined;
  return { at: v.at, queryId: r.queryId, columns: r.columns, rows: r.rows, totalRows: Math.max(v.totalRows, r.rows.length), keys: v.keys };
}

function parseRef(v: unknown): SavedRef | undefined {
  return isObject(v) && isString(v.doc) && typeof v.index === 'number' && Number.isInteger(v.index) && v.index >= -1 && isString(v.text) ? { doc: v.doc, index: v.index, text: v.text } : undefined;
}

function parseEnd(v: unknown): TabSnapshot['end'] {
  if (!isObject(v)) return undefined;
  if (v.kind === 'error' && isString(v.message)) return { kind: 'error', message: v.message };
  return v.kind === 'cancelled' || v.kind === 'interrupted' ? { kind: v.kind } : undefined;
}

/** Validates a tab snapshot that came back from the webview; `undefined` if malformed. */
export function parseTabSnapshot(v: unknown): TabSnapshot | undefined {
  if (!isObject(v) || !isString(v.panelKey) || !isString(v.panelTitle) || !isObject(v.tab)) return undefined;
  const t = v.tab;
  if (!isString(t.id) || !isString(t.label) || !isString(t.title)) return undefined;
  const snap: TabSnapshot = { panelKey: v.panelKey, panelTitle: v.panelTitle, tab: { id: t.id, label: t.label, title: t.title } };
  if (v.ref !== undefined) {
    const ref = parseRef(v.ref);
    if (!ref) return undefined;
    snap.ref = ref;
  }
  if (v.result !== undefined) {
    const result = parseResult(v.result);
    if (!result?.restored || result.rows.length > SAVED_MAX_ROWS) return undefined;
    snap.result = result;
  }
  const end = parseEnd(v.end);
  if (end) snap.end = end;
  const pin = v.pin === undefined ? undefined : parsePin(v.pin);
  if (pin) snap.pin = pin;
  return snap;
}

/**
 * What the results webview stored with `setState` (webview-ui/results/panel.ts): per tab its view
 * state and its snapshot (src/results/snapshot.ts), the strip's order and the tab shown. Untrusted:
 * every snapshot is validated, and a malformed one is left out.
 */
export function savedTabs(state: unknown): { tabs: TabSnapshot[]; active: string | undefined } {
  if (typeof state !== 'object' || state === null) return { tabs: [], active: undefined };
  const s = state as { snapshots?: unknown; order?: unknown; active?: unknown };
  const snaps = typeof s.snapshots === 'object' && s.snapshots !== null ? (s.snapshots as Record<string, unknown>) : {};
  const order = Array.isArray(s.order) ? s.order.filter((id): id is string => typeof id === 'string' && Object.hasOwn(snaps, id)) : [];
  for (const id of Object.keys(snaps)) if (!order.includes(id)) order.push(id);
  const tabs = order.flatMap((id) => {
    const snap = parseTabSnapshot(snaps[id]);
    return snap && snap.tab.id === id ? [snap] : [];
  });
  const active = typeof s.active === 'string' && tabs.some((t) => t.tab.id === s.active) ? s.active : tabs[0]?.tab.id;
  return { tabs, active };
}
