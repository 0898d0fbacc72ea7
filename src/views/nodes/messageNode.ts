import * as vscode from 'vscode';
import { TreeNode } from './node';

/** A plain line of text (empty filter result, view disabled, a note). */
export class MessageNode extends TreeNode {
  constructor(
    readonly id: string,
    private readonly text: string,
    private readonly icon = 'info',
    private readonly kind = 'message',
    private readonly detail?: string,
  ) {
    super();
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = this.kind;
    if (this.detail) item.description = this.detail;
    return item;
  }
}
