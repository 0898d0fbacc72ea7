import * as vscode from 'vscode';
import { apiIfLoaded } from '../../apiLoader';
import { multiLine, oneLine } from '../format';
import { TreeNode } from './node';

export interface Retries {
  retry(): Promise<void>;
}

/** The user-facing text of a failure: an API error's `userMessage`, else the message. */
export function errorText(e: unknown): string {
  const api = apiIfLoaded();
  if (api && e instanceof api.ApiError) return e.userMessage;
  return e instanceof Error ? e.message : String(e);
}

/** A failed load: the error's message, with Retry (click or inline action). */
export class ErrorNode extends TreeNode {
  constructor(
    readonly id: string,
    readonly owner: Retries,
    readonly error: unknown,
  ) {
    super();
  }

  get message(): string {
    return errorText(this.error);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(oneLine(this.message, 300), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.description = 'Retry';
    const md = new vscode.MarkdownString();
    md.appendText(`${multiLine(this.message)}\n\nClick to retry.`);
    item.tooltip = md;
    item.contextValue = 'error';
    item.command = { command: 'hogql.views.retry', title: 'Retry', arguments: [this] };
    return item;
  }
}
