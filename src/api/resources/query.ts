/**
 * The query endpoint: HogQL runs (blocking and async), status polls, cancel, HogQLMetadata and
 * HogQLAutocomplete. Results are parsed losslessly: integers beyond 2^53 arrive as `bigint`.
 */
import { randomUUID } from 'node:crypto';
import { AbortError, isAbort } from '../errors';
import type { Transport } from '../transport';
import { scanQueryResponse } from '../rowScan';
import { RowStream } from '../rowStream';
import { parseOne, type ItemSpec } from '../schema/boundary';
import type { BodyReader, CallOptions, Timeouts } from '../types';
import { boundaryOf, Id, projectPath, requestOne } from './base';
import { AUTOCOMPLETE, METADATA, QUERY_RESPONSE, STATUS_ENVELOPE, type HogQLAutocompleteResponse, type HogQLMetadataResponse, type HogQLQueryResponse, type QueryStatus } from './querySchemas';

export type {
  AutocompleteItem,
  HogQLAutocompleteResponse,
  HogQLMetadataResponse,
  HogQLNotice,
  HogQLQueryResponse,
  QueryProgress,
  QueryStatus,
  QueryTiming,
} from './querySchemas';

export type ExecutionMode = 'blocking' | 'async' | 'lazy_async' | 'force_blocking' | 'force_async' | 'force_cache';

export interface HogQLFilters {
  dateRange?: { date_from?: string | null; date_to?: string | null };
  properties?: unknown[];
  filterTestAccounts?: boolean;
}

export interface HogQLQueryNode {
  kind: 'HogQLQuery';
  query: string;
  values?: Record<string, unknown>;
  filters?: HogQLFilters;
  variables?: Record<string, unknown>;
  modifiers?: Record<string, unknown>;
}

export type HogLanguage = 'hogQL' | 'hogQLExpr' | 'hog' | 'hogJson' | 'hogTemplate';

export interface RunOptions extends CallOptions {
  refresh?: ExecutionMode;
  /** Becomes the query id for polling/cancel; a UUID is generated when absent. */
  clientQueryId?: string;
  /** Shown in PostHog's query log. */
  name?: string;
  /** On abort, ask PostHog to cancel the query (DELETE, fire and forget). Default true. */
  cancelOnAbort?: boolean;
  /** Called with each status while an async run is polled. */
  onProgress?: (status: QueryStatus) => void;
}

/** What `statusStreamed` calls as the rows arrive. */
export interface StreamHandlers {
  /** The result's members before its rows (`columns`, `hasMore`…; `types` come after them) and its first rows. */
  onFirst(partial: HogQLQueryResponse, rows: unknown[][]): void;
  onRows(rows: unknown[][]): void;
  /**
   * When set, later batches of flat rows come here as the rows' JSON texts, unparsed (see
   * `RowStreamOptions.onRowTexts`, src/api/rowStream.ts); the others still come to `onRows`.
   */
  onRowTexts?(texts: string[]): void;
  /** Rows in the first batch (default 1,000) and in the next ones (default 5,000). */
  firstBatch?: number;
  batch?: number;
  /** Called with each piece of the body as it arrives (before its rows are handed out). */
  onBytes?: () => void;
  /** Awaited after each piece of the body when it gives a promise: the body is read on once it settles. */
  ready?(): Promise<void> | undefined;
}

/** What `runFlat` calls as the rows arrive. */
export interface FlatRowHandlers {
  /** A batch of rows, parsed, in order (not kept after the call). */
  onRows(rows: unknown[]): void;
  /** Awaited after each chunk of the body when it gives a promise (the sink's backpressure). */
  ready?(): Promise<void> | undefined;
  /** Rows per batch (default 2,000). */
  batch?: number;
}

/**
 * A run's rows read without holding them all as objects (pages of a full export): the answer's other
 * fields checked by the query response's schema like any answer (`results` empty there), the rows
 * given out once by `rows()`.
 */
export interface PageRows {
  head: HogQLQueryResponse;
  /** Rows in the page, those handed out while it arrived included. */
  rowCount: number;
  rows(): Iterable<unknown>;
}

