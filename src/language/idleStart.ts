/**
 * Issue #21: when the extension is active before any HogQL document opens (a .hogql file in the
 * workspace activates it at startup, or it activated for another reason), the language features
 * load at idle and PostHog's parser worker starts and warms up (syntax/workerWarmUp.ts), so the
 * first open's syntax check does not wait for the worker's start and its parser's first, slow
 * parses. Only in a workspace with a HogQL file: an idle warm worker holds ~20 MB resident plus
 * the compiled WASM (~7 MB), which a workspace that never opens HogQL should not pay.
 */
import * as vscode from 'vscode';
import { config } from '../config';
import type { LanguageFeatures } from './features';

/** How long after activation "idle" is: after VS Code's own startup work, well before a user opens a file. */
export const IDLE_START_MS = 1_500;

/** What the idle start did (test hook). */
export type IdleStart =
  | { state: 'waiting' | 'not needed' | 'no HogQL file' | 'disabled' | 'stopped' }
  | { state: 'warming' | 'warmed'; pieces?: number; ms?: number };

/**
 * Schedules the idle start; `loaded` says whether the language features are loaded already (then a
 * document opened first and started the worker itself), `load` loads them.
 */
export function startAtIdle(
  loaded: () => boolean,
  load: () => LanguageFeatures,
  disposables: vscode.Disposable[],
  log: (message: string) => void,
): { status: () => IdleStart } {
  let status: IdleStart = { state: 'waiting' };
  const abort = new AbortController();
  const timer = setTimeout(() => {
    run().catch((e: unknown) => {
      status = { state: 'stopped' };
      log(`PostHog's parser worker did not start at idle: ${e instanceof Error ? e.message : String(e)}`);
    });
  }, IDLE_START_MS);
  disposables.push({ dispose: () => (clearTimeout(timer), abort.abort()) });
  async function run(): Promise<void> {
    if (loaded()) return void (status = { state: 'not needed' });
    if (!config.diagnostics().enabled) return void (status = { state: 'disabled' });
    const found = await vscode.workspace.findFiles('**/*.hogql', '**/node_modules/**', 1);
    if (abort.signal.aborted) return;
    if (found.length === 0) return void (status = { state: 'no HogQL file' });
    if (loaded()) return void (status = { state: 'not needed' });
    status = { state: 'warming' };
    const report = await load().syntax.parser.warmUp();
    // undefined: the worker stopped first (disposed, or it crashed and was replaced)
    if (!report || report.crashed) return void (status = { state: 'stopped' });
    status = { state: 'warmed', pieces: report.pieces, ms: report.ms };
    log(`PostHog's parser worker started and warmed up at idle: ${report.pieces} statements in ${report.ms.toFixed(1)} ms`);
  }
  return { status: () => status };
}
