/** Shared helpers for resource modules. */
import * as v from 'valibot';
import { ListEndpoint, ListOptions, Paginator, PageResult, PagingStyle, fetchPage } from '../paginate';
import { BoundaryContext, ItemSpec, parseOne } from '../schema/boundary';
import { numId, optText, reqText } from '../schema/lenient';
import type { Transport } from '../transport';
import type { ApiResponse, CallOptions, QueryParams } from '../types';

export type Id = string | number;

/** `/api/projects/<pid>/<segments…>/` with every segment through `encodeURIComponent`. */
export function projectPath(projectId: Id, ...segments: Id[]): string {
  const rest = segments.map((s) => `${segment(s)}/`).join('');
  return `/api/projects/${segment(projectId)}/${rest}`;
}

/** One path segment; `.` and `..` are escaped too, so no proxy can resolve them away. */
export function segment(s: Id): string {
  const text = String(s);
  return text === '.' || text === '..' ? text.replace(/\./g, '%2E') : encodeURIComponent(text);
}

/** The boundary context of a transport: its logger and scrub. */
export const boundaryOf = (t: Transport): BoundaryContext => ({ logger: t.logger, scrub: t.scrub });

/** Sends a request and passes the answer's body through `spec` (an unusable body is a BadResponseError). */
export async function requestOne<T>(t: Transport, spec: ItemSpec<T>, req: Parameters<Transport['request']>[0]): Promise<T> {
  const res: ApiResponse<unknown> = await t.request<unknown>(req);
  return parseOne(boundaryOf(t), spec, res.data, { method: req.method, path: req.path });
}

/**
 * Users as embedded in `created_by` (PostHog `UserBasicApi`, products/feature_flags/frontend/
 * generated/api.schemas.ts: `id`, `uuid`, `distinct_id?: string | null`, `first_name?`, `email`).
 */
export const UserBasicSchema = v.looseObject({
  id: numId,
  uuid: reqText('uuid'),
  distinct_id: optText('distinct_id'),
  first_name: optText('first_name'),
  last_name: optText('last_name'),
  email: optText('email'),
});
export type UserBasic = v.InferOutput<typeof UserBasicSchema>;

/** `created_by`: a user, or absent when it does not fit (never fails the object that embeds it). */
export const optUser = v.optional(v.fallback(v.nullable(UserBasicSchema), null));

/** Base for resources: list/page/get under a project path. */
export abstract class ProjectResource<T, F extends QueryParams = QueryParams> {
  protected abstract readonly segment: string;
  protected readonly style: PagingStyle = 'drf';
  /** The item schema every answer goes through, and the noun for warnings. */
  protected abstract readonly item: ItemSpec<T>;

  constructor(protected readonly t: Transport) {}

  protected endpoint(projectId: Id, filters?: F): ListEndpoint<T> {
    return { path: projectPath(projectId, this.segment), item: this.item, style: this.style, ...(filters ? { query: filters } : {}) };
  }

  /** All items, fetched page by page: `for await (const x of api.flags.list(pid, { signal }))`. */
  list(projectId: Id, opts: ListOptions & { filters?: F } = {}): Paginator<T> {
    return new Paginator<T>(this.t, this.endpoint(projectId, opts.filters), opts);
  }

  /** One page (tree views' "Load more…"). */
  page(projectId: Id, offset: number, limit: number, opts: CallOptions & { filters?: F } = {}): Promise<PageResult<T>> {
    return fetchPage<T>(this.t, this.endpoint(projectId, opts.filters), offset, limit, opts);
  }

  async get(projectId: Id, id: Id, opts: CallOptions = {}): Promise<T> {
    return requestOne(this.t, this.item, { method: 'GET', path: projectPath(projectId, this.segment, id), ...opts });
  }
}

/** Adds create / partial update / soft delete (`PATCH {deleted: true}`). */
export abstract class WritableProjectResource<T, C, U, F extends QueryParams = QueryParams> extends ProjectResource<T, F> {
  async create(projectId: Id, body: C, opts: CallOptions = {}): Promise<T> {
    return requestOne(this.t, this.item, { method: 'POST', path: projectPath(projectId, this.segment), body, ...opts });
  }

  async update(projectId: Id, id: Id, patch: U, opts: CallOptions = {}): Promise<T> {
    return requestOne(this.t, this.item, { method: 'PATCH', path: projectPath(projectId, this.segment, id), body: patch, ...opts });
  }

  /** PostHog forbids hard DELETE for these objects; deletion is `PATCH {"deleted": true}`. */
  async softDelete(projectId: Id, id: Id, opts: CallOptions = {}): Promise<T> {
    return requestOne(this.t, this.item, { method: 'PATCH', path: projectPath(projectId, this.segment, id), body: { deleted: true }, ...opts });
  }
}
