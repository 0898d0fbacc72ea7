import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { Disposable } from '../ui/lifecycle';
import type { ActiveSession } from '../auth/session';
import type { Log } from '../log';
import type { InsightLink, InsightLinks } from './insightLink';
import type { ScratchDocs } from '../ui/scratchDocs';
import type { QueryDocs } from './docs';
import { addEntry, type HistoryEntry } from './historyStore';
import { ExportJobs } from './exportFlow';
import { ResultCache } from './resultCache';
import { QueryRunner, type RunOutcome } from './runner';
import { PlaceholderValues } from './values';

const HISTORY_KEY = 'hogql.queryHistory';
export { REMOTE_SCHEME } from './docs';

/**
 * Persisted, capped query history with a change event (the history tree listens), and the last
 * results of its entries (`results`: files in global storage, bounded; src/query/resultCache.ts).
 */
export class QueryHistory implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  private recording: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly state: vscode.Memento,
    readonly results: ResultCache,
  ) {}

  all(): HistoryEntry[] {
    return this.state.get<HistoryEntry[]>(HISTORY_KEY) ?? [];
  }

  /** Adds the run to the history (its result to the cache when it has one); resolves to the entry's id. */
  record(session: ActiveSession, query: string, outcome: RunOutcome): Promise<string> {
    // one at a time: each folds into the list the previous one wrote
    const work = this.recording.then(() => this.add(session, query, outcome));
    this.recording = work.catch(() => undefined);
    return work;
  }

  private async add(session: ActiveSession, query: string, outcome: RunOutcome): Promise<string> {
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
    const list = addEntry(this.all(), entry);
    // an identical run folds into the newest entry and keeps its id: its cached result is replaced.
    // The result is stored first: an entry that shows is one whose result reopens.
    const id = list[0].id;
    try {
      if (outcome.kind === 'done') {
        const p = outcome.payload;
        await this.results.put(id, { columns: p.columns, rows: p.rows, elapsedMs: p.elapsedMs, ...(p.timezone ? { timezone: p.timezone } : {}), query });
      }
    } finally {
      await this.state.update(HISTORY_KEY, list);
      this.emitter.fire();
    }
    return id;
  }

  async clear(): Promise<void> {
    await this.state.update(HISTORY_KEY, []);
    await this.results.clear();
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/**
 * Everything about running queries that lives for the extension's lifetime. Built on first use (in
 * the features bundle, issue #21); the documents it shares with activation come from `docs`.
 */
export class QueryService extends Disposable {
  readonly runner: QueryRunner;
  /** Running "Export Full Result" jobs (src/query/exportFlow.ts). */
  readonly exports = new ExportJobs();
  readonly values: PlaceholderValues;
  readonly history: QueryHistory;
  readonly diagnostics: vscode.DiagnosticCollection;
  /** Documents linked to SQL insights (their first line), with the names and versions known. */
  readonly insightLinks: InsightLinks;
  /** Read-only texts shown by "Compare" (an insight's query in PostHog), by URI. */
  readonly remoteTexts: Map<string, string>;
  /** Documents the extension creates (insights' queries, history entries): see ui/scratchDocs.ts. */
  readonly scratch: ScratchDocs;

  constructor(extension: Pick<vscode.ExtensionContext, 'globalState' | 'workspaceState' | 'globalStorageUri'>, log: Log, docs: QueryDocs) {
    super();
    ({ insightLinks: this.insightLinks, remoteTexts: this.remoteTexts, scratch: this.scratch } = docs);
    this.runner = new QueryRunner(log);
    this.values = new PlaceholderValues(extension.workspaceState);
    this.history = new QueryHistory(extension.globalState, new ResultCache(join(extension.globalStorageUri.fsPath, 'history-results')));
    this.diagnostics = vscode.languages.createDiagnosticCollection('hogql-run');
    this.disposables.push(this.runner, this.history, this.diagnostics);
    // A run's error squiggle describes the text that ran: drop it once that text is edited.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && this.diagnostics.has(e.document.uri)) this.diagnostics.delete(e.document.uri);
    }, undefined, this.disposables);
  }
}

export type { InsightLink };
