import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import * as vscode from 'vscode';
import type { HogQLFilters } from '../api/resources/query';
import type { ActiveSession } from '../auth/session';
import { showError } from '../ui/errors';
import type { Ctx } from '../ctx';
import type { QueryTarget } from '../query/target';
import { pagedQuery } from '../query/target';
import type { RunSink } from '../query/runner';
import { collect, csvChunks, jsonChunks } from '../results/export';
import { formatInfo } from '../results/exportEncode';
import { pickExport, reportOutcome, runFullExport, type ExportOutcome } from '../query/exportFlow';
import { morePagesAfter, nextPageSize } from '../results/limits';
import type { Cell, ExportFormat, ExportTarget, ResultPayload } from '../results/protocol';
import { toPayload } from '../results/response';
import type { WireRows } from '../results/wireText';
import { limitBanner, limitedQuery } from '../results/limitBanner';
import { loadLanguageBundle } from '../languageLoader';
import { serverSortedQuery } from '../results/serverSort';
import { sortedIndices, type SortDirection } from '../results/sort';
import { classifyType } from '../results/types';
import type { Cohort } from '../api/resources/cohorts';
import { openCellLink } from './cellLinks';
import { saveStaticCohort } from './staticCohort';

/** What one run of a query was: "Load more" re-runs it a page further. */
export interface QueryRun {
  session: ActiveSession;
  target: QueryTarget;
  values: Record<string, unknown>;
  filters: HogQLFilters | undefined;
  /** `HogQLQuery.variables` of the run (SQL variables), when it had any. */
  variables?: Record<string, unknown>;
  /** The document the query is from (the default name of an exported file). */
  document?: vscode.Uri;
}

/**
 * What "Load more" pages through for the result on screen: the query whose result it is, or rows
 * the host already holds (the dev results file's `pageRows`).
 */
export type PageSource =
  | ({ kind: 'query'; queryId: string } & QueryRun)
  | { kind: 'rows'; queryId: string; rows: Cell[][]; pageRows: number };

/** The part of the results panel the controller drives: one tab of it (src/webview/resultsTab.ts). */
export interface ResultsView {
  /** The result on show, with appended rows. */
  readonly currentResult: ResultPayload | undefined;
  /** The query the panel shows as running, if any. */
  readonly runningQueryId: string | undefined;
  showLoading(queryId: string, message: string, query?: string): void;
  showProgress(queryId: string, elapsedMs: number, rowsRead?: number, bytesRead?: number): void;
  /** `streamedRows`: the result's first rows went out already through `showStreamStart` and `streamRows`. */
  showResult(result: ResultPayload, streamedRows?: number): void;
  /** The first rows of a result still arriving from PostHog (`streaming`); `streamRows` brings the next ones. */
  /** Resolves once those first rows reached the view (see `ResultsTab.showStreamStart`). */
  showStreamStart(first: ResultPayload): Promise<void>;
  /** The next rows of that result: cells, or a batch still in its wire text (src/results/wireText.ts). */
  streamRows(queryId: string, rows: Cell[][] | WireRows): void;
  /** That result is whole (`rows` rows went out): `meta` (no rows) describes it; `showResult` follows with the rows. */
  showStreamEnd(meta: ResultPayload, rows: number): void;
  /** Resolves once the view holds that streamed result whole (or will not: no view, a timeout). */
  whole(queryId: string): Promise<void>;
  showError(queryId: string, message: string, details?: string): void;
  showCancelled(queryId: string): void;
  appendRows(queryId: string, rows: Cell[][], hasMore: boolean): void;
}

/**
 * One per results tab (host side): owns the tab's run state — the run it shows and what "Load
 * more" pages through — and answers the tab's requests: load more, export (to a new document or a
 * file), cancel, and cancelling the running query when the tab (or its panel) closes.
 */
export class ResultsController {
  private source: PageSource | undefined;
  /** The query this panel's runner run is on (Cancel goes to the runner), if one is running. */
  private running: string | undefined;

  constructor(
    private readonly ctx: Ctx,
    private readonly view: ResultsView,
  ) {}

  /** Where `run` reports: the panel shows its states, and its result becomes what "Load more" pages. */
  sinkFor(run: QueryRun): RunSink {
    const view = this.view;
    const ended = (queryId: string): void => {
      if (this.running === queryId) this.running = undefined;
    };
    return {
      loading: (id, query) => {
        this.running = id;
        view.showLoading(id, 'Running…', query);
      },
      progress: (id, ms, p) => view.showProgress(id, ms, p?.rows_read, p?.bytes_read),
      streamStart: (first) => view.showStreamStart(first),
      streamRows: (id, rows) => view.streamRows(id, rows),
      streamEnd: (meta, rows) => {
        view.showStreamEnd(withLimitBanner(meta, run.target.text, rows), rows);
        return view.whole(meta.queryId);
      },
      result: (payload, streamedRows) => {
        ended(payload.queryId);
        view.showResult(withLimitBanner(payload, run.target.text), streamedRows);
        if (view.currentResult?.queryId === payload.queryId) this.source = { kind: 'query', queryId: payload.queryId, ...run };
      },
      error: (id, message, details) => (ended(id), view.showError(id, message, details)),
      cancelled: (id) => (ended(id), view.showCancelled(id)),
    };
  }

