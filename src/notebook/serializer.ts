/**
 * VS Code's side of the `.hogqlnb` format (the format itself is src/notebook/format.ts, pure):
 * NotebookData ↔ NotebookFile, and a run's result ↔ a cell output.
 *
 * An output has three items: our table (`TABLE_MIME`, drawn by the notebook renderer in
 * webview-ui/notebook/), a Markdown table and the same data as `application/json`, so it reads
 * well where our renderer is not (GitHub, other editors, VS Code's output picker).
 */
import * as vscode from 'vscode';
import { config } from '../config';
import { parseNotebook, serializeNotebook, type NotebookCellFile, type NotebookFile, type StoredOutput } from './format';
import { tableMarkdown } from './markdown';

export { NOTEBOOK_TYPE } from './type';
export const TABLE_MIME = 'application/vnd.hogql.table+json';
/** Rows of a result kept in the output (the renderer shows fewer, with "N more"). */
export const OUTPUT_ROWS = 1000;
/** Rows of the Markdown fallback. */
const MARKDOWN_ROWS = 50;

/** The per-notebook state kept in NotebookData.metadata. */
export interface NotebookMeta {
  values: Record<string, unknown>;
  variables: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function outputFor(stored: StoredOutput): vscode.NotebookCellOutput {
  const json = JSON.stringify(stored);
  return new vscode.NotebookCellOutput([
    new vscode.NotebookCellOutputItem(encoder.encode(json), TABLE_MIME),
    vscode.NotebookCellOutputItem.text(tableMarkdown(stored, MARKDOWN_ROWS), 'text/markdown'),
    new vscode.NotebookCellOutputItem(encoder.encode(json), 'application/json'),
  ]);
}

/** The stored form of a cell's outputs: the first one carrying our table item. */
export function storedOf(outputs: readonly vscode.NotebookCellOutput[] | undefined): StoredOutput | undefined {
  for (const o of outputs ?? []) {
    const item = o.items.find((i) => i.mime === TABLE_MIME);
    if (!item) continue;
    try {
      return JSON.parse(decoder.decode(item.data)) as StoredOutput;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function toCellData(cell: NotebookCellFile): vscode.NotebookCellData {
  const code = cell.kind === 'hogql';
  const data = new vscode.NotebookCellData(code ? vscode.NotebookCellKind.Code : vscode.NotebookCellKind.Markup, cell.source, code ? 'hogql' : 'markdown');
  if (cell.output) data.outputs = [outputFor(cell.output)];
  if (cell.extra) data.metadata = { extra: cell.extra };
  return data;
}

function fromCellData(cell: vscode.NotebookCellData): NotebookCellFile {
  const out: NotebookCellFile = { kind: cell.kind === vscode.NotebookCellKind.Code ? 'hogql' : 'markdown', source: cell.value };
  const stored = storedOf(cell.outputs);
  if (stored) out.output = stored;
  const extra = cell.metadata?.extra as Record<string, unknown> | undefined;
  if (extra && typeof extra === 'object') out.extra = extra;
  return out;
}

/** NotebookFile → NotebookData (pure apart from the vscode classes). */
export function toNotebookData(nb: NotebookFile): vscode.NotebookData {
  const data = new vscode.NotebookData(nb.cells.map(toCellData));
  const meta: NotebookMeta = { values: nb.values, variables: nb.variables, ...(nb.extra ? { extra: nb.extra } : {}) };
  data.metadata = meta;
  return data;
}

export function fromNotebookData(data: vscode.NotebookData): NotebookFile {
  const meta = (data.metadata ?? {}) as Partial<NotebookMeta>;
  const nb: NotebookFile = { cells: data.cells.map(fromCellData), values: meta.values ?? {}, variables: meta.variables ?? {} };
  if (meta.extra) nb.extra = meta.extra;
  return nb;
}

export class HogqlNotebookSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    // A broken file throws NotebookFormatError: VS Code shows its message and opens nothing, so
    // nothing can be saved over the file.
    return toNotebookData(parseNotebook(decoder.decode(content)));
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const { saveOutputs, maxOutputBytes } = config.notebook();
    return encoder.encode(serializeNotebook(fromNotebookData(data), { saveOutputs, maxOutputBytes }));
  }
}

/** An open notebook as a NotebookFile, outputs included (what "Export to Markdown" writes). */
export function fileOfDocument(doc: vscode.NotebookDocument): NotebookFile {
  const cells = doc.getCells().map((c): NotebookCellFile => {
    const out: NotebookCellFile = { kind: c.kind === vscode.NotebookCellKind.Code ? 'hogql' : 'markdown', source: c.document.getText() };
    const stored = storedOf(c.outputs);
    if (stored) out.output = stored;
    return out;
  });
  const meta = doc.metadata as Partial<NotebookMeta>;
  return { cells, values: meta.values ?? {}, variables: meta.variables ?? {} };
}
