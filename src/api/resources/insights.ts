/** Insights: list (saved/favorited/search/basic…), get, create, update, soft delete. */
import type { CallOptions } from '../types';
import { Id, projectPath, UserBasic, WritableProjectResource } from './base';

export interface Insight {
  id: number;
  short_id: string;
  name: string | null;
  derived_name?: string | null;
  description?: string | null;
  /** e.g. `{kind: 'DataVisualizationNode', source: {kind: 'HogQLQuery', query}}`. */
  query?: Record<string, unknown> | null;
  favorited?: boolean;
  saved?: boolean;
  deleted?: boolean;
  tags?: string[];
  dashboards?: number[];
  created_by?: UserBasic | null;
  created_at?: string;
  updated_at?: string;
  last_modified_at?: string;
  last_refresh?: string | null;
  result?: unknown;
  [extra: string]: unknown;
}

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

  /** Looks an insight up by its 8-character short id (from a web URL). */
  async getByShortId(projectId: Id, shortId: string, opts: CallOptions = {}): Promise<Insight | undefined> {
    const res = await this.t.request<{ results: Insight[] }>({ method: 'GET', path: projectPath(projectId, 'insights'), query: { short_id: shortId }, ...opts });
    return res.data.results?.[0];
  }
}
