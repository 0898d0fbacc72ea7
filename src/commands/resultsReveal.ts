/**
 * "Show in PostHog Sidebar" on a result cell (issue #17): a flag, cohort or person id leads to its
 * row in the sidebar, found with the view's own search (a flag by its key, a cohort by its name, a
 * person by a distinct id) and selected. The cell's link is re-checked first (src/results/links.ts).
 */
import * as vscode from 'vscode';
import type { ActiveSession } from '../auth/session';
import type { Ctx } from '../ctx';
import { checkLink, type CellLink } from '../results/links';
import type { ViewName } from '../views/resourceTree';
import type { Sidebar } from '../views/sidebar';
import { sessionOrStop } from './session';

interface Target {
  view: ViewName;
  filter: string;
  nodeId: string;
}

/** The sidebar row a link leads to, looked up in the signed-in project. */
async function targetOf(s: ActiveSession, link: CellLink): Promise<Target | undefined> {
  const pid = s.projectId;
  switch (link.kind) {
    case 'flag': {
      const f = await s.client.flags.get(pid, Number(link.value));
      return { view: 'flags', filter: f.key, nodeId: `flag:${pid}:${f.id}` };
    }
    case 'cohort': {
      const c = await s.client.cohorts.get(pid, Number(link.value));
      return { view: 'cohorts', filter: c.name ?? String(c.id), nodeId: `cohort:${pid}:${c.id}` };
    }
    case 'person': {
      const p = await s.client.persons.get(pid, link.value);
      const distinct = p.distinct_ids?.[0];
      return distinct === undefined ? undefined : { view: 'persons', filter: distinct, nodeId: `person:${pid}:${p.uuid ?? p.id}` };
    }
    case 'distinctId': {
      const page = await s.client.persons.page(pid, 0, 1, { filters: { distinct_id: link.value } });
      const p = page.results[0];
      return p ? { view: 'persons', filter: link.value, nodeId: `person:${pid}:${p.uuid ?? p.id}` } : undefined;
    }
    default:
      return undefined;
  }
}

/** Reveals the row; returns the node id shown, or `undefined` when there is none to show. */
export async function revealCellInSidebar(ctx: Ctx, sidebar: Sidebar, raw: unknown): Promise<string | undefined> {
  const link = checkLink(raw);
  if (!link) return undefined;
  const session = await sessionOrStop(ctx, 'show it in the PostHog sidebar');
  const target = await targetOf(session, link);
  if (!target) {
    void vscode.window.showWarningMessage('PostHog: nothing in the sidebar matches that cell in this project.');
    return undefined;
  }
  await vscode.commands.executeCommand(`hogql.${target.view}.focus`);
  if (!(await sidebar.tree(target.view).revealRow(target.filter, target.nodeId))) {
    void vscode.window.showWarningMessage(`PostHog: “${target.filter}” is not listed in the ${target.view} view.`);
    return undefined;
  }
  return target.nodeId;
}
