/**
 * HogQL notebooks (`.hogqlnb`, src/notebook/): the serializer, the controller, and the commands
 * "PostHog: New HogQL Notebook" and "PostHog: Export Notebook to Markdown".
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { NotebookKernel } from '../notebook/controller';
import { notebookMarkdown } from '../notebook/markdown';
import { fileOfDocument, HogqlNotebookSerializer, NOTEBOOK_TYPE } from '../notebook/serializer';
import { NOTEBOOK_OPTIONS } from '../notebook/type';
import { registerCommands, type CommandTable } from '../ui/registry';
import { projectVariables } from './query';
import { requireSession } from './session';

/** Arguments for scripted exports (tests): the notebook and the Markdown file to write. */
interface ExportArgs {
  uri?: string;
  to?: string;
}

const STARTER = [
  new vscode.NotebookCellData(vscode.NotebookCellKind.Markup, '# HogQL notebook\n\nRun a cell with ▷ or Ctrl+Enter; `{name}` values are asked once and saved in the notebook.', 'markdown'),
  new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'SELECT event, count() AS c\nFROM events\nGROUP BY event\nORDER BY c DESC\nLIMIT 10', 'hogql'),
];

async function notebookOf(args: ExportArgs | undefined): Promise<vscode.NotebookDocument> {
  if (args?.uri) {
    const uri = vscode.Uri.parse(args.uri);
    return vscode.workspace.notebookDocuments.find((d) => d.uri.toString() === uri.toString()) ?? vscode.workspace.openNotebookDocument(uri);
  }
  const active = vscode.window.activeNotebookEditor?.notebook;
  if (!active || active.notebookType !== NOTEBOOK_TYPE) throw new Error('Open a HogQL notebook (.hogqlnb) to export it.');
  return active;
}

async function exportMarkdown(args: ExportArgs | undefined): Promise<{ uri: string } | undefined> {
  const nb = await notebookOf(args);
  const text = notebookMarkdown(fileOfDocument(nb));
  const defaultUri = nb.uri.scheme === 'untitled' ? undefined : nb.uri.with({ path: nb.uri.path.replace(/\.hogqlnb$/i, '') + '.md' });
  const to = args?.to ? vscode.Uri.parse(args.to) : await vscode.window.showSaveDialog({ title: 'PostHog: Export Notebook to Markdown', filters: { Markdown: ['md'] }, ...(defaultUri ? { defaultUri } : {}) });
  if (!to) return undefined;
  await vscode.workspace.fs.writeFile(to, new TextEncoder().encode(text));
  if (!args?.to) void vscode.window.showTextDocument(to, { preview: true });
  return { uri: to.toString() };
}

const notebookCommands: CommandTable = {
  newNotebook: () => async () => {
    const nb = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, new vscode.NotebookData(STARTER.map((c) => new vscode.NotebookCellData(c.kind, c.value, c.languageId))));
    await vscode.window.showNotebookDocument(nb);
    return { uri: nb.uri.toString() };
  },
  'notebook.exportMarkdown': () => (args?: ExportArgs) => exportMarkdown(args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : args instanceof vscode.Uri ? { uri: args.toString() } : undefined),
};

/** The notebook type's serializer and controller, and its commands. */
export function registerNotebooks(ctx: Ctx): void {
  ctx.track(ctx.shell.notebookSerializer(NOTEBOOK_TYPE, new HogqlNotebookSerializer(), NOTEBOOK_OPTIONS));
  ctx.track(
    new NotebookKernel({
      runner: ctx.queries.runner,
      session: () => requireSession(ctx, 'run HogQL notebook cells against your project'),
      projectVariables: (session) => projectVariables(ctx, session),
    }),
  );
  registerCommands(ctx, notebookCommands);
}
