/**
 * "PostHog: Export Full Result…" in the editor: format pick, save dialog, a progress notification
 * with rows written and Cancel, and the outcome. The paging and writing are src/query/fullExport.ts;
 * this file brings PostHog (one POST per page, aborted on cancel: the client DELETEs the server
 * query as the runner does) and the UI. Used by the command (palette: the statement at the cursor)
 * and by the results panel (the query of the result on screen).
 */
import { basename, extname } from 'node:path';
import * as vscode from 'vscode';
import type { HogQLFilters, HogQLQueryNode } from '../api/resources/query';
import type { ActiveSession } from '../auth/session';
import { config } from '../config';
import type { Log } from '../log';
import { formatInfo, type FullExportFormat } from '../results/exportEncode';
import { formatCount } from '../results/format';
import type { Cell } from '../results/protocol';
import { toCell, toColumns } from '../results/response';
import { notify } from '../ui/notify';
import { exportToFile, exportToText, ExportTooLarge, type ExportRequest, type FetchPage } from './fullExport';

/** What to export: a statement and how it ran. */
export interface ExportSource {
  session: ActiveSession;
  text: string;
  values: Record<string, unknown>;
  filters?: HogQLFilters;
  /** `HogQLQuery.variables` (SQL variables) of the run, when it had any. */
  variables?: Record<string, unknown>;
  /** The document the statement is from (default file name and folder), if known. */
  document?: vscode.Uri;
}

export type ExportChoice = { target: 'file'; format: FullExportFormat } | { target: 'untitled' };

export type ExportOutcome =
  | { kind: 'done'; rows: number; pages: number; path?: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown };

/** Text an untitled editor is given at most (larger results are offered a file instead). */
export const UNTITLED_LIMIT_CHARS = 20_000_000;

/** The running exports, so "PostHog: Cancel Export" can stop them. */
export class ExportJobs {
  private readonly running = new Set<AbortController>();

  start(): { signal: AbortSignal; cancel: () => void; done: () => void } {
    const abort = new AbortController();
    this.running.add(abort);
    void vscode.commands.executeCommand('setContext', 'hogql.exportRunning', true);
    return {
      signal: abort.signal,
      cancel: () => abort.abort(new ExportCancelled()),
      done: () => {
        this.running.delete(abort);
        void vscode.commands.executeCommand('setContext', 'hogql.exportRunning', this.running.size > 0);
      },
    };
  }

  get count(): number {
    return this.running.size;
  }

  cancelAll(): void {
    for (const a of this.running) a.abort(new ExportCancelled());
  }
}

/** An export stopped by the user (notification's Cancel, "PostHog: Cancel Export"). */
export class ExportCancelled extends Error {
  override name = 'ExportCancelled';
  constructor() {
    super('Export cancelled.');
  }
}

/** Asks for the format (and whether JSON goes to an untitled editor). */
export async function pickExport(): Promise<ExportChoice | undefined> {
  const items: (vscode.QuickPickItem & { choice: ExportChoice })[] = [
    { label: 'CSV', description: 'to a file; formula cells neutralised (hogql.export.csvRawFormulas)', choice: { target: 'file', format: 'csv' } },
    { label: 'JSON Lines', description: 'to a file; one object per row', choice: { target: 'file', format: 'jsonl' } },
    { label: 'JSON', description: 'to a file; an array of objects', choice: { target: 'file', format: 'json' } },
    { label: 'JSON in an Untitled Editor', description: `up to ${UNTITLED_LIMIT_CHARS / 1_000_000} MB`, choice: { target: 'untitled' } },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'PostHog: Export Full Result', placeHolder: 'Every row of the result, fetched from PostHog in pages' });
  return picked?.choice;
}

/** A parsed row as cells, in place (the row is the parser's fresh array: no copy per row). */
function toRowCells(r: unknown): Cell[] {
  if (!Array.isArray(r)) return [toCell(r)];
  for (let i = 0; i < r.length; i++) r[i] = toCell(r[i]);
  return r as Cell[];
}

function fetcher(session: ActiveSession, source: ExportSource): FetchPage {
  return async (query, signal, into) => {
    const node: HogQLQueryNode = { kind: 'HogQLQuery', query };
    if (Object.keys(source.values).length) node.values = source.values;
    if (source.filters) node.filters = source.filters;
    if (source.variables) node.variables = source.variables;
    const opts = { signal, name: 'vscode-hogql export' };
    // With `into` (the pages after the first), rows are written in batches as the body arrives
    // (src/api/rowStream.ts); otherwise read one at a time from the text (src/api/rowScan.ts).
    const page = into
      ? await session.client.query.runFlat(session.projectId, node, {
          ...opts,
          onRows: (rows) => into.write(rows.map(toRowCells)),
          ready: () => into.ready(),
        })
      : await session.client.query.runScanned(session.projectId, node, opts);
    const { hasMore } = page.head;
    const rows = (function* () {
      for (const r of page.rows()) yield toRowCells(r);
    })();
    return { columns: toColumns(page.head), rows, rowCount: page.rowCount, ...(hasMore !== undefined ? { hasMore } : {}) };
  };
}

