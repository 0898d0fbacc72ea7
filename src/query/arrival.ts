import type { HogQLQueryResponse } from '../api/resources/query';
import type { Cell } from '../results/protocol';
import { toCell, toPayload } from '../results/response';
import { WireRows } from '../results/wireText';
import { streamSeam } from '../ui/streamSeam';
import type { RunSink } from './sink';

/**
 * The rows of a result as they arrive: the first ones open the panel's result, the next ones
 * follow. Later batches of flat rows come as their texts (src/api/rowStream.ts `onRowTexts`) and
 * are kept as the body's text (`WireRows`, issue #21): the panel's form of them is made in the rows
 * worker (src/webview/rowsWorker.ts); `settle()` parses the host's own cells once the panel holds
 * the result (one batch per task), those nothing parsed sooner.
 */
export class Arrival {
  /** Every row so far, in order: cells, or batches not parsed yet. */
  private parts: (Cell[][] | WireRows)[] = [];
  /** Rows handed out so far. */
  received = 0;
  /** Set once the status is read: the rows handed out are the result's. */
  streamed = false;
  /** What the sink asked the body's reading to wait for, once (`streamStart`'s promise). */
  private hold: Promise<void> | undefined;

  constructor(
    readonly queryId: string,
    private readonly sink: RunSink,
    private readonly started: number,
    private readonly onRows: (rows: number) => void,
  ) {}

  readonly first = (partial: HogQLQueryResponse, rows: unknown[][]): void => {
    const cells = rows.map((r) => r.map(toCell));
    // (a retried attempt starts over)
    this.parts = [cells];
    this.received = cells.length;
    const payload = toPayload({ ...partial, results: [] }, { queryId: this.queryId, elapsedMs: performance.now() - this.started });
    this.hold = this.sink.streamStart?.({ ...payload, rows: cells.slice(), streaming: true }) ?? undefined;
    this.onRows(this.received);
  };

  /** The body's backpressure (`StreamHandlers.ready`): after the first rows, until the sink has them out. */
  readonly ready = (): Promise<void> | undefined => {
    const hold = this.hold;
    this.hold = undefined;
    return hold;
  };

  readonly more = (rows: unknown[][]): void => {
    this.add(rows.map((r) => r.map(toCell)));
  };

  /** Flat rows as their JSON texts: sent on as they are (see the class). */
  readonly moreTexts = (texts: string[]): void => {
    this.add(new WireRows(texts));
  };

  private add(batch: Cell[][] | WireRows): void {
    this.parts.push(batch);
    this.received += Array.isArray(batch) ? batch.length : batch.count;
    this.sink.streamRows?.(this.queryId, batch);
    this.onRows(this.received);
  }

  /** Parses the batches not parsed yet, one per task (none is a long task), so posts and I/O go between. */
  async settle(): Promise<void> {
    streamSeam.note(this.queryId, 'parse');
    for (const p of this.parts) {
      if (Array.isArray(p) || p.parsedYet) continue;
      await new Promise((resolve) => setImmediate(resolve));
      p.rows();
    }
  }

  /** Rows handed out and parsed so far (for tests). */
  rowsParsed(): number {
    return this.parts.reduce((n, p) => n + (Array.isArray(p) ? p.length : p.parsedYet ? p.count : 0), 0);
  }

  /** Every row, as cells (parses what `settle()` has not). */
  rows(): Cell[][] {
    const out: Cell[][] = [];
    for (const p of this.parts) for (const r of Array.isArray(p) ? p : p.rows()) out.push(r);
    return out;
  }
}
