import * as vscode from 'vscode';
import { config } from '../config';
import { lexInSlices } from '../language/hogql/lexer';
import { splitStatements } from '../language/hogql/split';
import { pauseUnless } from '../language/slices';
import type { QueryRunner } from './runner';

/** "▶ Run" above each statement of a hogql document ("■ Cancel" while that document's query runs). */
export class RunCodeLensProvider implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly runner: QueryRunner) {
    runner.onDidChangeRunning(() => this.emitter.fire());
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!config.query().codeLens) return [];
    const text = doc.getText();
    // lexed in slices: the first lex of a big file runs before the JIT has warmed up
    const lexed = await lexInSlices(text, pauseUnless(token));
    if (!lexed) return [];
    const uri = doc.uri.toString();
    const running = this.runner.isRunning(uri);
    return splitStatements(text, lexed).map((s) => {
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
