/** Commands of the smaller views: open a replay, create an annotation, insert a schema name. */
import * as vscode from 'vscode';
import type { Annotation, AnnotationScope } from '../api/resources/catalog';
import type { Ctx } from '../ctx';
import { formatDate, oneLine, parseDateMarker } from '../views/format';
import { RecordingNode } from '../views/nodes/recordingNode';
import { SchemaItemNode } from '../views/nodes/schemaNodes';
import { openWeb } from '../ui/openWeb';
import type { Sidebar } from '../views/sidebar';
import { assertWritable, confirmWrite } from '../ui/confirm';
import { sessionOrStop } from './session';
import type { CommandTable } from '../ui/registry';

async function openRecording(ctx: Ctx, arg: unknown): Promise<string> {
  let url: string;
  if (arg instanceof RecordingNode) url = arg.webUrl();
  else {
    const id = (arg as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string') throw new Error('Pick a recording in the Session Recordings view.');
    const s = await sessionOrStop(ctx, 'use the sidebar');
    url = s.client.web.recording(s.projectId, id);
  }
  return openWeb(url);
}

interface AnnotationArgs {
  content?: string;
  date?: string;
  scope?: AnnotationScope;
}

const SCOPES: { label: string; scope: AnnotationScope; detail: string }[] = [
  { label: 'Project', scope: 'project', detail: 'Shown on every insight of this project' },
  { label: 'Organization', scope: 'organization', detail: 'Shown in every project of the organization' },
];

async function createAnnotation(ctx: Ctx, sidebar: Sidebar, arg: unknown): Promise<Annotation | undefined> {
  assertWritable('creating an annotation');
  const session = await sessionOrStop(ctx, 'use the sidebar');
  const a = (arg && typeof arg === 'object' ? arg : {}) as AnnotationArgs;
  const content = a.content ?? (await vscode.window.showInputBox({ title: 'New annotation: text', ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'Enter the annotation text.') }));
  if (content === undefined) return undefined;
  if (!content.trim()) throw new Error('An annotation needs text.');
  const now = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const dateText = a.date ?? (await vscode.window.showInputBox({ title: 'New annotation: date (UTC)', value: now, ignoreFocusOut: true, validateInput: (v) => { const r = parseDateMarker(v); return r.ok ? undefined : r.message; } }));
  if (dateText === undefined) return undefined;
  const date = parseDateMarker(dateText);
  if (!date.ok) throw new Error(date.message);
  const scope = a.scope ?? (await vscode.window.showQuickPick(SCOPES, { title: 'New annotation: scope' }))?.scope;
  if (!scope) return undefined;
  if (!SCOPES.some((s) => s.scope === scope)) throw new Error(`Scope must be project or organization, not ${scope}.`);
  const where = scope === 'organization' ? `the organization of project ${session.projectName}` : `project ${session.projectName}`;
  const ok = await confirmWrite(`Create annotation “${oneLine(content, 80)}” in ${where}?`, `It marks ${formatDate(date.iso)} on the graphs of ${where}.`, 'Create Annotation');
  if (!ok) return undefined;
  const created = await session.client.annotations.create(session.projectId, { content, date_marker: date.iso, scope });
  sidebar.refresh('annotations');
  return created;
}

/** The HogQL editor to insert into: the active one, else a visible one. */
function hogqlEditor(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document.languageId === 'hogql') return active;
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'hogql');
}

async function insert(arg: unknown): Promise<boolean> {
  const text = arg instanceof SchemaItemNode ? arg.text : typeof (arg as { text?: unknown } | undefined)?.text === 'string' ? (arg as { text: string }).text : undefined;
  if (text === undefined) throw new Error('Pick a name in the Schema view.');
  const editor = hogqlEditor();
  if (!editor) {
    void vscode.window.showInformationMessage(`Open a HogQL editor to insert ${oneLine(text, 200)}.`);
    return false;
  }
  const ok = await editor.edit((b) => {
    for (const sel of editor.selections) b.replace(sel, text);
  });
  if (ok) await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  return ok;
}

export function miscCommands(sidebar: Sidebar): CommandTable {
  return {
    'recordings.open': (ctx) => (arg: unknown) => openRecording(ctx, arg),
    'annotations.create': (ctx) => (arg: unknown) => createAnnotation(ctx, sidebar, arg),
    'schema.insert': () => (arg: unknown) => insert(arg),
  };
}
