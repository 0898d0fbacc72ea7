/** Commands every sidebar view shares: refresh, filter, load more, retry, open in PostHog, copy id. */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { ErrorNode } from '../views/nodes/errorNode';
import type { LoadMoreNode } from '../views/nodes/loadMoreNode';
import { DetailNode } from '../views/nodes/detailNode';
import { ResourceNode } from '../views/nodes/node';
import { openWeb } from '../ui/openWeb';
import { VIEW_NAMES, type ViewName } from '../views/resourceTree';
import type { Sidebar } from '../views/sidebar';
import type { CommandTable } from '../ui/registry';

async function filter(sidebar: Sidebar, name: ViewName, arg: unknown): Promise<string | undefined> {
  const tree = sidebar.tree(name);
  let text: string | undefined;
  if (arg && typeof arg === 'object' && 'text' in arg) text = String((arg).text ?? '');
  else {
    text = await vscode.window.showInputBox({ title: tree.spec.filterPrompt, prompt: 'Leave empty to show everything', value: tree.filter ?? '' });
    if (text === undefined) return tree.filter;
  }
  tree.setFilter(text);
  return tree.filter;
}

/** `hogql.<view>.refresh`, `.filter`, `.clearFilter` for each view. */
function perView(sidebar: Sidebar): CommandTable {
  const table: CommandTable = {};
  for (const name of VIEW_NAMES) {
    table[`${name}.refresh`] = () => () => sidebar.refresh(name);
    table[`${name}.filter`] = () => (arg?: unknown) => filter(sidebar, name, arg);
    table[`${name}.clearFilter`] = () => () => sidebar.tree(name).setFilter(undefined);
  }
  return table;
}

function resourceOf(node: unknown): ResourceNode<unknown> {
  if (node instanceof ResourceNode) return node;
  throw new Error('Pick an item in a PostHog view first.');
}

export function sidebarCommands(sidebar: Sidebar): CommandTable {
  return {
    ...perView(sidebar),
    'views.loadMore': () => (node: LoadMoreNode) => node.owner.loadMore(),
    'views.retry': () => (node: ErrorNode) => node.owner.retry(),
    'views.openInPostHog': () => async (node: unknown) => {
      return openWeb(resourceOf(node).webUrl());
    },
    'views.copyId': (ctx: Ctx) => async (node: unknown) => {
      const { label, value } = node instanceof DetailNode ? { label: 'value', value: node.copyText ?? '' } : resourceOf(node).copyValue();
      await vscode.env.clipboard.writeText(value);
      ctx.log.info(`Copied ${label} to the clipboard`);
      void vscode.window.setStatusBarMessage(`Copied ${label} ${value}`, 3000);
      return value;
    },
  };
}
