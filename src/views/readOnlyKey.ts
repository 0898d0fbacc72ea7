import * as vscode from 'vscode';
import { config } from '../config';
import type { Ctx } from '../ctx';

/**
 * `hogql.readOnly`: menus (sidebar items, command palette) hide every write while it is set; the
 * commands refuse them too. Set at activation, before the sidebar's code loads.
 */
export function registerReadOnlyKey(ctx: Ctx): void {
  const setReadOnly = (): Thenable<unknown> => vscode.commands.executeCommand('setContext', 'hogql.readOnly', config.readOnly());
  void setReadOnly();
  const disposables: vscode.Disposable[] = [];
  config.onDidChange((e) => {
    if (e.affectsConfiguration('hogql.readOnly')) void setReadOnly();
  }, disposables);
  ctx.track(vscode.Disposable.from(...disposables));
}
