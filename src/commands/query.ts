import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { ValidationError } from '../api/errors';
import { apiIfLoaded } from '../apiLoader';
import type { ActiveSession } from '../auth/session';
import { config } from '../config';
import type { Ctx } from '../ctx';
import { codePointToUtf16 } from '../language/hogql/text';
import { statementRef } from '../query/statementRef';
import { firstLine, queryTarget, type QueryTarget } from '../query/target';
import { variableNames } from '../query/variables';
import type { InsightVariable } from '../api/resources/variables';
import type { RunOutcome } from '../query/runner';
import { errorPosition } from '../results/response';
import { waitInNotification } from '../ui/notify';
import { requireTrust } from '../ui/trust';
import { ResultsPanel } from '../webview/resultsPanel';
import { showError } from '../ui/errors';
import type { CommandTable } from '../ui/registry';
import { requireSession } from './session';
import { parserVerdict } from './syntax';

/** Arguments for scripted runs (CodeLens, tests): a document and an offset or a range in it. */
export interface RunArgs {
  uri?: string;
  /** Run the statement at this offset (UTF-16). */
  offset?: number;
  /** Run exactly this range (UTF-16 offsets). */
  range?: [number, number];
  /** Ask again for placeholder values. */
  askValues?: boolean;
  /** Placeholder values to use (and remember) instead of asking; scripts and tests. */
  values?: Record<string, unknown>;
  /** SQL variable values by code name, to use (and remember) instead of asking; scripts and tests. */
  variables?: Record<string, unknown>;
}

function panelFor(ctx: Ctx, doc: vscode.TextDocument): ResultsPanel {
  const reuse = config.query().reusePanel;
  const key = reuse ? 'shared' : doc.uri.toString();
  const title = reuse ? 'PostHog Results' : `Results: ${basename(doc.uri.path) || 'Untitled'}`;
  return ResultsPanel.show(ctx, key, title);
}


/**
 * What to run: the target from `queryTarget`; when the cursor is between statements with none
 * closer, a quick pick of the statements (first line of each). Undefined when the pick is dismissed.
 */
export async function resolveTarget(doc: vscode.TextDocument, args: RunArgs | undefined, editor: vscode.TextEditor | undefined): Promise<QueryTarget | undefined> {
  const text = doc.getText();
  let result;
  if (args?.range) result = queryTarget(text, { start: args.range[0], end: args.range[1] }, args.range[1]);
  else if (args?.offset !== undefined) result = queryTarget(text, { start: 0, end: 0 }, args.offset);
  else {
    const sel = editor?.selection;
    const start = sel ? doc.offsetAt(sel.start) : 0;
    const end = sel ? doc.offsetAt(sel.end) : 0;
    result = queryTarget(text, { start, end }, sel ? doc.offsetAt(sel.active) : 0);
  }
  if (result.ok) return result.target;
  if (!result.choices) throw new Error(result.reason);
  const items = result.choices.map((target) => ({ label: firstLine(target.text), description: `line ${doc.positionAt(target.offset).line + 1}`, target }));
  const picked = await vscode.window.showQuickPick(items, { title: 'PostHog: Run Query', placeHolder: 'The cursor is between statements: which one to run?' });
  return picked?.target;
}

