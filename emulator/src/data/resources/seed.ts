/** The initial state file: all seeded REST objects, deterministic from the seed and `now`. */
import { Rng } from '../prng';
import { emptyState, type State } from '../../state/store';
import type { CohortRow } from '../types';
import type { SeedUser } from './common';
import { seedFlags } from './flags';
import { seedInsights } from './insights';
import { seedVariables } from './variables';
import { seedActions, seedAnnotations, seedCohorts, seedDashboards, seedExperiments, seedSurveys } from './misc';

export type CohortSummary = Omit<CohortRow, 'person_ids'> & { count: number };

export interface SeedStateOptions {
  seed: number;
  now: Date;
  teamIds: number[];
  user: SeedUser;
  cohorts: CohortSummary[];
  /** Extra `bench-flag-NNNNN` flags in the first project (for paging benchmarks). */
  extraFlags: number;
}

export function seedState(o: SeedStateOptions): State {
  const state = emptyState();
  const col = state.collections;
  o.teamIds.forEach((teamId, teamIndex) => {
    const c = { rng: new Rng(o.seed * 31 + teamIndex + 5), nowMs: o.now.getTime(), teamId, teamIndex, user: o.user };
    const flags = seedFlags(c, col.featureFlags.length + 1, teamIndex === 0 ? 140 : 20, teamIndex === 0 ? o.extraFlags : 0);
    const insights = seedInsights(c, col.insights.length + 1);
    col.featureFlags.push(...flags);
    col.insights.push(...insights);
    col.dashboards.push(...seedDashboards(c, col.dashboards.length + 1, insights));
    col.experiments.push(...seedExperiments(c, col.experiments.length + 1, flags));
    col.surveys.push(...seedSurveys(c));
    col.actions.push(...seedActions(c, col.actions.length + 1));
    col.annotations.push(...seedAnnotations(c, col.annotations.length + 1));
    col.cohorts.push(...seedCohorts(c, o.cohorts));
    col.insightVariables.push(...seedVariables(c));
  });
  return state;
}
