import * as vscode from 'vscode';

/**
 * The only reader of the extension's settings (`hogql.*`): typed getters, sane bounds, and one
 * change event filtered to our section. Everything else asks this module.
 */
const SECTION = 'hogql';

function get<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration(SECTION).get<T>(key, fallback);
}

const clamp = (v: number, min: number, max: number): number => (Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : min);

export interface HttpSettings {
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  bodyTimeoutMs: number;
  /** VS Code's own proxy settings, passed to the API client. */
  proxy: string | undefined;
  proxyStrictSSL: boolean;
  noProxy: string[];
}

export const config = {
  http(): HttpSettings {
    const http = vscode.workspace.getConfiguration('http');
    return {
      connectTimeoutMs: clamp(get('http.connectTimeoutSeconds', 10), 1, 300) * 1000,
      responseTimeoutMs: clamp(get('http.responseTimeoutSeconds', 30), 1, 600) * 1000,
      bodyTimeoutMs: clamp(get('http.bodyTimeoutSeconds', 60), 1, 600) * 1000,
      proxy: http.get<string>('proxy') || undefined,
      proxyStrictSSL: http.get<boolean>('proxyStrictSSL', true),
      noProxy: http.get<string[]>('noProxy', []),
    };
  },

  /** A project id pinned for this workspace (workspace setting), overriding the active connection's. */
  pinnedProjectId(): number | undefined {
    const v = get<number | null>('projectId', null);
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
  },

  /** Hides and refuses every write (toggle flag, create annotation, save insight, capture). */
  readOnly(): boolean {
    return get('readOnly', false);
  },

  /** Fires when any `hogql.*` or `http.proxy*` setting changes. */
  onDidChange(listener: (e: vscode.ConfigurationChangeEvent) => void, disposables: vscode.Disposable[]): void {
    vscode.workspace.onDidChangeConfiguration(
      (e) => {
        if (e.affectsConfiguration(SECTION) || e.affectsConfiguration('http.proxy') || e.affectsConfiguration('http.proxyStrictSSL')) listener(e);
      },
      undefined,
      disposables,
    );
  },
};
