import * as vscode from 'vscode';
import type { FeatureFlag } from '../../api/resources/flags';
import { conditionLines, variantLines } from '../flagLogic';
import { flagText } from '../nodeText';
import { DetailNode } from './detailNode';
import { itemOf, ResourceNode } from './node';

/** A feature flag: icon by state, rollout or variants as description; children are its conditions and variants. */
export class FlagNode extends ResourceNode<FeatureFlag> {
  get id(): string {
    return `flag:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const f = this.item;
    const item = itemOf(this.id, flagText(f), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = f.active
      ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
      : new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    item.contextValue = f.active ? 'flag.active' : 'flag.inactive';
    return item;
  }

  override children(): DetailNode[] {
    const f = this.item;
    const conditions = conditionLines(f).map((l, i) => new DetailNode(`${this.id}/c${i}`, l, 'filter', 'flagCondition'));
    const variants = variantLines(f).map((l, i) => new DetailNode(`${this.id}/v${i}`, l, 'symbol-enum-member', 'flagVariant'));
    return conditions.length + variants.length ? [...conditions, ...variants] : [new DetailNode(`${this.id}/none`, 'No release conditions', 'info', 'flagCondition')];
  }

  webUrl(): string {
    return this.env.session.client.web.flag(this.projectId, this.item.id);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'flag key', value: this.item.key };
  }
}
