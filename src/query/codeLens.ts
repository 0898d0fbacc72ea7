import * as vscode from 'vscode';
import { splitStatements } from '../language/hogql/split';
import type { QueryRunner } from './runner';

/** "▶ Run" above each statement of a hogql document ("■ Cancel" while that document's query runs). */
export class RunCodeLensProvider implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly runner: QueryRunner) {
    runner.onDidChangeRunning(() => this.emitter.fire());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('hogql').get<boolean>('query.codeLens', true)) return [];
    const text = doc.getText();
    const uri = doc.uri.toString();
    const running = this.runner.isRunning(uri);
    return splitStatements(text).map((s) => {
      const range = new vscode.Range(doc.positionAt(s.range.start), doc.positionAt(s.range.start));
      return new vscode.CodeLens(
        range,
        running
          ? { title: '$(debug-stop) Cancel', command: 'hogql.cancelQuery', arguments: [uri] }
          : { title: '$(play) Run', command: 'hogql.runQuery', arguments: [{ uri, offset: s.range.start }], tooltip: 'Run this statement (Ctrl+Enter)' },
      );
    });
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
