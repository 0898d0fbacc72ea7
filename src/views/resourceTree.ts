import * as vscode from 'vscode';
import { Disposable } from '../ui/lifecycle';
import type { ActiveSession } from '../auth/session';
import { config } from '../config';
import type { Ctx } from '../ctx';
import { MessageNode } from './nodes/messageNode';
import type { NodeEnv, TreeNode } from './nodes/node';
import { Pager } from './pager';
import type { Page } from './paging';

export const VIEW_NAMES = ['insights', 'flags', 'cohorts', 'recordings', 'dashboards', 'experiments', 'surveys', 'actions', 'annotations', 'persons', 'schema'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/** What a view shows: a paged list of one resource (or its own root, for the Schema view). */
export interface ViewSpec<T> {
  name: ViewName;
  /** Plural noun for messages: "feature flags". */
  noun: string;
  /** What the filter box says it searches. */
  filterPrompt: string;
  fetch(session: ActiveSession, offset: number, limit: number, search: string | undefined, signal: AbortSignal): Promise<Page<T>>;
  node(item: T, env: NodeEnv): TreeNode;
  /** The id the item's node is keyed by: pages merge by it, so no node id repeats. */
  key(item: T): string | number;
  /** A custom root instead of the paged list (the list's nodes are passed in). */
  root?(env: NodeEnv, filter: string | undefined, generation: number): Promise<TreeNode[]>;
}

const sessionKey = (s: ActiveSession): string => `${s.connection.id}|${s.connection.host}|${s.projectId}`;

/**
 * One resource tree: a provider with an EventEmitter (STYLE §2.8). The root list loads lazily,
 * when VS Code first asks for it (the view is visible), one page at a time. Switching project,
 * refreshing or filtering resets the list; the paging state's generation counter drops answers
 * that arrive for an older state.
 */
export class ResourceTree<T> extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  readonly viewId: string;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  readonly pager: Pager<T>;
  private session: ActiveSession | undefined;
  private key: string | undefined;
  private filterText: string | undefined;

  constructor(
    private readonly ctx: Ctx,
    readonly spec: ViewSpec<T>,
  ) {
    super();
    this.viewId = `hogql.${spec.name}`;
    this.pager = new Pager<T>(
      (offset, limit, signal) => spec.fetch(this.session!, offset, limit, this.filterText, signal),
      config.viewsPageSize(),
      (item) => spec.node(item, this.env()),
      `${this.viewId}`,
      () => this.emitter.fire(undefined),
      (item) => spec.key(item),
    );
    this.view = ctx.shell.treeView(this.viewId, this, { showCollapseAll: true });
    this.disposables.push(this.view, this.emitter);
    ctx.session.onDidChange(() => (ctx.session.store.active() ? this.reset() : this.signedOut()), undefined, this.disposables);
    config.onDidChange((e) => {
      if (e.affectsConfiguration('hogql.views')) this.reset();
    }, this.disposables);
  }

  get filter(): string | undefined {
    return this.filterText;
  }

  private env(): NodeEnv {
    return { ctx: this.ctx, session: this.session!, changed: (n) => this.emitter.fire(n), pageSize: config.viewsPageSize() };
  }

  /**
   * Drops everything loaded (and any answer in flight) and asks VS Code to render again. The count
   * in the header goes too: a collapsed view is not asked again, and must not keep a stale count.
   */
  reset(): void {
    this.key = undefined;
    this.pager.reset();
    this.view.description = this.filterText ? `“${this.filterText}”` : undefined;
    this.emitter.fire(undefined);
  }

  /** After sign-out: no count, no filter, no message is left on the view (visible or collapsed). */
  private signedOut(): void {
    this.filterText = undefined;
    this.view.message = undefined;
    void vscode.commands.executeCommand('setContext', `hogql.${this.spec.name}.filtered`, false);
    this.reset();
  }

  setFilter(text: string | undefined): void {
    const t = text?.trim() || undefined;
    this.filterText = t;
    this.view.message = t ? `Filter: “${t}”` : undefined;
    void vscode.commands.executeCommand('setContext', `hogql.${this.spec.name}.filtered`, !!t);
    this.reset();
  }

  /** Fires a change for one node (its children are asked again). */
  changed(node?: TreeNode): void {
    this.emitter.fire(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.treeItem();
  }

  /** Only top-level rows are revealed (`revealRow`): they have no parent. */
  getParent(): undefined {
    return undefined;
  }

  /**
   * Shows the row whose node id is `nodeId` among the rows listed for `filter` (the view's own
   * search), selected; false when the search does not list it.
   */
  async revealRow(filter: string, nodeId: string): Promise<boolean> {
    this.setFilter(filter);
    const node = (await this.getChildren()).find((n) => n.id === nodeId);
    if (!node) return false;
    // a collapsed or hidden view does not take a selection: show it first
    if (!this.view.visible) await vscode.commands.executeCommand(`${this.viewId}.focus`);
    await this.view.reveal(node, { select: true, focus: true });
    return true;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.children();
    if (!config.viewsEnabled().includes(this.spec.name)) {
      return [new MessageNode(`${this.viewId}/disabled`, 'Not loaded: this view is not in the hogql.views.enabled setting.', 'circle-slash')];
    }
    const session = await this.ctx.session.active();
    if (!session) {
      this.session = undefined;
      this.view.description = undefined;
      return [];
    }
    if (this.key !== sessionKey(session)) {
      this.pager.reset();
      this.key = sessionKey(session);
    }
    this.session = session;
    const nodes = this.spec.root ? await this.spec.root(this.env(), this.filterText, this.pager.list.gen) : await this.pager.render();
    this.describe();
    if (nodes.length === 0 && this.filterText) return [new MessageNode(`${this.viewId}/nomatch`, `No ${this.spec.noun} match “${this.filterText}”.`, 'search')];
    return nodes;
  }

  private describe(): void {
    const l = this.pager.list;
    const count = this.spec.root ? '' : l.count !== undefined ? `${l.items.length} of ${l.count}` : l.items.length ? `${l.items.length}${l.hasMore ? '+' : ''}` : '';
    const filter = this.filterText ? `“${this.filterText}”` : '';
    this.view.description = [filter, count].filter(Boolean).join(' · ') || undefined;
  }

  override dispose(): void {
    this.pager.reset();
    super.dispose();
  }
}
