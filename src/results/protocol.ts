/**
 * The message protocol of the results webview, shared by the extension host (`src/webview/`) and
 * the webview (`webview-ui/results/`). No `vscode`, no DOM: both sides import it (`src/results/`).
 *
 * Flow: the webview posts `ready` every time its script starts (first open, and again when a
 * hidden panel is shown); only then does the host post, and it re-posts the current result on each
 * `ready`. Every message that arrives is validated at runtime (`parseToHost` / `parseToView`): a
 * webview is a separate page and its messages are untrusted input.
 *
 * Big results stream: `result` carries the first rows and `totalRows`, and the rest follows in
 * `moreRows` chunks once the view has painted the first ones (it says so with `rendered`). The
 * first paint then waits for a small message, not for 100k rows crossing every hop.
 *
 * Transport: rows travel as bytes (a Uint8Array: one JSON text's UTF-8, or a streamed batch's
 * columns) instead of millions of small objects — see `toWire`. Structured-cloning 100k × 20 cells
 * costs ~300 ms at every postMessage hop (extension host → workbench → webview frames), and a big string is escaped
 * and re-parsed by VS Code's own JSON IPC; VS Code moves typed arrays as binary buffers, and the
 * webview decodes and parses once. `parseToView` also accepts plain `rows` (tests, dev results).
 * In a browser or remote window the host deflates big rows on their way (`rowsDeflated`,
 * src/webview/wireDeflate.ts: code-server's websocket deflates every frame at zlib's default level,
 * ~5× the CPU of level 1 on 12 MB of rows) and the panel inflates them, in order, before parsing
 * (webview-ui/results/inbox.ts); a desktop window's rows cross as they are.
 *
 * Exact numbers: a cell of an integer or decimal column (as classified from its ClickHouse type,
 * `src/results/types.ts`) is either a JS number (only when it is exactly representable, i.e.
 * |n| ≤ 2^53 for integers) or a string holding the exact decimal text (`"9007199254740993"`). The
 * host must never let 64-bit integers pass through a lossy `JSON.parse` as numbers.
 */

import { sanitizeChartChoice, type ChartChoice } from './chartSettings';
import { parseLimitBanner, type LimitBanner } from './limitBanner';
import { checkLink, type CellLink } from './links';
import type { TabInfo } from './tabs';
import type { Cell } from './cell';
import { batchRows, decodeColumns, encodeColumns, type ColumnBatch } from './wireColumns';

export type { Cell } from './cell';

export interface Column {
  name: string;
  /** ClickHouse type string, e.g. `UInt64`, `Nullable(String)`, `DateTime64(6, 'UTC')`. */
  type: string;
}

export interface ResultPayload {
  /** Identifies one run; replies and follow-ups carry it so late messages of an old run are dropped. */
  queryId: string;
  columns: Column[];
  rows: Cell[][];
  /** More rows exist beyond these; the view offers "Load more" (posts `loadMore`). */
  hasMore: boolean;
  /**
   * Rows in the whole result when more than `rows` holds: the others follow in `moreRows`
   * messages. Absent when `rows` is all of it.
   */
  totalRows?: number;
  /**
   * The rows are still arriving from PostHog (issue #21): more follow in `moreRows`, in a number
   * not known yet, and `streamEnd` ends them with the result's full description (its column types
   * come after its rows in PostHog's response: until then the types are empty).
   */
  streaming?: boolean;
  /** Milliseconds from request to response. */
  elapsedMs: number;
  /** The project's IANA timezone; date-times with an offset are shown in it. Default: UTC. */
  timezone?: string;
  /** The HogQL that was executed (shown collapsible in the header bar). */
  query?: string;
  rowsRead?: number;
  bytesRead?: number;
  /** Dev/benchmark only: render with the naive full-DOM table instead of the virtual grid. */
  devRenderer?: 'naive';
  /** What PostHog's default LIMIT or row cap did to this result (src/results/limitBanner.ts). */
  limitBanner?: LimitBanner;
  /** The chart chosen for this statement (src/results/chartSettings.ts); absent: picked automatically. */
  chart?: ChartChoice;
  /** A result restored after a window reload: the saved first rows only (src/results/snapshot.ts). */
  restored?: RestoredInfo;
}

