/**
 * The Stale Flags view (`hogql.staleFlags`, collapsed by default): flags used in the workspace's
 * code that are fully rolled out, inactive for long, deleted or never created in PostHog, grouped by reason; under each flag
 * its uses, each opening the file at the use. Computed when the view is first expanded and on
 * refresh, from one workspace scan (see references.ts) and the project's flags (definitions.ts).
 */
import * as vscode from 'vscode';
import { config } from '../config';
import type { DefinitionCache } from './definitions';
import { allFlagUses } from './references';
import { STALE_REASONS, staleReason, type StaleReason } from './stale';

export type StaleRow =
  | { kind: 'group'; reason: StaleReason; label: string; hint: string; flags: StaleRow[] }
  | { kind: 'flag'; key: string; uses: vscode.Location[] }
  | { kind: 'use'; at: vscode.Location }
  | { kind: 'message'; text: string };

export class StaleFlagsView implements vscode.TreeDataProvider<StaleRow>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: Promise<StaleRow[]> | undefined;

  constructor(private readonly defs: DefinitionCache) {}

  refresh(): void {
    this.roots = undefined;
    this.emitter.fire();
  }

  async getChildren(row?: StaleRow): Promise<StaleRow[]> {
    if (!row) return (this.roots ??= this.compute());
    if (row.kind === 'group') return row.flags;
    if (row.kind === 'flag') return row.uses.map((at) => ({ kind: 'use', at }));
    return [];
  }

  private async compute(): Promise<StaleRow[]> {
    // only the flag list is needed: not the events, properties and experiments loaded with it
    const [flags, uses] = await Promise.all([this.defs.flags(), allFlagUses()]);
    if (!flags) return [{ kind: 'message', text: 'Sign in to PostHog to check the flags used in code.' }];
    const groups = STALE_REASONS.map(({ reason, label, hint }) => ({ kind: 'group' as const, reason, label, hint, flags: [] as StaleRow[] }));
    const deleted = await this.defs.deletedAmong([...uses.keys()].filter((k) => !flags.has(k)));
    const inactiveDays = config.codeIntelStaleInactiveDays();
    for (const [key, at] of [...uses].sort(([a], [b]) => a.localeCompare(b))) {
      const reason = staleReason(flags.get(key), { inactiveDays, wasDeleted: deleted.has(key) });
      if (reason) groups.find((g) => g.reason === reason)!.flags.push({ kind: 'flag', key, uses: at });
    }
    const shown = groups.filter((g) => g.flags.length > 0);
    return shown.length ? shown : [{ kind: 'message', text: `No stale flags among the ${uses.size} flag keys used in this workspace.` }];
  }

  getTreeItem(row: StaleRow): vscode.TreeItem {
    switch (row.kind) {
      case 'group': {
        const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${row.flags.length}`;
        item.tooltip = row.hint;
        item.contextValue = `staleGroup.${row.reason}`;
        return item;
      }
      case 'flag': {
        const item = new vscode.TreeItem(row.key, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${row.uses.length} use${row.uses.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('symbol-boolean');
        item.contextValue = 'staleFlag';
        return item;
      }
      case 'use': {
        const item = new vscode.TreeItem(`${vscode.workspace.asRelativePath(row.at.uri)}:${row.at.range.start.line + 1}`);
        item.resourceUri = row.at.uri;
        item.command = { command: 'vscode.open', title: 'Open', arguments: [row.at.uri, { selection: row.at.range }] };
        return item;
      }
      case 'message':
        return new vscode.TreeItem(row.text);
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
