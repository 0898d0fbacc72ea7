import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { savedTabs } from '../results/snapshot';
import { ResultsPanel } from './resultsPanel';
import { unpackState } from './snapshotPack';

/**
 * Restores a results panel after a window reload (VS Code keeps the panel and hands back its
 * webview's state): the tabs come back with their saved first rows, pins and view state. A panel
 * with nothing saved (or nothing valid) is closed rather than left empty. The serializer that calls
 * this is registered at activation (src/extension.ts), which loads the features bundle first.
 */
export function restoreResultTabs(ctx: Ctx, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
  const { tabs, active } = savedTabs(unpackState(state));
  const first = tabs[0];
  if (!first) {
    panel.dispose();
    return Promise.resolve();
  }
  const restored = ResultsPanel.adopt(ctx, panel, first.panelKey);
  panel.title = first.panelTitle;
  for (const snap of tabs) restored.restoreTab(snap);
  if (active) restored.showTab(active);
  ctx.log.info(`results panel restored after a reload: ${tabs.length} tab(s)`);
  return Promise.resolve();
}
