import * as vscode from 'vscode';
import { multiLine, oneLine } from '../format';
import type { Detail } from '../detailText';
import type { RowText } from '../nodeText';
import { itemOf, ResourceNode, TreeNode } from './node';

/** A read-only line under a resource: a flag condition or variant, a person property. */
export class DetailNode extends TreeNode {
  constructor(
    readonly id: string,
    private readonly text: string,
    private readonly icon: string,
    private readonly kind: string,
    private readonly detail?: string,
    /** What "Copy" copies (defaults to the text). */
    readonly copyText?: string,
  ) {
    super();
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(oneLine(this.text, 300), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = this.kind;
    if (this.detail !== undefined) item.description = oneLine(this.detail, 300);
    const md = new vscode.MarkdownString();
    md.appendText(multiLine(this.detail !== undefined ? `${this.text}: ${this.detail}` : this.text));
    item.tooltip = md;
    return item;
  }
}

/** Detail lines (see detailText.ts) as nodes under `parentId`; "Copy" copies the value. */
export function detailNodes(parentId: string, details: readonly { key: string; label: string; value?: string; icon: string }[], kind = 'detail'): DetailNode[] {
  return details.map((d) => new DetailNode(`${parentId}/${d.key}`, d.label, d.icon, kind, d.value, d.value ?? d.label));
}

/**
 * A PostHog object whose row expands to its detail lines (experiments, surveys, actions,
 * annotations, recordings): id `kind:project:id`, its text, icon and menu context, "Copy" of its id.
 */
export abstract class DetailedNode<T extends { id: string | number }> extends ResourceNode<T> {
  /** `experiment`, `survey`…: the id prefix, the menu context (unless overridden) and the copy label. */
  protected abstract readonly kind: string;
  protected abstract text(): RowText;
  protected abstract icon(): vscode.ThemeIcon;
  protected abstract details(): Detail[];

  protected contextValue(): string {
    return this.kind;
  }

  get id(): string {
    return `${this.kind}:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const item = itemOf(this.id, this.text(), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = this.icon();
    item.contextValue = this.contextValue();
    return item;
  }

  override children(): DetailNode[] {
    return detailNodes(this.id, this.details());
  }

  copyValue(): { label: string; value: string } {
    return { label: `${this.kind} id`, value: String(this.item.id) };
  }
}
