/**
 * The smaller, mostly read-only resources: dashboards, experiments, surveys, actions,
 * annotations (list + create), event and property definitions.
 */
import type { CallOptions } from '../types';
import { Id, projectPath, ProjectResource, UserBasic } from './base';

export interface Dashboard {
  id: number;
  name: string;
  description?: string;
  pinned?: boolean;
  created_at?: string;
  created_by?: UserBasic | null;
  deleted?: boolean;
  tags?: string[];
  tiles?: { id: number; insight?: { id: number; short_id: string; name: string | null } | null; [extra: string]: unknown }[];
  [extra: string]: unknown;
}

export interface Experiment {
  id: number;
  name: string;
  description?: string;
  start_date?: string | null;
  end_date?: string | null;
  feature_flag_key?: string;
  archived?: boolean;
  created_at?: string;
  [extra: string]: unknown;
}

export interface Survey {
  id: string;
  name: string;
  description?: string;
  type?: string;
  questions?: unknown[];
  start_date?: string | null;
  end_date?: string | null;
  archived?: boolean;
  created_at?: string;
  [extra: string]: unknown;
}

export interface Action {
  id: number;
  name: string;
  description?: string;
  steps?: unknown[];
  tags?: string[];
  created_at?: string;
  deleted?: boolean;
  [extra: string]: unknown;
}

export type AnnotationScope = 'dashboard_item' | 'dashboard' | 'project' | 'organization' | 'recording';

export interface Annotation {
  id: number;
  content: string;
  date_marker: string;
  creation_type?: 'USR' | 'GIT';
  dashboard_item?: number | null;
  scope: AnnotationScope;
  created_by?: UserBasic | null;
  created_at?: string;
  updated_at?: string;
  deleted?: boolean;
  [extra: string]: unknown;
}

export interface AnnotationCreate {
  content: string;
  date_marker: string;
  scope: AnnotationScope;
  dashboard_item?: number;
}

export interface EventDefinition {
  id: string;
  name: string;
  description?: string;
  tags?: string[];
  last_seen_at?: string | null;
  created_at?: string;
  [extra: string]: unknown;
}

export interface PropertyDefinition {
  id: string;
  name: string;
  property_type?: 'String' | 'Numeric' | 'Boolean' | 'DateTime' | 'Duration' | null;
  is_numerical?: boolean;
  is_seen_on_filtered_events?: boolean | null;
  description?: string;
  tags?: string[];
  [extra: string]: unknown;
}

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
}
export class Experiments extends ProjectResource<Experiment, Filters> {
  protected readonly segment = 'experiments';
}
export class Surveys extends ProjectResource<Survey, Filters & { search?: string }> {
  protected readonly segment = 'surveys';
}
export class Actions extends ProjectResource<Action, Filters & { search?: string }> {
  protected readonly segment = 'actions';
}
export class EventDefinitions extends ProjectResource<EventDefinition, Filters & { search?: string }> {
  protected readonly segment = 'event_definitions';
}
export class PropertyDefinitions extends ProjectResource<PropertyDefinition, PropertyDefinitionFilters> {
  protected readonly segment = 'property_definitions';
}

export class Annotations extends ProjectResource<Annotation, Filters & { search?: string; scope?: AnnotationScope; after?: string; before?: string }> {
  protected readonly segment = 'annotations';

  async create(projectId: Id, body: AnnotationCreate, opts: CallOptions = {}): Promise<Annotation> {
    return (await this.t.request<Annotation>({ method: 'POST', path: projectPath(projectId, 'annotations'), body, ...opts })).data;
  }
}
