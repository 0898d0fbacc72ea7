import type { Ctx } from '../ctx';
import { Sidebar } from './sidebar';
import { registerTestHooks } from './testHooks';

/**
 * Builds the PostHog sidebar's resource trees (insights, flags, cohorts, …); commands/ registers
 * their commands. The `hogql.readOnly` context key is set at activation (readOnlyKey.ts).
 */
export function registerSidebar(ctx: Ctx): Sidebar {
  const sidebar = new Sidebar(ctx);
  if (__TEST_HOOKS__) registerTestHooks(ctx, sidebar);
  return sidebar;
}
