/**
 * Opening an insight from the sidebar: a SQL insight opens its HogQL in a `hogql` editor named
 * after the insight (`hogql-insight:/<project>/<short id>/<name>.hogql`, see ui/scratchDocs.ts), linked to the insight by its first line (query/insightHeader.ts: Pull, Push, Compare); any other insight is
 * computed by PostHog (`GET insights/:id/?refresh=blocking`) and its result shown in the results
 * panel when it is tabular, else its query and result open as JSON.
 */
import * as vscode from 'vscode';
import type { Insight } from '../api/resources/insights';
import type { HogQLQueryResponse } from '../api/resources/query';
import type { ActiveSession } from '../auth/session';
import type { Ctx } from '../ctx';
import { fileText } from '../query/insightHeader';
import { toPayload } from '../results/response';
import { fileNameOf } from '../ui/scratchDocs';
import { insightName, resultTable, sqlOf } from '../views/insightLogic';
import { InsightNode } from '../views/nodes/insightNode';
import { ResultsPanel } from '../webview/resultsPanel';
import { rememberChart } from './insight';
import { sessionOrStop } from './session';
import type { CommandTable } from '../ui/registry';

export type OpenedInsight = { kind: 'sql'; uri: string } | { kind: 'table'; rows: number; columns: string[] } | { kind: 'json'; uri: string };

/** Where an insight's query opens: named after the insight, one editor per insight (ui/scratchDocs.ts). */
export function insightDocUri(projectId: number, shortId: string, name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'hogql-insight', path: `/${projectId}/${fileNameOf(shortId, 40)}/${fileNameOf(name)}.hogql` });
}

async function openSql(ctx: Ctx, session: ActiveSession, insight: Insight, sql: string): Promise<OpenedInsight> {
  const uri = insightDocUri(session.projectId, insight.short_id, insightName(insight));
  const link = { shortId: insight.short_id, projectId: session.projectId, host: session.connection.host };
  // the document's first line links it to the insight (query/insightHeader.ts)
  const { document: doc } = await ctx.queries.scratch.show(uri, fileText(link, sql));
  await ctx.queries.insightLinks.remember(link, { id: insight.id, name: insightName(insight), lastModifiedAt: insight.last_modified_at });
  await rememberChart(ctx, doc.uri.toString(), sql, insight.query);
  return { kind: 'sql', uri: doc.uri.toString() };
}

async function computed(session: ActiveSession, id: number): Promise<{ insight: Insight; ms: number }> {
  const started = Date.now();
  const res = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'PostHog: computing insight…', cancellable: true }, (_p, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    return session.client.request<Insight>({
      method: 'GET',
      path: `/api/projects/${session.projectId}/insights/${encodeURIComponent(String(id))}/`,
      query: { refresh: 'blocking' },
      json: 'lossless',
      signal: controller.signal,
    });
  });
  return { insight: res.data, ms: Date.now() - started };
}

async function openComputed(ctx: Ctx, session: ActiveSession, insight: Insight): Promise<OpenedInsight> {
  const { insight: full, ms } = await computed(session, insight.id);
  const table = resultTable(full.result, full.columns);
  const name = insightName(full);
  if (table) {
    const response: HogQLQueryResponse = { results: table.rows, columns: table.columns, types: table.columns.map((c, i) => [c, table.types[i] ?? ''] as [string, string]) };
    const panel = ResultsPanel.show(ctx, `insight:${session.projectId}:${insight.id}`, `Insight: ${name}`);
    panel.tab().showResult(toPayload(response, { queryId: `insight-${insight.short_id}`, elapsedMs: ms }));
    return { kind: 'table', rows: table.rows.length, columns: table.columns };
  }
  const content = JSON.stringify({ name, short_id: full.short_id, query: full.query, result: full.result ?? null }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2);
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content });
  await vscode.window.showTextDocument(doc, { preview: false });
  return { kind: 'json', uri: doc.uri.toString() };
}

async function openInsight(ctx: Ctx, arg: unknown): Promise<OpenedInsight> {
  const session = await sessionOrStop(ctx, 'open insights');
  let insight: Insight;
  if (arg instanceof InsightNode) insight = arg.item;
  else if (arg && typeof (arg as { id?: unknown }).id === 'number') insight = await session.client.insights.get(session.projectId, (arg as { id: number }).id);
  else throw new Error('Pick an insight in the Insights view.');
  // List rows come with `basic=true` (no result); the query is there.
  const sql = sqlOf(insight.query);
  return sql !== undefined ? openSql(ctx, session, insight, sql) : openComputed(ctx, session, insight);
}

export function insightCommands(): CommandTable {
  return {
    'insights.open': (ctx) => (arg: unknown) => openInsight(ctx, arg),
  };
}
