/**
 * Test-only (compiled into test builds only: `__TEST_HOOKS__`): the results panel fed from a dev
 * file instead of a query, for UI tests and the grid benchmark.
 */
import { readFileSync, watch } from 'node:fs';
import { ResultsPanel } from './resultsPanel';
import type { ResultsTab } from './resultsTab';
import { devDocument, type DevDocument } from '../results/devResults';
import type { Ctx } from '../ctx';

/**
 * Developer hook for tests and benchmarks: when `HOGQL_DEV_RESULTS_FILE` names a JSON file, the
 * panel shows it — a `ResultPayload` or a generator spec
 * `{"generate": {"rows": 100000, "cols": 20, "seed": 1, "naive": false}}`, optionally paged with
 * `"pageRows": n` ("Load more" serves the next page); or `{"error": {"message", "details"}}`; or
 * `{"loading": "message"}` (Cancel answers `cancelled`). The file is read on every run. While it
 * holds `"holdStream": n` (in any of these forms), a big result streams at most n chunks; rewrite
 * it in place to change or drop the cap (see streamGate).
 */
function showDev(tab: ResultsTab, doc: DevDocument): void {
  if (doc.loading !== undefined) {
    const id = `dev-loading-${Date.now()}`;
    tab.showLoading(id, doc.loading, '-- dev: a query that never finishes');
    return; // Cancel ends it (the tab's controller: no run stands behind it)
  }
  if (doc.error) {
    tab.showError(`dev-error-${Date.now()}`, doc.error.message, doc.error.details);
    return;
  }
  if (doc.pageRows) tab.controller.showPaged(doc.result!, doc.pageRows);
  else tab.showResult(doc.result!);
}

/**
 * Resolves before chunk `n` once the dev file's `holdStream` is absent or above `n`. The file is
 * read before every chunk, so the cap is whatever it says now; while it holds, the file is watched
 * (an unreadable file, e.g. caught mid-write, holds). The watcher closes on release.
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
  return async (chunk) => {
    if (mayPass(chunk)) return;
    await new Promise<void>((resolve) => {
      const release = (): void => {
        if (!mayPass(chunk)) return;
        watcher.close();
        resolve();
      };
      // watch, then look again: a write between the first look and the watch is not missed
      const watcher = watch(file, release);
      release();
    });
  };
}

/** "Open Results Panel" with `HOGQL_DEV_RESULTS_FILE` set: the panel shows that file's result. */
export function openDevResults(ctx: Ctx, file: string): { title: string } {
  const doc = devDocument(JSON.parse(readFileSync(file, 'utf8')));
  const panel = ResultsPanel.show(ctx);
  panel.setStreamGate(streamGate(file));
  showDev(panel.tab(), doc);
  return { title: panel.title };
}
