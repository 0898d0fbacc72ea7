/**
 * Insights (posthog/api/insight.py): list filters `saved`, `favorited`, `search`, `short_id`,
 * `basic`; `refresh` as on the query endpoint (default force_cache: cached result or null);
 * POST 201, PATCH (soft delete with `deleted: true`), DELETE → empty 405 (ForbidDestroyModel).
 * Throttled with the ClickHouse classes.
 */
import { makeInsight } from '../../data/resources/insights';
import { shortId } from '../../data/resources/common';
import { Rng } from '../../data/prng';
import { present, type Rec } from '../../state/store';
import type { App } from '../app';
import { boolParam, paginate } from '../pagination';
import { serialize } from '../queryAdapter';
import { json, type Ctx, type Route } from '../types';
import { expectType, findOr404, icontains } from './resource';
import { runnerFor, uuid7hex } from './query';
import { userOf } from './flags';

const BASIC_DROP = ['result', 'hasMore', 'columns', 'types', 'is_cached', 'query_status', 'hogql', 'timezone', 'cache_target_age', 'next_allowed_client_refresh'];

async function withResult(app: App, ctx: Ctx, rec: Rec): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { ...present(rec), result: null, hasMore: null, columns: null, types: null, is_cached: false, query_status: null, hogql: null, timezone: ctx.project!.timezone, cache_target_age: null, next_allowed_client_refresh: null };
  const refresh = ctx.query.get('refresh');
  const query = rec.query as Record<string, unknown> | null;
  if (!query) return out;
  const key = app.cache.key(ctx.project!.id, query);
  const force = refresh === 'force_blocking' || refresh === 'true';
  const blocking = force || refresh === 'blocking';
  let entry = force ? null : app.cache.get(key, blocking ? app.cache.freshMs : Number.MAX_SAFE_INTEGER);
  const cached = entry !== null;
  if (!entry && blocking) {
    const run = runnerFor(app, ctx.project!, query, uuid7hex());
    entry = app.cache.set(key, await app.jobs.runBlocking(ctx.project!.id, uuid7hex(), run));
    rec.last_refresh = new Date(entry.lastRefresh).toISOString();
    app.store.save();
  }
  if (!entry) return out;
  const b = entry.body;
  return {
    ...out,
    result: b.results ?? null,
    hasMore: b.hasMore ?? null,
    columns: b.columns ?? null,
    types: b.types ?? null,
    hogql: b.hogql ?? null,
    is_cached: cached,
    last_refresh: new Date(entry.lastRefresh).toISOString(),
    cache_target_age: new Date(entry.lastRefresh + app.cache.freshMs).toISOString(),
    next_allowed_client_refresh: new Date(entry.lastRefresh + app.cache.freshMs).toISOString(),
  };
}

async function list(app: App, ctx: Ctx) {
  const saved = boolParam(ctx, 'saved');
  const favorited = boolParam(ctx, 'favorited');
  const basic = boolParam(ctx, 'basic') === true;
  const search = ctx.query.get('search');
  const short = ctx.query.get('short_id');
  const rows = app.store
    .list('insights', ctx.project!.id)
    .filter((r) => r.deleted !== true)
    .filter((r) => saved === null || r.saved === saved)
    .filter((r) => favorited === null || r.favorited === favorited)
    .filter((r) => !short || r.short_id === short)
    .filter((r) => !search || icontains(r.name, search) || icontains(r.derived_name, search) || icontains(r.description, search))
    .sort((a, b) => String(b.last_modified_at).localeCompare(String(a.last_modified_at)) || Number(b.id) - Number(a.id));
  const page = paginate(ctx, rows);
  const results = [];
  for (const r of page.results) {
    const full = await withResult(app, ctx, r);
    if (basic) for (const k of BASIC_DROP) delete full[k];
    results.push(full);
  }
  return { status: 200, text: serialize({ ...page, results }) };
}

async function create(app: App, ctx: Ctx) {
  const body = ctx.body();
  expectType(body, 'name', 'string', true);
  expectType(body, 'description', 'string', true);
  expectType(body, 'query', 'object', true);
  expectType(body, 'favorited', 'boolean');
  expectType(body, 'saved', 'boolean');
  const c = { rng: new Rng(Date.now() & 0xffffff), nowMs: Date.now(), teamId: ctx.project!.id, teamIndex: 0, user: userOf(app) };
  const rec = makeInsight(c, app.store.nextId('insights'), (body.name as string | null) ?? null, (body.query as Record<string, unknown>) ?? null, {
    saved: (body.saved as boolean) ?? false,
    favorited: (body.favorited as boolean) ?? false,
    description: (body.description as string) ?? '',
    tags: (body.tags as string[]) ?? [],
    daysAgo: 0,
  });
  rec.short_id = shortId(c);
  app.store.insert('insights', rec);
  return { status: 201, text: serialize(await withResult(app, ctx, rec)) };
}

async function patch(app: App, ctx: Ctx) {
  const rec = findOr404(app, 'insights', ctx);
  const body = ctx.body();
  expectType(body, 'name', 'string', true);
  expectType(body, 'description', 'string', true);
  expectType(body, 'query', 'object', true);
  for (const f of ['favorited', 'saved', 'deleted'] as const) expectType(body, f, 'boolean');
  expectType(body, 'tags', 'array');
  for (const f of ['name', 'description', 'query', 'favorited', 'saved', 'deleted', 'tags'] as const) if (body[f] !== undefined) rec[f] = body[f];
  const now = new Date().toISOString();
  rec.updated_at = now;
  rec.last_modified_at = now;
  rec.last_modified_by = userOf(app);
  app.store.save();
  return { status: 200, text: serialize(await withResult(app, ctx, rec)) };
}

export function insightRoutes(app: App): Route[] {
  const throttles = ['clickhouse_burst', 'clickhouse_sustained'] as const;
  const r = { auth: 'personal' as const, scope: 'insight:read', throttles: [...throttles] };
  const w = { auth: 'personal' as const, scope: 'insight:write', throttles: [...throttles] };
  const base = '/api/projects/:pid/insights';
  return [
    { ...r, method: 'GET', pattern: `${base}/`, handler: (ctx) => list(app, ctx) },
    { ...w, method: 'POST', pattern: `${base}/`, handler: (ctx) => create(app, ctx) },
    { ...r, method: 'GET', pattern: `${base}/:id/`, handler: async (ctx) => ({ status: 200, text: serialize(await withResult(app, ctx, findOr404(app, 'insights', ctx))) }) },
    { ...w, method: 'PATCH', pattern: `${base}/:id/`, handler: (ctx) => patch(app, ctx) },
    { ...w, method: 'DELETE', pattern: `${base}/:id/`, handler: () => ({ status: 405 }) },
    { ...r, method: 'GET', pattern: `/api/projects/:pid/dashboards/:id/`, handler: (ctx) => dashboard(app, ctx) },
  ];
}

async function dashboard(app: App, ctx: Ctx) {
  const d = findOr404(app, 'dashboards', ctx);
  const tiles = [];
  for (const t of (d._tiles as { id: number; insight_id: number }[]) ?? []) {
    const ins = app.store.get('insights', ctx.project!.id, t.insight_id);
    if (!ins || ins.deleted === true) continue;
    tiles.push({ id: t.id, insight: await withResult(app, ctx, ins), text: null, color: null, layouts: {}, last_refresh: ins.last_refresh ?? null, is_cached: false, order: tiles.length, deleted: false });
  }
  return { status: 200, text: serialize({ ...present(d), tiles }) };
}

export { json };
