/** Cohorts (+ the persons in a cohort). */
import { ListOptions, Paginator } from '../paginate';
import { Id, projectPath, UserBasic, WritableProjectResource } from './base';
import type { Person } from './persons';

export interface Cohort {
  id: number;
  name: string;
  description?: string;
  filters?: Record<string, unknown> | null;
  query?: Record<string, unknown> | null;
  deleted?: boolean;
  is_calculating?: boolean;
  last_calculation?: string | null;
  errors_calculating?: number;
  count?: number | null;
  is_static?: boolean;
  created_by?: UserBasic | null;
  created_at?: string;
  [extra: string]: unknown;
}

export interface CohortCreate {
  name: string;
  description?: string;
  filters?: Record<string, unknown>;
  is_static?: boolean;
}

export type CohortUpdate = Partial<CohortCreate> & { deleted?: boolean };

export class Cohorts extends WritableProjectResource<Cohort, CohortCreate, CohortUpdate> {
  protected readonly segment = 'cohorts';

  /** Persons in a cohort (DRF paging). */
  persons(projectId: Id, cohortId: Id, opts: ListOptions = {}): Paginator<Person> {
    return new Paginator<Person>(this.t, { path: projectPath(projectId, 'cohorts', cohortId, 'persons'), style: 'drf' }, opts);
  }
}
