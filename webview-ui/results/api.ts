// The webview's handle on VS Code: typed messages to the host and the persisted view state.
import type { ToHost } from '../../src/results/protocol';

interface VsCodeApi {
  postMessage(message: ToHost): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

export function post(message: ToHost): void {
  vscode.postMessage(message);
}

/** What `saveState` stored last (unvalidated: it round-trips through VS Code). */
export function loadState(): unknown {
  return vscode.getState();
}

export function saveState(state: unknown): void {
  vscode.setState(state);
}
