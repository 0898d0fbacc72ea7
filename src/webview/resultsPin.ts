import * as vscode from 'vscode';
import { guessKeys } from '../results/diff';
import type { ResultsTab } from './resultsTab';

/**
 * "Match by…" of a pinned result (issue #17): a quick pick of its columns, the current key columns
 * picked (the first column when none was chosen). Picking none goes back to the first column.
 */
export async function choosePinKeys(tab: ResultsTab): Promise<void> {
  const pin = tab.pinned;
  if (!pin) return;
  const keys = pin.keys.length ? pin.keys : guessKeys(pin.columns);
  const items = pin.columns.map((c) => ({ label: c.name, description: c.type, picked: keys.includes(c.name) }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'PostHog: Match Pinned Rows By',
    placeHolder: 'The key columns that identify a row (none picked: the first column)',
  });
  // the pin may have changed (unpinned, pinned again) while the pick was open
  if (!picked || tab.pinned !== pin) return;
  tab.setPin({ ...pin, keys: picked.map((p) => p.label) });
}