/** Rows as the query response's schema makes them: a row that is not an array is a one-cell row. */
const toRows = (rows: unknown[]): unknown[][] => rows.map((r) => (Array.isArray(r) ? r : [r]));

export type AsyncRun =
  | { complete: true; queryId: string; response: HogQLQueryResponse }
  | { complete: false; queryId: string; status: QueryStatus };

/** Longer defaults for query calls than for metadata (ClickHouse may take 60 s+). */
export const QUERY_TIMEOUTS: Pick<Timeouts, 'headersMs' | 'bodyMs'> = { headersMs: 180_000, bodyMs: 120_000 };

function node(query: string | HogQLQueryNode): HogQLQueryNode {
  return typeof query === 'string' ? { kind: 'HogQLQuery', query } : query;
}

/**
 * Keeps a body's text and scans it at the end (src/api/rowScan.ts). JSON that is not an object
 * comes out as `fields` for the schema check to refuse; text that is not JSON throws the
 * SyntaxError the transport turns into its bad-body error.
 */
function scanningReader(): BodyReader {
  const parts: string[] = [];
  const text = (): string => {
    if (parts.length > 1) parts.splice(0, parts.length, parts.join(''));
    return parts[0] ?? '';
  };
  return {
    push: (t) => void parts.push(t),
    text,
    end: () => {
      const all = text();
      try {
        return scanQueryResponse(all);
      } catch (err) {
        const value: unknown = JSON.parse(all); // not JSON: the SyntaxError is the body's error
        if (value && typeof value === 'object' && !Array.isArray(value)) throw err;
        return { fields: value, rowCount: 0, rows: () => [] };
      }
    },
  };
}

export class Query {
  constructor(private readonly t: Transport) {}

  private post<T>(projectId: Id, spec: ItemSpec<T>, body: Record<string, unknown>, opts: CallOptions, lossless: boolean): Promise<T> {
    return requestOne(this.t, spec, {
      method: 'POST',
      path: projectPath(projectId, 'query'),
      body,
      ...(lossless ? { json: 'lossless' as const } : {}),
      ...opts,
    });
  }

  /** A run's POST body, and the id PostHog will know the run by (for polling and cancel). */
  private runBody(query: string | HogQLQueryNode, opts: RunOptions, refresh: ExecutionMode): { queryId: string; body: Record<string, unknown> } {
    const queryId = opts.clientQueryId ?? randomUUID().replace(/-/g, '');
    const body: Record<string, unknown> = { query: node(query), refresh: opts.refresh ?? refresh, client_query_id: queryId };
    if (opts.name) body.name = opts.name;
    return { queryId, body };
  }

  /** After a failed POST: an abort once the request left asks PostHog to cancel the run (unless told not to). */
  private cancelAfter(err: unknown, projectId: Id, queryId: string, opts: RunOptions): void {
    if (isAbort(err) && !err.beforeSend && opts.cancelOnAbort !== false) this.cancelQuietly(projectId, queryId);
  }

  /**
   * A page read as it arrived: its other `fields` checked by the query response's schema, its
   * `rowCount` rows given by `rows`; a run PostHog answered with a running status is polled like `run`.
   */
  private async pageRows(projectId: Id, queryId: string, page: { fields: unknown; rowCount: number; rows: () => Iterable<unknown> }, opts: RunOptions): Promise<PageRows> {
    const where = { method: 'POST', path: projectPath(projectId, 'query') };
    const fields = page.fields && typeof page.fields === 'object' && !Array.isArray(page.fields) ? { ...page.fields, results: [] } : page.fields;
    const head = parseOne(boundaryOf(this.t), QUERY_RESPONSE, fields, where);
    if (!head.query_status || head.query_status.complete) return { head, rowCount: page.rowCount, rows: page.rows };
    const { results, ...polled } = await this.wait(projectId, head.query_status.id || queryId, opts);
    return { head: { ...polled, results: [] }, rowCount: results.length, rows: () => results };
  }

