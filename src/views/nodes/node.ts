import * as vscode from 'vscode';
import type { RowText } from '../nodeText';
import type { ActiveSession } from '../../auth/session';
import type { Ctx } from '../../ctx';

/** What every node of a resource tree can reach: the context, the session it was loaded with, its tree. */
export interface NodeEnv {
  ctx: Ctx;
  session: ActiveSession;
  /** Fires a change for `node` (or the whole tree) in the tree that owns this node. */
  changed(node?: TreeNode): void;
  /** Page size for lists and children. */
  pageSize: number;
}

/**
 * Base of every node kind (one class per kind, as in vscode-pull-request-github's treeNodes).
 * Ids are unique in the tree and stable across refreshes (they include the project), so VS Code
 * keeps expansion state; menus key off `contextValue`, never labels.
 */
export abstract class TreeNode {
  abstract readonly id: string;
  abstract treeItem(): vscode.TreeItem;

  children(): Promise<TreeNode[]> | TreeNode[] {
    return [];
  }
}

/** A node that stands for a PostHog object: it has a web URL and an id or key to copy. */
export abstract class ResourceNode<T> extends TreeNode {
  constructor(
    readonly env: NodeEnv,
    public item: T,
    /** Where it is shown when not at a view's root (an insight under a dashboard): ids must differ. */
    protected readonly parentId = '',
  ) {
    super();
  }

  get projectId(): number {
    return this.env.session.projectId;
  }

  /** "Open in PostHog": the object's page on the connection's host. */
  abstract webUrl(): string;

  /** "Copy ID/Key": what is copied, and what to call it in the confirmation toast. */
  abstract copyValue(): { label: string; value: string };
}

/** A tree item showing `text` (label, description, tooltip lines as plain text, never Markdown). */
export function itemOf(id: string, text: RowText, state: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const item = new vscode.TreeItem(text.label, state);
  item.id = id;
  item.description = text.description;
  const md = new vscode.MarkdownString();
  md.appendText(text.tooltip.join('\n'));
  item.tooltip = md;
  return item;
}