/** Maps a HogQL error from the server to a range in the document. */
async function errorRange(session: ActiveSession, doc: vscode.TextDocument, target: QueryTarget, error: ValidationError): Promise<vscode.Range> {
  const whole = new vscode.Range(doc.positionAt(target.offset), doc.positionAt(target.offset + target.text.length));
  const pos = errorPosition(error.serverDetail ?? error.userMessage);
  if (pos) {
    const lines = target.text.split('\n');
    let offset = 0;
    for (let i = 0; i < pos.line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
    const line = lines[pos.line - 1] ?? '';
    const start = target.offset + offset + codePointToUtf16(line, pos.column);
    return new vscode.Range(doc.positionAt(start), doc.positionAt(Math.max(start + 1, target.offset + offset + line.length)));
  }
  try {
    const meta = await session.client.query.metadata(session.projectId, target.text, { signal: AbortSignal.timeout(15_000) });
    const first = meta.errors.find((e) => e.start !== undefined);
    if (first?.start !== undefined) {
      const start = target.offset + codePointToUtf16(target.text, first.start);
      const end = target.offset + codePointToUtf16(target.text, first.end ?? first.start + 1);
      return new vscode.Range(doc.positionAt(start), doc.positionAt(Math.max(end, start + 1)));
    }
  } catch {
    // Metadata is a best effort for placing the squiggle; the whole statement is the fallback.
  }
  return whole;
}

/** True when the syntax diagnostics show (or are about to show) PostHog's parser rejecting `text`. */
async function parserShowsError(text: string): Promise<boolean> {
  if (!config.diagnostics().enabled) return false;
  return (await parserVerdict(text))?.kind === 'error';
}

/**
 * A query of the same file is running: with `hogql.query.whenRunning: replace` it is cancelled;
 * else this run waits for it in a notification that closes when it ends (no modal left open after
 * the query finished). False when the user drops this run (the notification's Cancel).
 */
async function runningHandled(ctx: Ctx, key: string): Promise<boolean> {
  if (config.query().replaceRunning) {
    await ctx.queries.runner.cancel(key);
    return true;
  }
  const ended = new Promise<void>((resolve) => {
    const sub = ctx.queries.runner.onDidChangeRunning(() => {
      if (ctx.queries.runner.isRunning(key)) return;
      sub.dispose();
      resolve();
    });
  });
  return waitInNotification('A query from this file is still running.', 'This run starts when it ends (■ Cancel above the query stops it; Cancel here drops this run).', ended);
}

/**
 * The project's SQL variables, fetched for each run that uses `{variables.x}` (so defaults are the
 * server's current ones). A failure is logged and gives none: PostHog then answers for the names.
 */
export async function projectVariables(ctx: Ctx, session: ActiveSession): Promise<InsightVariable[]> {
  try {
    return await session.client.variables.list(session.projectId, { pageSize: 500 }).toArray({ max: 5_000 });
  } catch (e) {
    ctx.log.warn(`could not load SQL variables: ${e instanceof Error ? e.message : String(e)}`);
    return [];
  }
}

/** Runs, and owns what belongs to runs: run diagnostics, and the panel that shows the run. */
export async function runQuery(ctx: Ctx, args?: RunArgs): Promise<RunOutcome | undefined> {
  // Restricted Mode: a query from an untrusted folder runs only once the user trusts it (ui/trust.ts)
  if (!requireTrust('Running a query')) return undefined;
  const editor = vscode.window.activeTextEditor;
  const doc = args?.uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : editor?.document;
  if (!doc) throw new Error('Open a .hogql file to run a query.');
  const target = await resolveTarget(doc, args, editor?.document === doc ? editor : undefined);
  if (!target) return undefined;
  const session = await requireSession(ctx, 'run HogQL queries against your project');
  if (!session) return undefined;
  const key = doc.uri.toString();
  if (ctx.queries.runner.isRunning(key) && !(await runningHandled(ctx, key))) return undefined;
  if (args?.values || args?.variables) await ctx.queries.values.set(key, args.values ?? {}, args.variables);
  const known = variableNames(target.text).length ? await projectVariables(ctx, session) : [];
  const resolved = await ctx.queries.values.resolve(key, target.text, args?.askValues, known);
  if (!resolved) return undefined;
  ctx.queries.diagnostics.delete(doc.uri);
  // one tab per statement (src/results/tabs.ts): a re-run replaces its own tab's result, and only
  // that tab's run (e.g. a sort on the server) is cancelled; other statements keep theirs
  const tab = panelFor(ctx, doc).tab(statementRef(key, doc.getText(), target));
  const superseded = tab.runningQueryId;
  if (superseded !== undefined) await ctx.queries.runner.cancel(superseded);
  // the tab's controller keeps this run for "Load more" once its result is shown
  const vars = resolved.variables ? { variables: resolved.variables } : {};
  const sink = tab.controller.sinkFor({ session, target, values: resolved.values, filters: resolved.filters, ...vars, document: doc.uri });
  const outcome = await ctx.queries.runner.run({ session, target, values: resolved.values, ...(resolved.filters ? { filters: resolved.filters } : {}), ...vars, sink, key });
  void ctx.queries.history.record(session, target.text, outcome).catch((e: unknown) => ctx.log.warn(`query history not saved: ${String(e)}`));
  if (outcome.kind === 'failed') {
    const api = apiIfLoaded();
    // HogQL errors: `hogql_*` codes from the query POST, `query_failed` from an async run's status poll.
    if (api && outcome.error instanceof api.ValidationError && (outcome.error.isHogQLError || outcome.error.code === 'query_failed')) {
      const range = await errorRange(session, doc, target, outcome.error);
      // One problem, one entry: PostHog's parser (its verdict shows as a syntax diagnostic, now or in
      // a moment) or the server check may already show this error there.
      const shown = (await parserShowsError(target.text)) || vscode.languages.getDiagnostics(doc.uri).some((x) => x.severity === vscode.DiagnosticSeverity.Error && x.range.intersection(range));
      if (!shown) {
        const d = new vscode.Diagnostic(range, outcome.error.serverDetail ?? outcome.error.userMessage, vscode.DiagnosticSeverity.Error);
        d.source = 'PostHog';
        d.code = outcome.error.code;
        ctx.queries.diagnostics.set(doc.uri, [d]);
      }
    } else {
      void showError(ctx, outcome.error, { retry: () => runQuery(ctx, args) });
    }
  }
  return outcome;
}

export const queryCommands: CommandTable = {
  runQuery: (ctx) => (args?: RunArgs) => runQuery(ctx, args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : undefined),
  cancelQuery: (ctx) => async (uri?: string) => {
    // A "Cancel" lens names its file: when that run already ended (a lens not refreshed yet), there
    // is nothing to cancel, and other files' runs are left alone.
    if (typeof uri === 'string') {
      if (ctx.queries.runner.isRunning(uri)) await ctx.queries.runner.cancel(uri);
      else vscode.window.setStatusBarMessage('PostHog: that query already finished.', 3_000);
      return;
    }
    const key = vscode.window.activeTextEditor?.document.uri.toString();
    if (key && ctx.queries.runner.isRunning(key)) await ctx.queries.runner.cancel(key);
    else await ctx.queries.runner.cancelAll();
  },
  editQueryValues: (ctx) => async (args?: RunArgs) => {
    const scripted = args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : undefined;
    if (!scripted?.uri && !vscode.window.activeTextEditor) return;
    // Asks again with the remembered values filled in; Escape cancels the run and keeps them.
    return runQuery(ctx, { ...scripted, askValues: true });
  },
};
