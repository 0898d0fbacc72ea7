/**
 * Living next to the official PostHog extension (`PostHog.posthog-vscode`, publisher and name from
 * its package.json, PostHog/posthog-vscode, read 2026-12): when it is installed, say so once and
 * offer to leave the features both have (flag completion, hover, inline status, unknown-flag
 * warnings, flag links) to it, through `hogql.codeIntel.leaveOverlapToOfficial`. Ours that it does
 * not have (HogQL Run and volume CodeLenses, init checks, event typos) stay on.
 */
import * as vscode from 'vscode';
import { config } from '../config';
import type { Ctx } from '../ctx';
import { notify } from '../ui/notify';

export const OFFICIAL_EXTENSION_ID = 'PostHog.posthog-vscode';
const NOTICE_KEY = 'hogql.codeIntel.officialNoticeShown';
export const LEAVE = 'Leave Them to PostHog’s Extension';
const KEEP = 'Keep Both';

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

/** Says once (per user) that the official extension is installed, and offers the setting. */
export async function noticeOfficialOnce(ctx: Ctx): Promise<void> {
  const state = ctx.extension.globalState;
  if (!officialInstalled() || state.get<boolean>(NOTICE_KEY) || config.codeIntelLeaveOverlapToOfficial()) return;
  await state.update(NOTICE_KEY, true);
  const pick = await notify(
    'info',
    'The official PostHog extension is installed too: its flag completion, hover, inline status and unknown-flag warnings overlap with ours in TypeScript, JavaScript, Python, Go and Ruby files.',
    LEAVE,
    KEEP,
  );
  if (pick === LEAVE) await vscode.workspace.getConfiguration('hogql').update('codeIntel.leaveOverlapToOfficial', true, vscode.ConfigurationTarget.Global);
}
