import * as vscode from 'vscode';
import type { Experiment } from '../../api/resources/catalog';
import { lifecycle, type Lifecycle } from '../format';
import { experimentDetails } from '../detailText';
import { experimentText } from '../nodeText';
import { DetailedNode } from './detailNode';

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
export class ExperimentNode extends DetailedNode<Experiment> {
  protected readonly kind = 'experiment';
  protected text = () => experimentText(this.item);
  protected icon = () => lifecycleIcon(lifecycle(this.item));
  protected details = () => experimentDetails(this.item);
  protected override contextValue = () => `experiment.${lifecycle(this.item)}`;

  webUrl(): string {
    return this.env.session.client.web.experiment(this.projectId, this.item.id);
  }
}
