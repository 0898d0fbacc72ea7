import * as vscode from 'vscode';
import type { Cohort } from '../../api/resources/cohorts';
import type { Person } from '../../api/resources/persons';
import { cohortText } from '../nodeText';
import { Pager } from '../pager';
import { itemOf, ResourceNode, type NodeEnv, type TreeNode } from './node';
import { PersonNode } from './personNode';

/** A cohort: size, static/dynamic, calculating; children are its persons, a page at a time. */
export class CohortNode extends ResourceNode<Cohort> {
  private readonly persons: Pager<Person>;

  constructor(env: NodeEnv, item: Cohort) {
    super(env, item);
    const { client, projectId } = env.session;
    this.persons = new Pager<Person>(
      (offset, limit, signal) => client.cohorts.persons(projectId, item.id, { signal }).page(offset, limit),
      env.pageSize,
      (p) => new PersonNode(env, p, `${this.id}/`),
      this.id,
      () => env.changed(this),
      (p) => p.uuid,
    );
  }

  get id(): string {
    return `cohort:${this.projectId}:${this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const c = this.item;
    const item = itemOf(this.id, cohortText(c), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = c.is_calculating ? new vscode.ThemeIcon('sync~spin') : new vscode.ThemeIcon(c.is_static ? 'list-flat' : 'organization');
    item.contextValue = c.is_calculating ? 'cohort.calculating' : 'cohort';
    return item;
  }

  override children(): Promise<TreeNode[]> {
    return this.persons.render();
  }

  webUrl(): string {
    return this.env.session.client.web.cohort(this.projectId, this.item.id);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'cohort id', value: String(this.item.id) };
  }
}
