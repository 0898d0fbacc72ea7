import * as vscode from 'vscode';
import { Ctx } from './ctx';
import { registerEditorCommands, registerSidebarCommands } from './commands';
import { confirmSeam } from './ui/confirm';
import { notifySeam, type Shown } from './ui/notify';
import { trustSeam } from './ui/trust';
import { RunCodeLensProvider } from './query/codeLens';
import { registerHistoryView } from './views/historyView';
import { registerLanguageFeatures } from './language/register';
import { registerCodeIntel } from './codeIntel/register';
import { registerSidebar } from './views/register';
import { registerHomeView } from './views/homeView';
import { registerResultsSerializer } from './webview/resultsRestore';

/** What `activate` returns: a small API for tests and other extensions. */
export interface HogqlApi {
  /** Milliseconds spent inside `activate`. */
  readonly activationMs: number;
  /** Of those, the milliseconds spent registering the HogQL language features (proxies only). */
  readonly languageMs: number;
  /** Only when the test harness sets HOGQL_TEST_HOOKS=1: read-only views of internal state. */
  readonly testHooks?: TestHooks;
}

export interface TestHooks {
  /** The saved connection metadata (what global state holds). */
  connections(): unknown;
  /** Whether a personal key is stored for a connection (never the key itself). */
  hasPersonalKey(connectionId: string): Promise<boolean>;
  /** Answers the next write confirmations instead of showing the modal (see src/ui/confirm.ts). */
  queueConfirmAnswers(...answers: boolean[]): void;
  /** The confirmation messages asked so far. */
  askedConfirmations(): readonly string[];
  /** The SQL insight a document is linked to, if any. */
  insightLink(uri: string): unknown;
  /** Picks the action of the next notifications instead of a click (see src/ui/notify.ts). */
  queueMessageAnswers(...answers: (string | undefined)[]): void;
  /** Notifications and countdown steps shown so far, oldest first. */
  shownMessages(): readonly Shown[];
  /** Progress reports of query runs so far (elapsed time, rows read), oldest first. */
  progressReports(): readonly { key: string; queryId: string; elapsedMs: number; rowsRead?: number }[];
  /** Makes the extension behave as in an untrusted workspace (the harness disables trust; see src/ui/trust.ts). */
  pretendUntrusted(on: boolean): void;
}

function testHooks(c: Ctx): TestHooks | undefined {
  if (!__TEST_HOOKS__ || process.env.HOGQL_TEST_HOOKS !== '1') return undefined;
  const progress: { key: string; queryId: string; elapsedMs: number; rowsRead?: number }[] = [];
  c.track(c.queries.runner.onDidReportProgress((p) => progress.push(p)));
  return {
    progressReports: () => progress,
    connections: () => ({ list: c.session.store.list(), active: c.session.store.active()?.id }),
    hasPersonalKey: async (id) => !!(await c.session.secrets.personalKey(id)),
    queueConfirmAnswers: (...answers) => confirmSeam.queue(answers),
    askedConfirmations: () => confirmSeam.asked(),
    queueMessageAnswers: (...answers) => notifySeam.queue(answers),
    shownMessages: () => notifySeam.shown(),
    insightLink: (uri) => c.queries.insightLinks.ofUri(uri),
    pretendUntrusted: (on) => trustSeam.pretendUntrusted(on),
  };
}

let ctx: Ctx | undefined;

export function activate(context: vscode.ExtensionContext): HogqlApi {
  const started = performance.now();
  let languageMs = 0;
  try {
    ctx = new Ctx(context);
    context.subscriptions.push(ctx);
    // results panels come back after a window reload (onWebviewPanel:hogql.results activates us)
    ctx.track(registerResultsSerializer(ctx));
    registerEditorCommands(ctx);
    ctx.track(vscode.languages.registerCodeLensProvider({ language: 'hogql' }, ctx.track(new RunCodeLensProvider(ctx.queries.runner))));
    registerHistoryView(ctx);
    const languageStarted = performance.now();
    registerLanguageFeatures(ctx);
    languageMs = performance.now() - languageStarted;
    registerCodeIntel(ctx);
    registerSidebarCommands(ctx, registerSidebar(ctx));
    registerHomeView(ctx);
  } catch (e) {
    // VS Code shows nothing when activation throws: say it, then rethrow so the host records it.
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(`PostHog HogQL failed to start: ${message}`);
    throw e;
  }
  const activationMs = performance.now() - started;
  ctx.log.info(`PostHog HogQL ${ctx.version} activated in ${activationMs.toFixed(1)} ms`);
  const hooks = testHooks(ctx);
  return hooks ? { activationMs, languageMs, testHooks: hooks } : { activationMs, languageMs };
}

export function deactivate(): void {
  ctx = undefined;
}
