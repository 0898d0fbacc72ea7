/**
 * Writes on insights (rename, favourite / unfavourite, soft delete) and annotations (edit text and
 * date, soft delete) from the sidebar. Every write asks in a modal naming the object and the
 * project (ui/confirm.ts) and is refused in read-only mode; deletion is `PATCH {deleted: true}`
 * (PostHog answers DELETE on these with 405).
 *
 * Arguments: a row, or from scripts/tests a plain object `{id}` (plus `name` / `content` / `date`
 * to skip the prompts; the confirmation is still asked).
 */
import * as vscode from 'vscode';
import type { Annotation } from '../api/resources/catalog';
import type { Insight } from '../api/resources/insights';
import type { ActiveSession } from '../auth/session';
import type { Ctx } from '../ctx';
import { formatDate, oneLine, parseDateMarker } from '../views/format';
import { insightName } from '../views/insightLogic';
import { AnnotationNode } from '../views/nodes/annotationNode';
import { InsightNode } from '../views/nodes/insightNode';
import type { ResourceNode } from '../views/nodes/node';
import type { Sidebar } from '../views/sidebar';
import { assertWritable, confirmWrite } from '../ui/confirm';
import { sessionOrStop } from './session';
import type { CommandTable } from '../ui/registry';

interface Resolved<T> {
  session: ActiveSession;
  item: T;
  node: ResourceNode<T> | undefined;
}

async function resolve<T>(ctx: Ctx, arg: unknown, kind: new (...a: never[]) => ResourceNode<T>, get: (s: ActiveSession, id: number) => Promise<T>, what: string): Promise<Resolved<T>> {
  const session = await sessionOrStop(ctx, 'change insights and annotations');
  if (arg instanceof kind) {
    if (arg.projectId !== session.projectId) throw new Error(`This ${what} belongs to another project; refresh the view.`);
    return { session, item: arg.item, node: arg };
  }
  const id = (arg as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'number') throw new Error(`Pick an ${what} in its PostHog view.`);
  return { session, item: await get(session, id), node: undefined };
}

const project = (s: ActiveSession): string => `project ${oneLine(s.projectName, 150)}`;

/** After a write: the row shows the answer in place when we have it; else its view reloads. */
function applied<T>(sidebar: Sidebar, r: Resolved<T>, updated: T | undefined, views: Parameters<Sidebar['refresh']>[0][]): void {
  if (r.node && updated) {
    r.node.item = updated;
    r.node.env.changed(r.node);
  } else for (const v of views) sidebar.refresh(v);
}

const insightOf = (ctx: Ctx, arg: unknown) => resolve<Insight>(ctx, arg, InsightNode, (s, id) => s.client.insights.get(s.projectId, id), 'insight');

async function renameInsight(ctx: Ctx, sidebar: Sidebar, arg: unknown): Promise<boolean> {
  assertWritable('renaming an insight');
  const r = await insightOf(ctx, arg);
  const old = insightName(r.item);
  const given = (arg as { name?: unknown } | undefined)?.name;
  const name = typeof given === 'string' ? given : await vscode.window.showInputBox({ title: `Rename insight ${oneLine(old, 100)}`, value: r.item.name ?? old, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'Enter a name.') });
  if (name === undefined) return false;
  if (!name.trim()) throw new Error('An insight needs a name.');
  const ok = await confirmWrite(`Rename insight “${oneLine(old, 150)}” to “${oneLine(name, 150)}” in ${project(r.session)}?`, 'The new name shows in PostHog and on every dashboard with this insight.', 'Rename Insight');
  if (!ok) return false;
  const updated = await r.session.client.insights.update(r.session.projectId, r.item.id, { name: name.trim() });
  applied(sidebar, r, updated, ['insights', 'dashboards']);
  return true;
}

async function favourite(ctx: Ctx, sidebar: Sidebar, arg: unknown, favorited: boolean): Promise<boolean> {
  assertWritable(favorited ? 'favouriting an insight' : 'unfavouriting an insight');
  const r = await insightOf(ctx, arg);
  const name = oneLine(insightName(r.item), 150);
  const ok = favorited
    ? await confirmWrite(`Add insight “${name}” to the favourites of ${project(r.session)}?`, 'Favourites are listed first, here and in PostHog, for everyone in the project.', 'Add to Favourites')
    : await confirmWrite(`Remove insight “${name}” from the favourites of ${project(r.session)}?`, 'It stays saved; it is no longer listed first, for everyone in the project.', 'Remove from Favourites');
  if (!ok) return false;
  await r.session.client.insights.update(r.session.projectId, r.item.id, { favorited });
  sidebar.refresh('insights'); // favourites are listed first: the order changes
  return true;
}

