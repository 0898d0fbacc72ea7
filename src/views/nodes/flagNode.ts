import * as vscode from 'vscode';
import type { FeatureFlag } from '../../api/resources/flags';
import { conditionLines, flagSummary, variantLines } from '../flagLogic';
import { oneLine, relativeTime } from '../format';
import { DetailNode } from './detailNode';
import { ResourceNode } from './node';

/** A feature flag: icon by state, rollout or variants as description; children are its conditions and variants. */
export class FlagNode extends ResourceNode<FeatureFlag> {
  get id(): string {
    return `flag:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const f = this.item;
    const item = new vscode.TreeItem(f.key, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = `${f.active ? '' : 'off · '}${flagSummary(f)}${f.name ? ` · ${oneLine(f.name, 80)}` : ''}`;
    item.iconPath = f.active
      ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
      : new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    item.contextValue = f.active ? 'flag.active' : 'flag.inactive';
    const md = new vscode.MarkdownString();
    md.appendText(`${f.key} — ${f.active ? 'enabled' : 'disabled'}\n`);
    if (f.name) md.appendText(`${oneLine(f.name, 500)}\n`);
    md.appendMarkdown('\n---\n\n');
    for (const line of [...conditionLines(f), ...variantLines(f)]) md.appendText(`${line}\n`);
    if (f.tags?.length) md.appendText(`\nTags: ${f.tags.join(', ')}\n`);
    if (f.updated_at) md.appendText(`\nUpdated ${relativeTime(f.updated_at)}`);
    item.tooltip = md;
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
