/**
 * A streamed batch's wire message made from the body's text of its rows (issue #21's "all rows"):
 * wire text (src/results/wireText.ts), a native parse, the columnar form (`toTabWire`), deflated
 * where the rows cross a network (wireDeflate.ts) — the same message the host's thread
 * makes from the batch's cells. Runs in the rows worker (src/webview/rows.worker.ts). Pure; no
 * `vscode`.
 */
import { deflateRows } from './wireDeflate';
import { toTabWire, type Cell } from '../results/protocol';
import { wireText } from '../results/wireText';

/** What the host asks the rows worker for one batch. */
export interface BatchRequest {
  /** The rows' JSON text as the body holds it (`WireRows.bodyText`). */
  text: string;
  tabId: string;
  queryId: string;
  /** Deflate big rows (where the webview is across a network). */
  deflate: boolean;
}

/** The posted form of a `moreRows` of `req.text`'s rows. */
export function encodeBatch(req: BatchRequest): unknown {
  const rows = JSON.parse(wireText(req.text)) as Cell[][];
  const wire = toTabWire(req.tabId, { kind: 'moreRows', queryId: req.queryId, rows });
  return req.deflate ? deflateRows(wire) : wire;
}

/** The buffers of a wire message's byte fields, to move (not copy) across threads: only those wholly their buffer's. */
export function transferables(wire: unknown): ArrayBuffer[] {
  if (typeof wire !== 'object' || wire === null) return [];
  return Object.values(wire).filter((v): v is Uint8Array => v instanceof Uint8Array && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength).map((v) => v.buffer as ArrayBuffer);
}
