/**
 * The message protocol of the results webview, shared by the extension host (`src/webview/`) and
 * the webview (`webview-ui/results/`). No `vscode`, no DOM: both sides import it.
 *
 * Flow: the webview posts `ready` once its script runs; only then does the host post `result`.
 * Every message that arrives is validated at runtime (`parseToHost` / `parseToView`): a webview is
 * a separate page and its messages are untrusted input.
 */

/** A result cell as it crosses the boundary. Large integers travel as strings with `exact` typing. */
export type Cell = string | number | boolean | null | Cell[] | { [key: string]: Cell };

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
  hasMore: boolean;
  /** Milliseconds from request to response. */
  elapsedMs: number;
}

export type ToView =
  | { kind: 'result'; result: ResultPayload }
  | { kind: 'loading'; queryId: string; message: string }
  | { kind: 'error'; queryId: string; message: string };

export type ToHost =
  | { kind: 'ready' }
  | { kind: 'rendered'; queryId: string; rowCount: number }
  | { kind: 'copy'; text: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function isColumn(v: unknown): v is Column {
  return isObject(v) && isString(v.name) && isString(v.type);
}

function isResult(v: unknown): v is ResultPayload {
  return (
    isObject(v) &&
    isString(v.queryId) &&
    Array.isArray(v.columns) &&
    v.columns.every(isColumn) &&
    Array.isArray(v.rows) &&
    v.rows.every(Array.isArray) &&
    typeof v.hasMore === 'boolean' &&
    typeof v.elapsedMs === 'number'
  );
}

/** Validates a message from the webview; `undefined` for anything malformed. */
export function parseToHost(msg: unknown): ToHost | undefined {
  if (!isObject(msg)) return undefined;
  switch (msg.kind) {
    case 'ready':
      return { kind: 'ready' };
    case 'rendered':
      return isString(msg.queryId) && typeof msg.rowCount === 'number'
        ? { kind: 'rendered', queryId: msg.queryId, rowCount: msg.rowCount }
        : undefined;
    case 'copy':
      return isString(msg.text) ? { kind: 'copy', text: msg.text } : undefined;
    default:
      return undefined;
  }
}

/** Validates a message from the host; `undefined` for anything malformed. */
export function parseToView(msg: unknown): ToView | undefined {
  if (!isObject(msg)) return undefined;
  switch (msg.kind) {
    case 'result':
      return isResult(msg.result) ? { kind: 'result', result: msg.result } : undefined;
    case 'loading':
    case 'error':
      return isString(msg.queryId) && isString(msg.message)
        ? ({ kind: msg.kind, queryId: msg.queryId, message: msg.message } as ToView)
        : undefined;
    default:
      return undefined;
  }
}

/** Compile-time exhaustiveness check for `switch` statements over message kinds. */
export function assertNever(value: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(value)}`);
}
