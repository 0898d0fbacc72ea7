/**
 * Every command table, registered in one place: `extension.ts` → `commands/` → features. Features
 * (views, query, language, webview, auth) never import `commands/` (eslint.config.mjs enforces it).
 */
import type { Ctx } from '../ctx';
import { registerCommands } from '../ui/registry';
import type { Sidebar } from '../views/sidebar';
import { authCommands } from './auth';
import { captureCommands } from './capture';
import { exportCommands } from './export';
import { flagCommands } from './flags';
import { generalCommands } from './general';
import { historyCommands } from './history';
import { insightCommands } from './insight';
import { syncFolderCommands } from './syncFolder';
import { viewCommands } from './views';
import { queryCommands } from './query';
import { resultsCommands, resultsSidebarCommands } from './results';
import { sidebarCommands } from './sidebar';
import { insightCommands as sidebarInsightCommands } from './sidebarInsights';
import { miscCommands } from './sidebarMisc';
import { registerNotebooks } from './notebook';
import { writeCommands } from './sidebarWrites';

/** The editor's commands: sign-in, running queries, saving insights, general ones. */
export function registerEditorCommands(ctx: Ctx): void {
  registerCommands(ctx, generalCommands);
  registerCommands(ctx, authCommands);
  registerCommands(ctx, queryCommands);
  registerCommands(ctx, exportCommands);
  registerCommands(ctx, insightCommands);
  registerCommands(ctx, viewCommands);
  registerCommands(ctx, syncFolderCommands);
  registerCommands(ctx, resultsCommands);
  registerCommands(ctx, historyCommands);
  registerNotebooks(ctx);
}

/** The sidebar's commands (its trees are built by `views/register.ts`). */
export function registerSidebarCommands(ctx: Ctx, sidebar: Sidebar): void {
  registerCommands(ctx, sidebarCommands(sidebar));
  registerCommands(ctx, flagCommands(sidebar));
  registerCommands(ctx, sidebarInsightCommands());
  registerCommands(ctx, miscCommands(sidebar));
  registerCommands(ctx, writeCommands(sidebar));
  registerCommands(ctx, captureCommands());
  registerCommands(ctx, resultsSidebarCommands(sidebar));
}
