import * as vscode from 'vscode';
import type { Dashboard } from '../../api/resources/catalog';
import type { Insight } from '../../api/resources/insights';
import { oneLine } from '../format';
import { Pager } from '../pager';
import { InsightNode } from './insightNode';
import { MessageNode } from './messageNode';
import { ResourceNode, type NodeEnv, type TreeNode } from './node';

/** A dashboard; children are its insights (fetched with the dashboard's tiles on expand). */
export class DashboardNode extends ResourceNode<Dashboard> {
  private readonly tiles: Pager<Insight>;

  constructor(env: NodeEnv, item: Dashboard) {
    super(env, item);
    const { client, projectId } = env.session;
    this.tiles = new Pager<Insight>(
      async (_offset, _limit, signal) => {
        const d = await client.dashboards.get(projectId, item.id, { signal });
        const insights = (d.tiles ?? []).map((t) => t.insight).filter((i): i is NonNullable<typeof i> => !!i) as Insight[];
        return { results: insights, hasMore: false, nextOffset: insights.length };
      },
      env.pageSize,
      (i) => new InsightNode(env, i, `${this.id}/`),
      this.id,
      () => env.changed(this),
    );
  }

  get id(): string {
    return `dashboard:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const d = this.item;
    const item = new vscode.TreeItem(oneLine(d.name, 150), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [d.pinned ? 'pinned' : '', d.tags?.length ? d.tags.join(', ') : '', d.description ? oneLine(d.description, 60) : ''].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(d.pinned ? 'pinned' : 'dashboard');
    item.contextValue = 'dashboard';
    const md = new vscode.MarkdownString();
    md.appendText(`${d.name}\n`);
    if (d.description) md.appendText(`${oneLine(d.description, 500)}\n`);
    item.tooltip = md;
    return item;
  }

  override async children(): Promise<TreeNode[]> {
    const nodes = await this.tiles.render();
    return nodes.length ? nodes : [new MessageNode(`${this.id}/empty`, 'No insights on this dashboard')];
  }

  webUrl(): string {
    return this.env.session.client.web.dashboard(this.projectId, this.item.id);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'dashboard id', value: String(this.item.id) };
  }
}
