/**
 * "PostHog: Export Full Result…" from the palette (the statement at the cursor, as "Run Query"
 * picks it) and "PostHog: Cancel Export". The results panel's button exports the query of the
 * result on screen through the same flow (src/webview/resultsController.ts).
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { reportOutcome, pickExport, runFullExport, type ExportChoice, type ExportOutcome } from '../query/exportFlow';
import { FULL_EXPORT_FORMATS, type FullExportFormat } from '../results/exportEncode';
import { showError } from '../ui/errors';
import type { CommandTable } from '../ui/registry';
import { requireTrust } from '../ui/trust';
import { variableNames } from '../query/variables';
import { projectVariables, resolveTarget, type RunArgs } from './query';
import { requireSession } from './session';

/** Arguments for scripts and tests: the statement (as for Run Query), the format and the file. */
export interface ExportArgs extends Pick<RunArgs, 'uri' | 'offset' | 'range' | 'values'> {
  /** A file format, or `untitled` for JSON in an untitled editor; asked when absent. */
  format?: FullExportFormat | 'untitled';
  /** The file to write (skips the save dialog). */
  path?: string;
}

function choiceOf(format: ExportArgs['format']): ExportChoice | undefined {
  if (format === 'untitled') return { target: 'untitled' };
  return format && FULL_EXPORT_FORMATS.includes(format) ? { target: 'file', format } : undefined;
}

/** Exports the whole result of the statement at the cursor (or of `args`). */
export async function exportFullResult(ctx: Ctx, args: ExportArgs = {}): Promise<ExportOutcome | undefined> {
  if (!requireTrust('Exporting a query')) return undefined;
  const editor = vscode.window.activeTextEditor;
  const doc = args.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : editor?.document;
  if (!doc) throw new Error('Open a .hogql file to export the result of its query.');
  const target = await resolveTarget(doc, args, editor?.document === doc ? editor : undefined);
  if (!target) return undefined;
  const session = await requireSession(ctx, 'export query results from your project');
  if (!session) return undefined;
  const key = doc.uri.toString();
  if (args.values) await ctx.queries.values.set(key, args.values);
  const known = variableNames(target.text).length ? await projectVariables(ctx, session) : [];
  const resolved = await ctx.queries.values.resolve(key, target.text, false, known);
  if (!resolved) return undefined;
  const choice = choiceOf(args.format) ?? (await pickExport());
  if (!choice) return undefined;
  const source = { session, text: target.text, values: resolved.values, ...(resolved.filters ? { filters: resolved.filters } : {}), ...(resolved.variables ? { variables: resolved.variables } : {}), document: doc.uri };
  const outcome = await runFullExport(ctx.log, ctx.queries.exports, source, choice, args.path);
  if (outcome?.kind === 'failed') void showError(ctx, outcome.error);
  reportOutcome(outcome);
  return outcome;
}

const isArgs = (v: unknown): v is ExportArgs => typeof v === 'object' && v !== null && !(v instanceof vscode.Uri);

export const exportCommands: CommandTable = {
  exportFullResult: (ctx) => (args?: unknown) => exportFullResult(ctx, isArgs(args) ? args : undefined),
  cancelExport: (ctx) => () => ctx.queries.exports.cancelAll(),
};
