/**
 * What activation registers before any feature exists (issue #21: nothing but registrations at
 * startup): a proxy for every command and the notebook's serializer (since s14 while the host waits
 * for the extension's storage, before `activate()`: src/early.ts), and, just after activation, a
 * tree view with a lazy provider for every sidebar view.
 * The features bundle (`dist/features.js`: commands, sidebar, history, results panels) is loaded on
 * the first call of one of its commands or the first time a view asks for its items; its code then
 * binds its handlers and providers here instead of registering them with VS Code.
 */
import * as vscode from 'vscode';

type Handler = (...args: unknown[]) => unknown;

/** Commands not in package.json (called from code: other commands, tests): proxied all the same. */
export const INTERNAL_COMMANDS = [
  'hogql.checkSyntax',
  'hogql.codeIntel.refresh',
  // test builds only (see src/views/testHooks.ts, src/codeIntel/register.ts)
  ...(__TEST_HOOKS__
    ? ['hogql.codeIntel.codeActionsAt', 'hogql.codeIntel.inlineStatusOf', 'hogql.codeIntel.pretendOfficial', 'hogql.codeIntel.refreshTimingOf', 'hogql.codeIntel.staleFlags', 'hogql.codeIntel.volumeQueries', 'hogql.test.sidebar']
    : []),
];

/** A tree's provider until the features bundle attaches the real one (loaded on the first request). */
class LazyTree<T> implements vscode.TreeDataProvider<T> {
  private target: vscode.TreeDataProvider<T> | undefined;
  private readonly emitter = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.emitter.event;
  readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(
    readonly id: string,
    private readonly load: () => void,
  ) {}

  attach(target: vscode.TreeDataProvider<T>): void {
    if (this.target) throw new Error(`The view ${this.id} has a provider already`);
    this.target = target;
    const sub = target.onDidChangeTreeData?.((e) => this.emitter.fire(e));
    if (sub) this.disposables.push(sub);
  }

  private real(): vscode.TreeDataProvider<T> {
    if (!this.target) this.load();
    if (!this.target) throw new Error(`No provider for the view ${this.id}`);
    return this.target;
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.real().getChildren(element);
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.real().getTreeItem(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.real().getParent?.(element);
  }
}

export class Shell implements vscode.Disposable {
  private readonly handlers = new Map<string, Handler>();
  private readonly proxied = new Set<string>();
  private readonly treeSpecs = new Map<string, { showCollapseAll: boolean }>();
  private readonly trees = new Map<string, { view: vscode.TreeView<unknown>; provider: LazyTree<unknown> }>();
  private disposed = false;
  private readonly serializers = new Map<string, vscode.NotebookSerializer | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Commands registered without a proxy (callable only once the features loaded): a host test wants none. */
  readonly unproxied: string[] = [];

  private activated = false;
  private readonly whenActivated: Promise<void>;
  private markActivated: () => void = () => {};
  private markFailed: (e: Error) => void = () => {};

  /**
   * `load` loads the features bundle (synchronously, once); it binds handlers and providers here.
   * `settle` runs the work of just after activation now if it has not run (src/extension.ts): the
   * language and code intelligence features bind their commands there.
   */
  constructor(
    private readonly load: () => void,
    private readonly settle: () => void = () => {},
  ) {
    this.whenActivated = new Promise((resolve, reject) => {
      this.markActivated = resolve;
      this.markFailed = reject;
    });
    // a rejection nobody waited for is not an error of its own (failed() says it)
    this.whenActivated.catch(() => undefined);
  }

  /**
   * `activate()` threw: the calls waiting for it fail with `error`'s message, and the proxies go, so a
   * later call fails at once with VS Code's "command not found", as it did before they were made early.
   */
  failed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.markFailed(new Error(`PostHog HogQL failed to start: ${message}`));
    this.dispose();
  }

  /**
   * `activate()` has built what the handlers need: calls that came before (the proxies exist from
   * before `activate()`, src/early.ts) run now, in order. Until then a call waits, as a call from
   * the workbench waits for the activation.
   */
  activate(): void {
    this.activated = true;
    this.markActivated();
  }

  private run(id: string, args: unknown[]): unknown {
    if (!this.handlers.has(id)) this.settle();
    if (!this.handlers.has(id)) this.load();
    const handler = this.handlers.get(id);
    if (!handler) throw new Error(`command '${id}' not found`);
    return handler(...args);
  }

