import * as vscode from 'vscode';

/**
 * Opening PostHog web pages ("Open in PostHog", "Open Replay").
 *
 * When VS Code runs remotely (code-server, Codespaces, Remote-SSH), `openExternal` passes a
 * localhost URL through the port-forwarding resolver first. code-server's resolver answers only the
 * proxy root for the port (`https://host/proxy/38829/`): the object's path, query and fragment are
 * dropped, so "Open in PostHog" on a local PostHog landed on its home page. So the origin alone goes
 * through `asExternalUri`, and the path, query and fragment are appended to what it answers; on the
 * desktop (or for a non-local host) the answer is the origin itself and the URL is unchanged.
 *
 * Test seam: only when the extension host runs with HOGQL_TEST_HOOKS=1 (the host test harness;
 * users never set it), a test may turn capture on with the `hogql.test.sidebar` command
 * (`{op: 'captureOpen', on: true}`); URLs are then recorded instead of opened.
 */
const openedLog: string[] = [];
let capturing = false;

export const openSeam = {
  enabled: (): boolean => __TEST_HOOKS__ && process.env.HOGQL_TEST_HOOKS === '1',
  capture(on: boolean): void {
    if (!openSeam.enabled()) throw new Error('test hooks are off');
    capturing = on;
  },
  /** The URLs opened (or captured) so far; clears the record. */
  take: (): string[] => openedLog.splice(0, openedLog.length),
};

/** `url` as the browser must receive it: origin resolved for the remote side, path kept. */
export async function externalUrl(url: string): Promise<string> {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return url;
  const resolved = await vscode.env.asExternalUri(vscode.Uri.parse(`${u.origin}/`));
  const base = new URL(resolved.toString(true));
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${u.pathname}${u.search}${u.hash}`;
}

/** Opens a PostHog page in the browser; returns the URL opened. */
export async function openWeb(url: string): Promise<string> {
  const external = await externalUrl(url);
  if (openSeam.enabled()) openedLog.push(external);
  if (!(openSeam.enabled() && capturing)) await vscode.env.openExternal(vscode.Uri.parse(external, true));
  return external;
}
