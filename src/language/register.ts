import { join } from 'node:path';
import * as vscode from 'vscode';
import { config } from '../config';
import { loadLanguageBundle } from '../languageLoader';
import { registerCommands, type CommandTable } from '../ui/registry';
import type { Ctx } from '../ctx';
import { STARTER_QUERY } from '../query/templates';
import type * as Features from './features';
import { startAtIdle, type IdleStart } from './idleStart';
import type * as ParserCache from './syntax/parserCache';
import type * as WorkerStart from './syntax/workerStart';

/**
 * workerStart.ts on first use: its module (and node:worker_threads, node:zlib…) is evaluated when
 * the first HogQL document opens, not while the activation bundle loads.
 */
function workerStart(): typeof WorkerStart {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild bundles it, evaluated on first call
  return require('./syntax/workerStart') as typeof WorkerStart;
}

/**
 * parserCache.ts on first use: deleting the parser's cache files takes neither the language bundle
 * nor a HogQL document (its module and workerStart.ts, which names the files, are in this bundle).
 */
function parserCache(): typeof ParserCache {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild bundles it, evaluated on first call
  return require('./syntax/parserCache') as typeof ParserCache;
}

/** Trigger characters, repeated here so registering costs no load of the language bundle. */
const COMPLETION_TRIGGERS = ['.', "'", '$'];
const SIGNATURE_TRIGGERS = ['(', ','];
const SELECTOR: vscode.DocumentSelector = { language: 'hogql' };


/**
 * Registers the HogQL language features (diagnostics, completion, hover, signature help, symbols,
 * folding, quick fixes, definition / references / highlights / rename of CTEs and aliases) and their commands. Registration is cheap: every provider here is a thin
 * proxy, and the language bundle (`dist/language.js`: providers, vocabulary, our parser) is loaded
 * on first use, after activation; PostHog's WASM parser loads later still, in its worker thread.
 */