  /** Shows `full` in pages of `pageRows` rows ("Load more" serves the next page from it). */
  showPaged(full: ResultPayload, pageRows: number): void {
    this.view.showResult({ ...full, rows: full.rows.slice(0, pageRows), hasMore: full.rows.length > pageRows });
    this.source = { kind: 'rows', queryId: full.queryId, rows: full.rows, pageRows };
  }

  /** Fetches the next page of the result on screen and appends it. */
  async loadMore(queryId: string, offset: number): Promise<void> {
    const source = this.source;
    if (!source || source.queryId !== queryId || this.view.currentResult?.queryId !== queryId) return;
    if (source.kind === 'rows') {
      const end = offset + source.pageRows;
      this.view.appendRows(queryId, source.rows.slice(offset, end), source.rows.length > end);
      return;
    }
    const limit = nextPageSize(offset);
    if (limit <= 0) {
      this.view.appendRows(queryId, [], false);
      return;
    }
    try {
      const response = await source.session.client.query.run(source.session.projectId, {
        kind: 'HogQLQuery',
        query: pagedQuery(source.target.text, offset, limit),
        ...(Object.keys(source.values).length ? { values: source.values } : {}),
        ...(source.filters ? { filters: source.filters } : {}),
        ...(source.variables ? { variables: source.variables } : {}),
      });
      const page = toPayload(response, { queryId, elapsedMs: 0 });
      this.view.appendRows(queryId, page.rows, morePagesAfter(offset, limit, page.rows.length));
    } catch (e) {
      void showError(this.ctx, e);
      this.view.appendRows(queryId, [], true);
    }
  }

  /**
   * "Sort all on the server": the result on screen has more rows than loaded, so its query re-runs
   * wrapped in `ORDER BY column` (src/results/serverSort.ts) through the runner, like a run of the
   * file, and the sorted result replaces it (its "Load more" pages the sorted query). Rows the host
   * holds (the dev results file) are sorted here as the server would, and shown paged again.
   */
  async sortOnServer(queryId: string, column: string, dir: SortDirection): Promise<void> {
    const source = this.source;
    if (!source || source.queryId !== queryId || this.view.currentResult?.queryId !== queryId) return;
    if (source.kind === 'rows') {
      this.showSortedRows(source, column, dir);
      return;
    }
    await this.rerun(source, serverSortedQuery(source.target.text, column, dir), `results-sort:${queryId}`);
  }

  /**
   * The limit banner's "Run with LIMIT 50,000": the query of the result on screen re-runs wrapped in
   * an explicit LIMIT (src/results/limitBanner.ts), like a run of the file; the file is not edited.
   */
  async runWithLimit(queryId: string): Promise<void> {
    const source = this.source;
    if (source?.kind !== 'query' || source.queryId !== queryId || this.view.currentResult?.queryId !== queryId) return;
    await this.rerun(source, limitedQuery(source.target.text), `results-limit:${queryId}`);
  }

  /** Runs `text` in place of `source`'s query through the runner; its result replaces the one on screen. */
  private async rerun(source: Extract<PageSource, { kind: 'query' }>, text: string, key: string): Promise<void> {
    const target = { ...source.target, text };
    const run: QueryRun = { session: source.session, target, values: source.values, filters: source.filters, ...(source.variables ? { variables: source.variables } : {}), ...(source.document ? { document: source.document } : {}) };
    if (this.running !== undefined) await this.ctx.queries.runner.cancel(this.running);
    await this.ctx.queries.runner.run({ ...run, sink: this.sinkFor(run), key });
  }

  private showSortedRows(source: Extract<PageSource, { kind: 'rows' }>, column: string, dir: SortDirection): void {
    const r = this.view.currentResult;
    const col = r?.columns.findIndex((c) => c.name === column) ?? -1;
    if (!r || col < 0) return;
    const order = sortedIndices(source.rows, col, classifyType(r.columns[col].type), dir);
    const rows = Array.from(order, (i) => source.rows[i]);
    const query = serverSortedQuery(r.query ?? '', column, dir);
    this.showPaged({ ...r, queryId: `${source.queryId}-sorted-${col}-${dir}`, rows, query }, source.pageRows);
  }

  /**
   * Cancel pressed: a run of this panel's runner is aborted (it reports `cancelled`); a running
   * state no run stands behind (the dev results file's `loading`) just ends.
   */
  async cancel(queryId: string): Promise<void> {
    if (this.running === queryId) await this.ctx.queries.runner.cancel(queryId);
    else if (this.view.runningQueryId === queryId) this.view.showCancelled(queryId);
  }

  /** The session the result `queryId` came from (its project), else the active one. */
  async sessionFor(queryId: string | undefined): Promise<ActiveSession | undefined> {
    const s = this.source;
    if (s?.kind === 'query' && s.queryId === queryId) return s.session;
    return this.ctx.session.active();
  }

  /** Follows a cell's link (re-checked: it came from the webview or a menu's context); the URL opened. */
  async openLink(link: unknown): Promise<string | undefined> {
    return openCellLink(await this.sessionFor(this.view.currentResult?.queryId), link);
  }

