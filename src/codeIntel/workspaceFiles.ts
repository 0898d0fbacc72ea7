/**
 * The workspace's SDK files for the workspace-wide searches (Find References, the Stale Flags
 * view), fast on big repositories (issue #19: 5,000 files, first paint ≤ 1 s):
 * - the file list is VS Code's file search (`findFiles`: files.exclude applies; search.exclude,
 *   which it does not apply, is added to the exclude glob, as VS Code's Search view would);
 * - most files never mention PostHog, so the list is narrowed by VS Code's own ripgrep (the binary
 *   its text search runs; `findTextInFiles` is still proposed API), run over the workspace's
 *   folders while `findFiles` lists them, for the same cheap test as `mayHaveSdkCalls` (a
 *   superset: ripgrep folds case by Unicode); only files in both are read;
 *   without it (a VS Code without the binary, a non-file workspace), every file is read and tested
 *   on its raw bytes before any decoding;
 * - a file's result is kept by modification time and size; documents with unsaved edits are read as edited.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { config } from '../config';
import { excludeGlob, mayHaveSdkBytes, MAX_BYTES, ripgrepArgs, SDK_GLOB } from './sdkFiles';

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

/** The files under `folders` that may hold SDK calls, by ripgrep; undefined when it cannot run. */
function candidates(folders: string[], signal: AbortSignal): Promise<Set<string> | undefined> {
  const rg = ripgrep();
  if (!rg || folders.length === 0) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile(rg, ripgrepArgs(folders), { signal, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (err, stdout) => {
      // exit code 1: no file matched; 2: some file could not be read (the others are listed)
      const code = (err as { code?: unknown } | null)?.code;
      if (signal.aborted) resolve(new Set());
      else if (err && code !== 1 && code !== 2) resolve(undefined);
      else resolve(new Set(stdout.split('\n').filter(Boolean)));
    });
  });
}

/** What a search keeps of one file (e.g. its flag uses). */
export type FileResult<T> = (uri: vscode.Uri, text: string) => T;

export class WorkspaceFiles<T> {
  private readonly cache = new Map<string, { mtime: number; size: number; value: T }>();

  /** `of` makes a file's value from its text; `none` is the value of a file without SDK calls. */
  constructor(private readonly of: FileResult<T>, private readonly none: T) {}

  /** Calls `each` with every SDK file's value (documents with unsaved edits as edited), bounded. */
  async forEach(each: (uri: vscode.Uri, value: T) => void, token?: vscode.CancellationToken): Promise<void> {
    const abort = new AbortController();
    const sub = token?.onCancellationRequested(() => abort.abort());
    try {
      // the file list and the content test at once
      const folders = vscode.workspace.workspaceFolders ?? [];
      const local = folders.every((f) => f.uri.scheme === 'file') ? folders.map((f) => f.uri.fsPath) : [];
      const [uris, maybe] = await Promise.all([vscode.workspace.findFiles(SDK_GLOB, excludeGlob(config.searchExclude()), MAX_FILES, token), candidates(local, abort.signal)]);
      // edited documents as edited; an unmodified one may lag behind its file (it reloads on a file
      // watcher event), so the disk is read for it
      const open = new Map(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => [d.uri.toString(), d]));
      const todo = maybe ? uris.filter((u) => maybe.has(u.fsPath) || open.has(u.toString())) : uris;
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < todo.length && !token?.isCancellationRequested) {
          const uri = todo[next++];
          const doc = open.get(uri.toString());
          const value = doc ? this.of(uri, doc.getText()) : await this.read(uri);
          if (value !== undefined) each(uri, value);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      if (!token?.isCancellationRequested) this.forgetAllBut(new Set(uris.map((u) => u.toString())));
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
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (!stat || stat.size > MAX_BYTES) return undefined;
    const key = uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.mtime === stat.mtime && hit.size === stat.size) return hit.value;
    const bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => undefined);
    if (!bytes) return undefined;
    const value = mayHaveSdkBytes(bytes) ? this.of(uri, new TextDecoder().decode(bytes)) : this.none;
    this.cache.set(key, { mtime: stat.mtime, size: stat.size, value });
    return value;
  }
}
