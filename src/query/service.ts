import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { HogQLFilters } from '../api/resources/query';
import type { ActiveSession } from '../auth/session';
import type { Ctx } from '../ctx';
import { InsightLinkLensProvider } from '../ui/insightLens';
import { ScratchDocs } from '../ui/scratchDocs';
import type { ResultsPanel } from '../webview/resultsPanel';
import { exportToFile } from './exportFile';
import { addEntry, type HistoryEntry } from './historyStore';
import { loadMore } from './loadMore';
import { QueryRunner, type RunOutcome } from './runner';
import type { QueryTarget } from './target';
import { PlaceholderValues } from './values';

/** What a panel's last run was, for "Load more" and export. */
export interface LastRun {
  session: ActiveSession;
  target: QueryTarget;
  values: Record<string, unknown>;
  filters: HogQLFilters | undefined;
  key: string;
}

const HISTORY_KEY = 'hogql.queryHistory';

/** A document opened from a saved SQL insight: "Update Insight" writes back to it. */
export interface InsightLink {
  insightId: number;
  shortId: string;
  name: string;
  host: string;
  projectId: number;
}

/** Persisted, capped query history with a change event (the history tree listens). */
export class QueryHistory implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {}

  all(): HistoryEntry[] {
    return this.state.get<HistoryEntry[]>(HISTORY_KEY) ?? [];
  }

  async record(session: ActiveSession, query: string, outcome: RunOutcome): Promise<void> {
    const entry: HistoryEntry = {
      id: randomUUID(),
      query,
      at: Date.now() - (outcome.kind === 'done' ? Math.round(outcome.elapsedMs) : 0),
      host: session.connection.host,
      projectId: session.projectId,
      projectName: session.projectName,
      status: outcome.kind,
      ...(outcome.kind === 'done' ? { rows: outcome.payload.rows.length, durationMs: Math.round(outcome.elapsedMs) } : {}),
      ...(outcome.kind === 'failed' ? { error: outcome.error instanceof Error ? outcome.error.message.slice(0, 300) : String(outcome.error) } : {}),
    };
    await this.state.update(HISTORY_KEY, addEntry(this.all(), entry));
    this.emitter.fire();
  }

  async clear(): Promise<void> {
    await this.state.update(HISTORY_KEY, []);
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** Everything about running queries that lives for the extension's lifetime. */
export class QueryService implements vscode.Disposable {
  readonly runner: QueryRunner;
  readonly values: PlaceholderValues;
  readonly history: QueryHistory;
  readonly diagnostics: vscode.DiagnosticCollection;
  private readonly runs = new WeakMap<ResultsPanel, LastRun>();
  /** Documents (by URI) linked to the SQL insight they were opened from. */
  readonly insightLinks = new Map<string, InsightLink>();
  private readonly linksChanged = new vscode.EventEmitter<void>();
  /** Documents the extension creates (insights' queries, history entries): see ui/scratchDocs.ts. */
  readonly scratch: ScratchDocs;
  private readonly wired = new WeakSet<ResultsPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: Ctx) {
    this.runner = new QueryRunner(ctx);
    this.values = new PlaceholderValues(ctx.extension.workspaceState);
    this.history = new QueryHistory(ctx.extension.globalState);
    this.diagnostics = vscode.languages.createDiagnosticCollection('hogql-run');
    this.disposables.push(this.runner, this.history, this.diagnostics, this.linksChanged);
    this.scratch = ScratchDocs.register(this.disposables);
    const lens = new InsightLinkLensProvider(this.insightLinks, this.linksChanged.event);
    this.disposables.push(vscode.languages.registerCodeLensProvider({ language: 'hogql' }, lens));
    // `hogql.insightLinked` tells menus whether the active editor came from (or was saved as) an insight.
    vscode.window.onDidChangeActiveTextEditor(() => this.updateInsightContext(), undefined, this.disposables);
    // A run's error squiggle describes the text that ran: drop it once that text is edited.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && this.diagnostics.has(e.document.uri)) this.diagnostics.delete(e.document.uri);
    }, undefined, this.disposables);
  }

  /** Links a document to a SQL insight ("Update Insight" writes back to it). */
  linkInsight(uri: string, link: InsightLink): void {
    this.insightLinks.set(uri, link);
    this.updateInsightContext();
    this.linksChanged.fire();
  }

  private updateInsightContext(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    void vscode.commands.executeCommand('setContext', 'hogql.insightLinked', !!uri && this.insightLinks.has(uri));
  }

  remember(panel: ResultsPanel, run: LastRun, outcome: RunOutcome): void {
    if (outcome.kind === 'done') this.runs.set(panel, run);
  }

  lastRun(panel: ResultsPanel): LastRun | undefined {
    return this.runs.get(panel);
  }

  /** Connects a panel's requests (cancel, load more, export to file) to the runner, once. */
  wirePanel(panel: ResultsPanel): void {
    if (this.wired.has(panel)) return;
    this.wired.add(panel);
    panel.onDidRequestCancel((m) => void this.runner.cancel(m.queryId));
    // closing a panel cancels the query it was running: nobody would see its result
    panel.onDidClose((m) => m.runningQueryId !== undefined && void this.runner.cancel(m.runningQueryId));
    panel.onDidRequestLoadMore((m) => void loadMore(this.ctx, panel, m.queryId, m.offset));
    panel.onDidRequestExport((m) => void exportToFile(this.ctx, panel, m.format));
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
