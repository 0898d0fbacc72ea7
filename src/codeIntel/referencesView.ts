/**
 * Shows locations in VS Code's References view through the built-in `vscode.references-view`
 * extension's API (`setInput` with a symbol-tree input, as language extensions do for their own
 * searches): a file row per file, a row per use with its line's text.
 */
import * as vscode from 'vscode';

interface SymbolTreeModel {
  message: string | undefined;
  provider: vscode.TreeDataProvider<Row>;
}

interface SymbolTreeInput {
  readonly contextValue: string;
  readonly title: string;
  readonly location: vscode.Location;
  resolve(): Promise<SymbolTreeModel>;
  with(location: vscode.Location): SymbolTreeInput;
}

type Row = { kind: 'file'; uri: vscode.Uri; uses: vscode.Location[] } | { kind: 'use'; at: vscode.Location; parent: Row };

class RowsProvider implements vscode.TreeDataProvider<Row> {
  private readonly files: Row[];

  constructor(locations: vscode.Location[]) {
    const byFile = new Map<string, vscode.Location[]>();
    for (const l of locations) byFile.set(l.uri.toString(), [...(byFile.get(l.uri.toString()) ?? []), l]);
    this.files = [...byFile.values()].map((uses) => ({ kind: 'file', uri: uses[0].uri, uses }));
  }

  getChildren(row?: Row): Row[] {
    if (!row) return this.files;
    return row.kind === 'file' ? row.uses.map((at) => ({ kind: 'use', at, parent: row })) : [];
  }

  getParent(row: Row): Row | undefined {
    return row.kind === 'use' ? row.parent : undefined;
  }

  async getTreeItem(row: Row): Promise<vscode.TreeItem> {
    if (row.kind === 'file') {
      const item = new vscode.TreeItem(row.uri, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${row.uses.length}`;
      item.contextValue = 'file-item';
      return item;
    }
    const doc = await vscode.workspace.openTextDocument(row.at.uri);
    const line = doc.lineAt(row.at.range.start.line).text.trim();
    const item = new vscode.TreeItem(line || `line ${row.at.range.start.line + 1}`);
    item.description = `line ${row.at.range.start.line + 1}`;
    item.contextValue = 'reference-item';
    item.command = { command: 'vscode.open', title: 'Open', arguments: [row.at.uri, { selection: row.at.range }] };
    return item;
  }
}

class LocationsInput implements SymbolTreeInput {
  readonly contextValue = 'hogqlFlagReferences';

  constructor(readonly title: string, private readonly locations: vscode.Location[], readonly location: vscode.Location) {}

  async resolve(): Promise<SymbolTreeModel> {
    const files = new Set(this.locations.map((l) => l.uri.toString())).size;
    const n = this.locations.length;
    return { message: `${n} use${n === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`, provider: new RowsProvider(this.locations) };
  }

  with(location: vscode.Location): SymbolTreeInput {
    return new LocationsInput(this.title, this.locations, location);
  }
}

/** Puts `locations` (at least one) in the References view; false when that view is not available. */
export async function showInReferencesView(title: string, locations: vscode.Location[]): Promise<boolean> {
  const ext = vscode.extensions.getExtension<{ setInput(input: SymbolTreeInput): void }>('vscode.references-view');
  if (!ext || locations.length === 0) return false;
  const api = await ext.activate();
  api.setInput(new LocationsInput(title, locations, locations[0]));
  return true;
}
