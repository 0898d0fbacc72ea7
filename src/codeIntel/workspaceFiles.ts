/**
 * The workspace's SDK files for the workspace-wide searches (Find References, the Stale Flags
 * view), fast on big repositories (issue #19: 5,000 files, first paint ≤ 1 s):
 * - the file list is VS Code's file search (`findFiles`: files.exclude applies; search.exclude,
 *   which it does not apply, is added to the exclude glob, as VS Code's Search view would);
 * - most files never mention PostHog, so the list is narrowed by VS Code's own ripgrep (the binary
 *   its text search runs; `findTextInFiles` is still proposed API), run over the workspace's
 *   folders while `findFiles` lists them, for the same cheap test as `mayHaveSdkCalls` (a
 *   superset: ripgrep folds case by Unicode); only files in both count;
 * - the files ripgrep names are read and scanned as it names them, while `findFiles` still lists:
 *   the two walks and the reading overlap (measured cold on the 5,000-file repo, the reading waited
 *   for the slower walk, `findFiles`); a file read that `findFiles` then leaves out is dropped;
 *   local files are read with Node (see `localStat`);
 *   without ripgrep (a VS Code without the binary, a non-file workspace), every listed file is read
 *   and tested on its raw bytes before any decoding;
 * - a file's result is kept by modification time and size; documents with unsaved edits are read as edited.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { config } from '../config';
import { excludeGlob, lineReader, mayHaveSdkBytes, MAX_BYTES, ripgrepArgs, SDK_GLOB } from './sdkFiles';

const MAX_FILES = 20_000;
const PARALLEL = 16;

let ripgrepPath: string | null | undefined;
/** VS Code's ripgrep (`@vscode/ripgrep`, in or beside its asar), or null. */
function ripgrep(): string | null {
  if (ripgrepPath !== undefined) return ripgrepPath;
  const exe = process.platform === 'win32' ? 'rg.exe' : 'rg';
  const dirs = ['node_modules', 'node_modules.asar.unpacked'].map((d) => join(vscode.env.appRoot, d, '@vscode', 'ripgrep', 'bin', exe));
  ripgrepPath = dirs.find((p) => existsSync(p)) ?? null;
  return ripgrepPath;
}

/**
 * A `file:` URI of the workspace is on this extension host's disk (ripgrep reads it there too):
 * read with Node, not `workspace.fs`, whose calls cross to the workbench and back (in a browser
 * workbench, through the browser): measured cold on the 5,000-file benchmark, reading its ~200 SDK
 * files through `workspace.fs` took ~1.1 s under load, about as long as the rest of the first paint.
 */
async function localStat(path: string): Promise<{ mtime: number; size: number }> {
  const s = await stat(path);
  return { mtime: s.mtimeMs, size: s.size };
}

/**
 * Calls `found` with each file under `folders` that may hold SDK calls, as ripgrep names it;
 * resolves whether ripgrep ran (false: it cannot, and nothing was named).
 */
function candidates(folders: string[], signal: AbortSignal, found: (path: string) => void): Promise<boolean> {
  const rg = ripgrep();
  if (!rg || folders.length === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(rg, ripgrepArgs(folders), { signal, stdio: ['ignore', 'pipe', 'ignore'] });
    const lines = lineReader(found);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', lines.push);
    child.on('error', () => resolve(false));
    // exit code 1: no file matched; 2: some file could not be read (the others are listed)
    child.on('close', (code) => {
      lines.end();
      resolve(signal.aborted || code === 0 || code === 1 || code === 2);
    });
  });
}

/** A file's key in the cache: its path (already computed for the listing) when local. */
const keyOf = (uri: vscode.Uri): string => (uri.scheme === 'file' ? uri.fsPath : uri.toString());

/** What a search keeps of one file (e.g. its flag uses). */
export type FileResult<T> = (uri: vscode.Uri, text: string) => T;

