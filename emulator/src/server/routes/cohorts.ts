/**
 * `POST /api/projects/:pid/cohorts/` for static cohorts from person uuids, as PostHog's
 * `CohortSerializer.create` / `_handle_static` do it (posthog/api/cohort.py, newest stored copy):
 * `is_static: true` with `_create_static_person_ids` inserts, synchronously, the ids of persons that
 * exist in the team (`validate_person_uuids_exist`; unknown ids are dropped), sets `count`, and
 * answers 201 with the cohort (`is_calculating: false`). An empty list creates an empty static
 * cohort. A static cohort with no source at all is a 400. `query` together with filter criteria
 * is a 400. The other sources (CSV upload, `query`, filters, a dynamic cohort's calculation) are
 * asynchronous in PostHog and are not emulated: they answer 400 saying so.
 */
import { sqlInt, sqlString, parseCompact } from '../../query/sql';
import type { App } from '../app';
import { validation } from '../errors';
import { json, type Ctx, type Route } from '../types';
import { expectType } from './resource';
import { userOf } from './flags';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The given uuids of persons that exist in the team (PostHog: `validate_person_uuids_exist`). */
async function existingPersons(app: App, teamId: number, ids: string[]): Promise<string[]> {
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return [];
  const sql = `SELECT DISTINCT toString(id) FROM persons WHERE team_id = ${sqlInt(teamId)} AND is_deleted = 0 AND id IN (${wanted.map(sqlString).join(', ')})`;
  const rows = parseCompact((await app.engine.query(sql, { queryId: `internal-cohort-${Date.now()}` })).text).data;
  return rows.map((r) => String(r[0]));
}

function hasFilterCriteria(filters: unknown): boolean {
  const props = (filters as { properties?: { values?: unknown[] } } | null | undefined)?.properties;
  return Array.isArray(props?.values) && props.values.length > 0;
}

async function create(app: App, ctx: Ctx) {
  const body = ctx.body();
  expectType(body, 'name', 'string', true);
  expectType(body, 'description', 'string');
  expectType(body, 'is_static', 'boolean');
  expectType(body, '_create_static_person_ids', 'array');
  if (typeof body.name === 'string' && body.name.length > 400) throw validation('Ensure this field has no more than 400 characters.', 'name', 'max_length');
  const personIds = body._create_static_person_ids as unknown[] | undefined;
  if (personIds?.some((p) => typeof p !== 'string')) throw validation('Not a valid string.', '_create_static_person_ids');
  if (body.query && hasFilterCriteria(body.filters)) throw validation('Cannot set both query and filters at the same time.');
  if (body.is_static !== true || body.query || hasFilterCriteria(body.filters)) {
    throw validation('The local PostHog creates only static cohorts from person ids (_create_static_person_ids); CSV, query and filter sources are not emulated.');
  }
  if (personIds === undefined) throw validation('Invalid source for static cohort. Requires criteria, a csv, feature flag, existing cohort or query.');
  const teamId = ctx.project!.id;
  const members = await existingPersons(app, teamId, personIds as string[]);
  const id = app.store.nextId('cohorts');
  if (members.length) {
    await app.engine.insert('cohort_people', { text: members.map((person_id) => JSON.stringify({ team_id: teamId, cohort_id: id, person_id, version: 0 })).join('\n') });
  }
  const now = new Date().toISOString();
  const cohort = {
    id,
    _team_id: teamId,
    name: (body.name as string | null | undefined) ?? null,
    description: (body.description as string | undefined) ?? '',
    groups: [],
    filters: (body.filters as Record<string, unknown> | undefined) ?? null,
    query: null,
    deleted: false,
    is_calculating: false,
    last_calculation: now,
    errors_calculating: 0,
    count: members.length,
    is_static: true,
    created_by: userOf(app),
    created_at: now,
    experiment_set: [],
    cohort_type: 'static',
  };
  app.store.insert('cohorts', cohort);
  const { _team_id, ...shown } = cohort;
  void _team_id;
  return json(201, shown);
}

export function cohortWriteRoutes(app: App): Route[] {
  return [{ auth: 'personal', scope: 'cohort:write', method: 'POST', pattern: '/api/projects/:pid/cohorts/', handler: (ctx) => create(app, ctx) }];
}
