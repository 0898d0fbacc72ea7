import { deflateRawSync } from 'node:zlib';

/**
 * Rows of a message at least this big (their UTF-8 JSON, `rowsUtf8`, or their columnar form,
 * `rowsColumns`) cross to the webview deflated (`rowsDeflated`; from columns: `deflatedFrom`). A first page of 1,000 rows is smaller and goes as it is: nothing
 * delays the first paint.
 */
export const DEFLATE_MIN_BYTES = 512 * 1024;

/**
 * A wire message (`toWire` / `toTabWire`, src/results/protocol.ts) with big rows deflated (raw
 * DEFLATE, zlib level 1), which the panel inflates natively before parsing
 * (webview-ui/results/inbox.ts). Why (issue #21, measured with scripts/bench/query-stream.mjs): in
 * code-server the extension host writes to the browser's websocket with permessage-deflate at
 * zlib's default level; 50,000 rows × 20 columns are 12 MB of JSON, which took ~380 ms of CPU to
 * deflate there (level 1: ~75 ms, a quarter of the bytes, and what is already deflated re-deflates
 * in ~75 ms), and every row message of the stream waited 1.2–1.7 s in that queue on a loaded
 * machine. Other messages are returned unchanged.
 */
export function deflateRows(wire: unknown): unknown {
  if (typeof wire !== 'object' || wire === null) return wire;
  const field = (wire as { rowsColumns?: unknown }).rowsColumns instanceof Uint8Array ? 'rowsColumns' : 'rowsUtf8';
  const { [field]: rows, ...rest } = wire as Record<string, unknown>;
  if (!(rows instanceof Uint8Array) || rows.byteLength < DEFLATE_MIN_BYTES) return wire;
  // a plain Uint8Array of its own (VS Code moves typed arrays as binary buffers; a Buffer may be a view of a shared pool)
  const rowsDeflated = new Uint8Array(deflateRawSync(rows, { level: 1 }));
  return field === 'rowsUtf8' ? { ...rest, rowsDeflated } : { ...rest, rowsDeflated, deflatedFrom: field };
}
