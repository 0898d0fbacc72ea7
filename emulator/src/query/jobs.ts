/**
 * Query status registry, mirroring PostHog's QueryStatusManager (posthog/clickhouse/client/
 * execute_async.py): statuses live 20 minutes; GET of an unknown id → NotFound
 * `Query <id> not found for team <team>`; cancel deletes the status and returns
 * "Cancelled query on clickhouse" (or "Query already complete", or the dequeue-only message).
 * Blocking queries are registered too, so DELETE with their client_query_id stops them.
 */
import type { QueryProgress } from '../engine/types';

export const STATUS_TTL_MS = 20 * 60 * 1000;

export interface QueryStatus {
  id: string;
  team_id: number;
  query_async: true;
  complete: boolean;
  error: boolean;
  error_message: string | null;
  results: unknown;
  start_time: string | null;
  pickup_time: string | null;
  end_time: string | null;
  expiration_time: string | null;
  task_id: string | null;
  insight_id: number | null;
  dashboard_id: number | null;
  labels: string[] | null;
  query_progress: QueryProgress | null;
}

interface Job {
  status: QueryStatus;
  abort: AbortController;
  progress: QueryProgress | null;
  expiresAt: number;
  visible: boolean;
}

export type RunFn = (signal: AbortSignal, onProgress: (p: QueryProgress) => void) => Promise<unknown>;

/** Errors whose message PostHog exposes in `error_message` (APIException / Exposed*Error). */
export type ExposeFn = (err: unknown) => string | null;

function newStatus(teamId: number, id: string): QueryStatus {
  const now = new Date().toISOString();
  return {
    id,
    team_id: teamId,
    query_async: true,
    complete: false,
    error: false,
    error_message: null,
    results: null,
    start_time: now,
    pickup_time: null,
    end_time: null,
    expiration_time: new Date(Date.now() + STATUS_TTL_MS).toISOString(),
    task_id: null,
    insight_id: null,
    dashboard_id: null,
    labels: null,
    query_progress: null,
  };
}

export class QueryJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly expose: ExposeFn) {}

  private k(teamId: number, id: string): string {
    return `${teamId}:${id}`;
  }

  private purge(): void {
    const now = Date.now();
    for (const [k, j] of this.jobs) if (j.expiresAt < now) this.jobs.delete(k);
  }

  /** Starts a job in the background; `onDone` receives the result (e.g. for the cache). */
  startAsync(teamId: number, id: string, run: RunFn, onDone?: (result: unknown) => void): QueryStatus {
    this.purge();
    this.jobs.get(this.k(teamId, id))?.abort.abort();
    const job = this.register(teamId, id, true);
    job.status.task_id = id;
    setImmediate(() => {
      job.status.pickup_time = new Date().toISOString();
      void this.execute(job, run).then((r) => r !== undefined && onDone?.(r));
    });
    return { ...job.status };
  }

  /**
   * Runs a blocking query; it can still be cancelled by id while it runs, and, when `holdUntil`
   * gives a promise for the result (a streamed body still being written), until that settles.
   */
  async runBlocking<T>(
    teamId: number,
    id: string,
    run: (signal: AbortSignal, onProgress: (p: QueryProgress) => void) => Promise<T>,
    holdUntil?: (result: T) => Promise<unknown> | null,
  ): Promise<T> {
    const job = this.register(teamId, id, false);
    const forget = (): void => {
      if (this.jobs.get(this.k(teamId, id)) === job) this.jobs.delete(this.k(teamId, id));
    };
    let held: Promise<unknown> | null = null;
    try {
      const result = await run(job.abort.signal, (p) => (job.progress = p));
      held = holdUntil?.(result) ?? null;
      return result;
    } finally {
      if (held) void held.finally(forget).catch(() => undefined);
      else forget();
    }
  }

  /** Stops a running job's work (its signal aborts) without answering anyone. */
  abort(teamId: number, id: string): void {
    this.jobs.get(this.k(teamId, id))?.abort.abort();
  }

  existing(teamId: number, id: string): QueryStatus | null {
    this.purge();
    const j = this.jobs.get(this.k(teamId, id));
    return j?.visible ? { ...j.status } : null;
  }

  status(teamId: number, id: string, showProgress: boolean): QueryStatus | null {
    const s = this.existing(teamId, id);
    if (!s) return null;
    if (showProgress && !s.complete) s.query_progress = this.jobs.get(this.k(teamId, id))!.progress ?? { bytes_read: 0, rows_read: 0, estimated_rows_total: 0, time_elapsed: 0, active_cpu_time: 0 };
    return s;
  }

  cancel(teamId: number, id: string, dequeueOnly: boolean): string {
    const key = this.k(teamId, id);
    const job = this.jobs.get(key);
    if (job?.status.complete) return 'Query already complete';
    this.jobs.delete(key);
    if (dequeueOnly) return 'Only tried to dequeue, not cancelling query on clickhouse';
    job?.abort.abort();
    return 'Cancelled query on clickhouse';
  }

  private register(teamId: number, id: string, visible: boolean): Job {
    const job: Job = { status: newStatus(teamId, id), abort: new AbortController(), progress: null, expiresAt: Date.now() + STATUS_TTL_MS, visible };
    this.jobs.set(this.k(teamId, id), job);
    return job;
  }

  private async execute(job: Job, run: RunFn): Promise<unknown> {
    try {
      const results = await run(job.abort.signal, (p) => (job.progress = p));
      if (job.abort.signal.aborted) return undefined;
      job.status.results = results;
      return results;
    } catch (err) {
      job.status.error = true;
      job.status.error_message = this.expose(err);
      return undefined;
    } finally {
      job.status.complete = true;
      job.status.end_time = new Date().toISOString();
      job.expiresAt = Date.now() + STATUS_TTL_MS;
      job.status.expiration_time = new Date(job.expiresAt).toISOString();
    }
  }
}
