import * as vscode from 'vscode';
import type { Annotation } from '../../api/resources/catalog';
import { oneLine } from '../format';
import { ResourceNode } from './node';

/** An annotation: its text, date and scope. */
export class AnnotationNode extends ResourceNode<Annotation> {
  get id(): string {
    return `annotation:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const a = this.item;
    const item = new vscode.TreeItem(oneLine(a.content || '(no text)', 150), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const date = a.date_marker ? a.date_marker.slice(0, 16).replace('T', ' ') : '';
    item.description = [date, a.scope, a.creation_type === 'GIT' ? 'git' : ''].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(a.scope === 'organization' ? 'globe' : 'note');
    item.contextValue = 'annotation';
    const md = new vscode.MarkdownString();
    md.appendText(`${a.content}\n\n${a.date_marker} · scope ${a.scope}`);
    item.tooltip = md;
    return item;
  }

  webUrl(): string {
    return this.env.session.client.web.path(`/project/${this.projectId}/data-management/annotations/${encodeURIComponent(String(this.item.id))}`);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'annotation id', value: String(this.item.id) };
  }
}