  /** "Save as Static Cohort" from column `column` of the result on screen (src/webview/staticCohort.ts). */
  async saveCohort(queryId: string, column: string, name?: string): Promise<Cohort | undefined> {
    const result = this.view.currentResult;
    if (!result || result.queryId !== queryId) throw new Error('That result is no longer shown; run the query again.');
    const session = await this.sessionFor(queryId);
    if (!session) throw new Error('Sign in to PostHog to save a cohort.');
    return saveStaticCohort({ session, result, column, ...(name === undefined ? {} : { name }) });
  }

  /** The tab (or its panel) closed: nobody would see the result of the query it was running. */
  closed(runningQueryId: string | undefined): void {
    if (runningQueryId !== undefined) void this.ctx.queries.runner.cancel(runningQueryId);
    else if (this.running !== undefined) void this.ctx.queries.runner.cancel(this.running);
  }

  /** Whether `queryId` is the run or the paged result of this controller. */
  owns(queryId: string): boolean {
    return this.running === queryId || this.source?.queryId === queryId;
  }

  /** Drops what "Load more" pages through (the rows the host holds for it). */
  release(): void {
    this.source = undefined;
  }

  /**
   * "Export All…": every row of the query of the result on screen, fetched again from PostHog in
   * pages (src/query/exportFlow.ts). Rows the host holds (the dev results file) have no query to
   * page: they go through the grid's export to a file.
   */
  async exportFull(queryId: string): Promise<ExportOutcome | undefined> {
    const source = this.source;
    if (!source || source.queryId !== queryId || this.view.currentResult?.queryId !== queryId) return undefined;
    if (source.kind === 'rows') {
      await this.export(queryId, 'csv', 'file');
      return undefined;
    }
    const choice = await pickExport();
    if (!choice) return undefined;
    // Tests: a path in HOGQL_DEV_EXPORT_FILE skips the save dialog, as for the grid's export.
    const dev = __TEST_HOOKS__ && choice.target === 'file' ? process.env.HOGQL_DEV_EXPORT_FILE : undefined;
    const path = dev && choice.target === 'file' ? `${dev}.full.${formatInfo(choice.format).extension}` : undefined;
    const { session, target, values, filters, variables, document } = source;
    const run = { session, text: target.text, values, ...(filters ? { filters } : {}), ...(variables ? { variables } : {}), ...(document ? { document } : {}) };
    const outcome = await runFullExport(this.ctx.log, this.ctx.queries.exports, run, choice, path);
    if (outcome?.kind === 'failed') void showError(this.ctx, outcome.error);
    reportOutcome(outcome);
    return outcome;
  }

  /** Exports the whole result on screen (all rows the host holds) as CSV or JSON. */
  async export(queryId: string, format: ExportFormat, target: ExportTarget): Promise<vscode.Uri | undefined> {
    const r = this.view.currentResult;
    if (!r || r.queryId !== queryId) return undefined;
    if (target === 'file') return exportToFile(this.ctx, r, format);
    const content = await collect(format === 'csv' ? csvChunks(r.columns, r.rows) : jsonChunks(r.columns, r.rows));
    await openDocument(content, format);
    return undefined;
  }
}

/** `payload` with the auto-LIMIT banner its statement `text` and row count call for (issue #17). */
function withLimitBanner(payload: ResultPayload, text: string, rows = payload.rows.length): ResultPayload {
  const banner = limitBanner(loadLanguageBundle().limitShape(text), rows, payload.hasMore);
  return banner ? { ...payload, limitBanner: banner } : payload;
}

/** Opens `content` in an untitled editor of `language`. */
export async function openDocument(content: string, language: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ content, language });
  await vscode.window.showTextDocument(doc, { preview: false });
}

/**
 * Writes `result` to a file chosen in a save dialog, streaming chunk by chunk (the chunk generators
 * yield to the event loop, so 100k rows never freeze the extension host). A file path in
 * HOGQL_DEV_EXPORT_FILE skips the dialog (tests).
 */
async function exportToFile(ctx: Ctx, result: ResultPayload, format: ExportFormat): Promise<vscode.Uri | undefined> {
  const dev = __TEST_HOOKS__ ? process.env.HOGQL_DEV_EXPORT_FILE : undefined;
  const uri = dev
    ? vscode.Uri.file(`${dev}.${format}`)
    : await vscode.window.showSaveDialog({
        title: 'Export PostHog results',
        filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
        defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()), `results.${format}`),
      });
  if (!uri) return undefined;
  const out = createWriteStream(uri.fsPath, { encoding: 'utf8' });
  const chunks = format === 'csv' ? csvChunks(result.columns, result.rows) : jsonChunks(result.columns, result.rows);
  try {
    for await (const chunk of chunks) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  ctx.log.info(`exported ${result.rows.length} rows as ${format.toUpperCase()} to ${uri.fsPath}`);
  if (!dev) void vscode.window.showInformationMessage(`PostHog: exported ${result.rows.length} rows to ${uri.fsPath}.`);
  return uri;
}
