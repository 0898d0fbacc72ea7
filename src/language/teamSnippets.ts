/**
 * Team snippets (issue #18): the workspace's `.posthog/snippets/*.hogql` files (format in
 * hogql/snippetFile.ts), offered in completion and by "PostHog: Insert Snippet…", reloaded when a
 * file is created, changed or deleted. Read through `workspace.fs`, so virtual workspaces work too.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { disposeAll } from '../ui/lifecycle';
import { completionContext } from './hogql/completion';
import { MAX_SNIPPET_BYTES, parseSnippetFile, type TeamSnippet } from './hogql/snippetFile';

export const SNIPPET_GLOB = '**/.posthog/snippets/*.hogql';
/**
 * What the watcher listens to: the whole `.posthog` folder and the folder itself, because a folder
 * created or deleted with its files may be reported as one event for the folder only.
 */
const WATCH_GLOB = '**/.posthog{,/**}';
/** Where a team snippet makes sense: a statement, an expression or a table (not after `x.`, in strings…). */
const SNIPPET_CONTEXTS = new Set(['keyword', 'column', 'table']);
const MAX_FILES = 200;
/**
 * The watcher is not enough alone: `files.watcherExclude`, a watcher over the system's limit
 * (inotify on big workspaces) or a network folder never report a change. Completion reads the
 * folder again in the background when the last read is older than this.
 */
const REREAD_AFTER_MS = 5_000;

export interface LoadedSnippet extends TeamSnippet {
  uri: vscode.Uri;
}

export function snippetString(s: TeamSnippet): vscode.SnippetString {
  const out = new vscode.SnippetString();
  for (const p of s.parts) {
    if (p.stop) out.appendPlaceholder(p.text, p.stop);
    else out.appendText(p.text);
  }
  return out;
}

export class TeamSnippets implements vscode.CompletionItemProvider, vscode.Disposable {
  private loaded: Promise<LoadedSnippet[]> | undefined;
  private readAt = 0;
  private rereading = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: Ctx) {
    const watcher = vscode.workspace.createFileSystemWatcher(WATCH_GLOB);
    const reload = (): void => {
      this.loaded = undefined;
    };
    watcher.onDidCreate(reload, undefined, this.disposables);
    watcher.onDidChange(reload, undefined, this.disposables);
    watcher.onDidDelete(reload, undefined, this.disposables);
    vscode.workspace.onDidChangeWorkspaceFolders(reload, undefined, this.disposables);
    this.disposables.push(watcher);
  }

  dispose(): void {
    disposeAll(this.disposables);
  }

  /**
   * The workspace's snippets, sorted by name: read once, again after a change the watcher reports,
   * and in the background when the last read is older than REREAD_AFTER_MS (the answer then is the
   * last read's; the next call has the new one).
   */
  all(): Promise<LoadedSnippet[]> {
    if (!this.loaded) {
      this.readAt = Date.now();
      this.loaded = this.read();
    } else if (Date.now() - this.readAt > REREAD_AFTER_MS && !this.rereading) {
      this.reread();
    }
    return this.loaded;
  }

  private reread(): void {
    const current = this.loaded;
    this.rereading = true;
    this.readAt = Date.now();
    const next = this.read();
    void next
      .then((snippets) => {
        if (this.loaded === current) this.loaded = Promise.resolve(snippets); // unless a reported change came first
      })
      .catch((e: unknown) => this.ctx.log.warn(`[snippets] not read again: ${(e as Error).message}`))
      .finally(() => (this.rereading = false));
  }

  private async read(): Promise<LoadedSnippet[]> {
    const uris = await vscode.workspace.findFiles(SNIPPET_GLOB, '**/node_modules/**', MAX_FILES);
    const out: LoadedSnippet[] = [];
    for (const uri of uris) {
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > MAX_SNIPPET_BYTES) {
          this.ctx.log.warn(`[snippets] ${vscode.workspace.asRelativePath(uri)} skipped: over ${MAX_SNIPPET_BYTES / 1024} KB`);
          continue;
        }
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        const s = parseSnippetFile(uri.path.split('/').pop() ?? 'snippet.hogql', text);
        if (s) out.push({ ...s, uri });
      } catch (e) {
        this.ctx.log.warn(`[snippets] ${vscode.workspace.asRelativePath(uri)} not read: ${(e as Error).message}`);
      }
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Offered where a statement, an expression or a table can be typed. */
  async provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.CompletionItem[]> {
    if (!SNIPPET_CONTEXTS.has(completionContext(doc.getText(), doc.offsetAt(pos)).kind)) return [];
    return (await this.all()).map((s) => {
      const item = new vscode.CompletionItem({ label: s.prefix, description: s.name }, vscode.CompletionItemKind.Snippet);
      item.insertText = snippetString(s);
      item.detail = `Team snippet · ${vscode.workspace.asRelativePath(s.uri)}`;
      const doc = new vscode.MarkdownString();
      if (s.description) doc.appendText(`${s.description}\n`);
      doc.appendCodeblock(s.body, 'hogql');
      item.documentation = doc;
      item.sortText = `~${s.prefix}`; // after the language's own items
      return item;
    });
  }

  /** "PostHog: Insert Snippet…": a pick (or `name` when scripted) inserted at the cursor of a HogQL editor. */
  async insert(arg?: { name?: unknown }): Promise<string | undefined> {
    const snippets = await this.all();
    if (snippets.length === 0) {
      void vscode.window.showInformationMessage('No team snippets in this workspace. Add .hogql files to a .posthog/snippets/ folder (a "-- name:" and "-- description:" comment on top).');
      return undefined;
    }
    const wanted = typeof arg?.name === 'string' ? arg.name : undefined;
    const pick = wanted
      ? snippets.find((s) => s.name === wanted || s.prefix === wanted)
      : (await vscode.window.showQuickPick(
          snippets.map((s) => ({ label: s.name, description: s.prefix, detail: s.description || s.body.split('\n')[0], snippet: s })),
          { title: 'Insert Team Snippet', matchOnDescription: true, matchOnDetail: true },
        ))?.snippet;
    if (!pick) return undefined;
    let editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId !== 'hogql') {
      editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'hogql', content: '' }));
    }
    await editor.insertSnippet(snippetString(pick));
    return pick.name;
  }
}
