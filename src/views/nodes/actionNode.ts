import * as vscode from 'vscode';
import type { Action } from '../../api/resources/catalog';
import { oneLine, plural } from '../format';
import { ResourceNode } from './node';

/** An action (a named set of event matchers). */
export class ActionNode extends ResourceNode<Action> {
  get id(): string {
    return `action:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const a = this.item;
    const item = new vscode.TreeItem(oneLine(a.name, 150), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [a.steps ? plural(a.steps.length, 'step') : '', a.description ? oneLine(a.description, 80) : ''].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('zap');
    item.contextValue = 'action';
    const md = new vscode.MarkdownString();
    md.appendText(`${a.name}\n`);
    if (a.description) md.appendText(`${oneLine(a.description, 500)}\n`);
    if (a.tags?.length) md.appendText(`Tags: ${a.tags.join(', ')}`);
    item.tooltip = md;
    return item;
  }

  webUrl(): string {
    return this.env.session.client.web.action(this.projectId, this.item.id);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'action id', value: String(this.item.id) };
  }
}
