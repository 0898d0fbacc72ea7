/**
 * The rows worker (issue #21's "all rows"): makes streamed batches' wire messages off the extension
 * host's thread, which every extension shares and which reads the rest of the body meanwhile
 * (src/webview/rowsWorker.ts starts it; src/webview/rowsEncode.ts does the work).
 */
import { parentPort } from 'node:worker_threads';
import { encodeBatch, transferables, type BatchRequest } from './rowsEncode';

parentPort?.on('message', (m: BatchRequest & { id: number }) => {
  try {
    const wire = encodeBatch(m);
    parentPort?.postMessage({ id: m.id, wire }, transferables(wire));
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
