/**
 * The extension's entry point (package.json `main`: dist/main.js, ~1 KiB; issue #21, s15). Its top
 * level only sets the timer that requires the activation bundle (dist/extension.js) while the
 * extension host waits for our storage (src/loader.ts); `activate()` requires it now if that timer
 * has not fired, then hands over. So the bundle's read, compile and evaluation, the host's building
 * of our `vscode` API object, and the registrations it makes before `activate()` (src/early.ts) all
 * happen in that wait. Nothing here imports `vscode` or another module of ours but the loader.
 */
import { join } from 'node:path';
import type * as vscode from 'vscode';
import type * as Extension from './extension';
import { requireOnTimer } from './loader';

const start = performance.now();
// A computed path keeps esbuild from inlining the bundle; features.js requires the same file.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- required on a timer, on purpose
const bundle = requireOnTimer(() => require(join(__dirname, 'extension.js')) as typeof Extension);
const end = performance.now();

export function activate(context: vscode.ExtensionContext): Extension.HogqlApi {
  let extension: typeof Extension;
  try {
    extension = bundle.get();
  } catch (e) {
    // VS Code shows nothing when activation throws (as src/extension.ts's activate): say it, rethrow
    const message = e instanceof Error ? e.message : String(e);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- only when the bundle failed to load
    void (require('vscode') as typeof vscode).window.showErrorMessage(`PostHog HogQL failed to start: ${message}`);
    throw e;
  }
  return extension.activate(context, { start, end, bundle: bundle.load! });
}

export function deactivate(): void {
  if (bundle.loaded) bundle.get().deactivate();
}