export function registerLanguageFeatures(
  ctx: Ctx,
  onFirstDocument: () => void,
): { idleStart: () => IdleStart; parserSnapshotFile: () => string; parserSession: (workerFile?: string) => Promise<void> } {
  let features: Features.LanguageFeatures | undefined;
  /** PostHog's parser worker, started when the first HogQL document opens (see startIfHogql). */
  let early: WorkerStart.EarlyParser | undefined;
  const load = (): Features.LanguageFeatures => {
    if (!features) {
      const started = performance.now();
      features = ctx.track(loadLanguageBundle().createLanguageFeatures(ctx, early));
      ctx.log.info(`PostHog HogQL language features loaded in ${(performance.now() - started).toFixed(1)} ms`);
    }
    return features;
  };
  // The providers (and the caller's, `onFirstDocument`: the lenses) are registered with the first
  // HogQL document, synchronously in its open event or in activate() if one is open: VS Code asks
  // them nothing before (their selector is HogQL documents), and a workspace that opens none never
  // pays for them (issue #21).
  let registered = false;
  const registerProviders = (): void => {
    if (registered) return;
    registered = true;
    const l = vscode.languages;
    ctx.track(l.registerCompletionItemProvider(SELECTOR, { provideCompletionItems: (d, p, t) => load().completion.provideCompletionItems(d, p, t) }, ...COMPLETION_TRIGGERS));
    ctx.track(l.registerCompletionItemProvider(SELECTOR, { provideCompletionItems: (d, p) => load().snippets.provideCompletionItems(d, p) }));
    ctx.track(l.registerHoverProvider(SELECTOR, { provideHover: (d, p) => load().hover.provideHover(d, p) }));
    ctx.track(l.registerSignatureHelpProvider(SELECTOR, { provideSignatureHelp: (d, p) => load().signature.provideSignatureHelp(d, p) }, { triggerCharacters: SIGNATURE_TRIGGERS, retriggerCharacters: [] }));
    const nav = () => load().navigation;
    ctx.track(l.registerDefinitionProvider(SELECTOR, { provideDefinition: (d, p) => nav().provideDefinition(d, p) }));
    ctx.track(l.registerReferenceProvider(SELECTOR, { provideReferences: (d, p, c) => nav().provideReferences(d, p, c) }));
    ctx.track(l.registerDocumentHighlightProvider(SELECTOR, { provideDocumentHighlights: (d, p) => nav().provideDocumentHighlights(d, p) }));
    ctx.track(l.registerRenameProvider(SELECTOR, { prepareRename: (d, p) => nav().prepareRename(d, p), provideRenameEdits: (d, p, n) => nav().provideRenameEdits(d, p, n) }));
    ctx.track(l.registerDocumentSymbolProvider(SELECTOR, { provideDocumentSymbols: (d, t) => load().outline.provideDocumentSymbols(d, t) }));
    ctx.track(l.registerFoldingRangeProvider(SELECTOR, { provideFoldingRanges: (d, c, t) => load().outline.provideFoldingRanges(d, c, t) }));
    ctx.track(
      l.registerCodeActionsProvider(SELECTOR, { provideCodeActions: (d, r, c) => load().fixes.provideCodeActions(d, r, c) }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    );
    const fmt = loadLanguageBundle; // formatting needs no language services, only the bundle
    ctx.track(l.registerDocumentFormattingEditProvider(SELECTOR, { provideDocumentFormattingEdits: (d) => fmt().formatDocumentEdits(d) }));
    ctx.track(l.registerDocumentRangeFormattingEditProvider(SELECTOR, { provideDocumentRangeFormattingEdits: (d, r) => fmt().formatRangeEdits(d, r) }));
    onFirstDocument();
  };
  registerCommands(ctx, languageCommands(load));
  // Diagnostics start with the first HogQL document, just after activation (not inside it). PostHog's
  // parser worker starts first: its thread boots (~30–40 ms) while this thread loads the language
  // bundle (~20 ms), instead of after it (issue #21).
  const startIfHogql = (d: vscode.TextDocument): void => {
    if (d.languageId !== 'hogql') return;
    registerProviders();
    if (features || early) return;
    setImmediate(() => {
      if (features || early) return;
      const { enabled, parserCache: cache } = config.diagnostics();
      if (enabled) early = ctx.track(workerStart().startParserEarly(join(__dirname, 'language', 'parser.worker.js'), cache ? workerStart().parserSnapshotFile(ctx.extension.globalStorageUri.fsPath) : undefined));
      load();
    });
  };
  const disposables: vscode.Disposable[] = [];
  // The parser's caches off before the language features are made (once made, diagnostics.ts
  // deletes them): their files go when the setting is turned off, or just after activation when it
  // was off at startup, without loading the language bundle.
  const removeCache = (): void => {
    if (!features && !config.diagnostics().parserCache) void parserCache().removeParserCache(ctx.extension.globalStorageUri.fsPath);
  };
  config.onDidChange(removeCache, disposables);
  if (!config.diagnostics().parserCache) setImmediate(removeCache);
  vscode.workspace.onDidOpenTextDocument(startIfHogql, undefined, disposables);
  vscode.workspace.textDocuments.forEach(startIfHogql);
  // No HogQL document open yet: PostHog's parser worker starts and warms up at idle (issue #21).
  const idle = startAtIdle(() => features !== undefined, load, disposables, (m) => ctx.log.info(m));
  ctx.track(vscode.Disposable.from(...disposables));
  return {
    idleStart: idle.status,
    parserSnapshotFile: () => workerStart().parserSnapshotFile(ctx.extension.globalStorageUri.fsPath),
    parserSession: (workerFile) => load().syntax.replaceParser(workerFile),
  };
}

function languageCommands(load: () => Features.LanguageFeatures): CommandTable {
  return {
    newQuery: () => async (content?: unknown) => {
      const doc = await vscode.workspace.openTextDocument({ language: 'hogql', content: typeof content === 'string' ? content : STARTER_QUERY });
      await vscode.window.showTextDocument(doc);
      return doc.uri.toString();
    },
    insertSnippet: () => (arg?: { name?: unknown }) => load().snippets.insert(arg),
    /** Internal (not in the palette): PostHog's parser on `text`, in its worker; used before saving an insight. */
    checkSyntax: () => async (args: { text?: unknown }) => {
      if (typeof args?.text !== 'string') return undefined;
      const outcome = await load().syntax.parser.parse(args.text);
      return outcome && { kind: outcome.kind, ...(outcome.kind === 'error' ? { error: { message: outcome.error.message } } : {}) };
    },
    refreshNames: (ctx) => async () => {
      const session = await ctx.session.active();
      if (!session) {
        const pick = await vscode.window.showInformationMessage('Sign in to PostHog first to load event and property names.', 'Sign In');
        if (pick) await vscode.commands.executeCommand('hogql.signIn');
        return undefined;
      }
      const names = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Loading PostHog event and property names…' },
        () => load().catalog.refresh(session),
      );
      if (!names) throw new Error('Could not load the event and property names; see the PostHog log.');
      const counts = { events: names.events.items.length, eventProperties: names.eventProperties.items.length, personProperties: names.personProperties.items.length };
      void vscode.window.setStatusBarMessage(`PostHog: ${counts.events} events, ${counts.eventProperties} event and ${counts.personProperties} person properties`, 5_000);
      return counts;
    },
  };
}
