import * as vscode from 'vscode';
import { oneLine } from '../views/format';
import type { Ctx } from '../ctx';
import { splitStatements } from '../language/hogql/split';
import { queryTarget } from '../query/target';
import { assertWritable, confirmWrite } from '../ui/confirm';
import { openWeb } from '../ui/openWeb';
import type { CommandTable } from '../ui/registry';
import { parserVerdict } from './syntax';

/** Arguments for scripted use (tests): the document and the insight name, no prompts. */
interface SaveArgs {
  uri?: string;
  name?: string;
}

function sqlInsightQuery(hogql: string): Record<string, unknown> {
  // A SQL insight, as PostHog's SQL editor saves it: a data visualization wrapping a HogQL query.
  return { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query: hogql } };
}

/**
 * The query to save: the whole file when it is linked to an insight (the file is the insight), else
 * the whole statement at the cursor. A selection never narrows it: after a find or a double click
 * part of the query is selected, and saving that part would replace the insight's query with it.
 */
function textToSave(doc: vscode.TextDocument, linked: boolean): string {
  const text = doc.getText();
  if (linked) {
    const count = splitStatements(text).length;
    if (count > 1) {
      throw new Error(`This file is linked to an insight, which holds one query, but the file has ${count} statements. Keep one statement in it, or use "Save as Insight" for a new one.`);
    }
    const whole = text.trim().replace(/;\s*$/, '');
    if (!whole) throw new Error('The file is empty: there is no query to save.');
    return whole;
  }
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  const cursor = editor ? doc.offsetAt(editor.selection.active) : 0;
  const r = queryTarget(text, { start: cursor, end: cursor }, cursor);
  if (!r.ok) throw new Error(r.reason);
  return r.target.text;
}

/** Refuses a query PostHog's parser rejects; a parser that timed out or crashed leaves it to the server. */
async function assertParses(text: string): Promise<void> {
  const verdict = await parserVerdict(text);
  if (verdict?.kind === 'error') {
    throw new Error(`Not saved: PostHog's parser rejects this query (${verdict.error.message}). Fix the syntax error first; nothing was sent.`);
  }
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
  const text = textToSave(doc, false);
  await assertParses(text);
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
    if (c) void openWeb(session.client.web.insight(session.projectId, insight.short_id));
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
  const text = textToSave(doc, true);
  await assertParses(text);
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
  return openWeb(url);
}

export const insightCommands: CommandTable = {
  saveAsInsight: (ctx) => (args?: SaveArgs) => saveAsInsight(ctx, args),
  updateInsight: (ctx) => (args?: SaveArgs) => updateInsight(ctx, args),
  openInsightInPostHog: (ctx) => (args?: SaveArgs) => openInsight(ctx, args),
};
