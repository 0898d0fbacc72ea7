/**
 * Rows of the generated dataset, keyed by the column names of `src/engine/schema.ts`.
 * Timestamps are ISO-8601 UTC strings with millisecond precision (`Date#toISOString()`, e.g.
 * `2025-01-02T03:04:05.678Z`). JSON columns (`properties`, `person_properties`) are plain objects
 * here; the loader turns them into JSON text.
 */

export interface PersonRow {
  id: string;
  team_id: number;
  properties: Record<string, unknown>;
  created_at: string;
  is_identified: 0 | 1;
  version: number;
  is_deleted: 0;
}

export interface DistinctIdRow {
  team_id: number;
  distinct_id: string;
  person_id: string;
  version: number;
  is_deleted: 0;
}

export interface EventRow {
  uuid: string;
  team_id: number;
  event: string;
  distinct_id: string;
  properties: Record<string, unknown>;
  timestamp: string;
  created_at: string;
  person_id: string;
  /** Person properties at event time (the person's properties; they do not change over the window). */
  person_properties: Record<string, unknown>;
  person_created_at: string;
  elements_chain: string;
  $session_id: string;
  $window_id: string;
}

export interface CohortRow {
  id: number;
  team_id: number;
  name: string;
  description: string;
  is_static: boolean;
  /** PostHog cohort filters (`{properties: {type, values}}`), describing how members were chosen. */
  filters: Record<string, unknown> | null;
  person_ids: string[];
}

export interface CohortPeopleRow {
  team_id: number;
  cohort_id: number;
  person_id: string;
  version: number;
}

export interface Dataset {
  persons: PersonRow[];
  distinctIds: DistinctIdRow[];
  events: EventRow[];
  cohorts: CohortRow[];
  cohortPeople: CohortPeopleRow[];
}

export interface GenerateOptions {
  seed: number;
  /** Total events across all teams (the first team gets ~70%). */
  events: number;
  /** Events fall in [now - days, now). */
  days: number;
  now: Date;
  teamIds: number[];
}
