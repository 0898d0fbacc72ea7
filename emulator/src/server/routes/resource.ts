/** Helpers shared by the REST resource routes: lookups, field checks and simple list/detail routes. */
import { present, type Kind, type Rec } from '../../state/store';
import type { App } from '../app';
import { notFound, validation } from '../errors';
import { paginate } from '../pagination';
import { json, type Ctx, type Route, type ThrottleClass } from '../types';

export function findOr404(app: App, kind: Kind, ctx: Ctx, id = ctx.params.id): Rec {
  const rec = app.store.get(kind, ctx.project!.id, id);
  if (!rec) throw notFound();
  return rec;
}

export function icontains(hay: unknown, needle: string): boolean {
  return typeof hay === 'string' && hay.toLowerCase().includes(needle.toLowerCase());
}

export function expectType(body: Record<string, unknown>, field: string, type: 'string' | 'boolean' | 'object' | 'array', nullable = false): void {
  const v = body[field];
  if (v === undefined || (nullable && v === null)) return;
  const ok = type === 'array' ? Array.isArray(v) : type === 'object' ? typeof v === 'object' && v !== null && !Array.isArray(v) : typeof v === type;
  if (!ok) {
    const msg = type === 'boolean' ? 'Must be a valid boolean.' : type === 'string' ? 'Not a valid string.' : type === 'array' ? `Expected a list of items but got type "${typeof v}".` : `Expected a dictionary of items but got type "${typeof v}".`;
    throw validation(msg, field);
  }
}

export function byCreatedDesc(a: Rec, b: Rec): number {
  return String(b.created_at).localeCompare(String(a.created_at)) || Number(b.id) - Number(a.id);
}

/** Read-only list + detail for a seeded kind, with `search` on name and soft-deleted rows hidden. */
export function readOnlyRoutes(app: App, kind: Kind, path: string, scopeObject: string, opts: { throttles?: ThrottleClass[]; extraFilter?: (ctx: Ctx, r: Rec) => boolean; detail?: boolean } = {}): Route[] {
  const base = { auth: 'personal' as const, scope: `${scopeObject}:read`, throttles: opts.throttles };
  const routes: Route[] = [
    {
      ...base,
      method: 'GET',
      pattern: `/api/projects/:pid/${path}/`,
      handler: (ctx) => {
        const search = ctx.query.get('search');
        const rows = app.store
          .list(kind, ctx.project!.id)
          .filter((r) => r.deleted !== true)
          .filter((r) => !search || icontains(r.name, search))
          .filter((r) => !opts.extraFilter || opts.extraFilter(ctx, r))
          .sort(byCreatedDesc);
        return json(200, paginate(ctx, rows.map(present)));
      },
    },
  ];
  if (opts.detail !== false) routes.push({ ...base, method: 'GET', pattern: `/api/projects/:pid/${path}/:id/`, handler: (ctx) => json(200, present(findOr404(app, kind, ctx))) });
  return routes;
}
