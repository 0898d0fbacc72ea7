import { bundleStartMs } from './loadStart';
import * as vscode from 'vscode';
import { Ctx } from './ctx';
import { join } from 'node:path';
import { confirmSeam } from './ui/confirm';
import { notifySeam, type Shown } from './ui/notify';
import { trustSeam } from './ui/trust';
import { streamSeam, type StreamEvent } from './ui/streamSeam';
import { RunCodeLensProvider } from './query/codeLens';
import { loadLanguageBundle } from './languageLoader';
import { registerLanguageFeatures } from './language/register';
import { registerCodeIntel } from './codeIntel/register';
import { registerHomeView } from './views/homeView';
import { registerReadOnlyKey } from './views/readOnlyKey';
import { Shell } from './shell';
import type * as Features from './features';
import type { Session } from './auth/session';
import { registerEarly, type EarlyTimes } from './early';
import { stopwatch } from './stopwatch';
import type { EntryTimes } from './loader';

/** What `activate` returns: a small API for tests and other extensions. */
export interface HogqlApi {
  /** Milliseconds spent inside `activate`. */
  readonly activationMs: number;
  /** Of those, the milliseconds spent registering the HogQL language features (proxies only): 0 since s14, they are registered just after (`settled`'s phases). */
  readonly languageMs: number;
  /** Milliseconds of each step of `activate`, in order (the activation benchmark prints them). */
  readonly phases: Readonly<Record<string, number>>;
  /** Resolves once the work run just after `activate` is done (see afterActivation), with its milliseconds and steps. */
  readonly settled: Promise<Settled>;
  /**
   * performance.now() when our first code started and ended evaluating in the host's require (since
   * s15 the entry point, src/main.ts; before, this bundle), when `activate` started and ended, and
   * (since s15) when the entry point's timer or `activate` required this bundle and evaluated it.
   */
  readonly timeline: {
    readonly bundleStart: number;
    readonly bundleEnd: number;
    readonly activateStart: number;
    readonly activateEnd: number;
    readonly bundleLoad?: { readonly start: number; readonly end: number; readonly onTimer: boolean; readonly evalStart: number; readonly evalEnd: number };
  };
  /** The registrations made before `activate` (src/early.ts): when, their steps, and whether they were made in the host's wait. */
  readonly early: EarlyTimes;
  /** Only when the test harness sets HOGQL_TEST_HOOKS=1: read-only views of internal state. */
  readonly testHooks?: TestHooks;
}

/** The work run just after `activate` (afterActivation): milliseconds in all and of each step. */
export interface Settled {
  readonly ms: number;
  readonly phases: Readonly<Record<string, number>>;
}

export interface TestHooks {
  /** The session's status bar item and `hogql.signedIn` when the work just after activation was done (`settled`); undefined if no session existed then. */
  shownWhenSettled(): ReturnType<Session['shown']> | undefined;
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
  /** Rows of big results that reached the panel while their answer still arrived (count so far), oldest first. */
  rowReports(): readonly { key: string; queryId: string; rows: number }[];
  /** The steps of streamed results' ends, oldest first (src/ui/streamSeam.ts). */
  streamSteps(): readonly StreamEvent[];
  /** The host acts as if the panel never reported a streamed result whole (src/ui/streamSeam.ts). */
  ignoreStreamComplete(on: boolean): void;
  /** The chart chosen for a document's statement (src/query/chartChoices.ts); `set` stands in for the webview's controls. */
  chartChoice(doc: string, statement: string, set?: unknown): unknown;
  /** Makes the extension behave as in an untrusted workspace (the harness disables trust; see src/ui/trust.ts). */
  pretendUntrusted(on: boolean): void;
  /** Whether the features bundle (dist/features.js) is loaded; `load` loads it. */
  featuresLoaded(load?: boolean): boolean;
  /** Commands registered without an activation proxy (each fails until the features load). */
  unproxiedCommands(): readonly string[];
  /** What the idle start of PostHog's parser worker did (src/language/idleStart.ts). */
  parserIdleStart(): unknown;
  /** Where PostHog's parser worker keeps its snapshot (src/language/syntax/workerSnapshot.ts). */
  parserSnapshotFile(): string | undefined;
  /** PostHog's parser client replaced by a new one, as a later session's (its worker from `workerFile`, if given). */
  parserSession(workerFile?: string): Promise<void> | undefined;
}

