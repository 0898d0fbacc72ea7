/** Persons (search by name, email or distinct id). */
import * as v from 'valibot';
import type { ItemSpec } from '../schema/boundary';
import { numId, optRecord, optText, strId, textList } from '../schema/lenient';
import { ProjectResource } from './base';

/** A person (PostHog `PersonApi`: `id`, `uuid`, `name`, `distinct_ids: string[]`, `properties`). */
export const PersonSchema = v.looseObject({
  id: v.optional(v.union([numId, strId])),
  uuid: strId,
  name: optText('name'),
  distinct_ids: v.pipe(textList('distinct_ids'), v.transform((x) => x ?? [])),
  properties: v.pipe(optRecord('properties'), v.transform((x) => x ?? {})),
  created_at: optText('created_at'),
});
export type Person = v.InferOutput<typeof PersonSchema>;
export const PERSON: ItemSpec<Person> = { resource: 'person', schema: PersonSchema };

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
  protected readonly item = PERSON;
}