  /**
   * Runs a HogQL query and returns its rows. With the default `refresh: 'blocking'` PostHog
   * answers when done; if it answers 202 (started async), this polls until complete.
   */
  async run(projectId: Id, query: string | HogQLQueryNode, opts: RunOptions = {}): Promise<HogQLQueryResponse> {
    const r = await this.runAsync(projectId, query, { refresh: 'blocking', ...opts });
    if (r.complete) return r.response;
    return this.wait(projectId, r.queryId, opts);
  }

  /** Starts a run; `force_async` by default. Returns the response, or the status to poll. */
  async runAsync(projectId: Id, query: string | HogQLQueryNode, opts: RunOptions = {}): Promise<AsyncRun> {
    const { queryId, body } = this.runBody(query, opts, 'force_async');
    const call: CallOptions = { timeouts: { ...QUERY_TIMEOUTS, ...opts.timeouts }, ...(opts.signal ? { signal: opts.signal } : {}) };
    try {
      const data = await this.post(projectId, QUERY_RESPONSE, body, call, true);
      const status = data.query_status;
      if (status && !status.complete) return { complete: false, queryId: status.id || queryId, status };
      return { complete: true, queryId, response: data };
    } catch (err) {
      this.cancelAfter(err, projectId, queryId, opts);
      throw err;
    }
  }

  /**
   * A blocking run whose rows are read one at a time from the response text (src/api/rowScan.ts)
   * instead of parsed at once: for pages of a full export, so a 50,000-row page never exists as
   * objects all together. When PostHog answers with a running status, polls like `run`.
   */
  async runScanned(projectId: Id, query: string | HogQLQueryNode, opts: RunOptions = {}): Promise<PageRows> {
    const { queryId, body } = this.runBody(query, opts, 'blocking');
    const timeouts = { ...QUERY_TIMEOUTS, ...opts.timeouts };
    let page: { fields: unknown; rowCount: number; rows: () => Iterable<unknown> };
    try {
      const res = await this.t.request<typeof page>({ method: 'POST', path: projectPath(projectId, 'query'), body, json: 'lossless', timeouts, reader: scanningReader, ...(opts.signal ? { signal: opts.signal } : {}) });
      page = res.data;
    } catch (err) {
      this.cancelAfter(err, projectId, queryId, opts);
      throw err;
    }
    return this.pageRows(projectId, queryId, page, opts);
  }

  // --- "Export Full Result" in flat memory (issue #17) ---

  /**
   * A blocking run whose rows are handed to `onRows` in batches while the body arrives
   * (src/api/rowStream.ts, `flat`: rows and text handed out are not kept), the body read on only
   * once `ready()` settles (backpressure of the file being written). The answer's `rows()` are the
   * rows not handed out (a page smaller than one batch, or a result PostHog finished
   * asynchronously, polled like `run`); `rowCount` counts both. Integers beyond 2^53 are `bigint`.
   */
  async runFlat(projectId: Id, query: string | HogQLQueryNode, opts: RunOptions & FlatRowHandlers): Promise<PageRows> {
    const { onRows, ready, batch = 2_000, ...run } = opts;
    const { queryId, body } = this.runBody(query, run, 'blocking');
    let handed = 0;
    const reader = (): BodyReader => {
      handed = 0;
      const hand = (rows: unknown[]): void => {
        handed += rows.length;
        onRows(rows);
      };
      const rs = new RowStream({ path: ['results'], flat: true, firstBatch: batch, batch, onFirst: (_head, rows) => hand(rows), onRows: hand });
      return { push: (t) => rs.push(t), end: () => rs.end(), text: () => rs.text(), ready };
    };
    let data: unknown;
    try {
      const timeouts = { ...QUERY_TIMEOUTS, ...run.timeouts };
      data = (await this.t.request<unknown>({ method: 'POST', path: projectPath(projectId, 'query'), body, json: 'lossless', timeouts, reader, ...(run.signal ? { signal: run.signal } : {}) })).data;
    } catch (err) {
      this.cancelAfter(err, projectId, queryId, run);
      throw err;
    }
    const results = data && typeof data === 'object' ? (data as { results?: unknown }).results : undefined;
    const rest = Array.isArray(results) ? (results as unknown[]) : [];
    return this.pageRows(projectId, queryId, { fields: data, rowCount: handed + rest.length, rows: () => rest }, run);
  }

