import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { TabSnapshot } from '../results/snapshot';

/**
 * A tab's snapshot as the webview stores it (src/results/snapshot.ts says what it is): its JSON,
 * deflated (raw DEFLATE, zlib level 1) and in base64 after this prefix. Why (issue #21's scroll
 * row, measured with scripts/bench/webview-grid.mjs): the workbench serialises every open editor's
 * state every 5 s (its storage flush, an idle callback on the page's main thread), and a webview's
 * state string is escaped again at each of its levels of JSON; a snapshot of 1,000 rows × 20
 * columns (320 KB of JSON) made that flush 4.3-4.6 ms of CPU, landing in a scroll's frames, against
 * 1.1-1.9 ms without it. Packed, the same snapshot is 115 KB of text that no level escapes.
 * Host only (node:zlib): the webview stores the text as it came; the host unpacks it at a restore.
 */
export const PACKED_PREFIX = 'deflate-raw;base64,';

/** A packed snapshot is refused past this many bytes inflated (a snapshot holds ≤ 2 × 1 MB of rows). */
const MAX_INFLATED = 8 * 1024 * 1024;

export function packSnapshot(snap: TabSnapshot): string {
  return PACKED_PREFIX + deflateRawSync(JSON.stringify(snap), { level: 1 }).toString('base64');
}

/** One stored snapshot: a packed one inflated and parsed (`undefined` if it does not), anything else as it is (an older version stored the object). */
export function unpackSnapshot(stored: unknown): unknown {
  if (typeof stored !== 'string' || !stored.startsWith(PACKED_PREFIX)) return stored;
  try {
    return JSON.parse(inflateRawSync(Buffer.from(stored.slice(PACKED_PREFIX.length), 'base64'), { maxOutputLength: MAX_INFLATED }).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The webview's stored state (webview-ui/results/panel.ts) with its snapshots unpacked, for `savedTabs`. */
export function unpackState(state: unknown): unknown {
  if (typeof state !== 'object' || state === null) return state;
  const s = state as { snapshots?: unknown };
  if (typeof s.snapshots !== 'object' || s.snapshots === null) return state;
  const snapshots = Object.fromEntries(Object.entries(s.snapshots).map(([id, v]) => [id, unpackSnapshot(v)]));
  return { ...state, snapshots };
}
