import * as vscode from 'vscode';
import { multiLine, oneLine } from '../format';
import { TreeNode } from './node';

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