async function savePath(source: ExportSource, format: FullExportFormat): Promise<string | undefined> {
  const { extension, label } = formatInfo(format);
  const doc = source.document;
  const stem = doc ? basename(doc.path, extname(doc.path)) || 'results' : 'results';
  const folder = doc?.scheme === 'file' ? vscode.Uri.joinPath(doc, '..') : (vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()));
  const uri = await vscode.window.showSaveDialog({
    title: 'PostHog: Export Full Result',
    filters: { [label]: [extension] },
    defaultUri: vscode.Uri.joinPath(folder, `${stem}.${extension}`),
  });
  return uri?.fsPath;
}

/** Runs `work` under a cancellable progress notification; the request reports into it. */
function withExportProgress<T>(jobs: ExportJobs, title: string, work: (req: Pick<ExportRequest, 'signal' | 'onProgress' | 'onWait'>) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const job = jobs.start();
    const sub = token.onCancellationRequested(job.cancel);
    let last = 0;
    try {
      return await work({
        signal: job.signal,
        onProgress: (rows) => {
          const now = performance.now();
          if (now - last < 200) return;
          last = now;
          progress.report({ message: `${formatCount(rows)} rows written` });
        },
        onWait: (ms) => progress.report({ message: `waiting ${Math.ceil(ms / 1000)} s for PostHog's query rate limit` }),
      });
    } catch (e) {
      // The page in flight fails with the client's abort error: the user's cancel is what happened.
      throw job.signal.aborted ? new ExportCancelled() : e;
    } finally {
      sub.dispose();
      job.done();
    }
  });
}

/**
 * Exports the whole result of `source` as `choice`. `path` skips the save dialog (scripts, tests).
 * Undefined when the user dismissed a dialog.
 */
export async function runFullExport(log: Log, jobs: ExportJobs, source: ExportSource, choice: ExportChoice, path?: string): Promise<ExportOutcome | undefined> {
  const format = choice.target === 'file' ? choice.format : 'json';
  const file = choice.target === 'file' ? (path ?? (await savePath(source, format))) : undefined;
  if (choice.target === 'file' && !file) return undefined;
  const { label } = formatInfo(format);
  const base = { query: source.text, format, fetchPage: fetcher(source.session, source), rawFormulas: config.exportCsvRawFormulas() };
  try {
    return await withExportProgress(jobs, `PostHog: exporting the full result as ${label}`, async (ui) => {
      const req: ExportRequest = { ...base, ...ui };
      if (file) {
        const s = await exportToFile(req, file);
        log.info(`exported ${s.rows} rows (${s.pages} page${s.pages === 1 ? '' : 's'}) as ${label} to ${file}`);
        return { kind: 'done', rows: s.rows, pages: s.pages, path: file };
      }
      const { text, summary } = await exportToText(req, UNTITLED_LIMIT_CHARS);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: text, language: 'json' }), { preview: false });
      return { kind: 'done', rows: summary.rows, pages: summary.pages };
    });
  } catch (error) {
    if (error instanceof ExportTooLarge) return offerFile(log, jobs, source);
    return error instanceof ExportCancelled ? { kind: 'cancelled' } : { kind: 'failed', error };
  }
}

async function offerFile(log: Log, jobs: ExportJobs, source: ExportSource): Promise<ExportOutcome | undefined> {
  const mb = UNTITLED_LIMIT_CHARS / 1_000_000;
  const pick = await notify('warning', `The result is larger than ${mb} MB of JSON, too big for an editor.`, 'Save to File…');
  return pick ? runFullExport(log, jobs, source, { target: 'file', format: 'json' }) : { kind: 'cancelled' };
}

/** Tells the user how it went (not for cancels, which they asked for). */
export function reportOutcome(outcome: ExportOutcome | undefined): void {
  if (outcome?.kind !== 'done' || !outcome.path) return;
  const path = outcome.path;
  void notify('info', `Exported ${formatCount(outcome.rows)} rows to ${path}.`, 'Open File').then((pick) => {
    if (pick) void vscode.commands.executeCommand('vscode.open', vscode.Uri.file(path));
  });
}
