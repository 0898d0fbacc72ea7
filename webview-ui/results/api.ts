// The webview's handle on VS Code: typed messages to the host and the persisted view state.
import type { ToHost } from '../../src/results/protocol';
import { sanitizeState, type ViewState } from './state';

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

export function loadState(): ViewState {
  return sanitizeState(vscode.getState());
}

export function saveState(state: ViewState): void {
  vscode.setState(state);
}