/** What a restored result kept: `savedRows` of `totalRows` (the run also had more to load when `more`). */
export interface RestoredInfo {
  savedRows: number;
  totalRows: number;
  more: boolean;
  /** Epoch ms of the save. */
  savedAt: number;
}

/** A result described without needing its rows' cells: the webview keeps them by column (a count here). */
export type ResultInfo = Omit<ResultPayload, 'rows'> & { readonly rows: { readonly length: number } };

/** Rows of a streamed result (see `totalRows`) that have not arrived yet. */
export function rowsToCome(r: ResultInfo): number {
  if (r.streaming) return Math.max(1, (r.totalRows ?? 0) - r.rows.length);
  return r.totalRows === undefined ? 0 : Math.max(0, r.totalRows - r.rows.length);
}

export type ExportFormat = 'csv' | 'json';
export type ExportTarget = 'file' | 'newDocument';

export type ToView =
  /** A new result replaces whatever is shown. */
  | { kind: 'result'; result: ResultPayload }
  /** More rows of the current result (after `loadMore`); rows are appended in order. */
  | { kind: 'appendRows'; queryId: string; rows: Cell[][]; hasMore: boolean }
  /** The next rows of a streamed result (see `totalRows`), in order (in the panel: columns, see `toWire`). */
  | { kind: 'moreRows'; queryId: string; rows: Cell[][] | ColumnBatch }
  /**
   * A result that was `streaming` is whole: `result` describes it (columns with their types,
   * timezone, hasMore…) with no rows and `totalRows`, the count of rows sent.
   */
  | { kind: 'streamEnd'; queryId: string; result: ResultPayload }
  /** A query started: the view shows a running state with a Cancel button. */
  | { kind: 'loading'; queryId: string; message: string; query?: string }
  /** Progress of the running query. */
  | { kind: 'progress'; queryId: string; elapsedMs: number; rowsRead?: number; bytesRead?: number }
  | { kind: 'error'; queryId: string; message: string; details?: string }
  | { kind: 'cancelled'; queryId: string };

/** Rows whose cells are made on first use: the host's streamed batches (src/results/wireText.ts `WireRows`). */
export interface EncodedRows {
  readonly count: number;
  /** The rows' JSON text as the body holds it, while not parsed (the rows worker makes the wire form of it: src/webview/rowsEncode.ts). */
  readonly bodyText?: string;
  rows(): Cell[][];
}

/** What the host posts for a tab: a run message, or the next rows of a stream already encoded. */
export type HostToView = ToView | { kind: 'moreRows'; queryId: string; rows: EncodedRows };

/**
 * What the host posts to the panel: the tab strip (one tab per statement, src/results/tabs.ts) and
 * the run messages above, each for one tab (`tabId`). `tabOpen` adds a tab at the end of the strip,
 * or relabels it when it exists; `tabActivate` shows it; `tabClose` drops it and its rows.
 */
export type ToPanel =
  | (ToView & { tabId: string })
  | { kind: 'tabOpen'; tab: TabInfo }
  | { kind: 'tabActivate'; tabId: string }
  | { kind: 'tabClose'; tabId: string };

