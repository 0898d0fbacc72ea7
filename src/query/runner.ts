import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { HogQLQueryNode, HogQLQueryResponse, QueryProgress, QueryStatus } from '../api/resources/query';
import { apiIfLoaded } from '../apiLoader';
import type { ActiveSession } from '../auth/session';
import type { Log } from '../log';
import { config } from '../config';
import { formatCount } from '../results/format';
import { toPayload } from '../results/response';
import { Arrival } from './arrival';
import type { RunSink } from './sink';
import type { QueryTarget } from './target';
import { pollDelay, RunModes, SWITCH_AFTER_MS } from './runMode';
import type { ResultPayload } from '../results/protocol';

export type { RunSink } from './sink';

export interface RunRequest {
  session: ActiveSession;
  target: QueryTarget;
  values?: Record<string, unknown>;
  filters?: HogQLQueryNode['filters'];
  /** `HogQLQuery.variables`: SQL variables keyed by id, as PostHog's web editor sends them. */
  variables?: Record<string, unknown>;
  /** Paging for "Load more": the runner wraps nothing; PostHog's LIMIT/OFFSET apply to the text. */
  sink: RunSink;
  /** Document the run belongs to (one running query per document). */
  key: string;
  /** Name shown in PostHog's query log. */
  name?: string;
}

export type RunOutcome =
  | { kind: 'done'; queryId: string; response: HogQLQueryResponse; payload: ResultPayload; elapsedMs: number }
  | { kind: 'cancelled'; queryId: string }
  | { kind: 'failed'; queryId: string; error: unknown };

interface Running {
  queryId: string;
  abort: AbortController;
  done: Promise<RunOutcome>;
}

/** The query PostHog runs for a run: its id there (a run restarted async gets a new one). */
interface ServerQuery {
  id: string;
}

/**
 * Runs HogQL with a client query id, blocking first and async when it runs long (src/query/
 * runMode.ts says why): the rows are handed to the panel as the answer arrives, progress (elapsed,
 * and rows read from the status polls of an async run), cancel = abort the request and DELETE the
 * server query.
 */
export class QueryRunner {
  private readonly running = new Map<string, Running>();
  private readonly emitter = new vscode.EventEmitter<{ key: string; running: boolean }>();
  readonly onDidChangeRunning = this.emitter.event;
  /** Which texts ran long: they start async. */
  private readonly modes = new RunModes();
  private readonly progressEmitter = new vscode.EventEmitter<{ key: string; queryId: string; elapsedMs: number; rowsRead?: number }>();
  /** Fires with each progress report of a run (what the notification and the panel show). */
  readonly onDidReportProgress = this.progressEmitter.event;
  private readonly rowsEmitter = new vscode.EventEmitter<{ key: string; queryId: string; rows: number }>();
  /** Fires as a big result's rows reach the panel while its answer still arrives: the count so far. */
  readonly onDidReceiveRows = this.rowsEmitter.event;

  constructor(private readonly log: Log) {}

  isRunning(key: string): boolean {
    return this.running.has(key);
  }

  runningQueryId(key: string): string | undefined {
    return this.running.get(key)?.queryId;
  }

  /** Cancels the run of `key` (or the run with `queryId`); resolves when it has stopped. */
  async cancel(keyOrQueryId: string): Promise<void> {
    const run = this.running.get(keyOrQueryId) ?? [...this.running.values()].find((r) => r.queryId === keyOrQueryId);
    if (!run) return;
    run.abort.abort();
    await run.done;
  }

  run(req: RunRequest): Promise<RunOutcome> {
    const queryId = `vscode-hogql-${randomUUID()}`;
    const abort = new AbortController();
    const done = this.execute(req, queryId, abort).then((o) => (this.log.info(`query ${queryId}: ${o.kind}`), o)).finally(() => {
      if (this.running.get(req.key)?.queryId === queryId) this.running.delete(req.key);
      this.emitter.fire({ key: req.key, running: false });
      void vscode.commands.executeCommand('setContext', 'hogql.queryRunning', this.running.size > 0);
    });
    this.log.info(`query ${queryId}: started`);
    this.running.set(req.key, { queryId, abort, done });
    this.emitter.fire({ key: req.key, running: true });
    void vscode.commands.executeCommand('setContext', 'hogql.queryRunning', true);
    return done;
  }

