/** Cohorts (+ the persons in a cohort). */
import { ListOptions, Paginator } from '../paginate';
import * as v from 'valibot';
import type { ItemSpec } from '../schema/boundary';
import { numId, optBool, optName, optNumber, optRecord, optText } from '../schema/lenient';
import { Id, optUser, projectPath, WritableProjectResource } from './base';
import { PERSON, type Person } from './persons';

/** A cohort (PostHog `CohortApi`: `name` nullable, `count` nullable, `is_static`, `is_calculating`…). */
export const CohortSchema = v.looseObject({
  id: numId,
  name: optName('name'),
  description: optText('description'),
  filters: optRecord('filters'),
  query: optRecord('query'),
  deleted: optBool('deleted'),
  is_calculating: optBool('is_calculating'),
  last_calculation: optText('last_calculation'),
  errors_calculating: optNumber('errors_calculating'),
  count: optNumber('count'),
  is_static: optBool('is_static'),
  created_by: optUser,
  created_at: optText('created_at'),
});
export type Cohort = v.InferOutput<typeof CohortSchema>;
export const COHORT: ItemSpec<Cohort> = { resource: 'cohort', schema: CohortSchema };

export interface CohortCreate {
  name: string;
  description?: string;
  filters?: Record<string, unknown>;
  is_static?: boolean;
  /**
   * Static cohort only: person uuids inserted synchronously on creation; persons that do not exist
   * in the project are dropped (PostHog `CohortSerializer._handle_static`, posthog/api/cohort.py).
   */
  _create_static_person_ids?: string[];
}

export type CohortUpdate = Partial<CohortCreate> & { deleted?: boolean };

export class Cohorts extends WritableProjectResource<Cohort, CohortCreate, CohortUpdate> {
  protected readonly segment = 'cohorts';
  protected readonly item = COHORT;

  /** Persons in a cohort (DRF paging). */
  persons(projectId: Id, cohortId: Id, opts: ListOptions = {}): Paginator<Person> {
    return new Paginator<Person>(this.t, { path: projectPath(projectId, 'cohorts', cohortId, 'persons'), item: PERSON, style: 'drf' }, opts);
  }
}
