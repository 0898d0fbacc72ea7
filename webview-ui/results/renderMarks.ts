// What a result leaves on its tab's root once painted, for tests and benchmarks: `data-query-id`,
// `data-render-ms` (message received → painted), `data-rendered-at`, `data-first-rows`,
// `data-sent-at` (the host's post), `data-received-at` (its message event) and `data-laid-out-at`
// (the page's work on it done, before the frame); `data-complete` and `data-complete-at` once every
// row is in.
// Also the host's `rendered` messages (first rows painted; whole, for a result that streamed).
import type { ResultInfo } from '../../src/results/protocol';
import { post } from './api';

const KEYS = ['queryId', 'complete', 'firstRows', 'renderMs', 'receivedAt', 'laidOutAt', 'renderedAt', 'completeAt'] as const;

export class RenderMarks {
  constructor(private readonly root: HTMLElement) {}

  /** The result went (error, cancel): no marks of it stay. */
  clear(): void {
    for (const k of KEYS) delete this.root.dataset[k];
  }

  /**
   * The first rows of `result` were laid out: marked once the frame is painted, then `whole` is
   * checked at once (a result that came complete is complete when painted).
   */
  painted(result: ResultInfo, receivedAt: number, sentAt: () => number | undefined, whole: () => void): void {
    delete this.root.dataset.complete;
    const laidOutAt = Date.now();
    this.afterPaint(() => {
      const renderMs = performance.now() - receivedAt;
      this.root.dataset.queryId = result.queryId;
      this.root.dataset.renderMs = renderMs.toFixed(1);
      this.root.dataset.receivedAt = String(Math.round(performance.timeOrigin + receivedAt));
      this.root.dataset.laidOutAt = String(laidOutAt);
      this.root.dataset.renderedAt = String(Date.now());
      this.root.dataset.firstRows = String(result.rows.length);
      const sent = sentAt();
      if (sent !== undefined) this.root.dataset.sentAt = String(sent);
      post({ kind: 'rendered', queryId: result.queryId, rowCount: result.rows.length, renderMs });
      whole();
    });
  }

  /** Marks `result` complete when no rows are missing (once, and only after its first paint). */
  completeWhenWhole(result: ResultInfo | undefined, missingRows: number): void {
    const r = result;
    if (!r || missingRows > 0 || this.root.dataset.queryId !== r.queryId || this.root.dataset.complete) return;
    this.root.dataset.complete = 'true';
    this.root.dataset.completeAt = String(Date.now());
    if (r.totalRows !== undefined) post({ kind: 'rendered', queryId: r.queryId, rowCount: r.rows.length, complete: true });
  }

  /** Runs `fn` once the current frame has been painted. */
  afterPaint(fn: () => void): void {
    requestAnimationFrame(() => setTimeout(fn, 0));
  }
}
