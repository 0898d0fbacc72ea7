import * as vscode from 'vscode';
import { TreeNode } from './node';

export interface LoadsMore {
  loadMore(): Promise<void>;
}

/** "Load more…" at the end of a paged list; clicking it fetches the next page. */
export class LoadMoreNode extends TreeNode {
  constructor(
    readonly id: string,
    readonly owner: LoadsMore,
    private readonly shown: number,
    private readonly total: number | undefined,
  ) {
    super();
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.description = this.total === undefined ? `${this.shown} shown` : `${this.shown} of ${this.total}`;
    item.contextValue = 'loadMore';
    item.command = { command: 'hogql.views.loadMore', title: 'Load More', arguments: [this] };
    return item;
  }
}
