/**
 * Persons (`search`, `distinct_id`, `email`), cohorts (+ `cohorts/:id/persons/`) and session
 * recordings derived from the events' sessions (`{results, has_next, version}`, not count/next).
 * These hit ClickHouse, so they use the ClickHouse throttle classes.
 */
import { listPersons, countPersons, listSessions, type PersonApi, type RecordingRow } from '../../query/people';
import { parseDateFrom } from '../../query/trends';
import type { App } from '../app';
import { notFound } from '../errors';
import { absoluteUrl, pageParams } from '../pagination';
import { json, type Ctx, type Route } from '../types';
import { findOr404, readOnlyRoutes } from './resource';

const CH = ['burst', 'sustained', 'clickhouse_burst', 'clickhouse_sustained'] as const;

async function pagedPersons(app: App, ctx: Ctx, extra: { cohortId?: number }) {
  const { limit, offset } = pageParams(ctx);
  const f = { teamId: ctx.project!.id, search: ctx.query.get('search'), distinctId: ctx.query.get('distinct_id'), email: ctx.query.get('email'), cohortId: extra.cohortId ?? null };
  const [count, results] = await Promise.all([countPersons(app.engine, f), listPersons(app.engine, f, limit, offset)]);
  const link = (o: number | null) => {
    if (o === null) return null;
    const p = new URLSearchParams(ctx.query);
    p.set('limit', String(limit));
    if (o <= 0) p.delete('offset');
    else p.set('offset', String(o));
    return absoluteUrl(ctx, p);
  };
  return json(200, { count, next: offset + limit < count ? link(offset + limit) : null, previous: offset > 0 ? link(offset - limit) : null, results });
}

async function person(app: App, ctx: Ctx) {
  const rows = await listPersons(app.engine, { teamId: ctx.project!.id, personIds: [ctx.params.id] }, 1, 0);
  if (!rows[0]) throw notFound();
  return json(200, rows[0]);
}

function recording(r: RecordingRow, p: PersonApi | undefined, nowMs: number) {
  const duration = Math.max(1, Math.round((Date.parse(r.end) - Date.parse(r.start)) / 1000));
  const active = Math.min(duration, r.events * 5);
  return {
    id: r.session_id,
    distinct_id: r.distinct_id,
    viewed: false,
    viewers: [],
    recording_duration: duration,
    active_seconds: active,
    inactive_seconds: duration - active,
    start_time: r.start,
    end_time: r.end,
    click_count: r.clicks,
    keypress_count: r.keypresses,
    mouse_activity_count: r.clicks * 3,
    console_log_count: 0,
    console_warn_count: 0,
    console_error_count: r.events % 7 === 0 ? 1 : 0,
    start_url: r.start_url || null,
    person: p ? { id: p.id, uuid: p.uuid, name: p.name, distinct_ids: p.distinct_ids, properties: p.properties, created_at: p.created_at } : null,
    storage: 'object_storage',
    snapshot_source: r.start_url ? 'web' : 'mobile',
    ongoing: nowMs - Date.parse(r.end) < 5 * 60_000,
    activity_score: Math.min(100, r.clicks * 5 + r.keypresses * 3 + r.events),
  };
}

function jsonParam(ctx: Ctx, name: string): unknown {
  const v = ctx.query.get(name);
  if (v === null) return null;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

async function recordings(app: App, ctx: Ctx, sessionId?: string) {
  const { limit, offset } = pageParams(ctx, 50);
  const now = Date.now();
  const fromMs = parseDateFrom(ctx.query.get('date_from') ?? '-7d', now);
  const toRaw = ctx.query.get('date_to');
  const toMs = toRaw && !toRaw.startsWith('-') ? Date.parse(toRaw) || now : toRaw ? parseDateFrom(toRaw, now) : now;
  const ids = sessionId ? [sessionId] : (jsonParam(ctx, 'session_ids') as string[] | null) ?? undefined;
  const rows = await listSessions(app.engine, ctx.project!.id, {
    fromMs: sessionId ? 0 : fromMs,
    toMs: sessionId ? now + 86_400_000 : toMs,
    limit: sessionId ? 1 : limit + 1,
    offset: sessionId ? 0 : offset,
    sessionIds: Array.isArray(ids) ? ids.map(String) : undefined,
    personId: ctx.query.get('person_uuid'),
    asc: ctx.query.get('order_direction') === 'ASC',
  });
  const people = await listPersons(app.engine, { teamId: ctx.project!.id, personIds: [...new Set(rows.map((r) => r.person_id))] }, 10_000, 0);
  const byId = new Map(people.map((p) => [p.id, p]));
  const results = rows.slice(0, sessionId ? 1 : limit).map((r) => recording(r, byId.get(r.person_id), now));
  if (sessionId) {
    if (!results[0]) throw notFound('Recording not found');
    return json(200, results[0]);
  }
  return json(200, { results, has_next: rows.length > limit, version: 4 });
}

export function peopleRoutes(app: App): Route[] {
  const p = { auth: 'personal' as const, throttles: [...CH] };
  return [
    { ...p, scope: 'person:read', method: 'GET', pattern: '/api/projects/:pid/persons/', handler: (ctx) => pagedPersons(app, ctx, {}) },
    { ...p, scope: 'person:read', method: 'GET', pattern: '/api/projects/:pid/persons/:id/', handler: (ctx) => person(app, ctx) },
    ...readOnlyRoutes(app, 'cohorts', 'cohorts', 'cohort'),
    {
      ...p,
      scope: 'cohort:read',
      method: 'GET',
      pattern: '/api/projects/:pid/cohorts/:id/persons/',
      handler: (ctx) => {
        const c = findOr404(app, 'cohorts', ctx);
        return pagedPersons(app, ctx, { cohortId: Number(c.id) });
      },
    },
    { ...p, scope: 'session_recording:read', method: 'GET', pattern: '/api/projects/:pid/session_recordings/', handler: (ctx) => recordings(app, ctx) },
    { ...p, scope: 'session_recording:read', method: 'GET', pattern: '/api/projects/:pid/session_recordings/:sid/', handler: (ctx) => recordings(app, ctx, ctx.params.sid) },
  ];
}