  /** Polls a query (idempotent GET, retried on transient errors). 200 done, 202 running, 400/500 failed. */
  async status(projectId: Id, queryId: string, opts: CallOptions & { showProgress?: boolean } = {}): Promise<QueryStatus> {
    const { showProgress = true, ...call } = opts;
    const res = await requestOne(this.t, STATUS_ENVELOPE, {
      method: 'GET',
      path: projectPath(projectId, 'query', queryId),
      query: showProgress ? { show_progress: true } : undefined,
      idempotent: true,
      json: 'lossless',
      ...call,
    });
    return res.query_status;
  }

  /**
   * `status`, with the rows of a finished query's result handed out while the body arrives
   * (src/api/rowStream.ts): `onFirst` gets the result's members before its rows (checked by the
   * query response's schema) and its first rows, `onRows` the next ones. The answer is what
   * `status` gives; `streamed` says whether the rows handed out are its result's rows (false for
   * a small result, handed out nowhere). A retried attempt starts over with `onFirst`.
   */
  async statusStreamed(projectId: Id, queryId: string, opts: CallOptions & StreamHandlers): Promise<{ status: QueryStatus; streamed: boolean }> {
    const { onFirst, onRows, onRowTexts, firstBatch, batch, onBytes, ready, ...call } = opts;
    const path = projectPath(projectId, 'query', queryId);
    const rows = this.rowReader(['query_status', 'results', 'results'], { onFirst, onRows, onRowTexts, firstBatch, batch, onBytes, ready }, { method: 'GET', path }, (head) => (head as { query_status?: { results?: unknown } }).query_status?.results);
    const res = await requestOne(this.t, STATUS_ENVELOPE, { method: 'GET', path, query: { show_progress: true }, idempotent: true, reader: rows.reader, ...call });
    return { status: res.query_status, streamed: rows.streamed() };
  }

  /**
   * A run (`refresh: 'blocking'` by default) whose rows are handed out while its answer arrives, as
   * `statusStreamed` does for a finished async run: PostHog answers a blocking HogQL run with the
   * query response itself (`columns` before `results`). When it answers with a running status
   * instead (202), that status comes back for the caller to poll. An abort does not DELETE the
   * query here (the caller cancels it by its `clientQueryId`, as for async runs).
   */
  async runStreamed(projectId: Id, query: string | HogQLQueryNode, opts: RunOptions & StreamHandlers): Promise<AsyncRun & { streamed: boolean }> {
    const { onFirst, onRows, onRowTexts, firstBatch, batch, onBytes, ready } = opts;
    const { queryId, body } = this.runBody(query, opts, 'blocking');
    const path = projectPath(projectId, 'query');
    const rows = this.rowReader(['results'], { onFirst, onRows, onRowTexts, firstBatch, batch, onBytes, ready }, { method: 'POST', path }, (head) => head);
    const timeouts = { ...QUERY_TIMEOUTS, ...opts.timeouts };
    const data = await requestOne(this.t, QUERY_RESPONSE, { method: 'POST', path, body, json: 'lossless', reader: rows.reader, timeouts, ...(opts.signal ? { signal: opts.signal } : {}) });
    const status = data.query_status;
    if (status && !status.complete) return { complete: false, queryId: status.id || queryId, status, streamed: false };
    return { complete: true, queryId, response: data, streamed: rows.streamed() };
  }

