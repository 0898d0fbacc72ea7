/**
 * Feature flags (posthog/api/feature_flag.py): list filters `search`, `active` (true/false/STALE),
 * `type` (boolean/multivariant/experiment); POST 201 with key validation and `unique` on a
 * duplicate key; PATCH (soft delete with `deleted: true`); DELETE → empty 405 (ForbidDestroyModel).
 */
import { isSimpleFlag, makeFlag } from '../../data/resources/flags';
import { Rng } from '../../data/prng';
import { present, type Rec } from '../../state/store';
import type { App } from '../app';
import { required, validation } from '../errors';
import { paginate } from '../pagination';
import { json, type Ctx, type Route } from '../types';
import { byCreatedDesc, expectType, findOr404, icontains } from './resource';

const KEY_RE = /^[a-zA-Z0-9_-]+$/;
const STALE_MS = 30 * 86_400_000;

function isStale(f: Rec): boolean {
  const filters = f.filters as Record<string, unknown>;
  const groups = (filters.groups as { rollout_percentage?: number | null; properties?: unknown[] }[]) ?? [];
  const fullyOn = groups.some((g) => (g.rollout_percentage ?? 100) === 100 && (g.properties ?? []).length === 0);
  return f.active === true && fullyOn && !filters.multivariate && Date.now() - Date.parse(String(f.updated_at)) > STALE_MS;
}

function validateKey(app: App, ctx: Ctx, key: unknown, selfId?: number): string {
  if (key === undefined || key === null || key === '') throw required('key');
  if (typeof key !== 'string' || !KEY_RE.test(key)) throw validation('Only letters, numbers, hyphens ("-") & underscores ("_") are allowed.', 'key', 'invalid_key');
  const dup = app.store.list('featureFlags', ctx.project!.id).some((f) => f.key === key && f.deleted !== true && f.id !== selfId);
  if (dup) throw validation('There is already a feature flag with this key.', 'key', 'unique');
  return key;
}

function validateFilters(filters: unknown): Record<string, unknown> {
  if (typeof filters !== 'object' || filters === null || Array.isArray(filters)) throw validation('Expected a dictionary of items.', 'filters');
  const f = filters as Record<string, unknown>;
  const mv = f.multivariate as { variants?: { rollout_percentage?: number }[] } | null | undefined;
  if (mv && Array.isArray(mv.variants)) {
    const total = mv.variants.reduce((a, v) => a + Number(v.rollout_percentage ?? 0), 0);
    if (total !== 100) throw validation('Invalid variant definitions: Variant rollout percentages must sum to 100.', 'filters');
  }
  return { groups: [], multivariate: null, payloads: {}, aggregation_group_type_index: null, ...f };
}

function refreshDerived(f: Rec): void {
  const filters = f.filters as Record<string, unknown>;
  f.is_simple_flag = isSimpleFlag(filters);
  f.rollout_percentage = f.is_simple_flag ? ((filters.groups as { rollout_percentage?: number | null }[])[0].rollout_percentage ?? null) : null;
  f.status = f.deleted ? 'DELETED' : isStale(f) ? 'STALE' : 'ACTIVE';
}

function list(app: App, ctx: Ctx) {
  const search = ctx.query.get('search');
  const active = ctx.query.get('active');
  const type = ctx.query.get('type');
  const rows = app.store
    .list('featureFlags', ctx.project!.id)
    .filter((f) => f.deleted !== true)
    .filter((f) => !search || icontains(f.key, search) || icontains(f.name, search))
    .filter((f) => (active === 'STALE' ? isStale(f) : active === 'true' ? f.active === true : active === 'false' ? f.active === false : true))
    .filter((f) => {
      const mv = Boolean((f.filters as Record<string, unknown>).multivariate);
      if (type === 'boolean') return !mv;
      if (type === 'multivariant') return mv;
      if (type === 'experiment') return (f.experiment_set as unknown[]).length > 0;
      return true;
    })
    .sort(byCreatedDesc);
  return json(200, paginate(ctx, rows.map(present)));
}

function create(app: App, ctx: Ctx) {
  const body = ctx.body();
  const key = validateKey(app, ctx, body.key);
  expectType(body, 'name', 'string');
  expectType(body, 'active', 'boolean');
  const filters = validateFilters(body.filters ?? { groups: [{ properties: [], rollout_percentage: 0 }] });
  const now = new Date().toISOString();
  const c = { rng: new Rng(Date.now() & 0xffff), nowMs: Date.now(), teamId: ctx.project!.id, teamIndex: 0, user: userOf(app) };
  const flag = makeFlag(c, app.store.nextId('featureFlags'), { key, name: String(body.name ?? ''), active: body.active === undefined ? true : Boolean(body.active), filters, ensure_experience_continuity: Boolean(body.ensure_experience_continuity), tags: (body.tags as string[]) ?? [] }, now);
  refreshDerived(flag);
  app.store.insert('featureFlags', flag);
  return json(201, present(flag));
}

function patch(app: App, ctx: Ctx) {
  const flag = findOr404(app, 'featureFlags', ctx);
  const body = ctx.body();
  expectType(body, 'name', 'string');
  expectType(body, 'active', 'boolean');
  expectType(body, 'deleted', 'boolean');
  expectType(body, 'ensure_experience_continuity', 'boolean');
  expectType(body, 'tags', 'array');
  if (body.key !== undefined) flag.key = validateKey(app, ctx, body.key, flag.id as number);
  if (body.filters !== undefined) flag.filters = validateFilters(body.filters);
  for (const f of ['name', 'active', 'deleted', 'ensure_experience_continuity', 'tags'] as const) if (body[f] !== undefined) flag[f] = body[f];
  flag.updated_at = new Date().toISOString();
  flag.version = Number(flag.version ?? 0) + 1;
  flag.last_modified_by = userOf(app);
  refreshDerived(flag);
  app.store.save();
  return json(200, present(flag));
}

export function userOf(app: App) {
  const u = app.identity.user;
  return { id: u.id, uuid: u.uuid, distinct_id: u.distinctId, first_name: u.firstName, last_name: u.lastName, email: u.email, is_email_verified: true };
}

export function flagRoutes(app: App): Route[] {
  const r = { auth: 'personal' as const, scope: 'feature_flag:read' };
  const w = { auth: 'personal' as const, scope: 'feature_flag:write' };
  const base = '/api/projects/:pid/feature_flags';
  return [
    { ...r, method: 'GET', pattern: `${base}/`, handler: (ctx) => list(app, ctx) },
    { ...w, method: 'POST', pattern: `${base}/`, handler: (ctx) => create(app, ctx) },
    { ...r, method: 'GET', pattern: `${base}/:id/`, handler: (ctx) => json(200, present(findOr404(app, 'featureFlags', ctx))) },
    { ...w, method: 'PATCH', pattern: `${base}/:id/`, handler: (ctx) => patch(app, ctx) },
    // ForbidDestroyModel: `Response(status=405)` with no body (posthog/api/forbid_destroy_model.py).
    { ...w, method: 'DELETE', pattern: `${base}/:id/`, handler: () => ({ status: 405 }) },
  ];
}
