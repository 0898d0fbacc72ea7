/**
 * The ids of the flags this extension has seen in each project, kept in global state, so that a key
 * missing from the project's list can be told apart: deleted, or never created. PostHog's list
 * (`GET feature_flags/`) leaves deleted flags out, but `GET feature_flags/:id/` still returns one,
 * with `deleted: true` (posthog/api/feature_flag.py: only the list action filters `deleted=False`;
 * the emulator does the same). A key this workspace never saw in the list counts as never created.
 */
import type * as vscode from 'vscode';
import type { FeatureFlag } from '../api/resources/flags';

const STATE_KEY = 'hogql.codeIntel.seenFlagIds';
/** Keys kept per project (the most recently seen win). */
const MAX_PER_PROJECT = 20_000;

type Seen = Record<string, Record<string, number>>;

export class SeenFlagIds {
  constructor(private readonly state: vscode.Memento) {}

  /** Records the ids of `flags` for `project` (connection id | project id). */
  async remember(project: string, flags: readonly FeatureFlag[]): Promise<void> {
    const all = this.state.get<Seen>(STATE_KEY) ?? {};
    const before = all[project] ?? {};
    const merged: Record<string, number> = { ...before };
    let changed = false;
    for (const f of flags) {
      if (typeof f.id === 'number' && merged[f.key] !== f.id) {
        delete merged[f.key];
        merged[f.key] = f.id;
        changed = true;
      }
    }
    if (!changed) return;
    const keys = Object.keys(merged);
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_PER_PROJECT))) delete merged[k];
    await this.state.update(STATE_KEY, { ...all, [project]: merged });
  }

  idOf(project: string, key: string): number | undefined {
    return this.state.get<Seen>(STATE_KEY)?.[project]?.[key];
  }
}
