import * as vscode from 'vscode';
import { oneLine } from '../views/format';
import type { Ctx } from '../ctx';
import type { Insight } from '../api/resources/insights';
import type { ActiveSession } from '../auth/session';
import { fileText, withoutHeader, type HeaderLink } from '../query/insightHeader';
import type { InsightLink } from '../query/insightLink';
import { chartChoices } from '../query/chartChoices';
import { REMOTE_SCHEME } from '../query/service';
import { fromPostHog, toPostHog, type ChartChoice } from '../results/chartSettings';
import { insightName, sqlOf } from '../views/insightLogic';
import { assertWritable, confirmWrite } from '../ui/confirm';
import { openWeb } from '../ui/openWeb';
import type { CommandTable } from '../ui/registry';
import { assertParses, documentFor, linkedDoc, replaceDocument, textToSave, writeHeader, type SaveArgs } from './linkedDoc';
import { compareView, pullView, pushView } from './viewSync';

function sqlInsightQuery(hogql: string, chart?: ChartChoice): Record<string, unknown> {
  // A SQL insight, as PostHog's SQL editor saves it: a data visualization wrapping a HogQL query,
  // with the chart chosen for the statement in PostHog's shape (src/results/chartSettings.ts).
  return { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query: hogql }, ...(chart ? toPostHog(chart) : {}) };
}

function defaultName(text: string): string {
  const comment = /^\s*--\s*(.+)$/m.exec(text);
  return comment?.[1]?.trim() || 'HogQL query from VS Code';
}

async function saveAsInsight(ctx: Ctx, args?: SaveArgs): Promise<{ id: number; shortId: string } | undefined> {
  assertWritable('saving the insight');
  const doc = await documentFor(args);
  const session = await ctx.session.active();
  if (!session) throw new Error('Sign in to PostHog first.');
  const text = textToSave(doc, false);
  await assertParses(text);
  const name =
    args?.name ??
    (await vscode.window.showInputBox({ title: 'PostHog: save as SQL insight', prompt: 'Insight name', value: defaultName(withoutHeader(doc.getText())), ignoreFocusOut: true }));
  if (!name) return undefined;
  const ok = await confirmWrite(`Create the SQL insight "${name}" in project ${session.projectName}?`, `On ${session.connection.host}. The query:\n${text.slice(0, 500)}`, 'Create Insight');
  if (!ok) return undefined;
  const chart = chartChoices(ctx).get(doc.uri.toString(), text);
  const insight = await session.client.insights.create(session.projectId, { name, query: sqlInsightQuery(text, chart), saved: true });
  const link: HeaderLink = { shortId: insight.short_id, projectId: session.projectId, host: session.connection.host };
  await ctx.queries.insightLinks.remember(link, { id: insight.id, name, lastModifiedAt: insight.last_modified_at, query: text });
  await writeHeader(doc, link);
  ctx.log.info(`created insight ${insight.short_id} (${insight.id}) "${name}" in project ${session.projectId}`);
  void vscode.window.showInformationMessage(`PostHog: saved the insight "${name}"; the file's first line now links to it.`, 'Open in PostHog').then((c) => {
    if (c) void openWeb(session.client.web.insight(session.projectId, insight.short_id));
  });
  return { id: insight.id, shortId: insight.short_id };
}

/** The linked document's insight, fetched (its name, query and version as PostHog holds them now). */
async function linkedInsight(ctx: Ctx, args: SaveArgs | undefined, what: string): Promise<{ doc: vscode.TextDocument; link: InsightLink; session: ActiveSession; insight: Insight; name: string }> {
  const { doc, link, session } = await linkedDoc(ctx, args, what);
  const insight = await session.client.insights.getByShortId(session.projectId, link.shortId);
  if (!insight || insight.deleted) throw new Error(`The insight ${link.shortId} is not in project ${link.projectId} on ${link.host} (deleted?).`);
  return { doc, link, session, insight, name: insightName(insight) };
}