function testHooks(c: Ctx, settled: Promise<Settled>): TestHooks | undefined {
  if (!__TEST_HOOKS__ || process.env.HOGQL_TEST_HOOKS !== '1') return undefined;
  let shownWhenSettled: ReturnType<Session['shown']> | undefined;
  void settled.then(() => (shownWhenSettled = c.builtSession?.shown()));
  const progress: { key: string; queryId: string; elapsedMs: number; rowsRead?: number }[] = [];
  const rows: { key: string; queryId: string; rows: number }[] = [];
  // from when the query service exists (built on first use: no run happens before)
  c.whenQueries((queries) => {
    c.track(queries.runner.onDidReportProgress((p) => progress.push(p)));
    c.track(queries.runner.onDidReceiveRows((r) => rows.push(r)));
  });
  return {
    progressReports: () => progress,
    rowReports: () => rows,
    connections: () => ({ list: c.session.store.list(), active: c.session.store.active()?.id }),
    hasPersonalKey: async (id) => !!(await c.session.secrets.personalKey(id)),
    queueConfirmAnswers: (...answers) => confirmSeam.queue(answers),
    askedConfirmations: () => confirmSeam.asked(),
    queueMessageAnswers: (...answers) => notifySeam.queue(answers),
    shownMessages: () => notifySeam.shown(),
    insightLink: (uri) => c.queries.insightLinks.ofUri(uri),
    pretendUntrusted: (on) => trustSeam.pretendUntrusted(on),
    shownWhenSettled: () => shownWhenSettled,
    featuresLoaded: (load) => {
      if (load) loadFeatures(c);
      return features !== undefined;
    },
    unproxiedCommands: () => c.shell.unproxied,
    // the language features are registered just after activation (settleNow: now if not yet)
    parserIdleStart: () => (settleNow?.(), language?.idleStart()),
    parserSnapshotFile: () => (settleNow?.(), language?.parserSnapshotFile()),
    parserSession: (workerFile) => (settleNow?.(), language?.parserSession(workerFile)),
    streamSteps: () => streamSeam.events(),
    ignoreStreamComplete: (on) => streamSeam.ignoreComplete(on),
    // in the features bundle, with the chart code (the activation bundle carries none)
    chartChoice: (doc, statement, set) => loadFeatures(c).chartChoiceHook(c, doc, statement, set),
  };
}

let features: typeof Features | undefined;

/** Loads the features bundle (synchronously, once): it binds its commands and views to the shell. */
function loadFeatures(c: Ctx): typeof Features {
  if (features) return features;
  const started = performance.now();
  // A computed path keeps esbuild from inlining the bundle into the extension bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
  features = require(join(__dirname, 'features.js')) as typeof Features;
  features.startFeatures(c);
  c.log.info(`PostHog HogQL features loaded in ${(performance.now() - started).toFixed(1)} ms`);
  return features;
}

/** Views whose provider is registered at activation by their own feature (not the features bundle's). */
const OWN_PROVIDER_VIEWS = new Set(['hogql.home', 'hogql.staleFlags']);

/** The sidebar's tree views (all of package.json's PostHog views but those of OWN_PROVIDER_VIEWS). */
function treeViews(context: vscode.ExtensionContext): { id: string; showCollapseAll: boolean }[] {
  const views = (context.extension.packageJSON as { contributes?: { views?: Record<string, { id: string }[]> } }).contributes?.views ?? {};
  return Object.values(views)
    .flat()
    .filter((v) => !OWN_PROVIDER_VIEWS.has(v.id))
    .map((v) => ({ id: v.id, showCollapseAll: v.id !== 'hogql.history' }));
}

let ctx: Ctx | undefined;
let language: ReturnType<typeof registerLanguageFeatures> | undefined;
/** Runs the work of just after activation now if it has not run (set by `activate`). */
let settleNow: (() => void) | undefined;
/**
 * The command proxies and the notebook's serializer proxy, registered before `activate()` (src/early.ts):
 * their first use loads the features through the context that `activate` builds.
 */
const shell = new Shell(
  () => loadFeatures(ctx!),
  () => settleNow?.(),
);

