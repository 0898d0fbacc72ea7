import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { Disposable } from '../ui/lifecycle';
import type { ActiveSession } from '../auth/session';
import type { Log } from '../log';
import type { InsightLink } from './insightLink';
import { InsightLinkLensProvider } from '../ui/insightLens';
import { ScratchDocs } from '../ui/scratchDocs';
import { addEntry, type HistoryEntry } from './historyStore';
import { ExportJobs } from './exportFlow';
import { QueryRunner, type RunOutcome } from './runner';
import { PlaceholderValues } from './values';

const HISTORY_KEY = 'hogql.queryHistory';

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
export class QueryService extends Disposable {
  readonly runner: QueryRunner;
  /** Running "Export Full Result" jobs (src/query/exportFlow.ts). */
  readonly exports = new ExportJobs();
  readonly values: PlaceholderValues;
  readonly history: QueryHistory;
  readonly diagnostics: vscode.DiagnosticCollection;
  /** Documents (by URI) linked to the SQL insight they were opened from. */
  readonly insightLinks = new Map<string, InsightLink>();
  private readonly linksChanged = new vscode.EventEmitter<void>();
  /** Documents the extension creates (insights' queries, history entries): see ui/scratchDocs.ts. */
  readonly scratch: ScratchDocs;

  constructor(extension: Pick<vscode.ExtensionContext, 'globalState' | 'workspaceState'>, log: Log) {
    super();
    this.runner = new QueryRunner(log);
    this.values = new PlaceholderValues(extension.workspaceState);
    this.history = new QueryHistory(extension.globalState);
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


}

export type { InsightLink };
