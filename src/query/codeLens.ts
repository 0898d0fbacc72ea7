import * as vscode from 'vscode';
import { config } from '../config';
import type { QueryRunner } from './runner';

/**
 * The ranges of the statements of a text, or undefined when cancelled: src/language/features.ts's
 * `statementRanges` (the lexer lives in the language bundle, not in the activation bundle, issue #21).
 */
export type StatementRanges = (text: string, token: vscode.CancellationToken) => Promise<readonly { start: number; end: number }[] | undefined>;

/**
 * "▶ Run" above each statement of a hogql document ("■ Cancel" while that document's query runs),
 * and "Variables…" beside it when the statement uses `{variables.x}` (asks for their values again, then runs).
 */
export class RunCodeLensProvider implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private again: ReturnType<typeof setTimeout> | undefined;
  private subscription: vscode.Disposable | undefined;
  private runner: Pick<QueryRunner, 'isRunning'> | undefined;

  /**
   * `againMs`: the lenses are asked for once more this long after a run starts or ends. VS Code
   * debounces a lens refresh (≥ 250 ms) and drops the pending one when the editor loses focus
   * (codelensController: onDidBlurEditorText cancels its scheduler), e.g. to the results panel
   * just as a run ends: the lenses would say "Cancel" until the editor is focused again. A change
   * event after the blur is not dropped (it refreshes an unfocused editor too).
   */
  constructor(private readonly statements: StatementRanges, private readonly againMs = 1_000) {}

  /** Follows `runner`'s runs (from when the query service exists: no run happens before). */
  watch(runner: Pick<QueryRunner, 'isRunning' | 'onDidChangeRunning'>): void {
    this.subscription?.dispose();
    this.runner = runner;
    this.subscription = runner.onDidChangeRunning(() => this.changed());
  }

  /** The lenses changed (a run started or ended): now, and once more a moment later. */
  changed(): void {
    this.emitter.fire();
    if (this.again) clearTimeout(this.again);
    this.again = setTimeout(() => {
      this.again = undefined;
      this.emitter.fire();
    }, this.againMs);
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    // A notebook cell runs through the notebook controller (its ▷ and Ctrl+Enter), not this runner.
    if (!config.query().codeLens || doc.uri.scheme === 'vscode-notebook-cell') return [];
    const text = doc.getText();
    const statements = await this.statements(text, token);
    if (!statements) return [];
    const uri = doc.uri.toString();
    const running = this.runner?.isRunning(uri) ?? false;
    return statements.flatMap((s) => {
      const range = new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.start));
      if (running) return [new vscode.CodeLens(range, { title: '$(debug-stop) Cancel', command: 'hogql.cancelQuery', arguments: [uri] })];
      const at = { uri, offset: s.start };
      const lenses = [new vscode.CodeLens(range, { title: '$(play) Run', command: 'hogql.runQuery', arguments: [at], tooltip: 'Run this statement (Ctrl+Enter)' })];
      if (text.slice(s.start, s.end).includes('{variables.')) {
        lenses.push(new vscode.CodeLens(range, { title: '$(symbol-variable) Variables…', command: 'hogql.editQueryValues', arguments: [at], tooltip: 'Choose the values of this statement\'s SQL variables again, then run it' }));
      }
      return lenses;
    });
  }

  dispose(): void {
    if (this.again) clearTimeout(this.again);
    this.subscription?.dispose();
    this.emitter.dispose();
  }
}
