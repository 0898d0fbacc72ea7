/**
 * The smaller, mostly read-only resources: dashboards, experiments, surveys, actions,
 * annotations (list, create, update, soft delete), event and property definitions.
 */
import * as v from 'valibot';
import type { ItemSpec } from '../schema/boundary';
import { anyList, listOf, numId, optBool, optName, optNumber, optRecord, optText, reqText, strId, textList } from '../schema/lenient';
import { InsightSchema } from './insights';
import { optUser, ProjectResource, WritableProjectResource } from './base';

/*
 * Schemas after PostHog's generated API types (`DashboardBasicApi`, `ExperimentApi`, `SurveyApi`,
 * `ActionApi` in products/actions/frontend/generated/api.schemas.ts, `AnnotationApi`,
 * `EnterpriseEventDefinitionApi`, `EnterprisePropertyDefinitionApi`): names are nullable strings
 * on most of them; see lenient.ts for what a wrong-typed field becomes.
 */

export const DashboardSchema = v.looseObject({
  id: numId,
  name: optName('name'),
  description: optText('description'),
  pinned: optBool('pinned'),
  created_at: optText('created_at'),
  created_by: optUser,
  deleted: optBool('deleted'),
  tags: textList('tags'),
  tiles: listOf('tiles', v.looseObject({ id: v.optional(v.unknown()), insight: v.optional(v.fallback(v.nullable(InsightSchema), null)) })),
});
export type Dashboard = v.InferOutput<typeof DashboardSchema>;

export const ExperimentSchema = v.looseObject({
  id: numId,
  name: optName('name'),
  description: optText('description'),
  start_date: optText('start_date'),
  end_date: optText('end_date'),
  feature_flag_key: optText('feature_flag_key'),
  /** Primary and secondary metrics (`ExperimentApi.metrics`, `metrics_secondary`): objects with an optional `name`. */
  metrics: anyList('metrics'),
  metrics_secondary: anyList('metrics_secondary'),
  /** `feature_flag_variants: [{key, rollout_percentage}]` among others. */
  parameters: optRecord('parameters'),
  archived: optBool('archived'),
  created_at: optText('created_at'),
});
export type Experiment = v.InferOutput<typeof ExperimentSchema>;

export const SurveySchema = v.looseObject({
  id: strId,
  name: optName('name'),
  description: optText('description'),
  type: optText('type'),
  questions: anyList('questions'),
  start_date: optText('start_date'),
  end_date: optText('end_date'),
  archived: optBool('archived'),
  created_at: optText('created_at'),
});
export type Survey = v.InferOutput<typeof SurveySchema>;

export const ActionSchema = v.looseObject({
  id: numId,
  name: optName('name'),
  description: optText('description'),
  steps: anyList('steps'),
  tags: textList('tags'),
  created_at: optText('created_at'),
  deleted: optBool('deleted'),
});
export type Action = v.InferOutput<typeof ActionSchema>;

export type AnnotationScope = 'dashboard_item' | 'dashboard' | 'project' | 'organization' | 'recording';
const SCOPES: readonly AnnotationScope[] = ['dashboard_item', 'dashboard', 'project', 'organization', 'recording'];

export const AnnotationSchema = v.looseObject({
  id: numId,
  content: optText('content'),
  date_marker: optText('date_marker'),
  creation_type: optText('creation_type'),
  dashboard_item: optNumber('dashboard_item'),
  /** An unknown scope is kept as text (PostHog may add scopes). */
  scope: v.pipe(optText('scope'), v.transform((x): AnnotationScope | (string & {}) => (x && SCOPES.includes(x as AnnotationScope) ? x : (x ?? 'project')))),
  created_by: optUser,
  created_at: optText('created_at'),
  updated_at: optText('updated_at'),
  deleted: optBool('deleted'),
});
export type Annotation = v.InferOutput<typeof AnnotationSchema>;

export interface AnnotationCreate {
  content: string;
  date_marker: string;
  scope: AnnotationScope;
  dashboard_item?: number;
}

export const EventDefinitionSchema = v.looseObject({
  id: strId,
  name: reqText('name'),
  description: optText('description'),
  tags: textList('tags'),
  last_seen_at: optText('last_seen_at'),
  created_at: optText('created_at'),
});
export type EventDefinition = v.InferOutput<typeof EventDefinitionSchema>;

export const PropertyDefinitionSchema = v.looseObject({
  id: strId,
  name: reqText('name'),
  property_type: optText('property_type'),
  is_numerical: optBool('is_numerical'),
  is_seen_on_filtered_events: optBool('is_seen_on_filtered_events'),
  description: optText('description'),
  tags: textList('tags'),
});
export type PropertyDefinition = v.InferOutput<typeof PropertyDefinitionSchema>;

type Filters = Record<string, string | number | boolean | undefined>;

export interface PropertyDefinitionFilters extends Filters {
  type?: 'event' | 'person' | 'group' | 'session';
  search?: string;
  /** JSON list of event names (use `eventNames()` to build it). */
  event_names?: string;
  is_numerical?: boolean;
  group_type_index?: number;
}

/** `event_names` as PostHog wants it: a JSON-encoded list. */
export function eventNames(names: readonly string[]): string {
  return JSON.stringify(names);
}

export class Dashboards extends ProjectResource<Dashboard, Filters & { search?: string }> {
  protected readonly segment = 'dashboards';
  protected readonly item: ItemSpec<Dashboard> = { resource: 'dashboard', schema: DashboardSchema };
}
export class Experiments extends ProjectResource<Experiment, Filters> {
  protected readonly segment = 'experiments';
  protected readonly item: ItemSpec<Experiment> = { resource: 'experiment', schema: ExperimentSchema };
}
export class Surveys extends ProjectResource<Survey, Filters & { search?: string }> {
  protected readonly segment = 'surveys';
  protected readonly item: ItemSpec<Survey> = { resource: 'survey', schema: SurveySchema };
}
export class Actions extends ProjectResource<Action, Filters & { search?: string }> {
  protected readonly segment = 'actions';
  protected readonly item: ItemSpec<Action> = { resource: 'action', schema: ActionSchema };
}
export class EventDefinitions extends ProjectResource<EventDefinition, Filters & { search?: string }> {
  protected readonly segment = 'event_definitions';
  protected readonly item: ItemSpec<EventDefinition> = { resource: 'event definition', schema: EventDefinitionSchema };
}
export class PropertyDefinitions extends ProjectResource<PropertyDefinition, PropertyDefinitionFilters> {
  protected readonly segment = 'property_definitions';
  protected readonly item: ItemSpec<PropertyDefinition> = { resource: 'property definition', schema: PropertyDefinitionSchema };
}

/** What `PATCH annotations/:id/` changes here (PostHog's `AnnotationSerializer`: content, date_marker, deleted…). */
export interface AnnotationUpdate {
  content?: string;
  date_marker?: string;
  deleted?: boolean;
}

/** Annotations: list, create, partial update, soft delete (`PATCH {deleted: true}`). */
export class Annotations extends WritableProjectResource<Annotation, AnnotationCreate, AnnotationUpdate, Filters & { search?: string; scope?: AnnotationScope; after?: string; before?: string }> {
  protected readonly segment = 'annotations';
  protected readonly item: ItemSpec<Annotation> = { resource: 'annotation', schema: AnnotationSchema };
}
