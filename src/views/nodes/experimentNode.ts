import * as vscode from 'vscode';
import type { Experiment } from '../../api/resources/catalog';
import { lifecycle, oneLine, relativeTime, type Lifecycle } from '../format';
import { ResourceNode } from './node';

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

/** An experiment: status from its dates, and its feature flag. */
export class ExperimentNode extends ResourceNode<Experiment> {
  get id(): string {
    return `experiment:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const e = this.item;
    const status = lifecycle(e);
    const item = new vscode.TreeItem(oneLine(e.name, 150), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [status, e.feature_flag_key ? `flag ${e.feature_flag_key}` : ''].filter(Boolean).join(' · ');
    item.iconPath = lifecycleIcon(status);
    item.contextValue = `experiment.${status}`;
    const md = new vscode.MarkdownString();
    md.appendText(`${e.name} — ${status}\n`);
    if (e.description) md.appendText(`${oneLine(e.description, 500)}\n`);
    if (e.feature_flag_key) md.appendText(`Feature flag: ${e.feature_flag_key}\n`);
    if (e.start_date) md.appendText(`Started ${relativeTime(e.start_date)}${e.end_date ? `, ended ${relativeTime(e.end_date)}` : ''}`);
    item.tooltip = md;
    return item;
  }

  webUrl(): string {
    return this.env.session.client.web.experiment(this.projectId, this.item.id);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'experiment id', value: String(this.item.id) };
  }
}
