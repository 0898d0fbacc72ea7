import { readFileSync, watch } from 'node:fs';
import type { CommandTable } from './registry';
import type { Ctx } from '../ctx';
import { ResultsPanel } from '../webview/resultsPanel';
import { sampleResult } from '../webview/sample';
import { devDocument, type DevDocument } from '../query/devResults';

/**
 * Developer hook for tests and benchmarks: when `HOGQL_DEV_RESULTS_FILE` names a JSON file, the
 * panel shows it instead of the sample — a `ResultPayload` or a generator spec
 * `{"generate": {"rows": 100000, "cols": 20, "seed": 1, "naive": false}}`, optionally paged with
 * `"pageRows": n` ("Load more" serves the next page); or `{"error": {"message", "details"}}`; or
 * `{"loading": "message"}` (Cancel answers `cancelled`). The file is read on every run. With
 * `"holdStream": n` a big result streams at most n chunks until the file is rewritten (in place).
 */
function showDev(ctx: Ctx, panel: ResultsPanel, doc: DevDocument, file: string): void {
  panel.setStreamGate(doc.holdStream === undefined ? undefined : streamGate(file));
  if (doc.loading !== undefined) {
    const id = `dev-loading-${Date.now()}`;
    panel.showLoading(id, doc.loading, '-- dev: a query that never finishes');
    const sub = panel.onDidRequestCancel((req) => req.queryId === id && (panel.showCancelled(id), sub.dispose()));
    ctx.track(sub);
    return;
  }
  if (doc.error) {
    panel.showError(`dev-error-${Date.now()}`, doc.error.message, doc.error.details);
    return;
  }
  const full = doc.result!;
  const page = doc.pageRows;
  if (!page) {
    panel.showResult(full);
    return;
  }
  panel.showResult({ ...full, rows: full.rows.slice(0, page), hasMore: full.rows.length > page });
  const sub = panel.onDidRequestLoadMore((req) => {
    if (req.queryId !== full.queryId) return;
    const end = req.offset + page;
    panel.appendRows(full.queryId, full.rows.slice(req.offset, end), full.rows.length > end);
  });
  ctx.track(sub);
}

/**
 * Resolves before chunk `n` once the dev file's `holdStream` is absent or above `n`; the file is
 * watched meanwhile (an unreadable file, e.g. caught mid-write, holds). The watcher closes on release.
 */
function streamGate(file: string): (chunk: number) => Promise<void> {
  const mayPass = (chunk: number): boolean => {
    try {
      const cap = (JSON.parse(readFileSync(file, 'utf8')) as { holdStream?: unknown }).holdStream;
      return typeof cap !== 'number' || chunk < cap;
    } catch {
      return false;
    }
  };
  return (chunk) =>
    new Promise<void>((resolve) => {
      const release = (): void => {
        if (!mayPass(chunk)) return;
        watcher.close();
        resolve();
      };
      // watch first, then look: a write between the two is not missed
      const watcher = watch(file, release);
      release();
    });
}

/** Commands that need no connection. */
export const generalCommands: CommandTable = {
  showOutput: (ctx) => () => ctx.log.show(),
  openResultsPanel: (ctx) => () => {
    const file = process.env.HOGQL_DEV_RESULTS_FILE;
    const doc = file ? devDocument(JSON.parse(readFileSync(file, 'utf8'))) : undefined;
    const panel = ResultsPanel.show(ctx);
    if (doc) showDev(ctx, panel, doc, file!);
    else panel.showResult(sampleResult());
    return { title: panel.title };
  },
};