export type ToHost =
  | { kind: 'ready' }
  /** The user picked a tab (click, arrow keys): the host keeps it as the active one. */
  | { kind: 'tabActivate'; tabId: string }
  /** The user closed a tab (its close button, Delete, middle click): a running query is cancelled. */
  | { kind: 'tabClose'; tabId: string }
  /**
   * The result is on screen; `renderMs` is from the message's arrival to the first painted frame.
   * Sent for the first rows of a result, and again (with `complete`) once a streamed one is whole.
   */
  | { kind: 'rendered'; queryId: string; rowCount: number; renderMs?: number; complete?: boolean }
  /** Write `text` to the clipboard. */
  | { kind: 'copy'; text: string }
  /** Fetch the next page of `queryId` starting at row `offset`; answer with `appendRows`. */
  | { kind: 'loadMore'; queryId: string; offset: number }
  | { kind: 'cancel'; queryId: string }
  /** Re-run `queryId`'s query sorted on the server by its result column `column` (src/results/serverSort.ts). */
  | { kind: 'sortOnServer'; queryId: string; column: string; dir: 'asc' | 'desc' }
  /** The limit banner's "Run with LIMIT 50,000": `queryId`'s query re-run wrapped in an explicit LIMIT. */
  | { kind: 'runWithLimit'; queryId: string }
  /** Export the whole result of `queryId` (the host holds the rows; see `src/results/export.ts`). */
  | { kind: 'export'; queryId: string; format: ExportFormat; target: ExportTarget }
  /** "Export Full Result": every row of `queryId`'s query, fetched again from PostHog in pages (src/query/exportFlow.ts). */
  | { kind: 'exportFull'; queryId: string }
  /** Open a cell's full text in an untitled editor. */
  | { kind: 'openCellInEditor'; text: string; language: 'json' | 'plaintext' }
  /** The user chose a chart for `queryId`'s result: the host keeps it for the statement (src/results/chartSettings.ts). */
  | { kind: 'chartChoice'; queryId: string; choice: ChartChoice }
  /** Ctrl/Cmd+click on a link cell (src/results/links.ts); the link is re-checked on arrival. */
  | { kind: 'openLink'; link: CellLink }
  /** Pin tab `tabId`'s result: its next runs are diffed against it (src/results/diff.ts). */
  | { kind: 'pin'; tabId: string; queryId: string }
  | { kind: 'unpin'; tabId: string }
  /** Choose the key columns that match rows of the pinned result (a quick pick on the host). */
  | { kind: 'pinKeys'; tabId: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function isColumn(v: unknown): v is Column {
  return isObject(v) && isString(v.name) && isString(v.type);
}

function isRows(v: unknown): v is Cell[][] {
  return Array.isArray(v) && v.every(Array.isArray);
}

/** Validates a result payload (also used by the host for the dev results file). */
export function parseResult(v: unknown): ResultPayload | undefined {
  if (
    !isObject(v) ||
    !isString(v.queryId) ||
    !Array.isArray(v.columns) ||
    !v.columns.every(isColumn) ||
    !isRows(v.rows) ||
    typeof v.hasMore !== 'boolean' ||
    !isCount(v.elapsedMs) ||
    !(v.devRenderer === undefined || v.devRenderer === 'naive')
  ) {
    return undefined;
  }
  const base: ResultPayload = {
    queryId: v.queryId,
    columns: v.columns.map((c: Column) => ({ name: c.name, type: c.type })),
    rows: v.rows,
    hasMore: v.hasMore,
    elapsedMs: v.elapsedMs,
  };
  if (v.devRenderer === 'naive') base.devRenderer = 'naive';
  if (v.streaming !== undefined && typeof v.streaming !== 'boolean') return undefined;
  if (v.streaming === true) base.streaming = true;
  if (v.limitBanner !== undefined) {
    const banner = parseLimitBanner(v.limitBanner);
    if (!banner) return undefined;
    base.limitBanner = banner;
  }
  if (v.chart !== undefined) {
    const chart = sanitizeChartChoice(v.chart);
    if (!chart) return undefined;
    base.chart = chart;
  }
  if (v.restored !== undefined) {
    const r = parseRestored(v.restored);
    if (!r) return undefined;
    base.restored = r;
  }
  if (v.totalRows !== undefined && !(isCount(v.totalRows) && Number.isInteger(v.totalRows) && v.totalRows >= v.rows.length)) return undefined;
  return withOptional(base, v, ['rowsRead', 'bytesRead', 'totalRows'], ['timezone', 'query']);
}

function parseRestored(v: unknown): RestoredInfo | undefined {
  if (!isObject(v) || !isCount(v.savedRows) || !isCount(v.totalRows) || typeof v.more !== 'boolean' || !isCount(v.savedAt)) return undefined;
  return { savedRows: v.savedRows, totalRows: v.totalRows, more: v.more, savedAt: v.savedAt };
}

/** Copies the optional numeric/string fields that are present; `undefined` if one is malformed. */
function withOptional<T extends object>(base: T, src: Record<string, unknown>, counts: string[], strings: string[]): T | undefined {
  const out = { ...base } as Record<string, unknown>;
  for (const k of counts) {
    if (src[k] === undefined) continue;
    if (!isCount(src[k])) return undefined;
    out[k] = src[k];
  }
  for (const k of strings) {
    if (src[k] === undefined) continue;
    if (!isString(src[k])) return undefined;
    out[k] = src[k];
  }
  return out as T;
}

/** Validates a message from the webview; `undefined` for anything malformed. */
export function parseToHost(msg: unknown): ToHost | undefined {
  if (!isObject(msg)) return undefined;
  const id = msg.queryId;
  switch (msg.kind) {
    case 'ready':
      return { kind: 'ready' };
    case 'tabActivate':
    case 'tabClose':
    case 'unpin':
    case 'pinKeys':
      return isString(msg.tabId) ? { kind: msg.kind, tabId: msg.tabId } : undefined;
    case 'pin':
      return isString(msg.tabId) && isString(id) ? { kind: 'pin', tabId: msg.tabId, queryId: id } : undefined;
    case 'rendered':
      if (!isString(id) || !isCount(msg.rowCount) || !(msg.complete === undefined || typeof msg.complete === 'boolean')) return undefined;
      return withOptional({ kind: 'rendered', queryId: id, rowCount: msg.rowCount, ...(msg.complete ? { complete: true } : {}) }, msg, ['renderMs'], []);
    case 'copy':
      return isString(msg.text) ? { kind: 'copy', text: msg.text } : undefined;
    case 'loadMore':
      return isString(id) && isCount(msg.offset) && Number.isInteger(msg.offset) ? { kind: 'loadMore', queryId: id, offset: msg.offset } : undefined;
    case 'cancel':
    case 'runWithLimit':
      return isString(id) ? { kind: msg.kind, queryId: id } : undefined;
    case 'sortOnServer':
      return isString(id) && isString(msg.column) && (msg.dir === 'asc' || msg.dir === 'desc') ? { kind: 'sortOnServer', queryId: id, column: msg.column, dir: msg.dir } : undefined;
    case 'export':
      return isString(id) && (msg.format === 'csv' || msg.format === 'json') && (msg.target === 'file' || msg.target === 'newDocument')
        ? { kind: 'export', queryId: id, format: msg.format, target: msg.target }
        : undefined;
    case 'exportFull':
      return isString(id) ? { kind: 'exportFull', queryId: id } : undefined;
    case 'chartChoice': {
      const choice = sanitizeChartChoice(msg.choice);
      return isString(id) && choice ? { kind: 'chartChoice', queryId: id, choice } : undefined;
    }
    case 'openCellInEditor':
      return isString(msg.text) && (msg.language === 'json' || msg.language === 'plaintext')
        ? { kind: 'openCellInEditor', text: msg.text, language: msg.language }
        : undefined;
    case 'openLink': {
      const link = checkLink(msg.link);
      return link ? { kind: 'openLink', link } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The form in which the host posts a message: `result` and `appendRows` carry their rows as the
 * UTF-8 bytes of one JSON text (`rowsUtf8`) instead of `rows`; `moreRows` in the columnar form
 * (`rowsColumns`, src/results/wireColumns.ts: no JSON.parse, no row objects in the panel), or as
 * `rowsUtf8` when that cannot hold them (a lone surrogate). Always post `toWire(message)`.
 */
export function toWire(msg: HostToView, sentAt = Date.now()): unknown {
  if (msg.kind === 'result') {
    const { rows, ...rest } = msg.result;
    // `sentAt` (epoch ms) is transport metadata for latency figures; parsing ignores it.
    return { kind: 'result', result: rest, rowsUtf8: utf8(rows), sentAt };
  }
  if (msg.kind === 'appendRows' || msg.kind === 'moreRows') {
    const { rows, ...rest } = msg;
    const cells = Array.isArray(rows) ? rows : 'tags' in rows ? batchRows(rows) : rows.rows();
    const columns = msg.kind === 'moreRows' ? encodeColumns(cells) : undefined;
    return columns ? { ...rest, rowsColumns: columns } : { ...rest, rowsUtf8: utf8(cells) };
  }
  return msg;
}

/** `toWire` for one tab of the panel: the run message, marked with its tab. */
export function toTabWire(tabId: string, msg: HostToView, sentAt = Date.now()): unknown {
  return { ...(toWire(msg, sentAt) as object), tabId };
}

const utf8 = (rows: Cell[][]): Uint8Array => new TextEncoder().encode(JSON.stringify(rows));

/** Rows sent as `rowsUtf8` (the wire form) or `rows`; `undefined` if malformed. */
function wireRows(src: Record<string, unknown>, rows: unknown): Cell[][] | undefined {
  const bytes = src.rowsUtf8;
  const binary = bytes instanceof ArrayBuffer || (ArrayBuffer.isView(bytes) && !(bytes instanceof DataView));
  if (!binary) return isRows(rows) ? rows : undefined;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes as ArrayBuffer | Uint8Array));
    return isRows(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Validates a message from the host (plain or wire form); `undefined` for anything malformed. */
export function parseToView(msg: unknown): ToView | undefined {
  if (!isObject(msg)) return undefined;
  const id = msg.queryId;
  switch (msg.kind) {
    case 'result': {
      const rows = isObject(msg.result) ? wireRows(msg, msg.result.rows) : undefined;
      const result = rows && parseResult({ ...(msg.result as object), rows });
      return result ? { kind: 'result', result } : undefined;
    }
    case 'appendRows': {
      const rows = wireRows(msg, msg.rows);
      return isString(id) && rows && typeof msg.hasMore === 'boolean' ? { kind: 'appendRows', queryId: id, rows, hasMore: msg.hasMore } : undefined;
    }
    case 'moreRows': {
      const bytes = msg.rowsColumns;
      const rows = bytes instanceof Uint8Array ? decodeColumns(bytes) : bytes instanceof ArrayBuffer ? decodeColumns(new Uint8Array(bytes)) : wireRows(msg, msg.rows);
      return isString(id) && rows ? { kind: 'moreRows', queryId: id, rows } : undefined;
    }
    case 'streamEnd': {
      const result = parseResult(msg.result);
      return isString(id) && result && result.queryId === id && result.totalRows !== undefined ? { kind: 'streamEnd', queryId: id, result } : undefined;
    }
    case 'loading':
      return isString(id) && isString(msg.message)
        ? withOptional({ kind: 'loading', queryId: id, message: msg.message }, msg, [], ['query'])
        : undefined;
    case 'progress':
      return isString(id) && isCount(msg.elapsedMs)
        ? withOptional({ kind: 'progress', queryId: id, elapsedMs: msg.elapsedMs }, msg, ['rowsRead', 'bytesRead'], [])
        : undefined;
    case 'error':
      return isString(id) && isString(msg.message)
        ? withOptional({ kind: 'error', queryId: id, message: msg.message }, msg, [], ['details'])
        : undefined;
    case 'cancelled':
      return isString(id) ? { kind: 'cancelled', queryId: id } : undefined;
    default:
      return undefined;
  }
}

/** Validates a message from the host to the panel (tab strip or a tab's run message). */
export function parseToPanel(msg: unknown): ToPanel | undefined {
  if (!isObject(msg)) return undefined;
  if (msg.kind === 'tabActivate' || msg.kind === 'tabClose') return isString(msg.tabId) ? { kind: msg.kind, tabId: msg.tabId } : undefined;
  if (msg.kind === 'tabOpen') {
    const t = msg.tab;
    return isObject(t) && isString(t.id) && isString(t.label) && isString(t.title) ? { kind: 'tabOpen', tab: { id: t.id, label: t.label, title: t.title } } : undefined;
  }
  if (!isString(msg.tabId)) return undefined;
  const run = parseToView(msg);
  return run && { ...run, tabId: msg.tabId };
}

/** Compile-time exhaustiveness check for `switch` statements over message kinds. */
export function assertNever(value: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(value)}`);
}
