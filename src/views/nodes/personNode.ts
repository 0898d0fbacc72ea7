import * as vscode from 'vscode';
import type { Person } from '../../api/resources/persons';
import { oneLine, relativeTime } from '../format';
import { DetailNode } from './detailNode';
import { ResourceNode } from './node';

export function personLabel(p: Person): string {
  const email = p.properties?.email;
  return oneLine(typeof email === 'string' && email ? email : p.name || p.distinct_ids?.[0] || String(p.uuid ?? p.id), 120);
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v) ?? 'null');

/** A person: email/name, distinct id; children are its properties. */
export class PersonNode extends ResourceNode<Person> {
  constructor(
    env: ResourceNode<Person>['env'],
    item: Person,
    private readonly parentId = '',
  ) {
    super(env, item);
  }

  get id(): string {
    return `${this.parentId}person:${this.projectId}:${this.item.uuid ?? this.item.id}`;
  }

  treeItem(): vscode.TreeItem {
    const p = this.item;
    const item = new vscode.TreeItem(personLabel(p), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const ids = p.distinct_ids ?? [];
    item.description = [ids[0] ?? '', ids.length > 1 ? `+${ids.length - 1}` : '', relativeTime(p.created_at)].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('person');
    item.contextValue = 'person';
    const md = new vscode.MarkdownString();
    md.appendText(`${personLabel(p)}\nDistinct ids: ${ids.join(', ')}\n${Object.keys(p.properties ?? {}).length} properties`);
    item.tooltip = md;
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
