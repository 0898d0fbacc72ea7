import * as vscode from 'vscode';
import { captureCommands } from '../commands/capture';
import { flagCommands } from '../commands/flags';
import { registerCommands } from '../commands/registry';
import { sidebarCommands } from '../commands/sidebar';
import { insightCommands } from '../commands/sidebarInsights';
import { miscCommands } from '../commands/sidebarMisc';
import { writeCommands } from '../commands/sidebarWrites';
import { config } from '../config';
import type { Ctx } from '../ctx';
import { Sidebar } from './sidebar';
import { registerTestHooks } from './testHooks';

/** Registers the PostHog sidebar's resource trees (insights, flags, cohorts, …) and their commands. */
export function registerSidebar(ctx: Ctx): void {
  const sidebar = new Sidebar(ctx);
  registerCommands(ctx, sidebarCommands(sidebar));
  registerCommands(ctx, flagCommands(sidebar));
  registerCommands(ctx, insightCommands());
  registerCommands(ctx, miscCommands(sidebar));
  registerCommands(ctx, writeCommands(sidebar));
  registerCommands(ctx, captureCommands());
  // Menus hide every write while `hogql.readOnly` is set; the commands refuse them too.
  const setReadOnly = (): Thenable<unknown> => vscode.commands.executeCommand('setContext', 'hogql.readOnly', config.readOnly());
  void setReadOnly();
  const disposables: vscode.Disposable[] = [];
  config.onDidChange((e) => {
    if (e.affectsConfiguration('hogql.readOnly')) void setReadOnly();
  }, disposables);
  ctx.track(vscode.Disposable.from(...disposables));
  registerTestHooks(ctx, sidebar);
}
