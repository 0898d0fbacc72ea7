/**
 * Pagination as async iterators (after stripe-node's autoPagination).
 *
 * - `drf` lists (`{count, next, previous, results}`) follow the absolute `next` URL, but only when
 *   its origin is the connection's origin; otherwise paging stops with a warning, and the key is
 *   never sent to the other origin.
 * - `has_next` lists (session recordings: `{results, has_next}`) page with `offset += limit`.
 *
 * `page(offset, limit)` fetches a single page (tree views' "Load more…").
 *
 * Every page goes through the API boundary: the envelope is checked by `PageSchema` (after
 * PostHog's `Paginated…ListApi` types: `{count, next?, previous?, results}`; recordings add
 * `has_next`), a body that is not an object is a BadResponseError, and each item through the
 * endpoint's item schema (unusable items are dropped with a warning, never the page).
 */
import * as v from 'valibot';
import { BoundaryContext, ItemSpec, parseItems, parseOne } from './schema/boundary';
import { optBool, optNumber, optText } from './schema/lenient';
import type { Transport } from './transport';
import type { CallOptions, QueryParams } from './types';

export type PagingStyle = 'drf' | 'has_next';

export interface ListEndpoint<T> {
  path: string;
  /** Schema and name of the items (`feature flag`…). */
  item: ItemSpec<T>;
  query?: QueryParams;
  style: PagingStyle;
  /** Use the lossless JSON parser for the pages. */
  lossless?: boolean;
}

export interface ListOptions extends CallOptions {
  /** Items per request (default 100). */
  pageSize?: number;
}

export interface PageResult<T> {
  results: T[];
  /** Total count when the server reports one (DRF lists). */
  count: number | undefined;
  hasMore: boolean;
  /** Offset for the next `page()` call. */
  nextOffset: number;
}

/** A list page's envelope; `results` is checked item by item with the endpoint's schema. */
export const PageSchema = v.looseObject({
  results: v.unknown(),
  count: optNumber('count'),
  next: optText('next'),
  has_next: optBool('has_next'),
});

const PAGE: ItemSpec<v.InferOutput<typeof PageSchema>> = { resource: 'page', schema: PageSchema };

/** The envelope and the usable items of one page body. */
export function readPage<T>(ctx: BoundaryContext, ep: ListEndpoint<T>, body: unknown, method = 'GET'): { results: T[]; served: number; count: number | undefined; next: string | undefined; hasNext: boolean } {
  const page = parseOne(ctx, PAGE, body, { method, path: ep.path });
  const results = parseItems(ctx, ep.item, page.results, `a page of ${ep.path}`);
  const served = Array.isArray(page.results) ? page.results.length : 0;
  return { results, served, count: page.count ?? undefined, next: page.next || undefined, hasNext: page.has_next === true };
}

const boundary = (t: Transport): BoundaryContext => ({ logger: t.logger, scrub: t.scrub });

export const DEFAULT_PAGE_SIZE = 100;

/** Fetches one page at `offset`. */
export async function fetchPage<T>(
  t: Transport,
  ep: ListEndpoint<T>,
  offset: number,
  limit: number,
  opts: CallOptions = {},
): Promise<PageResult<T>> {
  const res = await t.request<unknown>({
    method: 'GET',
    path: ep.path,
    query: { ...ep.query, limit, offset },
    ...(ep.lossless ? { json: 'lossless' as const } : {}),
    ...opts,
  });
  const page = readPage(boundary(t), ep, res.data);
  const hasMore = ep.style === 'drf' ? Boolean(page.next) : page.hasNext;
  // The offset moves by what the server sent (dropped items included), so no item is asked twice.
  return { results: page.results, count: page.count, hasMore, nextOffset: offset + page.served };
}

export class Paginator<T> implements AsyncIterable<T> {
  constructor(
    private readonly t: Transport,
    private readonly ep: ListEndpoint<T>,
    private readonly opts: ListOptions = {},
  ) {}

  /** Yields whole pages. */
  async *pages(): AsyncGenerator<T[], void, undefined> {
    const limit = this.opts.pageSize ?? DEFAULT_PAGE_SIZE;
    const call: CallOptions = { ...(this.opts.signal ? { signal: this.opts.signal } : {}), ...(this.opts.timeouts ? { timeouts: this.opts.timeouts } : {}) };
    if (this.ep.style === 'has_next') {
      for (let offset = 0; ; offset += limit) {
        const page = await fetchPage<T>(this.t, this.ep, offset, limit, call);
        if (page.results.length > 0) yield page.results;
        if (!page.hasMore || page.nextOffset === offset) return;
      }
    }
    let res = await this.t.request<unknown>({ method: 'GET', path: this.ep.path, query: { ...this.ep.query, limit, offset: 0 }, ...this.json(), ...call });
    for (;;) {
      const page = readPage(boundary(this.t), this.ep, res.data);
      if (page.results.length > 0) yield page.results;
      const next = page.next;
      if (!next || page.served === 0) return;
      if (!this.sameOrigin(next)) return;
      res = await this.t.request<unknown>({ method: 'GET', path: next, ...this.json(), ...call });
    }
  }

  private json(): { json?: 'lossless' } {
    return this.ep.lossless ? { json: 'lossless' } : {};
  }

  private sameOrigin(next: string): boolean {
    let origin: string;
    try {
      origin = new URL(next).origin;
    } catch {
      this.t.logger.warn(this.t.scrub(`Stopped paging ${this.ep.path}: the server's next-page link "${next}" is not a valid URL.`));
      return false;
    }
    if (origin === this.t.host.origin) return true;
    this.t.logger.warn(
      this.t.scrub(
        `Stopped paging ${this.ep.path}: the next-page link points to ${origin}, not the configured host ` +
          `${this.t.host.origin}, and the API key is only sent to the configured host. If PostHog runs behind a ` +
          `proxy, make it forward the original Host and X-Forwarded-Proto headers.`,
      ),
    );
    return false;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) yield* page;
  }

  /** Collects items; stops requesting pages once `max` items are in. */
  async toArray(opts: { max?: number } = {}): Promise<T[]> {
    const max = opts.max ?? Infinity;
    const out: T[] = [];
    if (max <= 0) return out;
    for await (const page of this.pages()) {
      for (const item of page) {
        out.push(item);
        if (out.length >= max) return out;
      }
    }
    return out;
  }

  /** One page at `offset` (tree views' "Load more…"). */
  page(offset: number, limit = this.opts.pageSize ?? DEFAULT_PAGE_SIZE): Promise<PageResult<T>> {
    const call: CallOptions = { ...(this.opts.signal ? { signal: this.opts.signal } : {}), ...(this.opts.timeouts ? { timeouts: this.opts.timeouts } : {}) };
    return fetchPage<T>(this.t, this.ep, offset, limit, call);
  }
}
