/**
 * The one-time notice that the official PostHog extension is installed (see coexist.ts), with the
 * offer to leave the overlapping features to it. Shown when the code-intelligence bundle loads,
 * through the activation bundle's `notify` (passed in by register.ts: the bundles do not share
 * module state, and tests answer notifications through that one).
 */
import * as vscode from 'vscode';
import { config } from '../config';
import type { Ctx } from '../ctx';
import type { notify as Notify } from '../ui/notify';

const NOTICE_KEY = 'hogql.codeIntel.officialNoticeShown';
export const LEAVE = 'Leave Them to PostHog’s Extension';
const KEEP = 'Keep Both';

export async function noticeOfficialOnce(ctx: Ctx, notify: typeof Notify, installed: boolean): Promise<void> {
  const state = ctx.extension.globalState;
  if (!installed || state.get<boolean>(NOTICE_KEY) || config.codeIntelLeaveOverlapToOfficial()) return;
  await state.update(NOTICE_KEY, true);
  const pick = await notify(
    'info',
    'The official PostHog extension is installed too: its flag completion, hover, inline status and unknown-flag warnings overlap with ours in TypeScript, JavaScript, Python, Go and Ruby files.',
    LEAVE,
    KEEP,
  );
  if (pick === LEAVE) await vscode.workspace.getConfiguration('hogql').update('codeIntel.leaveOverlapToOfficial', true, vscode.ConfigurationTarget.Global);
}
