/**
 * "Sync Folder with PostHog…" (issue #18): every `.hogql` file under a folder that is linked to an
 * insight or a view (its first line), with where it stands — ahead, behind, in conflict, in sync
 * (query/syncStatus.ts, from what this workspace recorded at its last pull or push) — in a quick
 * pick; picking one offers Push, Pull and Compare, the state's likely choice first.
 */
import * as vscode from 'vscode';
import { viewHogQL } from '../api/resources/savedQueries';
import type { ActiveSession } from '../auth/session';
import type { Ctx } from '../ctx';
import { parseHeader, withoutHeader, type HeaderLink } from '../query/insightHeader';
import { SYNC_LABELS, syncState, type SyncState } from '../query/syncStatus';
import { sqlOf } from '../views/insightLogic';
import { NotFoundError } from '../api/errors';
import type { CommandTable } from '../ui/registry';
import { sessionOrStop } from './session';

export type RowState = SyncState | 'elsewhere';

export interface SyncRow {
  uri: string;
  /** Path relative to the folder. */
  path: string;
  kind: 'insight' | 'view';
  id: string;
  state: RowState;
}

const MAX_FILES = 500;

/** The file's text: the open document's (unsaved edits count), else the file on disk. */
async function textOf(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** PostHog's query and version for a link now; `remote` undefined when PostHog has none. */
async function remoteOf(session: ActiveSession, link: HeaderLink): Promise<{ remote: string | undefined; version: string | undefined }> {
  if (link.kind === 'view') {
    try {
      const view = await session.client.savedQueries.get(session.projectId, link.shortId);
      return { remote: viewHogQL(view), version: view.latest_history_id ?? undefined };
    } catch (e) {
      if (e instanceof NotFoundError) return { remote: undefined, version: undefined };
      throw e;
    }
  }
  const insight = await session.client.insights.getByShortId(session.projectId, link.shortId);
  if (!insight || insight.deleted) return { remote: undefined, version: undefined };
  return { remote: sqlOf(insight.query), version: insight.last_modified_at ?? undefined };
}

async function rowOf(ctx: Ctx, session: ActiveSession, folder: vscode.Uri, uri: vscode.Uri): Promise<SyncRow | undefined> {
  const text = await textOf(uri);
  const link = parseHeader(text);
  if (!link) return undefined;
  const path = uri.path.startsWith(`${folder.path}/`) ? uri.path.slice(folder.path.length + 1) : uri.path;
  const row = { uri: uri.toString(), path, kind: link.kind ?? 'insight', id: link.shortId } as const;
  const sameHost = session.connection.host.replace(/\/+$/, '') === link.host;
  if (!sameHost || session.projectId !== link.projectId) return { ...row, state: 'elsewhere' };
  const { remote, version } = await remoteOf(session, link);
  return { ...row, state: syncState({ local: withoutHeader(text), remote, remoteVersion: version, base: ctx.queries.insightLinks.base(link) }) };
}

/** The linked files under `folder` and their states, sorted by path. */
export async function folderStates(ctx: Ctx, session: ActiveSession, folder: vscode.Uri, signal?: AbortSignal): Promise<SyncRow[]> {
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.hogql'), '**/node_modules/**', MAX_FILES);
  const rows: SyncRow[] = [];
  for (const uri of files) {
    if (signal?.aborted) break;
    const row = await rowOf(ctx, session, folder, uri);
    if (row) rows.push(row);
  }
  return rows.sort((a, b) => a.path.localeCompare(b.path));
}

const ORDER: RowState[] = ['conflict', 'ahead', 'behind', 'unknown', 'missing', 'elsewhere', 'inSync'];

function itemOf(row: SyncRow): vscode.QuickPickItem & { row: SyncRow } {
  const s = row.state === 'elsewhere' ? { label: 'linked to another project or host: switch to it to check', icon: 'circle-slash' } : SYNC_LABELS[row.state];
  return { label: `$(${s.icon}) ${row.path}`, description: s.label, detail: `${row.kind} ${row.id}`, row };
}

async function act(row: SyncRow): Promise<void> {
  if (row.state === 'elsewhere' || row.state === 'missing' || row.state === 'inSync') {
    await vscode.window.showTextDocument(vscode.Uri.parse(row.uri));
    return;
  }
  const first = SYNC_LABELS[row.state].first;
  const actions = [
    { label: '$(cloud-upload) Push', description: `replace PostHog's query with this file's (asks first)`, id: 'push', command: 'hogql.updateInsight' },
    { label: '$(cloud-download) Pull', description: `replace this file's query with PostHog's (undo with Ctrl/Cmd+Z)`, id: 'pull', command: 'hogql.pullInsight' },
    { label: '$(diff) Compare', description: 'both side by side', id: 'compare', command: 'hogql.compareInsight' },
  ].sort((a, b) => Number(b.id === first) - Number(a.id === first));
  const picked = await vscode.window.showQuickPick(actions, { title: `${row.path}: ${SYNC_LABELS[row.state].label}` });
  if (!picked) return;
  if (picked.id === 'compare') await vscode.window.showTextDocument(vscode.Uri.parse(row.uri));
  await vscode.commands.executeCommand(picked.command, { uri: row.uri });
}

function folderOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const folder = (arg as { folder?: unknown } | undefined)?.folder;
  if (typeof folder === 'string') return vscode.Uri.parse(folder);
  return undefined;
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: folders[0]?.uri, openLabel: 'Sync Folder' });
  return picked?.[0];
}

/** The command: `{folder, pick: false}` (scripts, tests) returns the rows without showing them. */
async function syncFolder(ctx: Ctx, arg?: unknown): Promise<SyncRow[] | undefined> {
  const folder = folderOf(arg) ?? (await pickFolder());
  if (!folder) return undefined;
  const session = await sessionOrStop(ctx);
  const rows = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'PostHog: checking linked .hogql files…', cancellable: true }, (_p, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    return folderStates(ctx, session, folder, controller.signal);
  });
  if ((arg as { pick?: unknown } | undefined)?.pick === false) return rows;
  if (rows.length === 0) {
    void vscode.window.showInformationMessage(`PostHog: no .hogql file under ${folder.path.split('/').pop()} is linked to an insight or a view (their first line would say "-- posthog: insight …" or "-- posthog: view …").`);
    return rows;
  }
  const items = [...rows].sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state) || a.path.localeCompare(b.path)).map(itemOf);
  const counts = ORDER.map((s) => [s, rows.filter((r) => r.state === s).length] as const).filter(([, n]) => n > 0);
  const picked = await vscode.window.showQuickPick(items, { title: `PostHog: ${rows.length} linked file${rows.length === 1 ? '' : 's'} (${counts.map(([s, n]) => `${n} ${s === 'inSync' ? 'in sync' : s}`).join(', ')})`, placeHolder: 'Pick a file to push, pull or compare it', matchOnDescription: true });
  if (picked) await act(picked.row);
  return rows;
}

export const syncFolderCommands: CommandTable = {
  syncFolder: (ctx) => (arg?: unknown) => syncFolder(ctx, arg),
};
