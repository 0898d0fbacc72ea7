import * as vscode from 'vscode';
import type { Experiment } from '../../api/resources/catalog';
import { lifecycle, type Lifecycle } from '../format';
import { experimentDetails } from '../detailText';
import { experimentText } from '../nodeText';
import { DetailNode, detailNodes } from './detailNode';
import { itemOf, ResourceNode } from './node';

const ICONS: Record<Lifecycle, [string, string | undefined]> = {
  draft: ['beaker', undefined],
  running: ['beaker', 'charts.green'],
  complete: ['pass', 'charts.blue'],
  archived: ['archive', 'disabledForeground'],
};

export function lifecycleIcon(l: Lifecycle): vscode.ThemeIcon {
  const [id, color] = ICONS[l];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

/** An experiment: status from its dates, and its feature flag; children are its details. */
export class ExperimentNode extends ResourceNode<Experiment> {
  get id(): string {
    return `experiment:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const status = lifecycle(this.item);
    const item = itemOf(this.id, experimentText(this.item), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = lifecycleIcon(status);
    item.contextValue = `experiment.${status}`;
    return item;
  }

  override children(): DetailNode[] {
    return detailNodes(this.id, experimentDetails(this.item));
  }

  webUrl(): string {
    return this.env.session.client.web.experiment(this.projectId, this.item.id);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'experiment id', value: String(this.item.id) };
  }
}
