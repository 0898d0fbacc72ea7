import * as vscode from 'vscode';
import { notify } from './notify';

/**
 * Workspace trust (package.json `capabilities.untrustedWorkspaces: limited`). In Restricted Mode the
 * language features and the sidebar's browsing work; running a query and every write to PostHog
 * ask for trust first: a warning with "Manage Workspace Trust" (the stable API has no request
 * call; `workspace.requestWorkspaceTrust` is a proposed API), and nothing runs or is written.
 * `hogql.projectId` is a restricted setting: VS Code ignores the workspace's value until trusted.
 *
 * Test seam: the host test harness starts code-server with `--disable-workspace-trust` (or no
 * extension would activate there), so `isTrusted` is always true in host tests. Only when the host
 * runs with HOGQL_TEST_HOOKS=1 (users never set it) a test may pretend the workspace is untrusted
 * (`testHooks.pretendUntrusted(true)`); the check below is then the one a real untrusted host runs.
 */
let pretendUntrusted = false;

export const trustSeam = {
  enabled: (): boolean => __TEST_HOOKS__ && process.env.HOGQL_TEST_HOOKS === '1',
  pretendUntrusted(on: boolean): void {
    if (!trustSeam.enabled()) throw new Error('test hooks are off');
    pretendUntrusted = on;
  },
};

export function isTrusted(): boolean {
  return vscode.workspace.isTrusted && !(trustSeam.enabled() && pretendUntrusted);
}

export const MANAGE_TRUST = 'Manage Workspace Trust';

/** Thrown when an action stopped for want of trust; the user was already told (no second message). */
export class TrustRequiredError extends Error {
  override name = 'TrustRequiredError';
}

/**
 * True when the workspace is trusted. Otherwise says that `what` needs trust, offers "Manage
 * Workspace Trust" (VS Code's trust editor) without waiting, and returns false: the caller does nothing.
 */
export function requireTrust(what: string): boolean {
  if (isTrusted()) return true;
  // not awaited: the caller stops now, the warning stays until the user picks or dismisses it
  void notify('warning', `${what} needs a trusted workspace: this folder is open in Restricted Mode.`, MANAGE_TRUST).then((pick) => {
    if (pick === MANAGE_TRUST) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}
