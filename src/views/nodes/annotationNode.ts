import * as vscode from 'vscode';
import type { Annotation } from '../../api/resources/catalog';
import { annotationDetails } from '../detailText';
import { annotationText } from '../nodeText';
import { DetailNode, detailNodes } from './detailNode';
import { itemOf, ResourceNode } from './node';

/** An annotation: its text, date and scope; children are its details (text, date, scope, creator). */
export class AnnotationNode extends ResourceNode<Annotation> {
  get id(): string {
    return `annotation:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const item = itemOf(this.id, annotationText(this.item), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon(this.item.scope === 'organization' ? 'globe' : 'note');
    item.contextValue = 'annotation';
    return item;
  }

  override children(): DetailNode[] {
    return detailNodes(this.id, annotationDetails(this.item));
  }

  webUrl(): string {
    return this.env.session.client.web.path(`/project/${this.projectId}/data-management/annotations/${encodeURIComponent(String(this.item.id))}`);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'annotation id', value: String(this.item.id) };
  }
}
