import * as vscode from 'vscode';
import { oneLine } from '../views/format';
import type { Ctx } from '../ctx';
import { queryTarget } from '../query/target';
import { assertWritable, confirmWrite } from '../ui/confirm';
import type { CommandTable } from './registry';

/** Arguments for scripted use (tests): the document and the insight name, no prompts. */
interface SaveArgs {
  uri?: string;
  name?: string;
}

function sqlInsightQuery(hogql: string): Record<string, unknown> {
  // A SQL insight, as PostHog's SQL editor saves it: a data visualization wrapping a HogQL query.
  return { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query: hogql } };
}

/** The text to save: the selection, else the statement at the cursor, else the only statement. */
function textToSave(doc: vscode.TextDocument): string {
  const editor = vscode.window.activeTextEditor?.document === doc ? vscode.window.activeTextEditor : undefined;
  const sel = editor?.selection;
  const r = queryTarget(doc.getText(), { start: sel ? doc.offsetAt(sel.start) : 0, end: sel ? doc.offsetAt(sel.end) : 0 }, sel ? doc.offsetAt(sel.active) : 0);
  if (!r.ok) throw new Error(r.reason);
  return r.target.text;
}

function defaultName(text: string): string {
  const comment = /^\s*--\s*(.+)$/m.exec(text);
  return comment?.[1]?.trim() || 'HogQL query from VS Code';
}

async function documentFor(args?: SaveArgs): Promise<vscode.TextDocument> {
  const doc = args?.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : vscode.window.activeTextEditor?.document;
  if (!doc) throw new Error('Open a .hogql file first.');
  return doc;
}

async function saveAsInsight(ctx: Ctx, args?: SaveArgs): Promise<{ id: number; shortId: string } | undefined> {
  assertWritable('saving the insight');
  const doc = await documentFor(args);
  const session = await ctx.session.active();
  if (!session) throw new Error('Sign in to PostHog first.');
  const text = textToSave(doc);
  const name =
    args?.name ??
    (await vscode.window.showInputBox({ title: 'PostHog: save as SQL insight', prompt: 'Insight name', value: defaultName(doc.getText()), ignoreFocusOut: true }));
  if (!name) return undefined;
  const ok = await confirmWrite(`Create the SQL insight "${name}" in project ${session.projectName}?`, `On ${session.connection.host}. The query:\n${text.slice(0, 500)}`, 'Create Insight');
  if (!ok) return undefined;
  const insight = await session.client.insights.create(session.projectId, { name, query: sqlInsightQuery(text), saved: true });
  ctx.queries.linkInsight(doc.uri.toString(), {
    insightId: insight.id,
    shortId: insight.short_id,
    name,
    host: session.connection.host,
    projectId: session.projectId,
  });
  ctx.log.info(`created insight ${insight.short_id} (${insight.id}) "${name}" in project ${session.projectId}`);
  void vscode.window.showInformationMessage(`PostHog: saved the insight "${name}".`, 'Open in PostHog').then((c) => {
    if (c) void vscode.env.openExternal(vscode.Uri.parse(session.client.web.insight(session.projectId, insight.short_id)));
  });
  return { id: insight.id, shortId: insight.short_id };
}

async function updateInsight(ctx: Ctx, args?: SaveArgs): Promise<boolean> {
  assertWritable('updating the insight');
  const doc = await documentFor(args);
  const link = ctx.queries.insightLinks.get(doc.uri.toString());
  if (!link) throw new Error('This document is not linked to an insight. Open a SQL insight from the Insights view, or use "Save as Insight".');
  const session = await ctx.session.active();
  if (!session || session.connection.host !== link.host || session.projectId !== link.projectId) {
    throw new Error(`The insight "${link.name}" belongs to project ${link.projectId} on ${link.host}; switch to it first.`);
  }
  const text = textToSave(doc);
  const ok = await confirmWrite(`Update the insight "${oneLine(link.name, 150)}" (${link.shortId}) in project ${session.projectName} with this query?`, text.slice(0, 500), 'Update Insight');
  if (!ok) return false;
  await session.client.insights.update(session.projectId, link.insightId, { query: sqlInsightQuery(text) });
  ctx.log.info(`updated insight ${link.shortId} (${link.insightId})`);
  void vscode.window.showInformationMessage(`PostHog: updated the insight "${oneLine(link.name, 150)}".`);
  return true;
}

async function openInsight(ctx: Ctx, args?: SaveArgs): Promise<string | undefined> {
  const doc = await documentFor(args);
  const link = ctx.queries.insightLinks.get(doc.uri.toString());
  const session = await ctx.session.active();
  if (!link || !session) throw new Error('This document is not linked to an insight.');
  const url = session.client.web.insight(link.projectId, link.shortId);
  await vscode.env.openExternal(vscode.Uri.parse(url));
  return url;
}

export const insightCommands: CommandTable = {
  saveAsInsight: (ctx) => (args?: SaveArgs) => saveAsInsight(ctx, args),
  updateInsight: (ctx) => (args?: SaveArgs) => updateInsight(ctx, args),
  openInsightInPostHog: (ctx) => (args?: SaveArgs) => openInsight(ctx, args),
};