/** Called by the entry point (src/main.ts), which required this bundle, with its times. */
export function activate(context: vscode.ExtensionContext, entry?: EntryTimes): HogqlApi {
  const { started, phases, lap } = stopwatch();
  let earlyTimes: EarlyTimes;
  try {
    // Registrations only (issue #21): the commands' and views' code loads on first use.
    const c: Ctx = (ctx = new Ctx(context, shell, () => loadFeatures(c).createQueryService));
    context.subscriptions.push(ctx, shell);
    lap('context');
    // made while the host waited for our storage, unless its timer has not fired (src/early.ts)
    earlyTimes = early.finish(context.extension.packageJSON);
    lap("command proxies and notebook serializer not made in the host's wait");
    // the trees are created just after (afterActivation)
    shell.proxyTrees(treeViews(context));
    lap('tree views recorded');
  } catch (e) {
    // VS Code shows nothing when activation throws: say it, then rethrow so the host records it.
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(`PostHog HogQL failed to start: ${message}`);
    shell.failed(e);
    throw e;
  }
  const c = ctx;
  const activationMs = performance.now() - started;
  let done: Settled | undefined;
  const settle = (): Settled => (done ??= afterActivation(c, activationMs));
  settleNow = settle;
  const settled = new Promise<Settled>((resolve) => setImmediate(() => resolve(settle())));
  // calls of the proxies made before now run (Shell.activate)
  shell.activate();
  const hooks = testHooks(c, settled);
  const activateTimes = { activateStart: started, activateEnd: started + activationMs };
  const timeline = entry
    ? { bundleStart: entry.start, bundleEnd: entry.end, ...activateTimes, bundleLoad: { ...entry.bundle, evalStart: bundleStartMs, evalEnd: bundleEndMs } }
    : { bundleStart: bundleStartMs, bundleEnd: bundleEndMs, ...activateTimes };
  return { activationMs, languageMs: 0, phases, timeline, early: earlyTimes, settled, ...(hooks ? { testHooks: hooks } : {}) };
}

/** The Run lenses (the statements lexed by the language bundle, which a HogQL document loads anyway) and the insight links' lens. */
function registerLenses(c: Ctx): void {
  const lens = c.track(new RunCodeLensProvider((text, token) => loadLanguageBundle().statementRanges(text, token)));
  c.whenQueries((queries) => lens.watch(queries.runner));
  c.track(vscode.languages.registerCodeLensProvider({ language: 'hogql' }, lens));
  c.docs.registerLens();
}

/**
 * What no frame needs before activate() returns, run just after it (issue #21): since s14 the code
 * intelligence (the Stale Flags view's provider, its commands, its providers if a document of its
 * languages is open) and the HogQL language features (their commands, their providers and the
 * lenses if a HogQL document is open: VS Code asks a provider registered later again), then the sidebar's tree
 * views and the home view (VS Code shows their welcome content until then, see Shell.proxyTrees),
 * the results panels' serializer (VS Code keeps a panel to restore until one is registered), the
 * session (its status bar item and the `hogql.signedIn` key, which the welcome views read), the
 * scratch file systems, the "Compare" texts and the `hogql.insightLinked` key, the `hogql.readOnly`
 * key, and the log's first line (which creates the output channel). Each is built earlier if
 * something asks.
 */
function afterActivation(c: Ctx, activationMs: number): Settled {
  if (c.isDisposed) return { ms: 0, phases: {} };
  const { started, phases, lap } = stopwatch();
  registerCodeIntel(c);
  lap('code intelligence');
  // the providers and the lenses come with the first HogQL document (now, if one is open)
  language = registerLanguageFeatures(c, () => registerLenses(c));
  lap('language features');
  c.shell.createTrees();
  registerHomeView(c);
  lap('tree views');
  // results panels come back after a window reload (onWebviewPanel:hogql.results activates us);
  // the panels' code is in the features bundle, loaded when VS Code hands a panel back
  c.track(vscode.window.registerWebviewPanelSerializer('hogql.results', { deserializeWebviewPanel: (panel, state) => loadFeatures(c).restoreResultTabs(c, panel, state) }));
  lap('results panel serializer');
  void c.session;
  lap('session: status bar, hogql.signedIn');
  c.docs.start();
  registerReadOnlyKey(c);
  lap('scratch file systems, context keys');
  c.log.info(`PostHog HogQL ${c.version} activated in ${activationMs.toFixed(1)} ms`);
  lap('log');
  return { ms: performance.now() - started, phases };
}

/** The command proxies and the notebook's serializer, made while the host waits for our storage (src/early.ts). */
const early = registerEarly(shell);

/** When the bundle's evaluation ended (this module's body runs after every module it imports). */
const bundleEndMs = performance.now();

export function deactivate(): void {
  ctx = undefined;
  settleNow = undefined;
  features = undefined;
  language = undefined;
}
