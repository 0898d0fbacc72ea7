/**
 * Entry point of the features bundle (`dist/features.js`): the commands, the sidebar's trees and
 * the query history view. src/extension.ts loads it on first use (a command's first call, a view's
 * first request for items; see src/shell.ts), never during activation. It is the lazy half of
 * extension.ts, the only other file that imports commands/.
 */
import type { Ctx } from './ctx';
import { registerEditorCommands, registerSidebarCommands } from './commands';
import { registerHistoryView } from './views/historyView';
import { registerSidebar } from './views/register';
export { restoreResultTabs } from './webview/resultsRestore';

export function startFeatures(ctx: Ctx): void {
  registerEditorCommands(ctx);
  registerHistoryView(ctx);
  registerSidebarCommands(ctx, registerSidebar(ctx));
}
