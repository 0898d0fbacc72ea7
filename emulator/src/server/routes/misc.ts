/**
 * Dashboards (list; detail with tiles lives in insights.ts), experiments, surveys, actions,
 * annotations (GET + POST 201 with scope validation, posthog/api/annotation.py) and event/property
 * definitions derived from the data.
 */
import { groupTypes } from '../../data/groups';
import { makeAnnotation } from '../../data/resources/misc';
import { present } from '../../state/store';
import type { App } from '../app';
import { required, validation } from '../errors';
import { paginate } from '../pagination';
import { json, type Ctx, type Route } from '../types';
import { expectType, findOr404, icontains, readOnlyRoutes } from './resource';
import { userOf } from './flags';

const ANNOTATION_SCOPES = ['dashboard_item', 'dashboard', 'project', 'organization', 'recording'];

function listAnnotations(app: App, ctx: Ctx) {
  const search = ctx.query.get('search');
  const scope = ctx.query.get('scope');
  const after = ctx.query.get('after');
  const before = ctx.query.get('before');
  const item = ctx.query.get('dashboardItemId');
  const rows = app.store
    .list('annotations', ctx.project!.id)
    .filter((a) => a.deleted !== true)
    .filter((a) => !search || icontains(a.content, search))
    .filter((a) => !scope || a.scope === scope)
    .filter((a) => !after || String(a.date_marker) > after)
    .filter((a) => !before || String(a.date_marker) < before)
    .filter((a) => !item || String(a.dashboard_item) === item)
    .sort((a, b) => String(b.date_marker).localeCompare(String(a.date_marker)) || Number(b.id) - Number(a.id));
  return json(200, paginate(ctx, rows.map(present)));
}

function createAnnotation(app: App, ctx: Ctx) {
  const body = ctx.body();
  expectType(body, 'content', 'string', true);
  const scope = body.scope ?? 'dashboard_item';
  if (typeof scope !== 'string' || !ANNOTATION_SCOPES.includes(scope)) throw validation(`"${String(scope)}" is not a valid choice.`, 'scope', 'invalid_choice');
  if (scope === 'dashboard_item' && (body.dashboard_item === undefined || body.dashboard_item === null)) {
    throw validation('Annotations with dashboard_item scope must have a dashboard_item set.', 'dashboard_item');
  }
  if (scope === 'dashboard' && (body.dashboard_id === undefined || body.dashboard_id === null)) throw required('dashboard_id');
  let dateMarker: string | null = null;
  if (body.date_marker !== undefined && body.date_marker !== null) {
    const t = Date.parse(String(body.date_marker));
    if (Number.isNaN(t)) throw validation('Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].', 'date_marker');
    dateMarker = new Date(t).toISOString();
  }
  if (body.dashboard_item != null && !app.store.get('insights', ctx.project!.id, body.dashboard_item as number)) throw validation(`Invalid pk "${String(body.dashboard_item)}" - object does not exist.`, 'dashboard_item', 'does_not_exist');
  const now = new Date().toISOString();
  const rec = makeAnnotation({ teamId: ctx.project!.id, user: userOf(app) }, app.store.nextId('annotations'), String(body.content ?? ''), dateMarker ?? now, scope, now, {
    dashboard_item: body.dashboard_item ?? null,
    dashboard_id: body.dashboard_id ?? null,
    creation_type: body.creation_type === 'GIT' ? 'GIT' : 'USR',
  });
  app.store.insert('annotations', rec);
  return json(201, present(rec));
}

function patchAnnotation(app: App, ctx: Ctx) {
  const rec = findOr404(app, 'annotations', ctx);
  const body = ctx.body();
  expectType(body, 'content', 'string', true);
  expectType(body, 'deleted', 'boolean');
  for (const f of ['content', 'deleted', 'date_marker'] as const) if (body[f] !== undefined) rec[f] = body[f];
  rec.updated_at = new Date().toISOString();
  app.store.save();
  return json(200, present(rec));
}

async function eventDefinitions(app: App, ctx: Ctx) {
  const defs = await app.definitions.get(ctx.project!.id);
  const search = ctx.query.get('search');
  return json(200, paginate(ctx, defs.events.filter((d) => !search || icontains(d.name, search))));
}

async function propertyDefinitions(app: App, ctx: Ctx) {
  const defs = await app.definitions.get(ctx.project!.id);
  const type = ctx.query.get('type') ?? 'event';
  if (!['event', 'person', 'group', 'session'].includes(type)) throw validation(`"${type}" is not a valid choice.`, 'type', 'invalid_choice');
  const search = ctx.query.get('search');
  const numerical = ctx.query.get('is_numerical');
  let names: string[] | null = null;
  const raw = ctx.query.get('event_names');
  if (raw) {
    try {
      names = JSON.parse(raw) as string[];
    } catch {
      throw validation('Invalid JSON in event_names.', 'event_names');
    }
  }
  const src = type === 'person' ? defs.personProps : type === 'event' ? defs.eventProps : [];
  const rows = src
    .filter((d) => !search || icontains(d.name, search))
    .filter((d) => numerical === null || String(d.is_numerical) === numerical)
    .map(({ _events, ...d }) => ({ ...d, is_seen_on_filtered_events: names ? _events.some((e) => names!.includes(e)) : null }))
    .sort((a, b) => (names ? Number(b.is_seen_on_filtered_events) - Number(a.is_seen_on_filtered_events) : 0) || a.name.localeCompare(b.name));
  return json(200, paginate(ctx, rows));
}

export function miscRoutes(app: App): Route[] {
  const a = { auth: 'personal' as const };
  return [
    ...readOnlyRoutes(app, 'dashboards', 'dashboards', 'dashboard', { detail: false }),
    ...readOnlyRoutes(app, 'experiments', 'experiments', 'experiment'),
    ...readOnlyRoutes(app, 'surveys', 'surveys', 'survey'),
    ...readOnlyRoutes(app, 'actions', 'actions', 'action'),
    { ...a, scope: 'annotation:read', method: 'GET', pattern: '/api/projects/:pid/annotations/', handler: (ctx) => listAnnotations(app, ctx) },
    { ...a, scope: 'annotation:write', method: 'POST', pattern: '/api/projects/:pid/annotations/', handler: (ctx) => createAnnotation(app, ctx) },
    { ...a, scope: 'annotation:read', method: 'GET', pattern: '/api/projects/:pid/annotations/:id/', handler: (ctx) => json(200, present(findOr404(app, 'annotations', ctx))) },
    { ...a, scope: 'annotation:write', method: 'PATCH', pattern: '/api/projects/:pid/annotations/:id/', handler: (ctx) => patchAnnotation(app, ctx) },
    { ...a, scope: 'event_definition:read', method: 'GET', pattern: '/api/projects/:pid/event_definitions/', handler: (ctx) => eventDefinitions(app, ctx) },
    { ...a, scope: 'property_definition:read', method: 'GET', pattern: '/api/projects/:pid/property_definitions/', handler: (ctx) => propertyDefinitions(app, ctx) },
    // posthog/api/group.py GroupsTypesViewSet: scope object `group`, no pagination (a bare array).
    { ...a, scope: 'group:read', method: 'GET', pattern: '/api/projects/:pid/groups_types/', handler: () => json(200, groupTypes(app.datasetStartMs)) },
  ];
}
