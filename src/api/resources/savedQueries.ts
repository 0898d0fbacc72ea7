/**
 * Data warehouse saved queries ("views"): list, get, create, update.
 *
 * Facts (PostHog/posthog products/data_warehouse/backend/api/saved_query.py, 02d14de4, read
 * 2026-12; models/datawarehouse_saved_query.py): `…/warehouse_saved_queries/`, scope object
 * `warehouse_view`, DRF PageNumberPagination with page_size 1000, `?search=` on the name. The list
 * answers the minimal serializer, **without `query`**: get one by id for it. `query` is
 * `{kind: 'HogQLQuery', query: '<HogQL>'}`. POST is an upsert by name (an existing name is updated,
 * 200). A PATCH that changes `query` must send `edited_history_id` equal to the view's
 * `latest_history_id` as read, else 400 "The query was modified by someone else.".
 */
import * as v from 'valibot';
import type { ItemSpec } from '../schema/boundary';
import { optBool, optRecord, optText, reqText, strId } from '../schema/lenient';
import type { CallOptions } from '../types';
import { projectPath, ProjectResource, requestOne, type Id } from './base';

export const SavedQuerySchema = v.looseObject({
  id: strId,
  name: reqText('name'),
  /** Absent from list rows. */
  query: optRecord('query'),
  status: optText('status'),
  /** The newest activity-log id: the version a PATCH of the query must name (absent from list rows). */
  latest_history_id: optText('latest_history_id'),
  is_materialized: optBool('is_materialized'),
  created_at: optText('created_at'),
  deleted: optBool('deleted'),
});
export type SavedQuery = v.InferOutput<typeof SavedQuerySchema>;
const SAVED_QUERY: ItemSpec<SavedQuery> = { resource: 'view', schema: SavedQuerySchema };

export interface SavedQueryWrite {
  name?: string;
  query?: { kind: 'HogQLQuery'; query: string };
  /** Required with `query` on a PATCH: the `latest_history_id` this write is based on. */
  edited_history_id?: string | null;
}

/** The HogQL of a view, when its query is a HogQLQuery. */
export function viewHogQL(view: Pick<SavedQuery, 'query'>): string | undefined {
  const q = view.query as { kind?: unknown; query?: unknown } | undefined;
  return typeof q?.query === 'string' ? q.query : undefined;
}

export class SavedQueries extends ProjectResource<SavedQuery, { search?: string }> {
  protected readonly segment = 'warehouse_saved_queries';
  protected readonly item = SAVED_QUERY;

  /** Creates a view; beware: PostHog updates the view of that name when there is one (upsert). */
  async create(projectId: Id, body: SavedQueryWrite & { name: string }, opts: CallOptions = {}): Promise<SavedQuery> {
    return requestOne(this.t, this.item, { method: 'POST', path: projectPath(projectId, this.segment), body, ...opts });
  }

  async update(projectId: Id, id: Id, patch: SavedQueryWrite, opts: CallOptions = {}): Promise<SavedQuery> {
    return requestOne(this.t, this.item, { method: 'PATCH', path: projectPath(projectId, this.segment, id), body: patch, ...opts });
  }
}
