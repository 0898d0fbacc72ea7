/**
 * Commands on result cells (issue #17), run from the results webview's context menu
 * (`webview/context`): their argument is the cell's `data-vscode-context` merged with the grid's
 * (webview-ui/results/grid.ts): `hogqlQueryId`, `hogqlColumn`, `hogqlLink`, `hogqlLinkValue`,
 * `hogqlLinkTimestamp`. Scripts and tests pass the same keys (plus `name` for the cohort).
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { openCellLink } from '../webview/cellLinks';
import { ResultsPanel } from '../webview/resultsPanel';
import type { CommandTable } from '../ui/registry';
import type { Sidebar } from '../views/sidebar';
import { revealCellInSidebar } from './resultsReveal';

interface CellArgs {
  hogqlQueryId?: unknown;
  hogqlColumn?: unknown;
  hogqlLink?: unknown;
  hogqlLinkValue?: unknown;
  hogqlLinkTimestamp?: unknown;
  name?: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

async function openLink(ctx: Ctx, a: CellArgs = {}): Promise<string | undefined> {
  const link = { kind: a.hogqlLink, value: a.hogqlLinkValue, ...(a.hogqlLinkTimestamp === undefined ? {} : { timestamp: a.hogqlLinkTimestamp }) };
  const tab = text(a.hogqlQueryId) === undefined ? undefined : ResultsPanel.tabForQuery(text(a.hogqlQueryId)!);
  return tab ? tab.controller.openLink(link) : openCellLink(await ctx.session.active(), link);
}

async function saveCohort(ctx: Ctx, a: CellArgs = {}): Promise<{ id: number; name: string; count: number | null } | undefined> {
  const queryId = text(a.hogqlQueryId);
  const column = text(a.hogqlColumn);
  const tab = queryId === undefined ? undefined : ResultsPanel.tabForQuery(queryId);
  if (!tab || queryId === undefined || column === undefined) throw new Error('Right-click a cell of a person id or distinct id column in a PostHog result.');
  const cohort = await tab.controller.saveCohort(queryId, column, text(a.name));
  if (!cohort) return undefined;
  const name = cohort.name ?? '';
  const count = cohort.count ?? null;
  ctx.log.info(`created static cohort ${cohort.id} (${count ?? '?'} persons) from column ${column}`);
  void vscode.commands.executeCommand('hogql.cohorts.refresh').then(undefined, () => undefined);
  void vscode.window.showInformationMessage(`PostHog: created the static cohort “${name}” with ${count ?? 'its'} persons.`);
  return { id: cohort.id, name, count };
}

export const resultsCommands: CommandTable = {
  'results.openCellLink': (ctx) => (a?: CellArgs) => openLink(ctx, a),
  'results.saveAsStaticCohort': (ctx) => (a?: CellArgs) => saveCohort(ctx, a),
};

/** "Show in PostHog Sidebar" (needs the sidebar's trees). */
export function resultsSidebarCommands(sidebar: Sidebar): CommandTable {
  return {
    'results.revealInSidebar': (ctx) => (a: CellArgs = {}) => revealCellInSidebar(ctx, sidebar, { kind: a.hogqlLink, value: a.hogqlLinkValue }),
  };
}
