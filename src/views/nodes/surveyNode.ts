import * as vscode from 'vscode';
import type { Survey } from '../../api/resources/catalog';
import { lifecycle } from '../format';
import { surveyDetails } from '../detailText';
import { surveyText } from '../nodeText';
import { DetailNode, detailNodes } from './detailNode';
import { lifecycleIcon } from './experimentNode';
import { itemOf, ResourceNode } from './node';

/** A survey: status and type (popover, api, widget…); children are its details and questions. */
export class SurveyNode extends ResourceNode<Survey> {
  get id(): string {
    return `survey:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const status = lifecycle(this.item);
    const item = itemOf(this.id, surveyText(this.item), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = lifecycleIcon(status);
    item.contextValue = `survey.${status}`;
    return item;
  }

  override children(): DetailNode[] {
    return detailNodes(this.id, surveyDetails(this.item));
  }

  webUrl(): string {
    return this.env.session.client.web.survey(this.projectId, this.item.id);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'survey id', value: String(this.item.id) };
  }
}
