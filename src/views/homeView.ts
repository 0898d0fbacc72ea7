import * as vscode from 'vscode';
import type { Ctx } from '../ctx';

/**
 * The placeholder view of the PostHog container. It has no items, so VS Code shows the
 * `viewsWelcome` content contributed in package.json.
 */
export function registerHomeView(ctx: Ctx): void {
  const provider: vscode.TreeDataProvider<never> = {
    getTreeItem: (element) => element,
    getChildren: () => [],
  };
  ctx.track(vscode.window.registerTreeDataProvider('hogql.home', provider));
}
