/**
 * `hogql.test.sidebar`: a command registered only when the extension host runs with
 * HOGQL_TEST_HOOKS=1 (the host test harness), never for users. It lets host tests read the trees
 * as VS Code would render them, get node instances to pass to commands, queue answers for the
 * write confirmations (see ui/confirm.ts) and read the confirmations asked, and capture the web
 * pages opened instead of opening them (see openWeb.ts).
 */
import * as vscode from 'vscode';
import { confirmSeam } from '../ui/confirm';
import { openSeam } from '../ui/openWeb';
import type { Ctx } from '../ctx';
import type { TreeNode } from './nodes/node';
import type { ViewName } from './resourceTree';
import type { Sidebar } from './sidebar';

export interface RenderedItem {
  id: string;
  label: string;
  description: string;
  tooltip: string;
  contextValue: string;
  icon: string;
  color: string;
  collapsible: boolean;
  command: string;
}

function render(node: TreeNode): RenderedItem {
  const t = node.treeItem();
  const label = typeof t.label === 'string' ? t.label : (t.label?.label ?? '');
  const icon = t.iconPath instanceof vscode.ThemeIcon ? t.iconPath : undefined;
  const tooltip = t.tooltip instanceof vscode.MarkdownString ? t.tooltip.value : String(t.tooltip ?? '');
  return {
    id: t.id ?? node.id,
    label,
    description: typeof t.description === 'string' ? t.description : '',
    tooltip,
    contextValue: t.contextValue ?? '',
    icon: icon?.id ?? '',
    color: icon?.color?.id ?? '',
    collapsible: t.collapsibleState !== vscode.TreeItemCollapsibleState.None,
    command: t.command?.command ?? '',
  };
}

interface Args {
  op: 'children' | 'answer' | 'asked' | 'view' | 'insightLink' | 'captureOpen' | 'opened';
  on?: boolean;
  view?: ViewName;
  /** Node ids from the root down to the node whose children are wanted. */
  path?: string[];
  answers?: boolean[];
  uri?: string;
}

async function children(sidebar: Sidebar, view: ViewName, path: string[]): Promise<{ items: RenderedItem[]; nodes: TreeNode[] }> {
  const tree = sidebar.tree(view);
  let nodes = await tree.getChildren();
  for (const id of path) {
    const next = nodes.find((n) => n.id === id);
    if (!next) throw new Error(`no node ${id} among ${nodes.map((n) => n.id).join(', ')}`);
    nodes = await tree.getChildren(next);
  }
  return { items: nodes.map(render), nodes };
}

export function registerTestHooks(ctx: Ctx, sidebar: Sidebar): void {
  if (process.env.HOGQL_TEST_HOOKS !== '1') return;
  ctx.track(
    ctx.shell.command('hogql.test.sidebar', async (a: Args) => {
      switch (a.op) {
        case 'children':
          return children(sidebar, a.view!, a.path ?? []);
        case 'answer':
          confirmSeam.queue(a.answers ?? []);
          return confirmSeam.pending();
        case 'asked':
          return confirmSeam.takeAsked();
        case 'view': {
          const t = sidebar.tree(a.view!);
          return { description: t.view.description ?? '', message: t.view.message ?? '', filter: t.filter ?? '', loading: t.pager.list.loading, selection: t.view.selection.map((n) => n.id) };
        }
        case 'captureOpen':
          openSeam.capture(a.on !== false);
          return openSeam.take();
        case 'opened':
          return openSeam.take();
        case 'insightLink':
          return ctx.queries.insightLinks.ofUri(a.uri ?? '');
      }
    }),
  );
}
