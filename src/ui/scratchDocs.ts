import * as vscode from 'vscode';

/**
 * Documents the extension creates (a SQL insight's query, a query from the history), kept in memory
 * under their own schemes, `hogql-insight:/<short id>/<Insight name>.hogql` and
 * `hogql-query:/<hash>/<first line>.hogql`.
 *
 * Why a file system provider rather than untitled documents: an untitled document opened with
 * content is dirty from the start, so closing it asks "Save changes?" for a document the user never
 * touched, and VS Code names it after its first line. These documents open clean, are named after
 * what they hold (the tab shows "<Insight name>.hogql"), and the same path opens the same editor,
 * so opening an insight or a history entry twice shows one tab (and one results panel, keyed by
 * the document). Edited and closed, VS Code asks as for any file; Save keeps the text here, in
 * memory, for the session (no disk, nothing sent to PostHog: "Update Insight" does that).
 */
export const SCRATCH_SCHEMES = ['hogql-insight', 'hogql-query'] as const;

interface Entry {
  data: Uint8Array;
  ctime: number;
  mtime: number;
}

export class ScratchDocs implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  /** Registers the provider for every scratch scheme; the returned disposables unregister it. */
  static register(disposables: vscode.Disposable[]): ScratchDocs {
    const docs = new ScratchDocs();
    disposables.push(docs.emitter);
    for (const scheme of SCRATCH_SCHEMES) disposables.push(vscode.workspace.registerFileSystemProvider(scheme, docs, { isCaseSensitive: true }));
    return docs;
  }

  /**
   * Shows the document at `uri`: the open one as it is (unsaved edits kept), else a fresh one
   * holding `content`.
   */
  async show(uri: vscode.Uri, content: string): Promise<vscode.TextEditor> {
    let doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc) {
      this.writeFile(uri, new TextEncoder().encode(content));
      doc = await vscode.workspace.openTextDocument(uri);
      if (doc.languageId !== 'hogql') doc = await vscode.languages.setTextDocumentLanguage(doc, 'hogql');
    }
    return vscode.window.showTextDocument(doc, { preview: false });
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const f = this.files.get(uri.toString());
    if (f) return { type: vscode.FileType.File, ctime: f.ctime, mtime: f.mtime, size: f.data.length };
    if (this.isFolder(uri)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const f = this.files.get(uri.toString());
    if (!f) throw vscode.FileSystemError.FileNotFound(uri);
    return f.data;
  }

  writeFile(uri: vscode.Uri, data: Uint8Array): void {
    const now = Date.now();
    const old = this.files.get(uri.toString());
    this.files.set(uri.toString(), { data, ctime: old?.ctime ?? now, mtime: Math.max(now, (old?.mtime ?? 0) + 1) });
    this.emitter.fire([{ type: old ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    if (this.files.delete(uri.toString())) this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('Scratch documents cannot be renamed; use Save As.');
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.with({ path: uri.path.endsWith('/') ? uri.path : `${uri.path}/` }).toString();
    const out = new Map<string, vscode.FileType>();
    for (const key of this.files.keys()) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length).split('/');
      out.set(decodeURIComponent(rest[0]), rest.length > 1 ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...out];
  }

  createDirectory(): void {
    // folders exist implicitly (as prefixes of the files' paths)
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  private isFolder(uri: vscode.Uri): boolean {
    const prefix = uri.with({ path: uri.path.endsWith('/') ? uri.path : `${uri.path}/` }).toString();
    return uri.path === '/' || [...this.files.keys()].some((k) => k.startsWith(prefix));
  }
}

/** A file name from free text: no path separators or control characters, capped. */
export function fileNameOf(text: string, max = 60): string {
  const clean = text.replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]+/gu, ' ').replace(/\s+/g, ' ').trim();
  const capped = clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
  return capped || 'query';
}
