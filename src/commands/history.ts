/**
 * "Reopen Result" on a query history entry: its last result, from the bounded cache in global
 * storage (src/query/resultCache.ts), shown in a results panel without running the query again.
 * When the result is no longer kept (evicted, or the run had none) the user is told so and offered
 * a re-run.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { queryLabel, type HistoryEntry } from '../query/historyStore';
import { DEFAULT_CACHE_LIMITS } from '../query/resultCache';
import type { ResultPayload } from '../results/protocol';
import { notify } from '../ui/notify';
import type { CommandTable } from '../ui/registry';
import { ResultsPanel } from '../webview/resultsPanel';

export type Reopened = { kind: 'reopened'; queryId: string; rows: number; totalRows: number; storedAt: number; panel: string } | { kind: 'notKept'; message: string };

function isEntry(v: unknown): v is HistoryEntry {
  const e = v as Partial<HistoryEntry> | undefined;
  return typeof e?.id === 'string' && typeof e.query === 'string' && typeof e.status === 'string';
}

function notKeptMessage(e: HistoryEntry): string {
  if (e.status === 'failed') return 'This run failed: it has no result to reopen.';
  if (e.status === 'cancelled') return 'This run was cancelled: it has no result to reopen.';
  return `The result of this run is no longer kept (the last ${DEFAULT_CACHE_LIMITS.maxEntries} results are): run the query again to see it.`;
}

async function reopen(ctx: Ctx, e: HistoryEntry): Promise<Reopened> {
  const cached = await ctx.queries.history.results.get(e.id);
  if (!cached) {
    const message = notKeptMessage(e);
    void notify('info', `PostHog: ${message}`, ...(e.status === 'done' ? ['Run Again'] : [])).then((c) => {
      if (c) void vscode.commands.executeCommand('hogql.history.rerun', e);
    });
    return { kind: 'notKept', message };
  }
  const when = new Date(cached.storedAt).toLocaleString();
  const title = `History: ${queryLabel(e.query, 40)}`;
  const panel = ResultsPanel.show(ctx, `history:${e.id}`, title);
  const cut = cached.rows.length < cached.totalRows;
  const payload: ResultPayload = {
    queryId: `history-${e.id}-${cached.storedAt}`,
    columns: cached.columns,
    rows: cached.rows,
    hasMore: false,
    elapsedMs: cached.elapsedMs,
    query: cached.query ?? e.query,
    ...(cached.timezone ? { timezone: cached.timezone } : {}),
  };
  panel.tab().showResult(payload);
  void vscode.window.setStatusBarMessage(
    `PostHog: the result of ${when}, not run again${cut ? ` (its first ${cached.rows.length.toLocaleString()} of ${cached.totalRows.toLocaleString()} rows were kept)` : ''}`,
    8_000,
  );
  return { kind: 'reopened', queryId: payload.queryId, rows: cached.rows.length, totalRows: cached.totalRows, storedAt: cached.storedAt, panel: title };
}

export const historyCommands: CommandTable = {
  'history.reopen': (ctx) => (e: unknown) => {
    if (!isEntry(e)) throw new Error('Pick a run in the Query History view.');
    return reopen(ctx, e);
  },
};
