import * as vscode from 'vscode';
import { oneLine } from '../views/format';
import type { Ctx } from '../ctx';
import { splitStatements } from '../language/hogql/split';
import type { Insight } from '../api/resources/insights';
import type { ActiveSession } from '../auth/session';
import { fileText, formatHeader, parseHeader, withoutHeader, type HeaderLink } from '../query/insightHeader';
import type { InsightLink } from '../query/insightLink';
import { REMOTE_SCHEME } from '../query/service';
import { queryTarget } from '../query/target';
import { fromPostHog, toPostHog, type ChartChoice } from '../results/chartSettings';
import { insightName, sqlOf } from '../views/insightLogic';
import { assertWritable, confirmWrite } from '../ui/confirm';
import { openWeb } from '../ui/openWeb';
import type { CommandTable } from '../ui/registry';
import { parserVerdict } from './syntax';

/** Arguments for scripted use (tests): the document and the insight name, no prompts. */
interface SaveArgs {
  uri?: string;
  name?: string;
}

function sqlInsightQuery(hogql: string, chart?: ChartChoice): Record<string, unknown> {
  // A SQL insight, as PostHog's SQL editor saves it: a data visualization wrapping a HogQL query,
  // with the chart chosen for the statement in PostHog's shape (src/results/chartSettings.ts).
  return { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query: hogql }, ...(chart ? toPostHog(chart) : {}) };
}

/**
 * The query to save: the whole file when it is linked to an insight (the file is the insight), else
 * the whole statement at the cursor. A selection never narrows it: after a find or a double click
 * part of the query is selected, and saving that part would replace the insight's query with it.
 */
function textToSave(doc: vscode.TextDocument, linked: boolean): string {
  const text = linked ? withoutHeader(doc.getText()) : doc.getText();
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
  // the first statement's leading comments may include an old link header: never part of the query
  return withoutHeader(r.target.text).trim();
}

/** Refuses a query PostHog's parser rejects; a parser that timed out or crashed leaves it to the server. */
async function assertParses(text: string): Promise<void> {
  if (!text.trim()) throw new Error('There is no query to save.');
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

/** Puts the link header on the document's first line (replacing an old one). */
async function writeHeader(doc: vscode.TextDocument, link: HeaderLink): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  const line = formatHeader(link);
  if (parseHeader(doc.lineAt(0).text)) edit.replace(doc.uri, doc.lineAt(0).range, line);
  else edit.insert(doc.uri, new vscode.Position(0, 0), `${line}\n`);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('Could not write the insight link into the document.');
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
  const chart = ctx.queries.charts.get(doc.uri.toString(), text);
  const insight = await session.client.insights.create(session.projectId, { name, query: sqlInsightQuery(text, chart), saved: true });
  const link: HeaderLink = { shortId: insight.short_id, projectId: session.projectId, host: session.connection.host };
  await ctx.queries.insightLinks.remember(link, { id: insight.id, name, lastModifiedAt: insight.last_modified_at });
  await writeHeader(doc, link);
  ctx.log.info(`created insight ${insight.short_id} (${insight.id}) "${name}" in project ${session.projectId}`);
  void vscode.window.showInformationMessage(`PostHog: saved the insight "${name}"; the file's first line now links to it.`, 'Open in PostHog').then((c) => {
    if (c) void openWeb(session.client.web.insight(session.projectId, insight.short_id));
  });
  return { id: insight.id, shortId: insight.short_id };
}

/** The linked document's insight, fetched (its name, query and version as PostHog holds them now). */
async function linkedInsight(ctx: Ctx, args: SaveArgs | undefined, what: string): Promise<{ doc: vscode.TextDocument; link: InsightLink; session: ActiveSession; insight: Insight; name: string }> {
  const doc = await documentFor(args);
  const link = ctx.queries.insightLinks.of(doc);
  if (!link) {
    throw new Error(`This document is not linked to an insight: its first line would say "-- posthog: insight <short id> on project <id> of <host>". Open a SQL insight from the Insights view, or use "Save as Insight".`);
  }
  const session = await ctx.session.active();
  const sameHost = session && session.connection.host.replace(/\/+$/, '') === link.host;
  if (!session || !sameHost || session.projectId !== link.projectId) {
    throw new Error(`To ${what}, switch to project ${link.projectId} on ${link.host}: the insight ${link.shortId} belongs to it.`);
  }
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
  const chart = ctx.queries.charts.get(doc.uri.toString(), text);
  const current = insight.query as { kind?: unknown; source?: Record<string, unknown>; chartSettings?: unknown } | undefined;
  const kept = current?.kind === 'DataVisualizationNode' && current.source?.kind === 'HogQLQuery' ? { ...current, source: { ...current.source, query: text } } : undefined;
  const query = kept ? { ...kept, ...(chart ? toPostHog(chart, kept.chartSettings) : {}) } : sqlInsightQuery(text, chart);
  const updated = await session.client.insights.update(session.projectId, insight.id, { query });
  await ctx.queries.insightLinks.remember(link, { id: insight.id, name, lastModifiedAt: updated.last_modified_at });
  ctx.log.info(`updated insight ${link.shortId} (${insight.id})`);
  void vscode.window.showInformationMessage(`PostHog: updated the insight "${oneLine(name, 150)}".`);
  return true;
}

/** Pull: the insight's query from PostHog replaces the document's (one edit: Undo restores it). */
async function pullInsight(ctx: Ctx, args?: SaveArgs): Promise<string | undefined> {
  const { doc, link, insight, name } = await linkedInsight(ctx, args, 'pull the insight');
  const sql = sqlOf(insight.query);
  if (sql === undefined) throw new Error(`The insight "${oneLine(name, 150)}" is not a SQL insight any more; nothing was changed.`);
  const text = fileText(link, sql);
  if (doc.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error('Could not update the document.');
  }
  await ctx.queries.insightLinks.remember(link, { id: insight.id, name, lastModifiedAt: insight.last_modified_at });
  await rememberChart(ctx, doc.uri.toString(), sql, insight.query);
  void vscode.window.setStatusBarMessage(`PostHog: pulled "${oneLine(name, 80)}" (undo with Ctrl/Cmd+Z)`, 5_000);
  return sql;
}

/** An insight's chart (PostHog's chart settings), kept as the choice for its statement in `doc`: it draws as in PostHog. */
export async function rememberChart(ctx: Ctx, doc: string, sql: string, query: unknown): Promise<void> {
  const chart = fromPostHog(query);
  if (chart) await ctx.queries.charts.set(doc, sql, chart);
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
  if (!link || !session) throw new Error('This document is not linked to an insight.');
  const url = session.client.web.insight(link.projectId, link.shortId);
  return openWeb(url);
}

export const insightCommands: CommandTable = {
  saveAsInsight: (ctx) => (args?: SaveArgs) => saveAsInsight(ctx, args),
  updateInsight: (ctx) => (args?: SaveArgs) => updateInsight(ctx, args),
  pullInsight: (ctx) => (args?: SaveArgs) => pullInsight(ctx, args),
  compareInsight: (ctx) => (args?: SaveArgs) => compareInsight(ctx, args),
  openInsightInPostHog: (ctx) => (args?: SaveArgs) => openInsight(ctx, args),
};
