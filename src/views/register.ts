import * as vscode from 'vscode';
import { config } from '../config';
import type { Ctx } from '../ctx';
import { Sidebar } from './sidebar';
import { registerTestHooks } from './testHooks';

/** Builds the PostHog sidebar's resource trees (insights, flags, cohorts, …); commands/ registers their commands. */
export function registerSidebar(ctx: Ctx): Sidebar {
  const sidebar = new Sidebar(ctx);
  // Menus hide every write while `hogql.readOnly` is set; the commands refuse them too.
  const setReadOnly = (): Thenable<unknown> => vscode.commands.executeCommand('setContext', 'hogql.readOnly', config.readOnly());
  void setReadOnly();
  const disposables: vscode.Disposable[] = [];
  config.onDidChange((e) => {
    if (e.affectsConfiguration('hogql.readOnly')) void setReadOnly();
  }, disposables);
  ctx.track(vscode.Disposable.from(...disposables));
  if (__TEST_HOOKS__) registerTestHooks(ctx, sidebar);
  return sidebar;
}
