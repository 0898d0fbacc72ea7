/** Persons (search by name, email or distinct id). */
import { ProjectResource } from './base';

export interface Person {
  id: number | string;
  uuid: string;
  name?: string;
  distinct_ids: string[];
  properties: Record<string, unknown>;
  created_at?: string;
  [extra: string]: unknown;
}

export interface PersonFilters {
  [key: string]: string | number | boolean | undefined;
  search?: string;
  distinct_id?: string;
  email?: string;
  /** JSON-encoded property filters. */
  properties?: string;
}

export class Persons extends ProjectResource<Person, PersonFilters> {
  protected readonly segment = 'persons';
}
