import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { ExportFormat } from '../protocol/results';
import type { ResultsPanel } from '../webview/resultsPanel';
import { csvChunks, jsonChunks } from './export';

/**
 * Exports the panel's whole result to a file chosen in a save dialog, streaming chunk by chunk
 * (the chunk generators yield to the event loop, so 100k rows never freeze the extension host).
 * A file path in HOGQL_DEV_EXPORT_FILE skips the dialog (tests).
 */
export async function exportToFile(ctx: Ctx, panel: ResultsPanel, format: ExportFormat): Promise<vscode.Uri | undefined> {
  const result = panel.currentResult;
  if (!result) return undefined;
  const dev = process.env.HOGQL_DEV_EXPORT_FILE;
  const uri = dev
    ? vscode.Uri.file(`${dev}.${format}`)
    : await vscode.window.showSaveDialog({
        title: 'Export PostHog results',
        filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
        defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()), `results.${format}`),
      });
  if (!uri) return undefined;
  const out = createWriteStream(uri.fsPath, { encoding: 'utf8' });
  const chunks = format === 'csv' ? csvChunks(result.columns, result.rows) : jsonChunks(result.columns, result.rows);
  try {
    for await (const chunk of chunks) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  ctx.log.info(`exported ${result.rows.length} rows as ${format.toUpperCase()} to ${uri.fsPath}`);
  if (!dev) void vscode.window.showInformationMessage(`PostHog: exported ${result.rows.length} rows to ${uri.fsPath}.`);
  return uri;
}
