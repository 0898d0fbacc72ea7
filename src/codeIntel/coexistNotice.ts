/**
 * The one-time notice that the official PostHog extension is installed (see coexist.ts), with the
 * offer to leave the overlapping features to it. Shown when the code-intelligence bundle loads;
 * kept in the activation bundle so it goes through the same notification module as the rest.
 */
import * as vscode from 'vscode';
import { config } from '../config';
import type { Ctx } from '../ctx';
import { notify } from '../ui/notify';

const NOTICE_KEY = 'hogql.codeIntel.officialNoticeShown';
export const LEAVE = 'Leave Them to PostHog’s Extension';
const KEEP = 'Keep Both';

export async function noticeOfficialOnce(ctx: Ctx, installed: boolean): Promise<void> {
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