  /** A body reader that hands out the rows at `path` (see `statusStreamed`); `result` picks the query response out of the head. */
  private rowReader(
    path: string[],
    h: StreamHandlers,
    where: { method: 'GET' | 'POST'; path: string },
    result: (head: Record<string, unknown>) => unknown,
  ): { reader: () => BodyReader; streamed: () => boolean } {
    let last: RowStream | undefined;
    const reader = (): BodyReader => {
      const stream = (last = new RowStream({
        path,
        ...(h.firstBatch ? { firstBatch: h.firstBatch } : {}),
        ...(h.batch ? { batch: h.batch } : {}),
        onFirst: (head, rows) => h.onFirst(parseOne(boundaryOf(this.t), QUERY_RESPONSE, result(head), where), toRows(rows)),
        onRows: (rows) => h.onRows(toRows(rows)),
        ...(h.onRowTexts ? { onRowTexts: h.onRowTexts } : {}),
      }));
      const onBytes = h.onBytes;
      const push = onBytes ? (text: string): void => (onBytes(), stream.push(text)) : (text: string): void => stream.push(text);
      return { push, end: () => stream.end(), text: () => stream.text(), ...(h.ready ? { ready: h.ready } : {}) };
    };
    return { reader, streamed: () => last?.streamed ?? false };
  }

  /** Polls until the query completes (interval grows from 250 ms to 2 s); returns its response. */
  async wait(projectId: Id, queryId: string, opts: RunOptions = {}): Promise<HogQLQueryResponse> {
    const call: CallOptions = opts.signal ? { signal: opts.signal } : {};
    try {
      for (let interval = 250; ; interval = Math.min(2_000, interval * 1.5)) {
        const status = await this.status(projectId, queryId, call);
        opts.onProgress?.(status);
        if (status.complete) return parseOne(boundaryOf(this.t), QUERY_RESPONSE, status.results, { method: 'GET', path: projectPath(projectId, 'query', queryId) });
        try {
          await this.t.clock.sleep(interval, opts.signal);
        } catch (cause) {
          throw new AbortError({ status: 0, userMessage: 'Cancelled.', method: 'GET', path: projectPath(projectId, 'query', queryId), cause });
        }
      }
    } catch (err) {
      if (isAbort(err) && opts.cancelOnAbort !== false) this.cancelQuietly(projectId, queryId);
      throw err;
    }
  }

  /** Cancels a running query (never retried). */
  async cancel(projectId: Id, queryId: string, opts: CallOptions = {}): Promise<void> {
    await this.t.request<unknown>({ method: 'DELETE', path: projectPath(projectId, 'query', queryId), ...opts });
  }

  private cancelQuietly(projectId: Id, queryId: string): void {
    this.cancel(projectId, queryId).catch((err: unknown) =>
      this.t.logger.debug(this.t.scrub(`cancel of query ${queryId} failed: ${err instanceof Error ? err.message : String(err)}`)),
    );
  }

  /** HogQLMetadata: validation errors/warnings with offsets; 200 even when the query is invalid. */
  async metadata(
    projectId: Id,
    query: string,
    opts: CallOptions & { language?: HogLanguage; filters?: HogQLFilters; sourceQuery?: unknown; variables?: Record<string, unknown> } = {},
  ): Promise<HogQLMetadataResponse> {
    const { language = 'hogQL', filters, sourceQuery, variables, ...call } = opts;
    const q: Record<string, unknown> = { kind: 'HogQLMetadata', language, query };
    if (filters) q.filters = filters;
    if (sourceQuery) q.sourceQuery = sourceQuery;
    if (variables) q.variables = variables;
    return this.post(projectId, METADATA, { query: q }, call, false);
  }

  /** HogQLAutocomplete at a cursor range (0-based character offsets). */
  async autocomplete(
    projectId: Id,
    query: string,
    startPosition: number,
    endPosition: number,
    opts: CallOptions & { language?: HogLanguage; sourceQuery?: unknown; filters?: HogQLFilters } = {},
  ): Promise<HogQLAutocompleteResponse> {
    const { language = 'hogQL', sourceQuery, filters, ...call } = opts;
    const q: Record<string, unknown> = { kind: 'HogQLAutocomplete', language, query, startPosition, endPosition };
    if (sourceQuery) q.sourceQuery = sourceQuery;
    if (filters) q.filters = filters;
    return this.post(projectId, AUTOCOMPLETE, { query: q }, call, false);
  }
}
