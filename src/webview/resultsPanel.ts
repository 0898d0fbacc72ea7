import { appendFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { Disposable } from '../ui/lifecycle';
import type { Ctx } from '../ctx';
import { config } from '../config';
import { assertNever, parseToHost, toWire, type Cell, type ResultPayload, type ToHost, type ToView } from '../results/protocol';
import { emptyPanelState, reducePanel, type PanelState } from '../results/state';
import { pageHtml } from './html';
import { openDocument, ResultsController, type ResultsView } from './resultsController';
import { resultsColumn } from './resultsColumn';

type Request<K extends ToHost['kind']> = Extract<ToHost, { kind: K }>;

export const RESULTS_VIEW_TYPE = 'hogql.results';

/**
 * A result with more rows than this streams: the first rows go at once, the rest in chunks after
 * the view has painted them (measured by scripts/bench/webview-grid.mjs: 100k × 20 rows in one
 * message took 1.4–2.2 s from post to paint through code-server; 1,000 rows paint at once).
 */
const FIRST_ROWS = 1_000;
/** Rows per `moreRows` chunk: small enough that decoding one stays a short task in the view. */
const CHUNK_ROWS = 5_000;

/**
 * The results webview panel (host side): one per document (key), or a single shared one when the
 * `hogql.results.reusePanel` setting is on. It renders whatever the host posts after the page says
 * `ready`. The page itself has no data in its HTML. Its `controller` owns the run it shows and
 * answers the page's requests (load more, export, cancel; src/webview/resultsController.ts).
 */
export class ResultsPanel extends Disposable implements ResultsView {
  private static readonly panels = new Map<string, ResultsPanel>();
  /** The panel shown or focused last (setting `hogql.results.location`: `reuseLast`). */
  private static lastShown: ResultsPanel | undefined;
  private key = '';
  private ready = false;
  /** The run state, as the webview has it (src/results/state.ts). */
  private state: PanelState = emptyPanelState();
  /**
   * What is on screen, re-posted on every `ready`: the result (appended rows merged in; stale while
   * a new query runs, gone after an error or a cancel) and the run's status messages.
   */
  private result: ResultPayload | undefined;
  private status: { loading?: ToView; progress?: ToView; end?: ToView } = {};
  /** The rest of a streamed result, sent once the view has painted its first rows. */
  private stream: { queryId: string; to: number; generation: number } | undefined;
  private generation = 0;
  /** Dev hook (HOGQL_DEV_RESULTS_FILE only): awaited before each streamed chunk, see setStreamGate. */
  private streamGate: ((chunk: number) => Promise<void>) | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<Request<'rendered'>>();
  /** Fires when the webview reports a result rendered (used by tests and benchmarks). */
  readonly onDidRender = this.renderedEmitter.event;
  /** Owns this panel's run and answers its requests. */
  readonly controller: ResultsController;

  /**
   * The panel for `key` (e.g. a document URI), revealed where it is; created when missing in the
   * results group (beside the editor the first time; setting `hogql.results.location`).
   */
  static show(ctx: Ctx, key = 'default', title = 'PostHog Results'): ResultsPanel {
    const existing = ResultsPanel.panels.get(key);
    if (existing) {
      existing.panel.title = title;
      existing.panel.reveal(undefined, true);
      ResultsPanel.lastShown = existing;
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      RESULTS_VIEW_TYPE,
      title,
      { viewColumn: ResultsPanel.newPanelColumn(), preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [
          vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'webview'),
          vscode.Uri.joinPath(ctx.extensionUri, 'media'),
        ],
      },
    );
    const created = new ResultsPanel(ctx, panel);
    created.key = key;
    ResultsPanel.panels.set(key, created);
    ResultsPanel.lastShown = created;
    return created;
  }

  /** Where a new panel goes: the groups holding results panels now, and the one shown last. */
  private static newPanelColumn(): vscode.ViewColumn {
    const withResults = new Set<number>();
    for (const g of vscode.window.tabGroups.all) {
      if (g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(RESULTS_VIEW_TYPE))) withResults.add(g.viewColumn);
    }
    for (const p of ResultsPanel.panels.values()) if (p.panel.viewColumn !== undefined) withResults.add(p.panel.viewColumn);
    const lastShown = ResultsPanel.lastShown?.panel.viewColumn;
    return resultsColumn(config.resultsLocation(), { withResults: [...withResults].sort((a, b) => a - b), ...(lastShown === undefined ? {} : { lastShown }) });
  }

  /** The open panel showing the result `queryId`, if any (menus on a cell name their result). */
  static forQuery(queryId: string): ResultsPanel | undefined {
    for (const p of ResultsPanel.panels.values()) if (p.result?.queryId === queryId) return p;
    return undefined;
  }

  /** The open panel for `key`, if any. */
  static get(key: string): ResultsPanel | undefined {
    return ResultsPanel.panels.get(key);
  }

  private constructor(
    private readonly ctx: Ctx,
    readonly panel: vscode.WebviewPanel,
  ) {
    super();
    this.controller = new ResultsController(ctx, this);
    const dist = vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'webview', 'results');
    panel.iconPath = vscode.Uri.joinPath(ctx.extensionUri, 'media', 'posthog.svg');
    panel.webview.html = pageHtml(panel.webview, {
      title: 'PostHog Results',
      rootId: 'app',
      scripts: [vscode.Uri.joinPath(dist, 'main.js')],
      styles: [vscode.Uri.joinPath(dist, 'main.css')],
    });
    panel.webview.onDidReceiveMessage((m) => this.onMessage(m), undefined, this.disposables);
    // A hidden webview is torn down; it posts `ready` again when shown and gets the state re-posted.
    panel.onDidChangeViewState(() => {
      if (!panel.visible) this.ready = false;
      if (panel.active) ResultsPanel.lastShown = this;
    }, undefined, this.disposables);
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
  }

  get title(): string {
    return this.panel.title;
  }

  /** The result on show, with appended rows (for export). */
  get currentResult(): ResultPayload | undefined {
    return this.result;
  }

  /** The query this panel shows as running, if any. */
  get runningQueryId(): string | undefined {
    return this.state.phase === 'running' ? this.state.queryId : undefined;
  }

  /** Moves the run state; false when `message` is stale (of a superseded query) and is dropped. */
  private transition(message: ToView): boolean {
    const next = reducePanel(this.state, message);
    if (next) this.state = next;
    return next !== undefined;
  }

  showResult(result: ResultPayload): void {
    if (!this.transition({ kind: 'result', result })) return;
    this.result = result;
    this.status = {};
    this.postResult();
  }

  /** Posts the current result: all of it, or its first rows with the rest to stream (FIRST_ROWS). */
  private postResult(): void {
    const r = this.result;
    if (!r) return;
    const generation = ++this.generation;
    // (the naive benchmark baseline renders one full table of every row: never streamed)
    if (r.rows.length <= FIRST_ROWS || r.devRenderer === 'naive') {
      this.stream = undefined;
      this.post({ kind: 'result', result: r });
      return;
    }
    this.stream = { queryId: r.queryId, to: r.rows.length, generation };
    this.post({ kind: 'result', result: { ...r, rows: r.rows.slice(0, FIRST_ROWS), totalRows: r.rows.length } });
  }

  /** Sends the rest of a streamed result in order, one chunk after the other was delivered. */
  private async streamRest(queryId: string): Promise<void> {
    const s = this.stream;
    if (s?.queryId !== queryId) return;
    this.stream = undefined;
    for (let at = FIRST_ROWS, chunk = 0; at < s.to; at += CHUNK_ROWS, chunk++) {
      await this.streamGate?.(chunk);
      const r = this.result;
      // a newer result, or the view went away (it gets the result again on `ready`)
      if (!this.ready || s.generation !== this.generation || r?.queryId !== queryId) return;
      await this.panel.webview.postMessage(toWire({ kind: 'moreRows', queryId, rows: r.rows.slice(at, Math.min(at + CHUNK_ROWS, s.to)) }));
    }
  }

  /**
   * Dev hook for UI tests (set only from the HOGQL_DEV_RESULTS_FILE command): `gate(n)` is awaited
   * before the n-th streamed chunk of each stream, so a test can act while a result is arriving.
   */
  setStreamGate(gate: ((chunk: number) => Promise<void>) | undefined): void {
    this.streamGate = gate;
  }

  /** Appends the next page of the current result (answer to `onDidRequestLoadMore`). */
  appendRows(queryId: string, rows: Cell[][], hasMore: boolean): void {
    const message: ToView = { kind: 'appendRows', queryId, rows, hasMore };
    if (!this.result || !this.transition(message)) return;
    this.result = { ...this.result, rows: this.result.rows.concat(rows), hasMore };
    this.post(message);
  }

  showLoading(queryId: string, message: string, query?: string): void {
    this.setStatus(query === undefined ? { kind: 'loading', queryId, message } : { kind: 'loading', queryId, message, query });
  }

  showProgress(queryId: string, elapsedMs: number, rowsRead?: number, bytesRead?: number): void {
    this.setStatus({ kind: 'progress', queryId, elapsedMs, ...(rowsRead === undefined ? {} : { rowsRead }), ...(bytesRead === undefined ? {} : { bytesRead }) });
  }

  showError(queryId: string, message: string, details?: string): void {
    this.setStatus(details === undefined ? { kind: 'error', queryId, message } : { kind: 'error', queryId, message, details });
  }

  showCancelled(queryId: string): void {
    this.setStatus({ kind: 'cancelled', queryId });
  }

  private setStatus(message: ToView): void {
    if (!this.transition(message)) return;
    if (message.kind === 'loading') this.status = { loading: message };
    else if (message.kind === 'progress') this.status.progress = message;
    else {
      // an error or a cancel: the previous result is no longer on screen (nor streaming)
      this.status = { end: message };
      this.result = undefined;
      this.stream = undefined;
    }
    this.post(message);
  }

  private post(message: ToView): void {
    if (this.ready) void this.panel.webview.postMessage(toWire(message));
  }

  /** Writes copied text to the clipboard (and, for tests, to `HOGQL_DEV_COPY_FILE` as JSON lines). */
  private async copy(text: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
    if (__TEST_HOOKS__ && process.env.HOGQL_DEV_COPY_FILE) appendFileSync(process.env.HOGQL_DEV_COPY_FILE, `${JSON.stringify({ text })}\n`);
  }

  private onMessage(raw: unknown): void {
    const msg = parseToHost(raw);
    if (!msg) {
      this.ctx.log.warn(`results webview sent a malformed message: ${JSON.stringify(raw).slice(0, 200)}`);
      return;
    }
    switch (msg.kind) {
      case 'ready':
        this.ready = true;
        this.postResult();
        for (const m of [this.status.loading, this.status.progress, this.status.end]) if (m) this.post(m);
        return;
      case 'rendered':
        this.ctx.log.debug(`results rendered: ${msg.rowCount} rows (${msg.queryId})${msg.complete ? ', all rows' : ''} in ${msg.renderMs ?? '?'} ms`);
        this.renderedEmitter.fire(msg);
        this.run('stream rows', this.streamRest(msg.queryId));
        return;
      case 'copy':
        this.run('copy', this.copy(msg.text));
        return;
      case 'loadMore':
        this.run('load more', this.controller.loadMore(msg.queryId, msg.offset));
        return;
      case 'cancel':
        this.run('cancel', this.controller.cancel(msg.queryId));
        return;
      case 'sortOnServer':
        this.run('sort on the server', this.controller.sortOnServer(msg.queryId, msg.column, msg.dir));
        return;
      case 'export':
        this.run('export', this.controller.export(msg.queryId, msg.format, msg.target).then(() => undefined));
        return;
      case 'exportFull':
        this.run('export full result', this.controller.exportFull(msg.queryId).then(() => undefined));
        return;
      case 'openCellInEditor':
        this.run('open cell', openDocument(msg.text, msg.language));
        return;
      case 'openLink':
        this.run('open link', this.controller.openLink(msg.link).then(() => undefined));
        return;
      default:
        assertNever(msg);
    }
  }

  private run(what: string, work: Promise<void>): void {
    work.catch((e: unknown) => this.ctx.log.error(`results ${what} failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  override dispose(): void {
    this.ready = false; // stops a stream in progress from posting to a disposed webview
    if (ResultsPanel.panels.get(this.key) === this) ResultsPanel.panels.delete(this.key);
    if (ResultsPanel.lastShown === this) ResultsPanel.lastShown = undefined;
    this.controller.closed(this.runningQueryId);
    this.renderedEmitter.dispose();
    super.dispose();
    this.panel.dispose();
  }
}
