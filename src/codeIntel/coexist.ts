/**
 * Living next to the official PostHog extension (`PostHog.posthog-vscode`, publisher and name from
 * its package.json, PostHog/posthog-vscode, read 2026-12): when it is installed, say so once and
 * offer to leave the features both have (flag completion, hover, inline status, unknown-flag
 * warnings, flag links) to it, through `hogql.codeIntel.leaveOverlapToOfficial`. Ours that it does
 * not have (HogQL Run and volume CodeLenses, init checks, event typos) stay on. The notice itself
 * is in coexistNotice.ts (the activation bundle's, where notifications are recorded for tests).
 */
import * as vscode from 'vscode';
import { config } from '../config';

export const OFFICIAL_EXTENSION_ID = 'PostHog.posthog-vscode';

let pretend: boolean | undefined;

/** Test builds only: behave as if the official extension were (not) installed. */
export function pretendOfficialInstalled(on: boolean | undefined): void {
  pretend = on;
}

export function officialInstalled(): boolean {
  return pretend ?? !!vscode.extensions.getExtension(OFFICIAL_EXTENSION_ID);
}

/** Whether the features both extensions have are left to the official one now. */
export function overlapLeftToOfficial(): boolean {
  return config.codeIntelLeaveOverlapToOfficial() && officialInstalled();
}
