import type { QueryProgress } from '../api/resources/query';
import type { Cell, ResultPayload } from '../results/protocol';
import type { WireRows } from '../results/wireText';

/** Where a run reports to (the results panel of the document). */
export interface RunSink {
  loading(queryId: string, query: string): void;
  progress(queryId: string, elapsedMs: number, progress: QueryProgress | null | undefined): void;
  /**
   * The result; `streamedRows` when its first rows went out already through `streamStart` and
   * `streamRows` (they are the same rows).
   */
  result(payload: ResultPayload, streamedRows?: number): void;
  /**
   * A big result's first rows while the rest still arrives (issue #21); its types come with
   * `result`. The body is read on once what this returns resolves (the first rows are out to the
   * panel: work on the next rows before that holds back their send).
   */
  streamStart?(first: ResultPayload): void | Promise<void>;
  /**
   * A streamed result is whole (all `rows` handed out): `meta` describes it, with no rows. Comes
   * before `result`, which the host's own parse of the rows delays (issue #21: the panel completes
   * meanwhile). The parse starts once what this returns resolves (the panel holds every row: the
   * parse's tasks would hold back the sends of the rows still on their way).
   */
  streamEnd?(meta: ResultPayload, rows: number): void | Promise<void>;
  /** Its next rows, in order: cells, or a batch still in its wire text (src/results/wireText.ts). */
  streamRows?(queryId: string, rows: Cell[][] | WireRows): void;
  error(queryId: string, message: string, details?: string): void;
  cancelled(queryId: string): void;
}
