/**
 * Where a linked `.hogql` file stands against PostHog (issue #18, "Sync Folder"), from three texts
 * and two versions: the file's query, PostHog's query and version now (an insight's
 * `last_modified_at`, a view's `latest_history_id`), and what this workspace recorded at its last
 * pull or push (the query's hash and that version). Pure: no `vscode`.
 */
import { createHash } from 'node:crypto';

export type SyncState = 'inSync' | 'ahead' | 'behind' | 'conflict' | 'unknown' | 'missing';

export interface SyncBase {
  /** `queryHash` of the query at the last pull or push. */
  hash?: string;
  /** PostHog's version at the last pull or push. */
  version?: string;
}

export interface SyncInput {
  /** The file's query (its link line removed). */
  local: string;
  /** PostHog's query now; undefined when PostHog no longer has it (deleted, or not a SQL query). */
  remote: string | undefined;
  remoteVersion: string | undefined;
  /** What this workspace recorded; absent when it never pulled or pushed this link. */
  base?: SyncBase;
}

/** The query as compared: line ends, surrounding white space and a final `;` do not count. */
export function normalizeQuery(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim().replace(/;\s*$/, '').trimEnd();
}

export function queryHash(text: string): string {
  return createHash('sha256').update(normalizeQuery(text)).digest('hex').slice(0, 32);
}

export function syncState(i: SyncInput): SyncState {
  if (i.remote === undefined) return 'missing';
  if (normalizeQuery(i.local) === normalizeQuery(i.remote)) return 'inSync';
  if (!i.base?.hash) return 'unknown';
  const localChanged = queryHash(i.local) !== i.base.hash;
  // a new version whose query is the one recorded (a rename, chart settings) has nothing to pull
  const remoteChanged = queryHash(i.remote) !== i.base.hash && (i.base.version === undefined || i.remoteVersion !== i.base.version);
  if (localChanged && remoteChanged) return 'conflict';
  if (localChanged) return 'ahead';
  if (remoteChanged) return 'behind';
  return 'unknown';
}

/** How each state reads in the list, and the action it suggests first. */
export const SYNC_LABELS: Record<SyncState, { label: string; icon: string; first: 'push' | 'pull' | 'compare' | undefined }> = {
  ahead: { label: 'ahead: changed here since the last pull or push', icon: 'arrow-up', first: 'push' },
  behind: { label: 'behind: changed in PostHog', icon: 'arrow-down', first: 'pull' },
  conflict: { label: 'conflict: changed here and in PostHog', icon: 'warning', first: 'compare' },
  unknown: { label: 'differs (never pulled or pushed in this workspace)', icon: 'question', first: 'compare' },
  inSync: { label: 'in sync', icon: 'check', first: undefined },
  missing: { label: 'not in PostHog (deleted?)', icon: 'error', first: undefined },
};
