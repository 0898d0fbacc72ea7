/** Shared helpers for resource modules. */
import { ListEndpoint, ListOptions, Paginator, PageResult, PagingStyle, fetchPage } from '../paginate';
import type { Transport } from '../transport';
import type { CallOptions, QueryParams } from '../types';

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

/** Users and people as embedded in `created_by`. */
export interface UserBasic {
  id: number;
  uuid: string;
  distinct_id?: string;
  first_name?: string;
  last_name?: string;
  email?: string;
  [extra: string]: unknown;
}

/** Base for resources: list/page/get under a project path. */
export abstract class ProjectResource<T, F extends QueryParams = QueryParams> {
  protected abstract readonly segment: string;
  protected readonly style: PagingStyle = 'drf';

  constructor(protected readonly t: Transport) {}

  protected endpoint(projectId: Id, filters?: F): ListEndpoint {
    return { path: projectPath(projectId, this.segment), style: this.style, ...(filters ? { query: filters } : {}) };
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
    return (await this.t.request<T>({ method: 'GET', path: projectPath(projectId, this.segment, id), ...opts })).data;
  }
}

/** Adds create / partial update / soft delete (`PATCH {deleted: true}`). */
export abstract class WritableProjectResource<T, C, U, F extends QueryParams = QueryParams> extends ProjectResource<T, F> {
  async create(projectId: Id, body: C, opts: CallOptions = {}): Promise<T> {
    return (await this.t.request<T>({ method: 'POST', path: projectPath(projectId, this.segment), body, ...opts })).data;
  }

  async update(projectId: Id, id: Id, patch: U, opts: CallOptions = {}): Promise<T> {
    return (await this.t.request<T>({ method: 'PATCH', path: projectPath(projectId, this.segment, id), body: patch, ...opts })).data;
  }

  /** PostHog forbids hard DELETE for these objects; deletion is `PATCH {"deleted": true}`. */
  async softDelete(projectId: Id, id: Id, opts: CallOptions = {}): Promise<T> {
    return (await this.t.request<T>({ method: 'PATCH', path: projectPath(projectId, this.segment, id), body: { deleted: true }, ...opts })).data;
  }
}
