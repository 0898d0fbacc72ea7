/**
 * Entry point of the features bundle (`dist/features.js`): the commands, the sidebar's trees and
 * the query history view. src/extension.ts loads it on first use (a command's first call, a view's
 * first request for items; see src/shell.ts), never during activation. It is the lazy half of
 * extension.ts, the only other file that imports commands/.
 */
import type * as vscode from 'vscode';
import type { Ctx } from './ctx';
import type { Log } from './log';
import type { QueryDocs } from './query/docs';
import { QueryService } from './query/service';
import { registerEditorCommands, registerSidebarCommands } from './commands';
import { chartChoices } from './query/chartChoices';
import { sanitizeChartChoice, type ChartChoice } from './results/chartSettings';
import { registerHistoryView } from './views/historyView';
import { registerSidebar } from './views/register';
export { restoreResultTabs } from './webview/resultsRestore';

export function startFeatures(ctx: Ctx): void {
  registerEditorCommands(ctx);
  registerHistoryView(ctx);
  registerSidebarCommands(ctx, registerSidebar(ctx));
}

/** The query service (runner, history, values, exports): `ctx.queries` builds it on first use (src/ctx.ts). */
export function createQueryService(extension: vscode.ExtensionContext, log: Log, docs: QueryDocs): QueryService {
  return new QueryService(extension, log, docs);
}

/** The `chartChoice` test hook (src/extension.ts): `set` stands in for the webview's chart controls. */
export function chartChoiceHook(ctx: Ctx, doc: string, statement: string, set?: unknown): ChartChoice | undefined {
  const charts = chartChoices(ctx);
  const choice = set === undefined ? undefined : sanitizeChartChoice(set);
  if (choice) void charts.set(doc, statement, choice);
  return charts.get(doc, statement);
}