/** Runs jobs `PARALLEL` at a time; `idle()` resolves once every job queued so far (and after) is done. */
class Pool {
  private queue: (() => Promise<void>)[] = [];
  private running = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly stopped: () => boolean) {}

  add(job: () => Promise<void>): void {
    this.queue.push(job);
    this.pump();
  }

  idle(): Promise<void> {
    return this.running === 0 && this.queue.length === 0 ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }

  private pump(): void {
    while (this.running < PARALLEL && this.queue.length) {
      const job = this.queue.shift()!;
      this.running++;
      void (this.stopped() ? Promise.resolve() : job().catch(() => undefined)).then(() => {
        this.running--;
        this.pump();
      });
    }
    if (this.running === 0 && this.queue.length === 0) for (const w of this.waiters.splice(0)) w();
  }
}

export class WorkspaceFiles<T> {
  private readonly cache = new Map<string, { mtime: number; size: number; value: T }>();

  /** `of` makes a file's value from its text; `none` is the value of a file without SDK calls. */
  constructor(private readonly of: FileResult<T>, private readonly none: T) {}

  /** Calls `each` with every SDK file's value (documents with unsaved edits as edited), in `findFiles`' order. */
  async forEach(each: (uri: vscode.Uri, value: T) => void, token?: vscode.CancellationToken): Promise<void> {
    const abort = new AbortController();
    const sub = token?.onCancellationRequested(() => abort.abort());
    try {
      const folders = vscode.workspace.workspaceFolders ?? [];
      const local = folders.every((f) => f.uri.scheme === 'file') ? folders.map((f) => f.uri.fsPath) : [];
      // edited documents as edited; an unmodified one may lag behind its file (it reloads on a file
      // watcher event), so the disk is read for it
      const open = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => [keyOf(d.uri), d]));
      const values = new Map<string, T>();
      const pool = new Pool(() => !!token?.isCancellationRequested);
      const take = (uri: vscode.Uri): void => {
        const path = keyOf(uri);
        if (values.has(path)) return;
        values.set(path, this.none);
        pool.add(async () => {
          const doc = open.get(path);
          const value = doc ? this.of(uri, doc.getText()) : await this.read(uri);
          values.set(path, value ?? this.none);
        });
      };
      // the file list, and meanwhile the content test, each file it names read at once
      const [uris, narrowed] = await Promise.all([
        vscode.workspace.findFiles(SDK_GLOB, excludeGlob(config.searchExclude()), MAX_FILES, token),
        candidates(local, abort.signal, (path) => take(vscode.Uri.file(path))),
      ]);
      for (const uri of uris) if (!narrowed || open.has(keyOf(uri))) take(uri);
      await pool.idle();
      if (token?.isCancellationRequested) return;
      for (const uri of uris) {
        const value = values.get(keyOf(uri));
        if (value !== undefined && value !== this.none) each(uri, value);
      }
      this.forgetAllBut(new Set(uris.map(keyOf)));
    } finally {
      sub?.dispose();
    }
  }

  /** Drops what is kept of files no longer listed (deleted, excluded). */
  private forgetAllBut(listed: Set<string>): void {
    for (const key of this.cache.keys()) if (!listed.has(key)) this.cache.delete(key);
  }

  /** A file's value from disk: the cached one while its modification time and size stay. */
  private async read(uri: vscode.Uri): Promise<T | undefined> {
    const local = uri.scheme === 'file';
    const stat = await (local ? localStat(uri.fsPath) : Promise.resolve(vscode.workspace.fs.stat(uri))).catch(() => undefined);
    if (!stat || stat.size > MAX_BYTES) return undefined;
    const key = keyOf(uri);
    const hit = this.cache.get(key);
    if (hit && hit.mtime === stat.mtime && hit.size === stat.size) return hit.value;
    const bytes = await (local ? readFile(uri.fsPath) : Promise.resolve(vscode.workspace.fs.readFile(uri))).catch(() => undefined);
    if (!bytes) return undefined;
    const value = mayHaveSdkBytes(bytes) ? this.of(uri, new TextDecoder().decode(bytes)) : this.none;
    this.cache.set(key, { mtime: stat.mtime, size: stat.size, value });
    return value;
  }
}
