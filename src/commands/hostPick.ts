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

/**
 * The hosts to offer. The local probe is awaited first (at most ~0.4 s; nothing listening answers
 * at once): items that change under the user's typing would lose their Enter.
 */
async function choose(): Promise<HostItem | undefined> {
  const items: HostItem[] = [
    { label: 'US Cloud', description: 'us.posthog.com', host: US },
    { label: 'EU Cloud', description: 'eu.posthog.com', host: EU },
  ];
  const local = config.localPostHogUrl();
  if (local && (await loadApi().probePostHog(local, { timeoutMs: 400 }))) items.push(localItem(local));
  items.push({ label: 'Self-hosted or other URL…', description: 'your own instance, e.g. https://posthog.example.com' });
  return vscode.window.showQuickPick(items, { title: HOST_STEP_TITLE, ignoreFocusOut: true });
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
