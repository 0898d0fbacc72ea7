/**
 * Registers PostHog code intelligence for TS/JS/JSX/TSX, Python, Go and Ruby: at activation only
 * the Stale Flags view, its commands and an open-document listener; thin proxies (completion, hover,
 * CodeLens) with the first document of those languages. The bundle with the
 * scanner and providers (`dist/codeIntel.js`) loads on the first request in, or the first opening
 * of, a document of those languages whose text mentions PostHog or HogQL.
 */
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { notify } from '../ui/notify';
import { registerCommands } from '../ui/registry';
import type * as Features from './features';
import { mayHaveSdkCalls, SDK_LANGUAGE_IDS, sdkLanguageOf } from './gate';

/** Quotes open a key or an event name. */
const TRIGGERS = ["'", '"', '`'];

const relevant = (d: vscode.TextDocument): boolean => !!sdkLanguageOf(d.languageId) && mayHaveSdkCalls(d.getText());

/** The flag key of a sidebar node (`item.key`) or of `{ key }`. */
function flagKeyOf(arg: unknown): string | undefined {
  const a = arg as { key?: unknown; item?: { key?: unknown } } | undefined;
  const key = a?.item?.key ?? a?.key;
  return typeof key === 'string' && key ? key : undefined;
}

/**
 * The Stale Flags view's provider at activation: a thin proxy, so the bundle loads only when the
 * view (collapsed by default) is expanded.
 */
function staleProxy(ctx: Ctx, load: () => Features.CodeIntel): vscode.TreeDataProvider<unknown> {
  const changed = ctx.track(new vscode.EventEmitter<void>());
  let hooked = false;
  const stale = (): Features.CodeIntel['stale'] => {
    const s = load().stale;
    if (!hooked) {
      hooked = true;
      ctx.track(s.onDidChangeTreeData(() => changed.fire()));
    }
    return s;
  };
  const proxy: vscode.TreeDataProvider<unknown> = {
    onDidChangeTreeData: changed.event,
    getChildren: (row) => stale().getChildren(row as never),
    getTreeItem: (row) => stale().getTreeItem(row as never),
  };
  ctx.track(vscode.window.registerTreeDataProvider('hogql.staleFlags', proxy));
  return proxy;
}

async function renderStale(p: vscode.TreeDataProvider<unknown>): Promise<unknown[]> {
  const rows = async (row?: unknown): Promise<unknown[]> =>
    Promise.all(((await p.getChildren(row)) ?? []).map(async (r) => {
      const item = await p.getTreeItem(r);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const children = item.collapsibleState ? await rows(r) : [];
      return { label, description: typeof item.description === 'string' ? item.description : '', children };
    }));
  return rows();
}

export function registerCodeIntel(ctx: Ctx): void {
  let features: Features.CodeIntel | undefined;
  const load = (): Features.CodeIntel => {
    // A computed path keeps esbuild from inlining the bundle into the extension bundle.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
    features ??= ctx.track((require(join(__dirname, 'codeIntel.js')) as typeof Features).createCodeIntel(ctx, notify));
    return features;
  };
  const stale = staleProxy(ctx, load);
  // The providers come with the first document of one of those languages (in activate() if one is
  // open): VS Code asks them nothing before, and activation pays nothing for them (issue #21).
  let registered = false;
  const registerProviders = (): void => {
    registered = true;
    const selector = SDK_LANGUAGE_IDS.map((language) => ({ language }));
    const l = vscode.languages;
    ctx.track(l.registerCompletionItemProvider(selector, { provideCompletionItems: (d, p) => (relevant(d) ? load().completion.provideCompletionItems(d, p) : undefined) }, ...TRIGGERS));
    ctx.track(l.registerHoverProvider(selector, { provideHover: (d, p) => (relevant(d) ? load().hover.provideHover(d, p) : undefined) }));
    ctx.track(l.registerCodeLensProvider(selector, { provideCodeLenses: (d) => (relevant(d) ? load().runLens.provideCodeLenses(d) : []) }));
  };
  if (__TEST_HOOKS__) {
    registerCommands(ctx, {
      /** Test builds only: the inline flag statuses shown in a document (decorations cannot be read through the API). */
      'codeIntel.inlineStatusOf': () => (uri?: unknown) => (features && typeof uri === 'string' ? features.editors.inlineStatusOf(uri) : []),
      /** Test builds only: when a document's inline status was last refreshed (for the benchmark). */
      'codeIntel.refreshTimingOf': () => (uri?: unknown) => (features && typeof uri === 'string' ? features.editors.refreshTimingOf(uri) : undefined),
      /** Test builds only: behave as if the official PostHog extension were installed (true/false) or look again (undefined). */
      'codeIntel.pretendOfficial': () => async (on?: unknown) => {
        await load().pretendOfficial(typeof on === 'boolean' ? on : undefined);
      },
      /**
       * Test builds only: our code actions at an offset of an open document, as the provider made them
       * (through `vscode.executeCodeActionProvider` an edit loses its metadata, e.g. needsConfirmation).
       */
      'codeIntel.codeActionsAt': () => async (uri?: unknown, offset?: unknown) => {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
        if (!doc || typeof offset !== 'number') return [];
        const at = doc.positionAt(offset);
        return load().actions.provideCodeActions(doc, new vscode.Range(at, at));
      },
      /** Test builds only: the Stale Flags view's rows, expanded (flag rows with their uses). */
      'codeIntel.staleFlags': () => () => renderStale(stale),
      /** Test builds only: how many volume queries a document caused. */
      'codeIntel.volumeQueries': () => (uri?: unknown) => (features && typeof uri === 'string' ? (features.volume.queries.get(uri) ?? 0) : 0),
    });
  }
  registerCommands(ctx, {
    /** Internal: reload the project's flags and event names. */
    'codeIntel.refresh': () => async () => {
      const defs = await load().definitions.refresh();
      return defs ? { flags: defs.flags.size, events: defs.events.length } : undefined;
    },
    /**
     * The Stale Flags view's refresh: the project's flags read again while the files are searched
     * (the view's rows wait for the reloaded flags: its `definitions.get()` joins the reload started here).
     */
    'staleFlags.refresh': () => async () => {
      const reloaded = load().definitions.refresh();
      load().stale.refresh();
      await reloaded;
    },
    /** Quick fix "Create flag…": the sidebar's flag creation (prompts, confirmed write), then the key is known. */
    'codeIntel.createFlag': () => async (arg?: unknown) => {
      const flag = await vscode.commands.executeCommand<{ key: string } | undefined>('hogql.flags.create', arg);
      if (flag) await load().definitions.refresh();
      return flag;
    },
    'codeIntel.openEventQuery': () => (arg?: unknown) => load().volume.openQuery(String((arg as { event?: unknown } | undefined)?.event ?? '')),
    /** Sidebar: every use of a flag in the workspace, in the References view. */
    'flags.findReferences': () => (arg?: unknown) => {
      const key = flagKeyOf(arg);
      if (!key) throw new Error('Pick a feature flag in the Feature Flags view.');
      return load().showFlagReferences(key);
    },
  });
  // Decorations and diagnostics start with the first such document, just after activation.
  const startIfRelevant = (d: vscode.TextDocument): void => {
    if (!registered && sdkLanguageOf(d.languageId)) registerProviders();
    if (!features && relevant(d)) setImmediate(load);
  };
  const disposables: vscode.Disposable[] = [];
  vscode.workspace.onDidOpenTextDocument(startIfRelevant, undefined, disposables);
  ctx.track(vscode.Disposable.from(...disposables));
  vscode.workspace.textDocuments.forEach(startIfRelevant);
}
