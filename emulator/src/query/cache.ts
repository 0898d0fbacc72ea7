/**
 * Result cache for the query endpoint's cached modes (`blocking`, `async`, `lazy_async`,
 * `force_cache`): keyed by team + the query node (incl. values/filters/modifiers). A result is
 * fresh for `freshMs`; `lazy_async` accepts results up to `lazyMs` old.
 */
import { createHash } from 'node:crypto';

export interface CachedEntry {
  body: Record<string, unknown>;
  cacheKey: string;
  lastRefresh: number;
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export class ResultCache {
  private readonly entries = new Map<string, CachedEntry>();

  constructor(
    readonly freshMs = 60_000,
    readonly lazyMs = 15 * 60_000,
  ) {}

  key(teamId: number, node: unknown): string {
    return `cache_${createHash('md5').update(`${teamId}:${canonical(node)}`).digest('hex')}`;
  }

  get(key: string, maxAgeMs: number): CachedEntry | null {
    const e = this.entries.get(key);
    return e && Date.now() - e.lastRefresh <= maxAgeMs ? e : null;
  }

  set(key: string, body: Record<string, unknown>, lastRefresh = Date.now()): CachedEntry {
    const e = { body, cacheKey: key, lastRefresh };
    this.entries.set(key, e);
    if (this.entries.size > 500) this.entries.delete(this.entries.keys().next().value as string);
    return e;
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * Fields of PostHog's Cached*Response, in its order: the API returns `model_dump(by_alias=True)`
   * of a pydantic model (posthog/api/query.py) whose fields posthog/schema.py declares in
   * alphabetical order (CachedHogQLQueryResponse: cache_key, clickhouse, columns, …, hasMore,
   * hogql, is_cached, last_refresh, limit, modifiers, next_allowed_client_refresh, offset,
   * query_status, results, timezone, timings, types).
   */
  decorate(e: CachedEntry, isCached: boolean, timezone: string): Record<string, unknown> {
    const all: Record<string, unknown> = {
      ...e.body,
      is_cached: isCached,
      cache_key: e.cacheKey,
      last_refresh: new Date(e.lastRefresh).toISOString(),
      next_allowed_client_refresh: new Date(e.lastRefresh + this.freshMs).toISOString(),
      cache_target_age: new Date(e.lastRefresh + this.freshMs).toISOString(),
      timezone,
      query_status: null,
    };
    return Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
  }
}
