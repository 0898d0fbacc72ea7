/**
 * The results panel's messages from the host beyond `ToPanel` (src/results/protocol.ts): a tab's
 * snapshot for restoring it after a window reload, and its pinned result (issue #17). Separate so
 * that protocol.ts stays free of snapshot.ts (which builds on it). Pure: no `vscode`, no DOM.
 */
import { parseToPanel, type ToPanel } from './protocol';
import { parsePin, type Pin } from './snapshot';

/** The longest packed snapshot the panel stores (a snapshot's rows are capped at 1 MB of JSON, ×2 with a pin, before deflating). */
export const MAX_PACKED_SNAPSHOT = 4 * 1024 * 1024;

export type PanelMessage =
  | ToPanel
  /**
   * Tab `tabId`'s snapshot, packed by the host (src/webview/snapshotPack.ts): the webview stores the
   * text with its state as it came (VS Code hands it back after a reload; the host validates it then).
   */
  | { kind: 'tabSnapshot'; tabId: string; snapshot: string }
  /** Tab `tabId`'s pin, or none (unpinned): the tab diffs its result against it. */
  | { kind: 'pinned'; tabId: string; pin?: Pin };

/** Validates a message from the host to the panel; `undefined` for anything malformed. */
export function parsePanelMessage(msg: unknown): PanelMessage | undefined {
  if (typeof msg !== 'object' || msg === null) return undefined;
  const m = msg as Record<string, unknown>;
  if (m.kind === 'tabSnapshot') {
    if (typeof m.tabId !== 'string' || typeof m.snapshot !== 'string' || m.snapshot.length > MAX_PACKED_SNAPSHOT) return undefined;
    return { kind: 'tabSnapshot', tabId: m.tabId, snapshot: m.snapshot };
  }
  if (m.kind === 'pinned') {
    if (typeof m.tabId !== 'string') return undefined;
    if (m.pin === undefined) return { kind: 'pinned', tabId: m.tabId };
    const pin = parsePin(m.pin);
    return pin && { kind: 'pinned', tabId: m.tabId, pin };
  }
  return parseToPanel(msg);
}