async function deleteInsight(ctx: Ctx, sidebar: Sidebar, arg: unknown): Promise<boolean> {
  assertWritable('deleting an insight');
  const r = await insightOf(ctx, arg);
  const ok = await confirmWrite(
    `Delete insight “${oneLine(insightName(r.item), 150)}” in ${project(r.session)}?`,
    'It disappears from the list and from its dashboards. PostHog keeps it as deleted, so it can be restored there.',
    'Delete Insight',
  );
  if (!ok) return false;
  await r.session.client.insights.softDelete(r.session.projectId, r.item.id);
  applied(sidebar, { ...r, node: undefined }, undefined, ['insights', 'dashboards']);
  return true;
}

const annotationOf = (ctx: Ctx, arg: unknown) => resolve<Annotation>(ctx, arg, AnnotationNode, (s, id) => s.client.annotations.get(s.projectId, id), 'annotation');

/** Where an annotation shows: its project, or the organization of the project. */
const whereOf = (a: Annotation, s: ActiveSession): string => (a.scope === 'organization' ? `the organization of ${project(s)}` : project(s));

/** "2024-05-01 12:30": how the date prompt shows a date (UTC), as parseDateMarker reads it. */
const dateInput = (iso: string | null | undefined): string => (iso && !Number.isNaN(Date.parse(iso)) ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : '');

async function askAnnotation(r: Resolved<Annotation>, arg: unknown): Promise<{ content: string; date: string } | undefined> {
  const a = (arg instanceof AnnotationNode ? {} : (arg ?? {})) as { content?: string; date?: string };
  const content = a.content ?? (await vscode.window.showInputBox({ title: 'Edit annotation: text', value: r.item.content ?? '', ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'Enter the annotation text.') }));
  if (content === undefined) return undefined;
  if (!content.trim()) throw new Error('An annotation needs text.');
  const dateText = a.date ?? (await vscode.window.showInputBox({ title: 'Edit annotation: date (UTC)', value: dateInput(r.item.date_marker), ignoreFocusOut: true, validateInput: (v) => { const d = parseDateMarker(v); return d.ok ? undefined : d.message; } }));
  if (dateText === undefined) return undefined;
  const date = parseDateMarker(dateText);
  if (!date.ok) throw new Error(date.message);
  return { content, date: date.iso };
}

async function editAnnotation(ctx: Ctx, sidebar: Sidebar, arg: unknown): Promise<boolean> {
  assertWritable('editing an annotation');
  const r = await annotationOf(ctx, arg);
  const next = await askAnnotation(r, arg);
  if (!next) return false;
  const patch = { ...(next.content !== r.item.content ? { content: next.content } : {}), ...(Date.parse(next.date) !== Date.parse(r.item.date_marker ?? '') ? { date_marker: next.date } : {}) };
  if (Object.keys(patch).length === 0) {
    void vscode.window.setStatusBarMessage('Annotation unchanged: nothing sent.', 3000);
    return false;
  }
  const changes = [patch.content !== undefined && `Text: “${oneLine(patch.content, 200)}”.`, patch.date_marker !== undefined && `Date: ${formatDate(patch.date_marker)} (was ${formatDate(r.item.date_marker) || 'none'}).`].filter(Boolean).join(' ');
  const ok = await confirmWrite(`Change annotation “${oneLine(r.item.content, 80)}” in ${whereOf(r.item, r.session)}?`, changes, 'Save Annotation');
  if (!ok) return false;
  const updated = await r.session.client.annotations.update(r.session.projectId, r.item.id, patch);
  // The list is ordered by date: a new date moves the row.
  applied(sidebar, patch.date_marker === undefined ? r : { ...r, node: undefined }, updated, ['annotations']);
  return true;
}

async function deleteAnnotation(ctx: Ctx, sidebar: Sidebar, arg: unknown): Promise<boolean> {
  assertWritable('deleting an annotation');
  const r = await annotationOf(ctx, arg);
  const where = whereOf(r.item, r.session);
  const ok = await confirmWrite(`Delete annotation “${oneLine(r.item.content, 80)}” in ${where}?`, `It no longer marks ${formatDate(r.item.date_marker) || 'its date'} on the graphs of ${where}.`, 'Delete Annotation');
  if (!ok) return false;
  await r.session.client.annotations.softDelete(r.session.projectId, r.item.id);
  sidebar.refresh('annotations');
  return true;
}

export function writeCommands(sidebar: Sidebar): CommandTable {
  return {
    'insights.rename': (ctx) => (arg: unknown) => renameInsight(ctx, sidebar, arg),
    'insights.favorite': (ctx) => (arg: unknown) => favourite(ctx, sidebar, arg, true),
    'insights.unfavorite': (ctx) => (arg: unknown) => favourite(ctx, sidebar, arg, false),
    'insights.delete': (ctx) => (arg: unknown) => deleteInsight(ctx, sidebar, arg),
    'annotations.edit': (ctx) => (arg: unknown) => editAnnotation(ctx, sidebar, arg),
    'annotations.delete': (ctx) => (arg: unknown) => deleteAnnotation(ctx, sidebar, arg),
  };
}
