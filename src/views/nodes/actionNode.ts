import * as vscode from 'vscode';
import type { Action } from '../../api/resources/catalog';
import { actionDetails } from '../detailText';
import { actionText } from '../nodeText';
import { DetailedNode } from './detailNode';

/** An action (a named set of event matchers); children are its steps. */
export class ActionNode extends DetailedNode<Action> {
  protected readonly kind = 'action';
  protected text = () => actionText(this.item);
  protected icon = () => new vscode.ThemeIcon('zap');
  protected details = () => actionDetails(this.item);

  webUrl(): string {
    return this.env.session.client.web.action(this.projectId, this.item.id);
  }
}
