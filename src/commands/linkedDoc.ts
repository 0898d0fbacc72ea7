/**
 * What the commands on linked `.hogql` files share (insights and views, query/insightHeader.ts):
 * the document a command acts on, the query to save from it, the parser check before a write, the
 * link line written into the document, and the session a linked document needs.
 */
import * as vscode from 'vscode';
import type { ActiveSession } from '../auth/session';
import type { Ctx } from '../ctx';
import { splitStatements } from '../language/hogql/split';
import { formatHeader, linkNoun, parseHeader, withoutHeader, type HeaderLink } from '../query/insightHeader';
import type { InsightLink } from '../query/insightLink';
import { queryTarget } from '../query/target';
import { parserVerdict } from './syntax';

/** Arguments for scripted use (tests): the document and the name, no prompts. */
export interface SaveArgs {
  uri?: string;
  name?: string;
}

/**
 * The query to save: the whole file when it is linked (the file is the insight or view), else the
 * whole statement at the cursor. A selection never narrows it: after a find or a double click part
 * of the query is selected, and saving that part would replace the saved query with it.
 */
export function textToSave(doc: vscode.TextDocument, linked: boolean): string {
  const text = linked ? withoutHeader(doc.getText()) : doc.getText();
  if (linked) {
    const count = splitStatements(text).length;
    const noun = parseHeader(doc.getText())?.kind === 'view' ? 'a view' : 'an insight';
    if (count > 1) {
      throw new Error(`This file is linked to ${noun}, which holds one query, but the file has ${count} statements. Keep one statement in it, or save the others as a new insight or view.`);
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
export async function assertParses(text: string): Promise<void> {
  if (!text.trim()) throw new Error('There is no query to save.');
  const verdict = await parserVerdict(text);
  if (verdict?.kind === 'error') {
    throw new Error(`Not saved: PostHog's parser rejects this query (${verdict.error.message}). Fix the syntax error first; nothing was sent.`);
  }
}

export async function documentFor(args?: SaveArgs): Promise<vscode.TextDocument> {
  const doc = args?.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : vscode.window.activeTextEditor?.document;
  if (!doc) throw new Error('Open a .hogql file first.');
  return doc;
}

/** Puts the link header on the document's first line (replacing an old one). */
export async function writeHeader(doc: vscode.TextDocument, link: HeaderLink): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  const line = formatHeader(link);
  if (parseHeader(doc.lineAt(0).text)) edit.replace(doc.uri, doc.lineAt(0).range, line);
  else edit.insert(doc.uri, new vscode.Position(0, 0), `${line}\n`);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not write the ${linkNoun(link)} link into the document.`);
}

/** The linked document, its link, and the session of the link's project (else it says which to switch to). */
export async function linkedDoc(ctx: Ctx, args: SaveArgs | undefined, what: string): Promise<{ doc: vscode.TextDocument; link: InsightLink; session: ActiveSession }> {
  const doc = await documentFor(args);
  const link = ctx.queries.insightLinks.of(doc);
  if (!link) {
    throw new Error(`This document is not linked to an insight or a view: its first line would say "-- posthog: insight <short id> on project <id> of <host>" (or "view <id>"). Open a SQL insight from the Insights view or a view with "Open View…", or use "Save as Insight" or "Save as View".`);
  }
  const session = await ctx.session.active();
  const sameHost = session && session.connection.host.replace(/\/+$/, '') === link.host;
  if (!session || !sameHost || session.projectId !== link.projectId) {
    throw new Error(`To ${what}, switch to project ${link.projectId} on ${link.host}: the ${linkNoun(link)} ${link.shortId} belongs to it.`);
  }
  return { doc, link, session };
}

/** Replaces the whole document with `text` (one edit: Undo restores it). */
export async function replaceDocument(doc: vscode.TextDocument, text: string): Promise<void> {
  if (doc.getText() === text) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('Could not update the document.');
}
