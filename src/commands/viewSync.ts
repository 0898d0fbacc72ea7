/**
 * Pull, Push and Compare for a `.hogql` file linked to a view (a data warehouse saved query; its
 * first line says `-- posthog: view <id> on project …`), as for an insight (commands/insight.ts).
 * A view's version is its `latest_history_id`: PostHog refuses a query PATCH that does not name the
 * newest one ("The query was modified by someone else."), so Push sends the id it just read, after
 * warning when it differs from the one this workspace last pulled or pushed.
 */
import * as vscode from 'vscode';
import { NotFoundError } from '../api/errors';
import type { ActiveSession } from '../auth/session';
import type { Ctx } from '../ctx';
import { viewHogQL, type SavedQuery } from '../api/resources/savedQueries';
import { fileText, type HeaderLink } from '../query/insightHeader';
import type { InsightLink } from '../query/insightLink';
import { REMOTE_SCHEME } from '../query/service';
import { assertWritable, confirmWrite } from '../ui/confirm';
import { oneLine } from '../views/format';
import { assertParses, linkedDoc, replaceDocument, textToSave, type SaveArgs } from './linkedDoc';

/** The linked document's view, fetched (its name, query and version as PostHog holds them now). */
async function linkedView(ctx: Ctx, args: SaveArgs | undefined, what: string): Promise<{ doc: vscode.TextDocument; link: InsightLink; session: ActiveSession; view: SavedQuery; sql: string }> {
  const { doc, link, session } = await linkedDoc(ctx, args, what);
  const view = await fetchView(session, link);
  const sql = viewHogQL(view);
  if (sql === undefined) throw new Error(`The view "${oneLine(view.name, 150)}" holds no HogQL query.`);
  return { doc, link, session, view, sql };
}

/** The view of a link, or an error naming it when PostHog has no such view (deleted?). */
export async function fetchView(session: ActiveSession, link: HeaderLink): Promise<SavedQuery> {
  try {
    return await session.client.savedQueries.get(session.projectId, link.shortId);
  } catch (e) {
    if (e instanceof NotFoundError) throw new Error(`The view ${link.shortId} is not in project ${link.projectId} on ${link.host} (deleted?).`);
    throw e;
  }
}

export async function pullView(ctx: Ctx, args?: SaveArgs): Promise<string> {
  const { doc, link, view, sql } = await linkedView(ctx, args, 'pull the view');
  await replaceDocument(doc, fileText(link, sql));
  await ctx.queries.insightLinks.remember(link, { name: view.name, lastModifiedAt: view.latest_history_id, query: sql });
  void vscode.window.setStatusBarMessage(`PostHog: pulled the view "${oneLine(view.name, 80)}" (undo with Ctrl/Cmd+Z)`, 5_000);
  return sql;
}

export async function pushView(ctx: Ctx, args?: SaveArgs): Promise<boolean> {
  assertWritable('updating the view');
  const { doc, link, session, view } = await linkedView(ctx, args, 'push this query');
  const text = textToSave(doc, true);
  await assertParses(text);
  const synced = ctx.queries.insightLinks.syncedVersion(link);
  const changed = !!synced && !!view.latest_history_id && view.latest_history_id !== synced;
  const name = oneLine(view.name, 150);
  const title = changed
    ? `The view "${name}" was changed in PostHog since this workspace last pulled or pushed it. Replace PostHog's version with this file's query in project ${session.projectName}?`
    : `Update the view "${name}" in project ${session.projectName} with this query?`;
  const detail = `Queries reading the view ${view.name} see the new query at once.${changed ? ' Use "Compare" to see both first.' : ''} This file's query:\n${text.slice(0, 500)}`;
  if (!(await confirmWrite(title, detail, changed ? 'Replace' : 'Update View'))) return false;
  const updated = await session.client.savedQueries.update(session.projectId, view.id, { query: { kind: 'HogQLQuery', query: text }, edited_history_id: view.latest_history_id ?? null });
  await ctx.queries.insightLinks.remember(link, { name: updated.name, lastModifiedAt: updated.latest_history_id, query: text });
  ctx.log.info(`updated view ${view.id} "${view.name}"`);
  void vscode.window.showInformationMessage(`PostHog: updated the view "${name}".`);
  return true;
}

export async function compareView(ctx: Ctx, args?: SaveArgs): Promise<string> {
  const { doc, link, view, sql } = await linkedView(ctx, args, 'compare with the view');
  const remote = vscode.Uri.from({ scheme: REMOTE_SCHEME, path: `/${link.projectId}/view-${link.shortId}/${encodeURIComponent(view.name)}.hogql`, query: String(Date.now()) });
  ctx.queries.remoteTexts.set(remote.toString(), fileText(link, sql));
  await vscode.commands.executeCommand('vscode.diff', remote, doc.uri, `${oneLine(view.name, 60)}: PostHog ↔ ${doc.uri.path.split('/').pop() ?? 'file'}`);
  return remote.toString();
}
