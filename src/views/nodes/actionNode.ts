import * as vscode from 'vscode';
import type { Action } from '../../api/resources/catalog';
import { actionDetails } from '../detailText';
import { actionText } from '../nodeText';
import { DetailNode, detailNodes } from './detailNode';
import { itemOf, ResourceNode } from './node';

/** An action (a named set of event matchers); children are its steps. */
export class ActionNode extends ResourceNode<Action> {
  get id(): string {
    return `action:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const item = itemOf(this.id, actionText(this.item), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon('zap');
    item.contextValue = 'action';
    return item;
  }

  override children(): DetailNode[] {
    return detailNodes(this.id, actionDetails(this.item));
  }

  webUrl(): string {
    return this.env.session.client.web.action(this.projectId, this.item.id);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'action id', value: String(this.item.id) };
  }
}
