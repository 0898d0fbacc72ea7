/**
 * Sign-in step 1: where is your PostHog? US cloud, EU cloud, a local PostHog when one answers at
 * `hogql.localPostHogUrl` (PostHog's dev setup and the emulator serve http://localhost:8010), or
 * any URL (validated as the user types).
 */
import * as vscode from 'vscode';
import { loadApi } from '../apiLoader';
import { config } from '../config';

const US = 'https://us.posthog.com';
const EU = 'https://eu.posthog.com';

type HostItem = vscode.QuickPickItem & { host?: string };

export const HOST_STEP_TITLE = 'Sign in to PostHog (1/3): where is your PostHog?';

function localItem(url: string): HostItem {
  return { label: 'Local PostHog', description: url, detail: 'Found running on this machine (PostHog dev or `npx posthog-emulator`)', host: url };
}

/** Offers a local PostHog once the probe finds it, keeping the user's highlighted item. */
async function choose(): Promise<HostItem | undefined> {
  const base: HostItem[] = [
    { label: 'US Cloud', description: 'us.posthog.com', host: US },
    { label: 'EU Cloud', description: 'eu.posthog.com', host: EU },
  ];
  const other: HostItem = { label: 'Self-hosted or other URL…', description: 'your own instance, e.g. https://posthog.example.com' };
  const qp = vscode.window.createQuickPick<HostItem>();
  qp.title = HOST_STEP_TITLE;
  qp.ignoreFocusOut = true;
  qp.items = [...base, other];
  const probing = new AbortController();
  const local = config.localPostHogUrl();
  if (local) {
    void loadApi()
      .probePostHog(local, { signal: probing.signal })
      .then((found) => {
        if (!found || probing.signal.aborted) return;
        const active = qp.activeItems;
        qp.items = [...base, localItem(local), other];
        qp.activeItems = active;
      });
  }
  try {
    return await new Promise<HostItem | undefined>((resolve) => {
      qp.onDidAccept(() => {
        const item = qp.selectedItems[0];
        if (item) resolve(item);
      });
      qp.onDidHide(() => resolve(undefined));
      qp.show();
    });
  } finally {
    probing.abort();
    qp.dispose();
  }
}

export async function pickHost(): Promise<string | undefined> {
  const pick = await choose();
  if (!pick) return undefined;
  if (pick.host) return loadApi().normalizeHost(pick.host).baseUrl;
  const url = await vscode.window.showInputBox({
    title: 'Sign in to PostHog: instance URL',
    prompt: 'The address you open PostHog at in the browser',
    placeHolder: 'https://posthog.example.com',
    ignoreFocusOut: true,
    validateInput: (v) => {
      try {
        loadApi().normalizeHost(v);
        return undefined;
      } catch (e) {
        return e instanceof loadApi().ApiError ? e.userMessage : String(e);
      }
    },
  });
  return url === undefined ? undefined : loadApi().normalizeHost(url).baseUrl;
}
