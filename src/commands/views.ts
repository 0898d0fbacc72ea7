/**
 * Views (PostHog's data warehouse saved queries) from `.hogql` files: "Save as View…" creates one
 * from the file's query and links the file to it (first line `-- posthog: view <id> on project …`);
 * "Open View…" opens a view's HogQL as a linked document. Pull, Push and Compare: viewSync.ts.
 * Name rules: query/viewName.ts. A view is a table in HogQL: `SELECT * FROM <name>`.
 */
import * as vscode from 'vscode';
import type { SavedQuery } from '../api/resources/savedQueries';
import { viewHogQL } from '../api/resources/savedQueries';
import type { ActiveSession } from '../auth/session';
import type { Ctx } from '../ctx';
import { loadLanguageBundle } from '../languageLoader';
import { fileText, withoutHeader, type HeaderLink } from '../query/insightHeader';
import { suggestViewName, viewNameProblem } from '../query/viewName';
import { assertWritable, confirmWrite } from '../ui/confirm';
import { openWeb } from '../ui/openWeb';
import type { CommandTable } from '../ui/registry';
import { fileNameOf } from '../ui/scratchDocs';
import { oneLine } from '../views/format';
import { assertParses, documentFor, textToSave, writeHeader, type SaveArgs } from './linkedDoc';
import { sessionOrStop } from './session';

const postHogTables = (): ReadonlySet<string> => new Set(loadLanguageBundle().getVocabulary().tables.map((t) => t.name));

/** Where a view's query opens: named after the view, one editor per view (ui/scratchDocs.ts). */
export function viewDocUri(projectId: number, id: string, name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'hogql-insight', path: `/${projectId}/views/${fileNameOf(id, 40)}/${fileNameOf(name)}.hogql` });
}

function defaultViewName(doc: vscode.TextDocument): string {
  const comment = /^\s*--\s*(.+)$/m.exec(withoutHeader(doc.getText()))?.[1];
  return suggestViewName(comment ?? doc.uri.path.split('/').pop()?.replace(/\.[^.]*$/, '') ?? '');
}

async function askName(doc: vscode.TextDocument, tables: ReadonlySet<string>, given?: string): Promise<string | undefined> {
  if (given !== undefined) {
    const problem = viewNameProblem(given, tables);
    if (problem) throw new Error(`Not saved: ${problem}`);
    return given;
  }
  return vscode.window.showInputBox({
    title: 'PostHog: Save as View',
    prompt: 'View name: queried as a table (SELECT * FROM <name>)',
    value: defaultViewName(doc),
    validateInput: (v) => viewNameProblem(v, tables),
    ignoreFocusOut: true,
  });
}

/** PostHog's POST updates the view of that name when there is one: this command only creates. */
async function existingView(session: ActiveSession, name: string): Promise<SavedQuery | undefined> {
  for await (const v of session.client.savedQueries.list(session.projectId, { filters: { search: name } })) if (v.name === name) return v;
  return undefined;
}

async function saveAsView(ctx: Ctx, args?: SaveArgs): Promise<{ id: string; name: string } | undefined> {
  assertWritable('saving the view');
  const doc = await documentFor(args);
  const session = await ctx.session.active();
  if (!session) throw new Error('Sign in to PostHog first.');
  const text = textToSave(doc, false);
  await assertParses(text);
  const name = await askName(doc, postHogTables(), args?.name);
  if (!name) return undefined;
  if (await existingView(session, name)) {
    throw new Error(`Project ${session.projectName} already has a view named "${name}". Pick another name, or open that view with "PostHog: Open View…" and push to it.`);
  }
  const ok = await confirmWrite(`Create the view "${name}" in project ${session.projectName}?`, `On ${session.connection.host}. Queries can then read it as a table: SELECT * FROM ${name}. The query:\n${text.slice(0, 500)}`, 'Create View');
  if (!ok) return undefined;
  const view = await session.client.savedQueries.create(session.projectId, { name, query: { kind: 'HogQLQuery', query: text } });
  const link: HeaderLink = { kind: 'view', shortId: String(view.id), projectId: session.projectId, host: session.connection.host };
  await ctx.queries.insightLinks.remember(link, { name: view.name, lastModifiedAt: view.latest_history_id, query: text });
  await writeHeader(doc, link);
  ctx.log.info(`created view ${view.id} "${view.name}" in project ${session.projectId}`);
  void vscode.window.showInformationMessage(`PostHog: saved the view "${view.name}"; the file's first line now links to it.`, 'Open in PostHog').then((c) => {
    if (c) void openWeb(session.client.web.view(session.projectId, String(view.id)));
  });
  return { id: String(view.id), name: view.name };
}

async function pickView(session: ActiveSession): Promise<string | undefined> {
  const items = vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'PostHog: loading views' }, async () => {
    const out: (vscode.QuickPickItem & { id: string })[] = [];
    for await (const v of session.client.savedQueries.list(session.projectId)) out.push({ label: v.name, description: v.is_materialized ? 'materialized' : undefined, detail: v.status ? `status: ${v.status}` : undefined, id: String(v.id) });
    return out;
  });
  const picked = await vscode.window.showQuickPick(items, { title: `PostHog: Open View (project ${session.projectName})`, placeHolder: 'A view opens as a .hogql document linked to it', matchOnDescription: true });
  return picked?.id;
}

/** Opens a view's HogQL in an editor linked to it; `args.id` skips the pick (scripts, tests). */
async function openView(ctx: Ctx, args?: { id?: string }): Promise<string | undefined> {
  const session = await sessionOrStop(ctx);
  const id = args?.id ?? (await pickView(session));
  if (!id) return undefined;
  const view = await session.client.savedQueries.get(session.projectId, id);
  const sql = viewHogQL(view);
  if (sql === undefined) throw new Error(`The view "${oneLine(view.name, 150)}" holds no HogQL query.`);
  const link: HeaderLink = { kind: 'view', shortId: String(view.id), projectId: session.projectId, host: session.connection.host };
  const { document: doc } = await ctx.queries.scratch.show(viewDocUri(session.projectId, String(view.id), view.name), fileText(link, sql));
  await ctx.queries.insightLinks.remember(link, { name: view.name, lastModifiedAt: view.latest_history_id, query: sql });
  return doc.uri.toString();
}

export const viewCommands: CommandTable = {
  saveAsView: (ctx) => (args?: SaveArgs) => saveAsView(ctx, args),
  openView: (ctx) => (args?: { id?: string }) => openView(ctx, args),
};
