// The webview's handle on VS Code: typed messages to the host and the persisted view state.
import type { ToHost } from '../../src/results/protocol';

export interface VsCodeApi {
  postMessage(message: ToHost): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

/**
 * Acquired on first use, not when this module loads: the notebook renderer (webview-ui/notebook/)
 * runs these modules in VS Code's notebook webview, where `acquireVsCodeApi` is not ours to call,
 * and gives its own adapter through `useHost` instead.
 */
let vscode: VsCodeApi | undefined;

/** Routes every `post` and state call to `host` (the notebook renderer's adapter). */
export function useHost(host: VsCodeApi): void {
  vscode = host;
}

function api(): VsCodeApi {
  return (vscode ??= acquireVsCodeApi());
}

export function post(message: ToHost): void {
  api().postMessage(message);
}

/** What `saveState` stored last (unvalidated: it round-trips through VS Code). */
export function loadState(): unknown {
  return api().getState();
}

export function saveState(state: unknown): void {
  api().setState(state);
}
