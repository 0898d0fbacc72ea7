/**
 * Query history entries and their capped, newest-first list. Pure: no `vscode` (the tree view and
 * persistence live in src/views/historyView.ts and src/query/service.ts).
 */
export interface HistoryEntry {
  id: string;
  query: string;
  /** Epoch ms when the run started. */
  at: number;
  host: string;
  projectId: number;
  projectName: string;
  status: 'done' | 'failed' | 'cancelled';
  rows?: number;
  durationMs?: number;
  error?: string;
  /** How many identical runs in a row this entry stands for (absent: one). */
  runs?: number;
}

export const HISTORY_CAP = 200;

const sameRun = (a: HistoryEntry, b: HistoryEntry): boolean => a.query === b.query && a.host === b.host && a.projectId === b.projectId;

/**
 * Adds an entry at the front; drops the oldest past `cap`. A run identical to the newest entry (same
 * query text, host and project) is folded into it: one entry with a run count, the latest start time
 * and the latest outcome (status, rows, error), keeping the entry's id.
 */
export function addEntry(list: readonly HistoryEntry[], entry: HistoryEntry, cap = HISTORY_CAP): HistoryEntry[] {
  const newest = list[0];
  if (newest && sameRun(newest, entry)) return [{ ...entry, id: newest.id, runs: (newest.runs ?? 1) + (entry.runs ?? 1) }, ...list.slice(1)].slice(0, cap);
  return [entry, ...list].slice(0, cap);
}

/** The entries of one project (newest first). */
export function forProject(list: readonly HistoryEntry[], host: string, projectId: number): HistoryEntry[] {
  return list.filter((e) => e.host === host && e.projectId === projectId);
}

/** A one-line label for a query: its first non-comment line, whitespace collapsed, capped. */
export function queryLabel(query: string, max = 80): string {
  const line = query
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('--') && !l.startsWith('//') && !l.startsWith('#'));
  const text = (line ?? query.trim()).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * History search: every whitespace-separated term of `text` appears (case-insensitively) in the
 * query, its error or its project's name. An empty search matches everything.
 */
export function matchesSearch(entry: HistoryEntry, text: string): boolean {
  const terms = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const hay = `${entry.query}\n${entry.error ?? ''}\n${entry.projectName}`.toLowerCase();
  return terms.every((t) => hay.includes(t));
}