  private async execute(req: RunRequest, queryId: string, abort: AbortController): Promise<RunOutcome> {
    const { session, target, sink } = req;
    const started = performance.now();
    const node: HogQLQueryNode = { kind: 'HogQLQuery', query: target.text };
    if (req.values && Object.keys(req.values).length) node.values = req.values;
    if (req.filters) node.filters = req.filters;
    if (req.variables && Object.keys(req.variables).length) node.variables = req.variables;
    sink.loading(queryId, target.text);
    const server: ServerQuery = { id: queryId };
    let lastProgress: QueryProgress | null | undefined;
    const title = `PostHog: running query on ${session.projectName}`;
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      token.onCancellationRequested(() => abort.abort());
      const report = (status?: QueryStatus): void => {
        // Keep the last progress that says something: a finished or just-picked-up query may
        // report zeros (or nothing), which is not what it read.
        const p = status?.query_progress;
        if (p && (p.rows_read > 0 || !lastProgress)) lastProgress = p;
        const elapsedMs = performance.now() - started;
        sink.progress(queryId, elapsedMs, lastProgress);
        this.progressEmitter.fire({ key: req.key, queryId, elapsedMs, ...(lastProgress ? { rowsRead: lastProgress.rows_read } : {}) });
        const rows = lastProgress && lastProgress.rows_read > 0 ? ` · ${formatCount(lastProgress.rows_read)} rows read` : '';
        progress.report({ message: `${(elapsedMs / 1000).toFixed(1)} s${rows}` });
      };
      const ticker = setInterval(() => report(), 500);
      try {
        const arrival = new Arrival(queryId, sink, started, (rows) => this.rowsEmitter.fire({ key: req.key, queryId, rows }));
        const response = await this.runOnServer({ session, node, server, signal: abort.signal, report, name: req.name ?? 'vscode-hogql run', arrival });
        const elapsedMs = performance.now() - started;
        const payload = toPayload(arrival.streamed ? { ...response, results: [] } : response, { queryId, elapsedMs, ...(lastProgress ? { progress: lastProgress } : {}) });
        if (arrival.streamed) {
          // the rows went to the panel as they came: parsed now for the host, between its other tasks
          await sink.streamEnd?.({ ...payload, rows: [] }, arrival.received);
          await arrival.settle();
          payload.rows = arrival.rows();
        }
        sink.result(payload, arrival.streamed ? payload.rows.length : undefined);
        return { kind: 'done', queryId, response, payload, elapsedMs };
      } catch (error) {
        if (abort.signal.aborted) {
          await this.cancelOnServer(session, server.id);
          sink.cancelled(queryId);
          return { kind: 'cancelled', queryId };
        }
        const api = apiIfLoaded();
        const message = api && error instanceof api.ApiError ? (error).userMessage : error instanceof Error ? error.message : String(error);
        sink.error(queryId, message, api && error instanceof api.ApiError ? (error).detail : undefined);
        return { kind: 'failed', queryId, error };
      } finally {
        clearInterval(ticker);
      }
    });
  }

  /** Runs the query blocking, or async when its text ran long before or it stays silent too long. */
  private async runOnServer(run: ServerRun): Promise<HogQLQueryResponse> {
    const key = RunModes.key(run.session.projectId, run.node);
    const started = performance.now();
    if (this.modes.mode(key) === 'blocking') {
      const answer = await this.runBlocking(run);
      if (answer !== 'silent') {
        this.modes.ran(key, (run.answeredAt ?? performance.now()) - started);
        return answer;
      }
      // silent too long: cancelled (runBlocking awaited its DELETE); again async, with a new id
      this.modes.ran(key, SWITCH_AFTER_MS);
      run.server.id = `vscode-hogql-${randomUUID()}`;
      this.log.info(`query ${run.arrival.queryId}: no answer after ${SWITCH_AFTER_MS} ms, restarted async as ${run.server.id}`);
    }
    const asyncStarted = performance.now();
    const response = await this.runAsync(run);
    // how long the server ran it (its status' start and end), not how long its result took to download
    this.modes.ran(key, run.serverMs ?? performance.now() - asyncStarted);
    return response;
  }

  /**
   * One blocking POST whose rows go to the panel as they arrive; 'silent' when no byte of the answer
   * came within SWITCH_AFTER_MS (the request is then aborted and the query DELETEd).
   */
  private async runBlocking(run: ServerRun): Promise<HogQLQueryResponse | 'silent'> {
    const { session, arrival } = run;
    const local = new AbortController();
    const onAbort = (): void => local.abort(run.signal.reason);
    run.signal.addEventListener('abort', onAbort, { once: true });
    let answered = false;
    const timer = setTimeout(() => answered || local.abort(new Error('silent')), SWITCH_AFTER_MS);
    try {
      const r = await session.client.query.runStreamed(session.projectId, run.node, {
        refresh: 'force_blocking',
        clientQueryId: run.server.id,
        name: run.name,
        signal: local.signal,
        timeouts: this.timeouts(),
        onBytes: () => {
          if (!answered) run.answeredAt = performance.now();
          answered = true;
        },
        onFirst: arrival.first,
        onRows: arrival.more,
        onRowTexts: arrival.moreTexts,
        ready: arrival.ready,
      });
      if (r.complete) {
        arrival.streamed = r.streamed;
        return r.response;
      }
      // PostHog answered with a running status: poll it like an async run
      run.server.id = r.queryId;
      run.report(r.status);
      return await this.poll(run);
    } catch (e) {
      if (run.signal.aborted || answered || !local.signal.aborted) throw e;
      const api = apiIfLoaded();
      if (!(api && api.isAbort(e) && e.beforeSend)) await this.cancelOnServer(session, run.server.id);
      return 'silent';
    } finally {
      clearTimeout(timer);
      run.signal.removeEventListener('abort', onAbort);
    }
  }

  /** Starts an async run, then polls its status until it completes, fails or is aborted. */
  private async runAsync(run: ServerRun): Promise<HogQLQueryResponse> {
    const { client, projectId } = run.session;
    // cancelOnAbort: false — a cancelled run DELETEs its query once, in `execute` (cancelOnServer);
    // the client's own cancel-on-abort would send a second DELETE when the POST was in flight.
    const first = await client.query.runAsync(projectId, run.node, { refresh: 'force_async', clientQueryId: run.server.id, name: run.name, signal: run.signal, timeouts: this.timeouts(), cancelOnAbort: false });
    if (first.complete) return first.response;
    run.server.id = first.queryId;
    run.report(first.status);
    return this.poll(run);
  }

  /** Polls the server query's status (PostHog's cadence, src/query/runMode.ts) until it is complete. */
  private async poll(run: ServerRun): Promise<HogQLQueryResponse> {
    const { client, projectId } = run.session;
    const { arrival, signal } = run;
    for (let i = 0; ; i++) {
      await sleep(pollDelay(i), signal);
      // a finished query's rows are handed to the panel as its status body arrives (issue #21)
      const { status, streamed } = await client.query.statusStreamed(projectId, run.server.id, { signal, timeouts: this.timeouts(), onFirst: arrival.first, onRows: arrival.more, onRowTexts: arrival.moreTexts, ready: arrival.ready });
      arrival.streamed = streamed && status.complete && !status.error;
      run.report(status);
      if (status.complete) {
        const ms = Date.parse(status.end_time ?? '') - Date.parse(status.start_time ?? '');
        if (Number.isFinite(ms)) run.serverMs = ms;
        if (status.error) throw new Error(status.error_message ?? 'The query failed.');
        return status.results as HogQLQueryResponse;
      }
    }
  }

  /**
   * The ordinary response timeout (setting hogql.http.responseTimeoutSeconds), not the long one of
   * blocking queries: an async run answers at once and each poll is quick, and a blocking run that
   * stays silent is restarted async after SWITCH_AFTER_MS anyway.
   */
  private timeouts(): { headersMs: number; bodyMs: number } {
    const { responseTimeoutMs, bodyTimeoutMs } = config.http();
    return { headersMs: responseTimeoutMs, bodyMs: bodyTimeoutMs };
  }

  private async cancelOnServer(session: ActiveSession, queryId: string): Promise<void> {
    try {
      await session.client.query.cancel(session.projectId, queryId, { signal: AbortSignal.timeout(10_000) });
      this.log.info(`cancelled query ${queryId}`);
    } catch (e) {
      // A query that already finished (or never started) cannot be cancelled: nothing to do.
      this.log.debug(`cancel of ${queryId}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async cancelAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((k) => this.cancel(k)));
  }

  dispose(): void {
    for (const r of this.running.values()) r.abort.abort();
    this.emitter.dispose();
    this.progressEmitter.dispose();
    this.rowsEmitter.dispose();
  }
}

/** What a run needs on its way to the server. */
interface ServerRun {
  session: ActiveSession;
  node: HogQLQueryNode;
  /** The query's id on the server (changes when a run is restarted async). */
  server: ServerQuery;
  signal: AbortSignal;
  report: (s?: QueryStatus) => void;
  name: string;
  arrival: Arrival;
  /** When the first byte of a blocking run's answer came (performance.now()). */
  answeredAt?: number;
  /** How long the server ran an async run (its final status' end_time − start_time). */
  serverMs?: number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
