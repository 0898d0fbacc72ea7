import * as vscode from 'vscode';
import type { Annotation } from '../../api/resources/catalog';
import { annotationDetails } from '../detailText';
import { annotationText } from '../nodeText';
import { DetailedNode } from './detailNode';

/** An annotation: its text, date and scope; children are its details (text, date, scope, creator). */
export class AnnotationNode extends DetailedNode<Annotation> {
  protected readonly kind = 'annotation';
  protected text = () => annotationText(this.item);
  protected icon = () => new vscode.ThemeIcon(this.item.scope === 'organization' ? 'globe' : 'note');
  protected details = () => annotationDetails(this.item);

  webUrl(): string {
    return this.env.session.client.web.path(`/project/${this.projectId}/data-management/annotations/${encodeURIComponent(String(this.item.id))}`);
  }
}
