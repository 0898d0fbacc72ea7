import { appendFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { Disposable } from '../ui/lifecycle';
import type { Ctx } from '../ctx';
import { config } from '../config';
import { assertNever, parseToHost, toTabWire, type HostToView, type ToHost, type ToPanel } from '../results/protocol';
import { chartKey } from '../results/chartSettings';
import type { PanelMessage } from '../results/panelProtocol';
import type { TabSnapshot } from '../results/snapshot';
import { TabSet, tabLabel, tabTitle, type StatementRef, type TabInfo } from '../results/tabs';
import { pageHtml } from './html';
import { openDocument } from './resultsController';
import { ResultsTab, type TabHost } from './resultsTab';
import { resultsColumn } from './resultsColumn';
import { choosePinKeys } from './resultsPin';
import { OrderedPosts } from './orderedPosts';
import { RowsWorker } from './rowsWorker';
import { deflateRows } from './wireDeflate';

/**
 * Big row messages cross deflated only where the webview is at the other end of a network
 * connection (a browser window as in code-server or vscode.dev, a remote window): there the
 * connection deflates them anyway, at a costlier level (src/webview/wireDeflate.ts). A desktop
 * window's local IPC copies them faster than they would deflate.
 */
function rowsCrossANetwork(): boolean {
  return vscode.env.uiKind === vscode.UIKind.Web || vscode.env.remoteName !== undefined;
}

type Request<K extends ToHost['kind']> = Extract<ToHost, { kind: K }>;

export const RESULTS_VIEW_TYPE = 'hogql.results';

/**
 * The results webview panel (host side): one per document (key), or a single shared one when the
 * `hogql.results.reusePanel` setting is on. It holds one tab per statement run in it
 * (src/results/tabs.ts: keyed by document and statement; setting `hogql.results.maxTabs`), each a
 * `ResultsTab` with its own run state and `controller` (load more, export, cancel). It renders
 * whatever the host posts after the page says `ready`; the page itself has no data in its HTML.
 */
export class ResultsPanel extends Disposable implements TabHost {
  private static readonly panels = new Map<string, ResultsPanel>();
  /** Makes streamed batches' wire messages off the host's thread (issue #21); stopped with the last panel. */
  private static rowsWorker: RowsWorker | undefined;
  /** The panel shown or focused last (setting `hogql.results.location`: `reuseLast`). */
  private static lastShown: ResultsPanel | undefined;
  /** What the panel is for (a document URI, `shared`, an insight): the map key of `panels`. */
  key = '';
  /** Whether the webview listens (it said `ready` and was not hidden since). */
  ready = false;
  private readonly tabs = new Map<string, ResultsTab>();
  private readonly order = new TabSet();
  private active: string | undefined;
  /** Dev hook (HOGQL_DEV_RESULTS_FILE only): awaited before each streamed chunk, see setStreamGate. */
  streamGate: ((chunk: number) => Promise<void>) | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<Request<'rendered'>>();
  /** Who waits for the webview's next `ready` (`whenReady`). */
  private readyWaiters: (() => void)[] = [];
  /** Fires when the webview reports a result rendered (used by tests and benchmarks). */
  readonly onDidRender = this.renderedEmitter.event;

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
    const panel = vscode.window.createWebviewPanel(RESULTS_VIEW_TYPE, title, { viewColumn: ResultsPanel.newPanelColumn(), preserveFocus: true }, ResultsPanel.options(ctx));
    return ResultsPanel.adopt(ctx, panel, key);
  }

  private static options(ctx: Ctx): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(ctx.extensionUri, 'media')] };
  }

  /**
   * The panel for `key` around `panel`: a new one, or one VS Code restored after a window reload
   * (src/webview/resultsRestore.ts); a panel already open for `key` gives way to it.
   */
  static adopt(ctx: Ctx, panel: vscode.WebviewPanel, key: string): ResultsPanel {
    panel.webview.options = ResultsPanel.options(ctx);
    const created = new ResultsPanel(ctx, panel);
    created.key = key;
    ResultsPanel.panels.get(key)?.dispose();
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

  /** The open tab showing the result `queryId`, if any (menus on a cell name their result). */
  static tabForQuery(queryId: string): ResultsTab | undefined {
    for (const p of ResultsPanel.panels.values()) for (const t of p.tabs.values()) if (t.currentResult?.queryId === queryId) return t;
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

  /**
   * The tab a run of `ref` shows in (src/results/tabs.ts decides which), made the active one; a new
   * tab over the `hogql.results.maxTabs` limit drops the least recently run idle one. Without
   * `ref` (a result of no statement: an insight, the dev results file) the panel's one default tab.
   */
  tab(ref?: StatementRef): ResultsTab {
    const r = ref ?? { doc: '', index: 0, text: '', statements: [] };
    const { id } = this.order.place(r);
    const info: TabInfo = ref ? { id, label: tabLabel(ref.text), title: tabTitle(ref.text) } : { id, label: this.panel.title, title: this.panel.title };
    let tab = this.tabs.get(id);
    if (tab) tab.info = info;
    else this.tabs.set(id, (tab = new ResultsTab(this.ctx, info, this, this.renderedEmitter)));
    tab.chartKey = ref?.doc ? chartKey(ref.doc, ref.text) : undefined;
    if (ref) tab.ref = { doc: ref.doc, index: ref.index, text: ref.text };
    this.postPanel({ kind: 'tabOpen', tab: info });
    this.activate(id);
    for (const old of this.order.overLimit(config.resultsMaxTabs(), (t) => t === this.active || this.tabs.get(t)?.runningQueryId !== undefined)) this.closeTab(old);
    return tab;
  }

  /** Puts back a tab saved before a window reload (src/webview/resultsRestore.ts), at the end of the strip. */
  restoreTab(snap: TabSnapshot): void {
    const ref = snap.ref ?? { doc: '', index: 0, text: '' };
    this.order.adopt(snap.tab.id, { ...ref, statements: [] });
    if (this.tabs.has(snap.tab.id)) return;
    const tab = new ResultsTab(this.ctx, snap.tab, this, this.renderedEmitter);
    this.tabs.set(snap.tab.id, tab);
    tab.restore(snap);
  }

  /** Shows tab `id` (the one shown before a reload). */
  showTab(id: string): void {
    if (this.tabs.has(id)) this.activate(id);
  }

  private activate(id: string): void {
    this.active = id;
    this.postPanel({ kind: 'tabActivate', tabId: id });
  }

  /** Closes tab `id`: its running query is cancelled, its rows released; its neighbour is shown. */
  closeTab(id: string): void {
    const tab = this.tabs.get(id);
    if (!tab) return;
    const next = this.active === id ? this.order.neighbour(id) : undefined;
    tab.close();
    this.tabs.delete(id);
    this.order.remove(id);
    this.postPanel({ kind: 'tabClose', tabId: id });
    if (this.active === id) {
      this.active = undefined;
      if (next) this.activate(next);
    }
  }

  /** The tab a message about `queryId` belongs to. */
  private tabOf(queryId: string): ResultsTab | undefined {
    for (const t of this.tabs.values()) if (t.owns(queryId)) return t;
    return undefined;
  }

  /**
   * Dev hook for UI tests (set only from the HOGQL_DEV_RESULTS_FILE command): `gate(n)` is awaited
   * before the n-th streamed chunk of each stream, so a test can act while a result is arriving.
   */
  setStreamGate(gate: ((chunk: number) => Promise<void>) | undefined): void {
    this.streamGate = gate;
  }

  /** Resolves when the webview next says `ready` (after re-posting what it shows), or the panel goes (TabHost). */
  whenReady(): Promise<void> {
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  private readyNow(): void {
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  /** Posts a run message of tab `tabId` (TabHost), in order: a streamed batch's wire message is made by the rows worker. */
  post(tabId: string, message: HostToView): Thenable<boolean> {
    const network = rowsCrossANetwork();
    const wire = (): unknown => (network ? deflateRows(toTabWire(tabId, message)) : toTabWire(tabId, message));
    if (message.kind === 'result' && message.result.streaming) this.worker().warm();
    if (message.kind === 'moreRows') {
      const rows = message.rows;
      const text = !Array.isArray(rows) && !('tags' in rows) ? rows.bodyText : undefined;
      // (the worker's copy of the text is its own: the host may parse the batch meanwhile; if the worker fails, this thread makes the message)
      if (text !== undefined) return this.posts.post(this.worker().encode({ text, tabId, queryId: message.queryId, deflate: network }).catch(wire));
    }
    return this.posts.post(wire());
  }

  private gone = false;
  private readonly posts = new OrderedPosts((wire) => this.panel.webview.postMessage(wire), () => !this.gone);

  private worker(): RowsWorker {
    return (ResultsPanel.rowsWorker ??= new RowsWorker(vscode.Uri.joinPath(this.ctx.extensionUri, 'dist', 'webview', 'rows.worker.js').fsPath));
  }

  /** Posts a panel message when the webview listens (TabHost). */
  postPanel(message: ToPanel | PanelMessage): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  /**
   * The webview (re)started: the strip and the shown tab first (its result is laid out on screen
   * and painted first), then each other tab's state.
   */
  private repost(): void {
    const tabs = this.order.ids().flatMap((id) => this.tabs.get(id) ?? []);
    for (const tab of tabs) this.postPanel({ kind: 'tabOpen', tab: tab.info });
    const active = this.active === undefined ? undefined : this.tabs.get(this.active);
    if (active) this.postPanel({ kind: 'tabActivate', tabId: active.id });
    active?.repost();
    for (const tab of tabs) if (tab !== active) tab.repost();
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
        this.repost();
        this.readyNow();
        return;
      case 'tabActivate':
        if (this.tabs.has(msg.tabId)) this.active = msg.tabId;
        return;
      case 'tabClose':
        this.closeTab(msg.tabId);
        return;
      case 'pin':
        this.tabs.get(msg.tabId)?.pinResult(msg.queryId);
        return;
      case 'unpin':
        this.tabs.get(msg.tabId)?.setPin(undefined);
        return;
      case 'pinKeys': {
        const tab = this.tabs.get(msg.tabId);
        if (tab) this.run('choose key columns', choosePinKeys(tab));
        return;
      }
      case 'copy':
        this.run('copy', this.copy(msg.text));
        return;
      case 'openCellInEditor':
        this.run('open cell', openDocument(msg.text, msg.language));
        return;
      case 'openLink': {
        // a link of the result on screen: the shown tab's
        const shown = this.active === undefined ? undefined : this.tabs.get(this.active);
        if (shown) this.run('open link', shown.controller.openLink(msg.link).then(() => undefined));
        return;
      }
      default:
        this.forTab(msg);
    }
  }

  /** A request about one query: the tab that owns it answers. */
  private forTab(msg: Exclude<ToHost, { kind: 'ready' | 'tabActivate' | 'tabClose' | 'pin' | 'unpin' | 'pinKeys' | 'copy' | 'openCellInEditor' | 'openLink' }>): void {
    const tab = this.tabOf(msg.queryId);
    if (!tab) return;
    switch (msg.kind) {
      case 'rendered':
        this.ctx.log.debug(`results rendered: ${msg.rowCount} rows (${msg.queryId})${msg.complete ? ', all rows' : ''} in ${msg.renderMs ?? '?'} ms`);
        this.run('stream rows', tab.onRendered(msg));
        return;
      case 'loadMore':
        this.run('load more', tab.controller.loadMore(msg.queryId, msg.offset));
        return;
      case 'cancel':
        this.run('cancel', tab.controller.cancel(msg.queryId));
        return;
      case 'sortOnServer':
        this.run('sort on the server', tab.controller.sortOnServer(msg.queryId, msg.column, msg.dir));
        return;
      case 'runWithLimit':
        this.run('run with a limit', tab.controller.runWithLimit(msg.queryId));
        return;
      case 'export':
        this.run('export', tab.controller.export(msg.queryId, msg.format, msg.target).then(() => undefined));
        return;
      case 'exportFull':
        this.run('export full result', tab.controller.exportFull(msg.queryId).then(() => undefined));
        return;
      case 'chartChoice':
        this.run('keep the chart choice', tab.setChart(msg.queryId, msg.choice));
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
    this.gone = true;
    this.readyNow();
    if (ResultsPanel.panels.get(this.key) === this) ResultsPanel.panels.delete(this.key);
    if (ResultsPanel.panels.size === 0) {
      ResultsPanel.rowsWorker?.dispose();
      ResultsPanel.rowsWorker = undefined;
    }
    if (ResultsPanel.lastShown === this) ResultsPanel.lastShown = undefined;
    for (const tab of this.tabs.values()) tab.close();
    this.tabs.clear();
    this.renderedEmitter.dispose();
    super.dispose();
    this.panel.dispose();
  }
}
