/**
 * REST objects (insights, flags, cohorts, ...) in one JSON state file, written atomically after
 * every change so writes survive a restart. Keys starting with `_` are internal (never sent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeJsonAtomic } from './atomic';

export type Rec = Record<string, unknown> & { id: number | string; _team_id: number };

export const KINDS = ['insights', 'featureFlags', 'cohorts', 'dashboards', 'experiments', 'surveys', 'actions', 'annotations', 'insightVariables', 'warehouseSavedQueries'] as const;
export type Kind = (typeof KINDS)[number];

export interface State {
  version: 1;
  nextId: Record<string, number>;
  collections: Record<Kind, Rec[]>;
}

export function emptyState(): State {
  const collections = Object.fromEntries(KINDS.map((k) => [k, []])) as unknown as Record<Kind, Rec[]>;
  return { version: 1, nextId: {}, collections };
}

export class StateStore {
  constructor(
    private readonly path: string,
    readonly state: State,
  ) {}

  static open(path: string, seed: () => State): { store: StateStore; seeded: boolean } {
    if (existsSync(path)) {
      const state = JSON.parse(readFileSync(path, 'utf8')) as State;
      // A state file written before a kind existed gets that kind's seeded objects.
      const missing = KINDS.filter((k) => !Array.isArray(state.collections[k]));
      if (missing.length > 0) {
        const fresh = seed();
        for (const k of missing) state.collections[k] = fresh.collections[k];
      }
      const store = new StateStore(path, state);
      if (missing.length > 0) store.save();
      return { store, seeded: false };
    }
    const store = new StateStore(path, seed());
    store.save();
    return { store, seeded: true };
  }

  list(kind: Kind, teamId: number): Rec[] {
    return this.state.collections[kind].filter((r) => r._team_id === teamId);
  }

  get(kind: Kind, teamId: number, id: number | string): Rec | undefined {
    return this.state.collections[kind].find((r) => r._team_id === teamId && String(r.id) === String(id));
  }

  nextId(kind: Kind): number {
    const n = this.state.nextId[kind] ?? Math.max(0, ...this.state.collections[kind].map((r) => (typeof r.id === 'number' ? r.id : 0))) + 1;
    this.state.nextId[kind] = n + 1;
    return n;
  }

  insert(kind: Kind, rec: Rec): Rec {
    this.state.collections[kind].push(rec);
    this.save();
    return rec;
  }

  /** Removes a record for good (for the few PostHog objects with a real DELETE). */
  remove(kind: Kind, rec: Rec): void {
    const list = this.state.collections[kind];
    const i = list.indexOf(rec);
    if (i >= 0) list.splice(i, 1);
    this.save();
  }

  /** Call after mutating a record in place. */
  save(): void {
    writeJsonAtomic(this.path, this.state);
  }
}

/** The record as the API shows it: internal `_` keys removed. */
export function present(rec: Rec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rec)) if (!k.startsWith('_')) out[k] = v;
  return out;
}
