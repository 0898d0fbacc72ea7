/**
 * DRF LimitOffsetPagination as PostHog uses it: `{count, next, previous, results}` with absolute
 * next/previous URLs built from the request's Host (posthog-api.md section 6). Default limit 100.
 */
import { validation } from './errors';
import type { Ctx } from './types';

export const DEFAULT_PAGE_SIZE = 100;

export function absoluteUrl(ctx: Ctx, params: URLSearchParams): string {
  const proto = String(ctx.req.headers['x-forwarded-proto'] ?? 'http').split(',')[0].trim();
  const host = ctx.req.headers.host ?? 'localhost';
  const qs = params.toString();
  return `${proto}://${host}${ctx.path}${qs ? `?${qs}` : ''}`;
}

function intParam(ctx: Ctx, name: string, fallback: number): number {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  // DRF ignores invalid or negative values and falls back to the default.
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

export function pageParams(ctx: Ctx, defaultLimit = DEFAULT_PAGE_SIZE): { limit: number; offset: number } {
  const limit = intParam(ctx, 'limit', defaultLimit);
  return { limit: limit === 0 ? defaultLimit : limit, offset: intParam(ctx, 'offset', 0) };
}

export function paginate<T>(ctx: Ctx, items: readonly T[], defaultLimit = DEFAULT_PAGE_SIZE): { count: number; next: string | null; previous: string | null; results: T[] } {
  const { limit, offset } = pageParams(ctx, defaultLimit);
  const count = items.length;
  const results = items.slice(offset, offset + limit);
  let next: string | null = null;
  if (offset + limit < count) {
    const p = new URLSearchParams(ctx.query);
    p.set('limit', String(limit));
    p.set('offset', String(offset + limit));
    next = absoluteUrl(ctx, p);
  }
  let previous: string | null = null;
  if (offset > 0) {
    const p = new URLSearchParams(ctx.query);
    p.set('limit', String(limit));
    if (offset - limit <= 0) p.delete('offset');
    else p.set('offset', String(offset - limit));
    previous = absoluteUrl(ctx, p);
  }
  return { count, next, previous, results };
}

export function boolParam(ctx: Ctx, name: string): boolean | null {
  const v = ctx.query.get(name);
  if (v === null || v === '') return null;
  if (['true', '1', 'True'].includes(v)) return true;
  if (['false', '0', 'False'].includes(v)) return false;
  throw validation(`"${v}" is not a valid boolean.`, name);
}
