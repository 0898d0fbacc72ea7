/** Insights: list (saved/favorited/search/basic…), get, create, update, soft delete. */
import * as v from 'valibot';
import { readPage } from '../paginate';
import type { ItemSpec } from '../schema/boundary';
import { listOf, numId, optBool, optName, optRecord, optText, reqText, textList } from '../schema/lenient';
import type { CallOptions } from '../types';
import { boundaryOf, Id, optUser, projectPath, WritableProjectResource } from './base';

/**
 * A saved insight, after PostHog's `InsightApi` (products/product_analytics/frontend/generated/
 * api.schemas.ts): `name` and `derived_name` are nullable strings; a non-string name is treated as
 * absent so the row falls back to derived_name, then "Untitled insight <short id>".
 */
export const InsightSchema = v.looseObject({
  id: numId,
  short_id: reqText('short_id'),
  name: optName('name'),
  derived_name: optName('derived_name'),
  description: optText('description'),
  /** e.g. `{kind: 'DataVisualizationNode', source: {kind: 'HogQLQuery', query}}`. */
  query: optRecord('query'),
  favorited: optBool('favorited'),
  saved: optBool('saved'),
  deleted: optBool('deleted'),
  tags: textList('tags'),
  dashboards: listOf('dashboards', v.number()),
  created_by: optUser,
  created_at: optText('created_at'),
  updated_at: optText('updated_at'),
  last_modified_at: optText('last_modified_at'),
  last_refresh: optText('last_refresh'),
  result: v.optional(v.unknown()),
});
export type Insight = v.InferOutput<typeof InsightSchema>;
export const INSIGHT: ItemSpec<Insight> = { resource: 'insight', schema: InsightSchema };

export interface InsightFilters {
  [key: string]: string | number | boolean | undefined;
  saved?: boolean;
  favorited?: boolean;
  search?: string;
  /** `true`: metadata only, no results (fast). */
  basic?: boolean;
  short_id?: string;
  created_by?: number;
  order?: string;
}

export interface InsightCreate {
  name?: string;
  description?: string;
  query: Record<string, unknown>;
  saved?: boolean;
  favorited?: boolean;
  tags?: string[];
  dashboards?: number[];
}

export type InsightUpdate = Partial<InsightCreate> & { deleted?: boolean };

export class Insights extends WritableProjectResource<Insight, InsightCreate, InsightUpdate, InsightFilters> {
  protected readonly segment = 'insights';
  protected readonly item = INSIGHT;

  /** Looks an insight up by its 8-character short id (from a web URL). */
  async getByShortId(projectId: Id, shortId: string, opts: CallOptions = {}): Promise<Insight | undefined> {
    const path = projectPath(projectId, 'insights');
    const res = await this.t.request<unknown>({ method: 'GET', path, query: { short_id: shortId }, ...opts });
    return readPage(boundaryOf(this.t), { path, item: INSIGHT, style: 'drf' }, res.data).results[0];
  }
}
