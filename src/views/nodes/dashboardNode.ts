import * as vscode from 'vscode';
import type { Dashboard } from '../../api/resources/catalog';
import type { Insight } from '../../api/resources/insights';
import { dashboardText } from '../nodeText';
import { Pager } from '../pager';
import { InsightNode } from './insightNode';
import { MessageNode } from './messageNode';
import { itemOf, ResourceNode, type NodeEnv, type TreeNode } from './node';

/** A dashboard; children are its insights (fetched with the dashboard's tiles on expand). */
export class DashboardNode extends ResourceNode<Dashboard> {
  private readonly tiles: Pager<Insight>;

  constructor(env: NodeEnv, item: Dashboard) {
    super(env, item);
    const { client, projectId } = env.session;
    this.tiles = new Pager<Insight>(
      async (_offset, _limit, signal) => {
        const d = await client.dashboards.get(projectId, item.id, { signal });
        const insights = (d.tiles ?? []).map((t) => t.insight).filter((i): i is Insight => !!i);
        return { results: insights, hasMore: false, nextOffset: insights.length };
      },
      env.pageSize,
      (i) => new InsightNode(env, i, `${this.id}/`),
      this.id,
      () => env.changed(this),
      (i) => i.id,
    );
  }

  get id(): string {
    return `dashboard:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const d = this.item;
    const item = itemOf(this.id, dashboardText(d), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon(d.pinned ? 'pinned' : 'dashboard');
    item.contextValue = 'dashboard';
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
