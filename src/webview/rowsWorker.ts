/**
 * The host's side of the rows worker (src/webview/rows.worker.ts, issue #21's "all rows"): one
 * worker thread, started on first use (`warm()` when a streamed result starts), makes the wire
 * messages of streamed batches in the order asked. When it cannot start or fails, every batch
 * waiting and every later one is refused (`encode` rejects) and the caller makes the message on its
 * own thread, as before the worker: nothing is lost. No `vscode`.
 */
import { Worker } from 'node:worker_threads';
import type { BatchRequest } from './rowsEncode';

interface Waiting {
  resolve(wire: unknown): void;
  reject(e: Error): void;
}

export class RowsWorker {
  private worker: Worker | undefined;
  private failed: Error | undefined;
  private next = 1;
  private readonly waiting = new Map<number, Waiting>();

  /** `file`: the built worker (dist/webview/rows.worker.js). */
  constructor(private readonly file: string) {}

  /** Starts the worker now (its start overlaps what comes before the first batch). */
  warm(): void {
    this.started();
  }

  /** The wire message of `req`'s rows, made in the worker; rejects when the worker cannot make it. */
  encode(req: BatchRequest): Promise<unknown> {
    const w = this.started();
    if (!w) return Promise.reject(this.failed ?? new Error('rows worker stopped'));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      w.postMessage({ id, ...req });
    });
  }

  /** Batches asked and not answered yet. */
  get busy(): number {
    return this.waiting.size;
  }

  dispose(): void {
    this.fail(new Error('rows worker stopped'));
  }

  private started(): Worker | undefined {
    if (this.failed) return undefined;
    if (!this.worker) {
      try {
        const w = (this.worker = new Worker(this.file));
        w.unref(); // an idle worker does not keep the host alive
        w.on('message', (m: { id: number; wire?: unknown; error?: string }) => {
          const waiting = this.waiting.get(m.id);
          this.waiting.delete(m.id);
          if (m.error === undefined) waiting?.resolve(m.wire);
          else waiting?.reject(new Error(m.error));
        });
        w.on('error', (e) => this.fail(e));
        w.on('exit', (code) => this.fail(new Error(`rows worker exited (${code})`)));
      } catch (e) {
        this.fail(e instanceof Error ? e : new Error(String(e)));
      }
    }
    return this.worker;
  }

  private fail(e: Error): void {
    this.failed ??= e;
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
    for (const waiting of this.waiting.values()) waiting.reject(e);
    this.waiting.clear();
  }
}
