import * as vscode from 'vscode';
import type { TableInfo } from '../../language/hogql/vocabulary';
import { oneLine } from '../format';
import type { Pager } from '../pager';
import { insertText, type SchemaItemKind } from '../schemaText';
import { MessageNode } from './messageNode';
import { TreeNode } from './node';

const KIND_ICONS: Record<SchemaItemKind, string> = {
  table: 'table',
  field: 'symbol-field',
  event: 'symbol-event',
  eventProperty: 'symbol-property',
  personProperty: 'person',
};

/** A name to insert: a field, an event, a property. Click inserts it at the cursor of the active HogQL editor. */
export class SchemaItemNode extends TreeNode {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly kind: SchemaItemKind,
    private readonly detail?: string,
    private readonly doc?: string,
  ) {
    super();
  }

  get text(): string {
    return insertText(this.kind, this.name);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(oneLine(this.name, 150), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    if (this.detail) item.description = oneLine(this.detail, 60);
    item.iconPath = new vscode.ThemeIcon(KIND_ICONS[this.kind]);
    item.contextValue = `schema.${this.kind}`;
    const md = new vscode.MarkdownString();
    md.appendText(`${oneLine(this.name, 500)}${this.detail ? ` (${oneLine(this.detail, 200)})` : ''}\n`);
    if (this.doc) md.appendText(`${oneLine(this.doc, 500)}\n`);
    md.appendText(`\nClick to insert ${oneLine(this.text, 500)}`);
    item.tooltip = md;
    item.command = { command: 'hogql.schema.insert', title: 'Insert at Cursor', arguments: [this] };
    return item;
  }
}

/** A HogQL table of the vocabulary; children are its fields (matching the filter, if any). */
export class SchemaTableNode extends TreeNode {
  constructor(
    private readonly parentId: string,
    readonly table: TableInfo,
    private readonly filter: string | undefined,
  ) {
    super();
  }

  get id(): string {
    return `${this.parentId}/table/${this.table.name}`;
  }

  private fields() {
    const f = this.filter?.toLowerCase();
    const visible = this.table.fields.filter((x) => !x.hidden);
    return f && !this.table.name.toLowerCase().includes(f) ? visible.filter((x) => x.name.toLowerCase().includes(f)) : visible;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.table.name, this.filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = `${this.fields().length} fields`;
    item.iconPath = new vscode.ThemeIcon('table');
    item.contextValue = 'schema.table';
    const md = new vscode.MarkdownString();
    md.appendText(this.table.doc ?? `HogQL table ${this.table.name}`);
    item.tooltip = md;
    return item;
  }

  override children(): TreeNode[] {
    return this.fields().map((f) => new SchemaItemNode(`${this.id}/${f.name}`, f.name, 'field', f.to ? `${f.type} → ${f.to}` : f.type, f.doc));
  }
}

/** A top-level group of the Schema view: tables, events, event properties, person properties. */
export class SchemaGroupNode extends TreeNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly icon: string,
    private readonly load: () => Promise<TreeNode[]> | TreeNode[],
    private readonly expanded = false,
  ) {
    super();
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, this.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'schema.group';
    return item;
  }

  override async children(): Promise<TreeNode[]> {
    const nodes = await this.load();
    return nodes.length ? nodes : [new MessageNode(`${this.id}/empty`, 'Nothing here')];
  }
}

/** A group backed by a paged list (event or property definitions). */
export function pagedGroup<T>(id: string, label: string, icon: string, pager: Pager<T>): SchemaGroupNode {
  return new SchemaGroupNode(id, label, icon, () => pager.render());
}
