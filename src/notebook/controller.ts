/**
 * The notebook controller (kernel) of `.hogqlnb` notebooks: runs HogQL cells through the query
 * runner (src/query/runner.ts: async run, progress, cancel = abort + DELETE of the server query)
 * against the signed-in project, one cell after the other. "Run All" and "Run Above/Below" are
 * VS Code's notebook commands calling `execute` with the cells; the cell's stop button cancels the
 * execution's token, which cancels the run. A run that fails or is cancelled stops the cells after it.
 */
import * as vscode from 'vscode';
import type { ActiveSession } from '../auth/session';
import type { QueryRunner, RunOutcome, RunSink } from '../query/runner';
import type { RunVariable } from '../query/variables';
import { variableNames } from '../query/variables';
import { requireTrust } from '../ui/trust';
import { Disposable } from '../ui/lifecycle';
import type { StoredOutput } from './format';
import { NOTEBOOK_TYPE, OUTPUT_ROWS, outputFor } from './serializer';
import { resolveCellValues } from './values';

export const CONTROLLER_ID = 'hogql-notebook-kernel';

/** What the controller needs from the rest of the extension (given by commands/notebook.ts). */
export interface NotebookDeps {
  runner: QueryRunner;
  /** The signed-in session, or the one the user signs in to when asked. */
  session(): Promise<ActiveSession | undefined>;
  /** The project's SQL variables (for `{variables.x}`). */
  projectVariables(session: ActiveSession): Promise<RunVariable[]>;
}

/** The panel's sink has nothing to show here: the outcome becomes the cell's output. */
const NO_SINK: RunSink = { loading: () => undefined, progress: () => undefined, result: () => undefined, error: () => undefined, cancelled: () => undefined };

/** The query of a cell: its text without a trailing `;`. */
export function cellQuery(text: string): string {
  return text.trim().replace(/;\s*$/, '');
}

function storedOf(session: ActiveSession, outcome: RunOutcome): StoredOutput | undefined {
  const project = { host: session.connection.host, id: session.projectId, name: session.projectName };
  const at = new Date().toISOString();
  if (outcome.kind === 'failed') {
    const e = outcome.error as { userMessage?: unknown } | undefined;
    const error = typeof e?.userMessage === 'string' ? e.userMessage : outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    return { at, project, rowCount: 0, columns: [], rows: [], error };
  }
  if (outcome.kind !== 'done') return undefined;
  const { columns, rows, hasMore, elapsedMs } = outcome.payload;
  const out: StoredOutput = { at, project, rowCount: rows.length, columns, rows: rows.slice(0, OUTPUT_ROWS), elapsedMs };
  if (rows.length > OUTPUT_ROWS) out.rowsOmitted = rows.length - OUTPUT_ROWS;
  if (hasMore) out.hasMore = true;
  return out;
}

export class NotebookKernel extends Disposable {
  private readonly controller: vscode.NotebookController;
  private order = 0;

  constructor(private readonly deps: NotebookDeps) {
    super();
    this.controller = this.register(vscode.notebooks.createNotebookController(CONTROLLER_ID, NOTEBOOK_TYPE, 'PostHog HogQL'));
    this.controller.supportedLanguages = ['hogql'];
    this.controller.supportsExecutionOrder = true;
    this.controller.description = 'Runs HogQL on the signed-in PostHog project';
    this.controller.executeHandler = (cells, notebook) => this.execute(cells, notebook);
    // The only kernel for this notebook type: preferred, so no kernel pick is asked for.
    const prefer = (nb: vscode.NotebookDocument): void => {
      if (nb.notebookType === NOTEBOOK_TYPE) this.controller.updateNotebookAffinity(nb, vscode.NotebookControllerAffinity.Preferred);
    };
    vscode.workspace.notebookDocuments.forEach(prefer);
    vscode.workspace.onDidOpenNotebookDocument(prefer, undefined, this.disposables);
  }

  private async execute(cells: vscode.NotebookCell[], notebook: vscode.NotebookDocument): Promise<void> {
    for (const cell of cells) {
      if (cell.kind !== vscode.NotebookCellKind.Code) continue;
      const exec = this.controller.createNotebookCellExecution(cell);
      exec.executionOrder = ++this.order;
      exec.start(Date.now());
      const fail = async (message: string): Promise<false> => {
        await exec.replaceOutput(new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.text(message)]));
        exec.end(false, Date.now());
        return false;
      };
      let ok: boolean;
      try {
        ok = await this.runCell(cell, notebook, exec, fail);
      } catch (e) {
        ok = await fail(`Not run: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (!ok) break;
    }
  }

  /** Runs one cell; false when it did not succeed (the cells after it are not run). */
  private async runCell(cell: vscode.NotebookCell, notebook: vscode.NotebookDocument, exec: vscode.NotebookCellExecution, fail: (message: string) => Promise<false>): Promise<boolean> {
    const query = cellQuery(cell.document.getText());
    if (query === '') {
      await exec.clearOutput();
      exec.end(true, Date.now());
      return true;
    }
    if (!requireTrust('Running a notebook cell')) return fail('Not run: running queries needs a trusted workspace.');
    const session = await this.deps.session();
    if (!session) return fail('Not run: sign in to PostHog to run notebook cells.');
    const known = variableNames(query).length ? await this.deps.projectVariables(session) : [];
    const resolved = await resolveCellValues(notebook, query, known);
    if (!resolved) return fail('Not run: a placeholder value was not given.');
    if (exec.token.isCancellationRequested) return fail('Cancelled.');
    const key = cell.document.uri.toString();
    const sub = exec.token.onCancellationRequested(() => void this.deps.runner.cancel(key));
    try {
      const outcome = await this.deps.runner.run({
        session,
        target: { text: query, offset: 0, source: 'file' },
        values: resolved.values,
        ...(resolved.variables ? { variables: resolved.variables } : {}),
        sink: NO_SINK,
        key,
        name: 'vscode-hogql notebook',
      });
      const stored = storedOf(session, outcome);
      if (!stored) return fail('Cancelled.');
      await exec.replaceOutput(outputFor(stored));
      exec.end(outcome.kind === 'done', Date.now());
      return outcome.kind === 'done';
    } finally {
      sub.dispose();
    }
  }
}