async function updateInsight(ctx: Ctx, args?: SaveArgs): Promise<boolean> {
  assertWritable('updating the insight');
  const { doc, link, session, insight, name } = await linkedInsight(ctx, args, 'push this query');
  const text = textToSave(doc, true);
  await assertParses(text);
  const synced = ctx.queries.insightLinks.syncedVersion(link);
  const changed = !!synced && !!insight.last_modified_at && insight.last_modified_at !== synced;
  const title = changed
    ? `The insight "${oneLine(name, 150)}" (${link.shortId}) was changed in PostHog since this workspace last pulled or pushed it (${insight.last_modified_at}). Replace PostHog's version with this file's query in project ${session.projectName}?`
    : `Update the insight "${oneLine(name, 150)}" (${link.shortId}) in project ${session.projectName} with this query?`;
  const ok = await confirmWrite(title, changed ? `Use "Compare" to see both first. This file's query:\n${text.slice(0, 500)}` : text.slice(0, 500), changed ? 'Replace' : 'Update Insight');
  if (!ok) return false;
  // keep what PostHog stores around the query (goal lines, formatting…): replace the HogQL, and the
  // chart when one was chosen here for this statement
  const chart = chartChoices(ctx).get(doc.uri.toString(), text);
  const current = insight.query as { kind?: unknown; source?: Record<string, unknown>; chartSettings?: unknown } | undefined;
  const kept = current?.kind === 'DataVisualizationNode' && current.source?.kind === 'HogQLQuery' ? { ...current, source: { ...current.source, query: text } } : undefined;
  const query = kept ? { ...kept, ...(chart ? toPostHog(chart, kept.chartSettings) : {}) } : sqlInsightQuery(text, chart);
  const updated = await session.client.insights.update(session.projectId, insight.id, { query });
  await ctx.queries.insightLinks.remember(link, { id: insight.id, name, lastModifiedAt: updated.last_modified_at, query: text });
  ctx.log.info(`updated insight ${link.shortId} (${insight.id})`);
  void vscode.window.showInformationMessage(`PostHog: updated the insight "${oneLine(name, 150)}".`);
  return true;
}

/** Pull: the insight's query from PostHog replaces the document's (one edit: Undo restores it). */
async function pullInsight(ctx: Ctx, args?: SaveArgs): Promise<string | undefined> {
  const { doc, link, insight, name } = await linkedInsight(ctx, args, 'pull the insight');
  const sql = sqlOf(insight.query);
  if (sql === undefined) throw new Error(`The insight "${oneLine(name, 150)}" is not a SQL insight any more; nothing was changed.`);
  await replaceDocument(doc, fileText(link, sql));
  await ctx.queries.insightLinks.remember(link, { id: insight.id, name, lastModifiedAt: insight.last_modified_at, query: sql });
  await rememberChart(ctx, doc.uri.toString(), sql, insight.query);
  void vscode.window.setStatusBarMessage(`PostHog: pulled "${oneLine(name, 80)}" (undo with Ctrl/Cmd+Z)`, 5_000);
  return sql;
}

/** An insight's chart (PostHog's chart settings), kept as the choice for its statement in `doc`: it draws as in PostHog. */
export async function rememberChart(ctx: Ctx, doc: string, sql: string, query: unknown): Promise<void> {
  const chart = fromPostHog(query);
  if (chart) await chartChoices(ctx).set(doc, sql, chart);
}

/** Compare: the insight's query in PostHog (read-only, left) beside this document (right). */
async function compareInsight(ctx: Ctx, args?: SaveArgs): Promise<string | undefined> {
  const { doc, link, insight, name } = await linkedInsight(ctx, args, 'compare with the insight');
  const sql = sqlOf(insight.query);
  if (sql === undefined) throw new Error(`The insight "${oneLine(name, 150)}" is not a SQL insight any more.`);
  const remote = vscode.Uri.from({ scheme: REMOTE_SCHEME, path: `/${link.projectId}/${link.shortId}/${encodeURIComponent(name)}.hogql`, query: String(Date.now()) });
  ctx.queries.remoteTexts.set(remote.toString(), fileText(link, sql));
  await vscode.commands.executeCommand('vscode.diff', remote, doc.uri, `${oneLine(name, 60)}: PostHog ↔ ${doc.uri.path.split('/').pop() ?? 'file'}`);
  return remote.toString();
}

async function openInsight(ctx: Ctx, args?: SaveArgs): Promise<string | undefined> {
  const doc = await documentFor(args);
  const link = ctx.queries.insightLinks.of(doc);
  const session = await ctx.session.active();
  if (!link || !session) throw new Error('This document is not linked to an insight or a view.');
  const url = link.kind === 'view' ? session.client.web.view(link.projectId, link.shortId) : session.client.web.insight(link.projectId, link.shortId);
  return openWeb(url);
}

/** Whether the command's document is linked to a view (then the view's Pull/Push/Compare run). */
async function isView(ctx: Ctx, args?: SaveArgs): Promise<boolean> {
  const doc = args?.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : vscode.window.activeTextEditor?.document;
  return !!doc && ctx.queries.insightLinks.of(doc)?.kind === 'view';
}

export const insightCommands: CommandTable = {
  saveAsInsight: (ctx) => (args?: SaveArgs) => saveAsInsight(ctx, args),
  updateInsight: (ctx) => async (args?: SaveArgs) => ((await isView(ctx, args)) ? pushView(ctx, args) : updateInsight(ctx, args)),
  pullInsight: (ctx) => async (args?: SaveArgs) => ((await isView(ctx, args)) ? pullView(ctx, args) : pullInsight(ctx, args)),
  compareInsight: (ctx) => async (args?: SaveArgs) => ((await isView(ctx, args)) ? compareView(ctx, args) : compareInsight(ctx, args)),
  openInsightInPostHog: (ctx) => (args?: SaveArgs) => openInsight(ctx, args),
};
