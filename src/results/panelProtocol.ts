/**
 * The results panel's messages from the host beyond `ToPanel` (src/results/protocol.ts): a tab's
 * snapshot for restoring it after a window reload, and its pinned result (issue #17). Separate so
 * that protocol.ts stays free of snapshot.ts (which builds on it). Pure: no `vscode`, no DOM.
 */
import { parseToPanel, type ToPanel } from './protocol';
import { parsePin, parseTabSnapshot, type Pin, type TabSnapshot } from './snapshot';

export type PanelMessage =
  | ToPanel
  /** Tab `tabId`'s snapshot: the webview stores it with its state (VS Code hands it back after a reload). */
  | { kind: 'tabSnapshot'; tabId: string; snapshot: TabSnapshot }
  /** Tab `tabId`'s pin, or none (unpinned): the tab diffs its result against it. */
  | { kind: 'pinned'; tabId: string; pin?: Pin };

/** Validates a message from the host to the panel; `undefined` for anything malformed. */
export function parsePanelMessage(msg: unknown): PanelMessage | undefined {
  if (typeof msg !== 'object' || msg === null) return undefined;
  const m = msg as Record<string, unknown>;
  if (m.kind === 'tabSnapshot') {
    const snapshot = typeof m.tabId === 'string' ? parseTabSnapshot(m.snapshot) : undefined;
    return snapshot && { kind: 'tabSnapshot', tabId: m.tabId as string, snapshot };
  }
  if (m.kind === 'pinned') {
    if (typeof m.tabId !== 'string') return undefined;
    if (m.pin === undefined) return { kind: 'pinned', tabId: m.tabId };
    const pin = parsePin(m.pin);
    return pin && { kind: 'pinned', tabId: m.tabId, pin };
  }
  return parseToPanel(msg);
}
