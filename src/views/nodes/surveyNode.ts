import * as vscode from 'vscode';
import type { Survey } from '../../api/resources/catalog';
import { lifecycle } from '../format';
import { surveyText } from '../nodeText';
import { lifecycleIcon } from './experimentNode';
import { itemOf, ResourceNode } from './node';

/** A survey: status and type (popover, api, widget…). */
export class SurveyNode extends ResourceNode<Survey> {
  get id(): string {
    return `survey:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const status = lifecycle(this.item);
    const item = itemOf(this.id, surveyText(this.item), vscode.TreeItemCollapsibleState.None);
    item.iconPath = lifecycleIcon(status);
    item.contextValue = `survey.${status}`;
    return item;
  }

  webUrl(): string {
    return this.env.session.client.web.survey(this.projectId, this.item.id);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'survey id', value: String(this.item.id) };
  }
}