  /** Registers a proxy for each command id: the first call loads the features, then runs the handler. */
  proxyCommands(ids: readonly string[]): void {
    for (const id of ids) {
      if (this.proxied.has(id)) continue;
      this.proxied.add(id);
      this.disposables.push(
        vscode.commands.registerCommand(id, (...args: unknown[]) => (this.activated ? this.run(id, args) : this.whenActivated.then(() => this.run(id, args)))),
      );
    }
  }

  /** Binds a command's handler (to its proxy; without one, registers it with VS Code). */
  command(id: string, handler: (...args: never[]) => unknown): vscode.Disposable {
    if (!this.proxied.has(id)) {
      this.unproxied.push(id);
      return vscode.commands.registerCommand(id, handler as Handler);
    }
    if (this.handlers.has(id)) throw new Error(`command '${id}' already exists`);
    this.handlers.set(id, handler as Handler);
    return new vscode.Disposable(() => {
      if (this.handlers.get(id) === handler) this.handlers.delete(id);
    });
  }

  /**
   * Records the sidebar's tree views: `createTrees` (just after activation) creates them, each with
   * a provider that loads the features on its first request; `treeView` creates one earlier if asked.
   * VS Code shows a visible view's welcome content until its provider comes, and "no data provider"
   * only if none came 2 s after the view asked for the extension (issue #21).
   */
  proxyTrees(views: readonly { id: string; showCollapseAll: boolean }[]): void {
    for (const { id, showCollapseAll } of views) this.treeSpecs.set(id, { showCollapseAll });
  }

  /** Creates every recorded tree view not created yet. */
  createTrees(): void {
    for (const id of this.treeSpecs.keys()) this.lazyTree(id);
  }

  private lazyTree(id: string): { view: vscode.TreeView<unknown>; provider: LazyTree<unknown> } | undefined {
    const spec = this.treeSpecs.get(id);
    if (!spec || this.disposed) return undefined;
    let tree = this.trees.get(id);
    if (!tree) {
      const provider = new LazyTree<unknown>(id, this.load);
      tree = { view: vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: spec.showCollapseAll }), provider };
      this.trees.set(id, tree);
      this.disposables.push(tree.view, ...provider.disposables);
    }
    return tree;
  }

  /** The view `id` served by `provider` (recorded at activation: created now if it was not yet). */
  treeView<T>(id: string, provider: vscode.TreeDataProvider<T>, options: { showCollapseAll?: boolean } = {}): vscode.TreeView<T> {
    const tree = this.lazyTree(id);
    if (!tree) return vscode.window.createTreeView(id, { treeDataProvider: provider, ...options });
    (tree.provider as LazyTree<T>).attach(provider);
    return tree.view as vscode.TreeView<T>;
  }

  /**
   * Registers a serializer for the notebook type that loads the features on its first use (VS Code
   * activates the extension for `onNotebook:<type>`, then asks the serializer to open the file).
   */
  proxyNotebook(type: string, options: vscode.NotebookDocumentContentOptions): void {
    this.serializers.set(type, undefined);
    const real = (): vscode.NotebookSerializer => {
      if (!this.serializers.get(type)) this.load();
      const target = this.serializers.get(type);
      if (!target) throw new Error(`No serializer for the notebook type ${type}`);
      return target;
    };
    const proxy: vscode.NotebookSerializer = {
      deserializeNotebook: (content, token) => (this.activated ? real().deserializeNotebook(content, token) : this.whenActivated.then(() => real().deserializeNotebook(content, token))),
      serializeNotebook: (data, token) => (this.activated ? real().serializeNotebook(data, token) : this.whenActivated.then(() => real().serializeNotebook(data, token))),
    };
    this.disposables.push(vscode.workspace.registerNotebookSerializer(type, proxy, options));
  }

  /** Binds the notebook type's serializer (to its proxy; without one, registers it with VS Code). */
  notebookSerializer(type: string, serializer: vscode.NotebookSerializer, options: vscode.NotebookDocumentContentOptions): vscode.Disposable {
    if (!this.serializers.has(type)) return vscode.workspace.registerNotebookSerializer(type, serializer, options);
    if (this.serializers.get(type)) throw new Error(`The notebook type ${type} has a serializer already`);
    this.serializers.set(type, serializer);
    return new vscode.Disposable(() => {
      if (this.serializers.get(type) === serializer) this.serializers.set(type, undefined);
    });
  }

  dispose(): void {
    this.disposed = true;
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
    this.handlers.clear();
  }
}
