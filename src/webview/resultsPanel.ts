import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { assertNever, parseToHost, type ResultPayload, type ToView } from '../protocol/results';
import { pageHtml } from './html';

export const RESULTS_VIEW_TYPE = 'hogql.results';

/**
 * The results webview panel (host side). One panel for now; it renders whatever result the host
 * posts after the page says `ready`. The page itself has no data in its HTML.
 */
export class ResultsPanel implements vscode.Disposable {
  private static current: ResultsPanel | undefined;
  private ready = false;
  private pending: ToView[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<{ queryId: string; rowCount: number }>();
  /** Fires when the webview reports a result rendered (used by tests and benchmarks). */
  readonly onDidRender = this.renderedEmitter.event;

  static show(ctx: Ctx): ResultsPanel {
    if (ResultsPanel.current) {
      ResultsPanel.current.panel.reveal(undefined, true);
      return ResultsPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      RESULTS_VIEW_TYPE,
      'PostHog Results',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [
          vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'webview'),
          vscode.Uri.joinPath(ctx.extensionUri, 'media'),
        ],
      },
    );
    ResultsPanel.current = new ResultsPanel(ctx, panel);
    return ResultsPanel.current;
  }

  private constructor(
    private readonly ctx: Ctx,
    readonly panel: vscode.WebviewPanel,
  ) {
    const dist = vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'webview', 'results');
    panel.iconPath = vscode.Uri.joinPath(ctx.extensionUri, 'media', 'posthog.svg');
    panel.webview.html = pageHtml(panel.webview, {
      title: 'PostHog Results',
      rootId: 'app',
      scripts: [vscode.Uri.joinPath(dist, 'main.js')],
      styles: [vscode.Uri.joinPath(dist, 'main.css')],
    });
    panel.webview.onDidReceiveMessage((m) => this.onMessage(m), undefined, this.disposables);
    panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
  }

  get title(): string {
    return this.panel.title;
  }

  showResult(result: ResultPayload): void {
    this.post({ kind: 'result', result });
  }

  private post(message: ToView): void {
    if (!this.ready) {
      this.pending.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private onMessage(raw: unknown): void {
    const msg = parseToHost(raw);
    if (!msg) {
      this.ctx.log.warn(`results webview sent a malformed message: ${JSON.stringify(raw).slice(0, 200)}`);
      return;
    }
    switch (msg.kind) {
      case 'ready': {
        this.ready = true;
        const queued = this.pending;
        this.pending = [];
        for (const m of queued) void this.panel.webview.postMessage(m);
        return;
      }
      case 'rendered':
        this.ctx.log.debug(`results rendered: ${msg.rowCount} rows (${msg.queryId})`);
        this.renderedEmitter.fire({ queryId: msg.queryId, rowCount: msg.rowCount });
        return;
      case 'copy':
        void vscode.env.clipboard.writeText(msg.text);
        return;
      default:
        assertNever(msg);
    }
  }

  dispose(): void {
    if (ResultsPanel.current === this) ResultsPanel.current = undefined;
    this.renderedEmitter.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
    this.panel.dispose();
  }
}
