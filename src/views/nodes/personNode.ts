import * as vscode from 'vscode';
import type { Person } from '../../api/resources/persons';
import { personText } from '../nodeText';
import { DetailNode } from './detailNode';
import { itemOf, ResourceNode } from './node';

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? 'null');

/** A person: email/name, distinct id; children are its properties. */
export class PersonNode extends ResourceNode<Person> {
  get id(): string {
    return `${this.parentId}person:${this.projectId}:${this.item.uuid ?? this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const item = itemOf(this.id, personText(this.item), vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = 'person';
    return item;
  }

  override children(): DetailNode[] {
    const props = Object.entries(this.item.properties ?? {}).sort(([a], [b]) => a.localeCompare(b));
    if (props.length === 0) return [new DetailNode(`${this.id}/none`, 'No properties', 'info', 'personProperty')];
    return props.map(([k, v]) => new DetailNode(`${this.id}/p/${k}`, k, 'symbol-property', 'personProperty', show(v), show(v)));
  }

  webUrl(): string {
    const distinct = this.item.distinct_ids?.[0];
    return distinct ? this.env.session.client.web.person(this.projectId, distinct) : this.env.session.client.web.path(`/project/${this.projectId}/persons/${encodeURIComponent(this.item.uuid)}`);
  }

  copyValue(): { label: string; value: string } {
    return { label: 'distinct id', value: this.item.distinct_ids?.[0] ?? String(this.item.uuid) };
  }
}
