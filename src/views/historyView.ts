import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { forProject, matchesSearch, queryLabel, type HistoryEntry } from '../query/historyStore';
import { fileNameOf } from '../ui/scratchDocs';

const ICONS: Record<HistoryEntry['status'], vscode.ThemeIcon> = {
  done: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  cancelled: new vscode.ThemeIcon('circle-slash'),
};

function relative(at: number, now = Date.now()): string {
  const s = Math.round((now - at) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(at).toLocaleDateString();
}

/** The "Query History" tree: past runs of the active project, newest first. */
class HistoryProvider implements vscode.TreeDataProvider<HistoryEntry> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** The search typed with "Search Query History…" (undefined: everything). */
  search: string | undefined;
  view: vscode.TreeView<HistoryEntry> | undefined;
  /** Entries whose last result is in the cache (reopens without running). */
  private kept = new Set<string>();

  constructor(private readonly ctx: Ctx) {
    ctx.queries.history.onDidChange(() => this.emitter.fire());
    ctx.session.onDidChange(() => this.emitter.fire());
  }

  async getChildren(element?: HistoryEntry): Promise<HistoryEntry[]> {
    if (element) return [];
    const conn = this.ctx.session.store.active();
    if (!conn) return [];
    const session = await this.ctx.session.active();
    const all = forProject(this.ctx.queries.history.all(), conn.host, session?.projectId ?? conn.projectId);
    this.kept = new Set(await this.ctx.queries.history.results.ids());
    const shown = this.search ? all.filter((e) => matchesSearch(e, this.search!)) : all;
    if (this.view) this.view.message = this.search && all.length > 0 && shown.length === 0 ? `No query in this project's history matches “${this.search}”.` : undefined;
    return shown;
  }

  setSearch(text: string | undefined): void {
    const t = text?.trim() || undefined;
    this.search = t;
    if (this.view) this.view.description = t ? `“${t}”` : undefined;
    void vscode.commands.executeCommand('setContext', 'hogql.history.filtered', !!t);
    this.emitter.fire();
  }

  getTreeItem(e: HistoryEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(queryLabel(e.query), vscode.TreeItemCollapsibleState.None);
    const rows = e.rows === undefined ? '' : ` · ${e.rows} row${e.rows === 1 ? '' : 's'}`;
    const took = e.durationMs === undefined ? '' : ` · ${(e.durationMs / 1000).toFixed(2)} s`;
    const runs = (e.runs ?? 1) > 1 ? ` · ${e.runs} runs` : '';
    item.description = `${relative(e.at)}${runs}${rows}${took}`;
    item.iconPath = ICONS[e.status];
    const kept = this.kept.has(e.id);
    item.contextValue = `historyEntry.${e.status}${kept ? '.kept' : ''}`;
    const md = new vscode.MarkdownString();
    md.appendText(`${e.status} · ${(e.runs ?? 1) > 1 ? 'last run ' : ''}${new Date(e.at).toLocaleString()} · ${e.projectName}${runs}${rows}${took}\n`);
    if (e.error) md.appendText(`${e.error}\n`);
    if (e.status === 'done') md.appendText(kept ? 'Its result is kept: "Reopen Result" shows it without running the query.\n' : 'Its result is no longer kept (only the last results are): run it again to see it.\n');
    md.appendCodeblock(e.query, 'hogql');
    item.tooltip = md;
    item.command = { command: 'hogql.history.open', title: 'Open in Editor', arguments: [e] };
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/**
 * Opens a history entry's query in the editor that already holds exactly that query, else in the
 * extension's document for it (`hogql-query:/<hash>/<first line>.hogql`, see ui/scratchDocs.ts):
 * opening or re-running it again re-uses that editor, and so its results panel.
 */
async function openEntry(ctx: Ctx, e: HistoryEntry): Promise<vscode.TextEditor> {
  const query = e.query.trim();
  const same = vscode.workspace.textDocuments.find((d) => d.languageId === 'hogql' && !d.isClosed && d.getText().trim() === query);
  if (same) return vscode.window.showTextDocument(same, { preview: false });
  const hash = createHash('sha256').update(query).digest('hex').slice(0, 10);
  const uri = vscode.Uri.from({ scheme: 'hogql-query', path: `/${hash}/${fileNameOf(queryLabel(query, 60))}.hogql` });
  return ctx.queries.scratch.show(uri, `${query}\n`);
}

export function registerHistoryView(ctx: Ctx): void {
  const provider = ctx.track(new HistoryProvider(ctx));
  provider.view = ctx.track(ctx.shell.treeView('hogql.history', provider));
  ctx.track(
    ctx.shell.command('hogql.history.filter', async (arg?: { text?: unknown }) => {
      let text: string | undefined = arg && typeof arg === 'object' && 'text' in arg ? String(arg.text ?? '') : undefined;
      if (text === undefined) {
        text = await vscode.window.showInputBox({ title: 'Search Query History', prompt: 'Words in the query or its error; leave empty to show everything', value: provider.search ?? '' });
        if (text === undefined) return provider.search;
      }
      provider.setSearch(text);
      // scripted use (tests): the entries now shown
      return provider.getChildren();
    }),
  );
  ctx.track(ctx.shell.command('hogql.history.clearFilter', () => provider.setSearch(undefined)));
  ctx.track(ctx.shell.command('hogql.history.open', (e: HistoryEntry) => openEntry(ctx, e)));
  ctx.track(
    ctx.shell.command('hogql.history.rerun', async (e: HistoryEntry) => {
      const editor = await openEntry(ctx, e);
      return vscode.commands.executeCommand('hogql.runQuery', { uri: editor.document.uri.toString(), offset: 0 });
    }),
  );
  ctx.track(
    ctx.shell.command('hogql.history.clear', async () => {
      const ok = await vscode.window.showWarningMessage('Clear the query history of every project?', { modal: true }, 'Clear History');
      if (ok) await ctx.queries.history.clear();
    }),
  );
}
