/**
 * How a run talks to PostHog's query API (issue #21): `blocking` (one POST whose answer is the
 * result, read as it arrives) or `async` (a POST that answers at once, then status polls, then the
 * result in the last poll's body). Pure: no `vscode`, no I/O.
 *
 * Facts this rests on (PostHog/posthog, read 2026-12-06):
 * - The web SQL editor runs `force_async` and polls (frontend/src/scenes/data-warehouse/editor/
 *   multitabEditorLogic.ts `runQuery`: `loadData(!switchTab ? 'force_async' : 'async')`; frontend/src/queries/
 *   query.ts `pollForResults`: first poll after 300 ms, each delay × 1.25, at most
 *   QUERY_ASYNC_MAX_INTERVAL_SECONDS = 3 s), with `show_progress` for rows read.
 * - Every run is tagged with its `client_query_id` (posthog/api/query.py `create` →
 *   `_tag_client_query_id`), and each ClickHouse query it sends gets the id
 *   `<team>_<client_query_id>_<random>` (posthog/clickhouse/client/execute.py
 *   `validated_client_query_id`). `DELETE query/:id` (`cancel_query` in posthog/clickhouse/client/
 *   execute_async.py) goes on when no status is stored and kills what runs under that prefix
 *   (posthog/clickhouse/cancel.py `cancel_query_on_cluster`): a blocking run is cancelled like an
 *   async one. The prefix match is why a restarted run takes a fresh id, not one that extends the old.
 * - A blocking run has no status to poll: `GET query/:id` answers 404 until it has run
 *   BLOCKING_QUERY_RECORD_AFTER_SECONDS = 60 s (posthog/settings/schedules.py; the record exists only to recover
 *   a request the gateway dropped), so it shows no rows read while it runs. An async run does.
 * - A status poll counts toward the ClickHouse throttles (240/minute, 1,200/hour; posthog/api/
 *   query.py `get_throttles`), a run's POST toward the HogQL one (120/hour).
 *
 * So: most queries answer in well under a second, and for them the blocking answer is the fastest
 * (first rows as the body arrives, no poll to wait for, one request). A query still silent after
 * SWITCH_AFTER_MS is cancelled (DELETE) and started again async, so a long query shows its progress
 * (rows read) and is polled at PostHog's cadence; a text that ran long once starts async right
 * away next time. The cost of the switch: up to SWITCH_AFTER_MS of server work is thrown away, and
 * one more POST counts toward the HogQL throttle, once per long text and session.
 */

export type RunMode = 'blocking' | 'async';

/** How long a blocking run may stay silent (no byte of its answer) before it is restarted async. */
export const SWITCH_AFTER_MS = 3_000;

/** Our cap on the delay between status polls: PostHog's web editor waits up to 3 s; we report progress every second. */
export const MAX_POLL_MS = 1_000;

/** Milliseconds before status poll `i` (0-based) of an async run: PostHog's cadence (300 ms, × 1.25), capped at MAX_POLL_MS. */
export function pollDelay(i: number): number {
  return Math.min(MAX_POLL_MS, Math.round(300 * 1.25 ** Math.max(0, i)));
}

/** Which texts ran long (per project and query node): their next runs start async. */
export class RunModes {
  private readonly long = new Set<string>();

  constructor(private readonly max = 500) {}

  /** The key of a run: the project and the whole query node (text, values, filters, variables). */
  static key(projectId: string | number, node: unknown): string {
    return `${String(projectId)}\n${JSON.stringify(node)}`;
  }

  mode(key: string): RunMode {
    return this.long.has(key) ? 'async' : 'blocking';
  }

  /** A run of `key` took `elapsedMs` to answer: remembered as long, or forgotten when it was quick. */
  ran(key: string, elapsedMs: number): void {
    this.long.delete(key);
    if (elapsedMs < SWITCH_AFTER_MS) return;
    this.long.add(key); // (re-added: the most recent last)
    if (this.long.size > this.max) this.long.delete(this.long.values().next().value as string);
  }
}
