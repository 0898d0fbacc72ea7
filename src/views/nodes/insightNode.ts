import * as vscode from 'vscode';
import type { Insight } from '../../api/resources/insights';
import { sqlOf } from '../insightLogic';
import { insightText } from '../nodeText';
import { itemOf, ResourceNode } from './node';

/** A saved insight: kind and last change as description; click opens it (SQL in an editor, else its result). */
export class InsightNode extends ResourceNode<Insight> {
  get id(): string {
    return `${this.parentId}insight:${this.projectId}:${this.item.id}`;
  }

  get isSql(): boolean {
    return sqlOf(this.item.query) !== undefined;
  }

  treeItem(): vscode.TreeItem {
    const i = this.item;
    const item = itemOf(this.id, insightText(i), vscode.TreeItemCollapsibleState.None);
    item.iconPath = i.favorited
      ? new vscode.ThemeIcon('star-full', new vscode.ThemeColor('charts.yellow'))
      : new vscode.ThemeIcon(this.isSql ? 'database' : 'graph-line');
    // insight[.sql][.favorite]: menus show Favourite or Unfavourite by state.
    item.contextValue = `insight${this.isSql ? '.sql' : ''}${i.favorited ? '.favorite' : ''}`;
    item.command = { command: 'hogql.insights.open', title: 'Open Insight', arguments: [this] };
    return item;
  }

  webUrl(): string {
    return this.env.session.client.web.insight(this.projectId, this.item.short_id);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'insight short id', value: this.item.short_id };
  }
}
