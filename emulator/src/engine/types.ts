/**
 * The engine contract shared with the HogQL half (`src/hogql/`). User SQL runs in a forked child
 * process holding chdb Sessions (see `engine.ts`); nothing here blocks the main event loop.
 */

/** Progress of one running query, from ClickHouse's `system.processes` (PostHog's ClickhouseQueryProgress). */
export interface QueryProgress {
  rows_read: number;
  bytes_read: number;
  estimated_rows_total: number;
  /** Seconds since the query started (system.processes.elapsed). */
  time_elapsed: number;
  /** Microseconds of CPU (ProfileEvents OSCPUVirtualTimeMicroseconds), as PostHog sums it. */
  active_cpu_time: number;
}

export interface EngineQueryOptions {
  /** Caller's id (PostHog client_query_id); shown by `running()`, never put into SQL. */
  queryId: string;
  /** Aborting rejects at once with EngineError code 394 and kills the work in the engine. */
  signal?: AbortSignal;
  /** ClickHouse `max_execution_time` for this query (default: the engine's, 60 s like PostHog). */
  timeoutSeconds?: number;
  onProgress?: (progress: QueryProgress) => void;
}

/** `text` is raw ClickHouse JSONCompact output `{meta, data, rows, statistics}`, 64-bit ints quoted. */
export interface EngineResult {
  text: string;
}

/** ClickHouse error codes the server and the HogQL half care about. */
export const CH_TIMEOUT_EXCEEDED = 159;
export const CH_QUERY_WAS_CANCELLED = 394;
export const CH_READONLY = 164;
export const CH_MEMORY_LIMIT_EXCEEDED = 241;
export const CH_TOO_MANY_ROWS_OR_BYTES = 396;

export class EngineError extends Error {
  constructor(
    message: string,
    readonly clickhouseCode?: number,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** One engine query as seen by `/_emulator/queries`. */
export interface EngineQueryInfo {
  queryId: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelling' | 'cancelled';
  startedAt: string;
  endedAt: string | null;
  /** For cancelled queries: true once the engine confirmed the work is gone (query settled or child killed). */
  engineStopped: boolean | null;
  /** How the work was stopped: KILL QUERY in the engine, or the child process was killed. */
  stoppedBy: 'kill_query' | 'child_killed' | null;
  progress: QueryProgress | null;
}

/** The read path used by the HogQL half: `query()`, and `queryStream()` where the engine streams. */
export interface Engine {
  query(sql: string, opts: EngineQueryOptions): Promise<EngineResult>;
  /**
   * The result as JSONCompactEachRowWithNamesAndTypes text, whole lines, block by block as the
   * engine produces it (the first chunk starts with the names and types lines). `onEngineDone`:
   * the engine finished without error (rows may still be arriving); resolves after the last row.
   */
  queryStream?(sql: string, opts: EngineQueryOptions, onChunk: (text: string) => void, onEngineDone?: () => void): Promise<void>;
}
