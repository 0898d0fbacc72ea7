/**
 * Data warehouse saved queries ("views"), after PostHog's
 * products/data_warehouse/backend/api/saved_query.py (02d14de4) and
 * products/data_warehouse/backend/models/datawarehouse_saved_query.py:
 * `…/warehouse_saved_queries/` (scope object `warehouse_view`), DRF PageNumberPagination with
 * page_size 1000, `?search=` on name, ordered by `-created_at`, deleted rows hidden. The list uses the
 * minimal serializer (no `query`, no `latest_history_id`); retrieve, create and update the full one.
 * POST is an upsert by name (an existing name is a partial update → 200). A PATCH that changes
 * `query` must carry `edited_history_id` equal to the view's latest activity-log id, else 400 "The
 * query was modified by someone else." (the optimistic lock); every create/update logs an activity
 * whose id is the new `latest_history_id`. DELETE soft-deletes (204) and renames the view.
 */
import { randomUUID } from 'node:crypto';
import { HogQLError } from '../../hogql';
import { parseHogQL } from '../../hogql/parse';
import type { Node } from '../../hogql/ast';
import { KNOWN_UNSERVED_TABLES, TABLES } from '../../hogql/schema';
import { present, type Rec } from '../../state/store';
import type { App } from '../app';
import { ApiError, notFound, required, validation } from '../errors';
import { runHogQLQueryNode } from '../queryAdapter';
import { json, type Ctx, type Route } from '../types';
import { userOf } from './flags';
import { uuid7hex } from './query';
import { icontains } from './resource';
import { pageNumberPaginate } from './variables';

const KIND = 'warehouseSavedQueries' as const;
const PAGE_SIZE = 1000;
const MINIMAL = ['id', 'deleted', 'name', 'created_by', 'created_at', 'sync_frequency', 'columns', 'status', 'last_run_at', 'managed_viewset_kind', 'latest_error', 'is_materialized', 'origin'];

/** The model's `validate_saved_query_name` and the serializer's `validate_name` (CharField max_length 128). */
function validateName(app: App, ctx: Ctx, name: unknown, instance?: Rec): string {
  if (typeof name !== 'string') throw validation('Not a valid string.', 'name');
  if (name.length > 128) throw validation('Ensure this field has no more than 128 characters.', 'name', 'max_length');
  if (instance && instance.name === name) return name;
  if (!/^[A-Za-z_$][A-Za-z0-9_.$]*$/.test(name)) throw validation(`${name} is not a valid view name. View names can only contain letters, numbers, '_', '.', or '$' `, 'name');
  if (Object.prototype.hasOwnProperty.call(TABLES, name) || KNOWN_UNSERVED_TABLES.has(name)) {
    throw validation(`${name} is not a valid view name. View names cannot overlap with PostHog table names.`, 'name');
  }
  // `Database.create_for(team).has_table(name)`: the team's other views are tables of its database
  if (live(app, ctx).some((r) => r.name === name)) throw validation('A table with this name already exists.', 'name');
  return name;
}

/** Placeholders, as `FindPlaceholders` sorts them: `{filters}` and expressions vs field chains. */
function placeholders(ast: Node): { fields: string[]; other: boolean } {
  const out = { fields: [] as string[], other: false };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const obj = value as Node;
    if (obj.node === 'Placeholder') {
      const chain: unknown[] | undefined = obj.expr?.node === 'Field' ? obj.expr.chain : undefined;
      if (chain && !(chain.length === 1 && chain[0] === 'filters')) out.fields.push(chain.join('.'));
      else out.other = true;
      return;
    }
    for (const [k, v] of Object.entries(obj)) if (k !== 'start' && k !== 'end') visit(v);
  };
  visit(ast);
  return out;
}

const HOGQL_TYPES: [RegExp, string][] = [
  [/^(U?Int\d+)$/, 'integer'],
  [/^(Float\d+|Decimal.*)$/, 'float'],
  [/^Bool$/, 'boolean'],
  [/^DateTime/, 'datetime'],
  [/^Date(32)?$/, 'date'],
  [/^UUID$/, 'string'],
  [/^Array\(/, 'array'],
  [/^(String|FixedString.*|LowCardinality\(String\))$/, 'string'],
];

function columnType(chType: string): string {
  const bare = chType.replace(/^Nullable\((.*)\)$/, '$1');
  return HOGQL_TYPES.find(([re]) => re.test(bare))?.[1] ?? 'unknown';
}

/** `validate_query` (placeholders refused, the query printed) and `get_columns` (the view's fields). */
async function checkQuery(app: App, ctx: Ctx, query: unknown): Promise<{ query: Record<string, unknown>; columns: unknown[] }> {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) throw validation(`Expected a dictionary of items but got type "${typeof query}".`, 'query');
  const q = query as Record<string, unknown>;
  if (typeof q.query !== 'string') throw validation('Invalid query: the query must be a string.', 'query');
  let body: Record<string, unknown>;
  try {
    const found = placeholders(await parseHogQL(q.query, 'select'));
    if (found.fields.length > 0) throw validation(`Variables like {${found.fields[found.fields.length - 1]}} are not allowed in views`, 'query');
    if (found.other) throw validation('Filters and placeholder expressions are not allowed in views', 'query');
    body = await runHogQLQueryNode(app, ctx.project!, { kind: 'HogQLQuery', query: q.query }, { queryId: uuid7hex() });
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (err instanceof HogQLError) throw validation(`Invalid query: ${err.message}`, 'query');
    throw validation('Failed to retrieve types for view');
  }
  const names = (body.columns as string[] | undefined) ?? [];
  const types = (body.types as [string, string][] | undefined) ?? [];
  const columns = names.map((name, i) => ({ key: name, name, type: columnType(types[i]?.[1] ?? ''), schema_valid: true, fields: null, table: null, chain: null }));
  return { query: q, columns };
}

function live(app: App, ctx: Ctx): Rec[] {
  return app.store.list(KIND, ctx.project!.id).filter((r) => r.deleted !== true);
}

function findLive(app: App, ctx: Ctx): Rec {
  const rec = live(app, ctx).find((r) => String(r.id) === ctx.params.id);
  if (!rec) throw notFound();
  return rec;
}

/** The full serializer: `latest_history_id` is the newest activity-log id. */
function full(rec: Rec): Record<string, unknown> {
  const history = (rec._history as string[] | undefined) ?? [];
  return { ...present(rec), latest_history_id: history[history.length - 1] ?? null };
}

function logActivity(rec: Rec): void {
  rec._history = [...((rec._history as string[] | undefined) ?? []), randomUUID()];
}

async function create(app: App, ctx: Ctx) {
  const body = ctx.body();
  const existing = live(app, ctx).find((r) => r.name === body.name);
  if (existing) return update(app, ctx, existing, body, 200);
  if (body.name === undefined || body.name === null) throw required('name');
  const name = validateName(app, ctx, body.name);
  const checked = body.query === undefined ? { query: {}, columns: [] } : await checkQuery(app, ctx, body.query);
  const rec: Rec = {
    id: randomUUID(),
    _team_id: ctx.project!.id,
    deleted: false,
    name,
    query: checked.query,
    created_by: userOf(app),
    created_at: new Date().toISOString(),
    sync_frequency: null,
    columns: checked.columns,
    status: null,
    last_run_at: null,
    managed_viewset_kind: null,
    latest_error: null,
    is_materialized: false,
    origin: 'data_warehouse',
  };
  logActivity(rec);
  app.store.insert(KIND, rec);
  return json(201, full(rec));
}

async function update(app: App, ctx: Ctx, rec: Rec, body: Record<string, unknown>, status = 200) {
  const name = body.name === undefined ? undefined : validateName(app, ctx, body.name, rec);
  const checked = body.query === undefined || body.query === null ? undefined : await checkQuery(app, ctx, body.query);
  if (checked && body.soft_update !== true) {
    const history = (rec._history as string[] | undefined) ?? [];
    if (String(body.edited_history_id ?? null) !== String(history[history.length - 1] ?? null)) throw validation('The query was modified by someone else.');
  }
  if (name !== undefined) rec.name = name;
  if (checked) {
    rec.query = checked.query;
    rec.columns = checked.columns;
    rec.status = 'Modified';
  }
  logActivity(rec);
  app.store.save();
  return json(status, full(rec));
}

function destroy(app: App, ctx: Ctx) {
  const rec = findLive(app, ctx);
  rec.deleted = true;
  rec.name = `POSTHOG_DELETED_${String(rec.id)}`;
  app.store.save();
  return { status: 204 };
}

function list(app: App, ctx: Ctx) {
  const search = ctx.query.get('search');
  const rows = live(app, ctx)
    .filter((r) => !search || icontains(r.name, search))
    .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))
    .map((r) => Object.fromEntries(MINIMAL.map((k) => [k, r[k] ?? null])));
  return json(200, pageNumberPaginate(ctx, rows, PAGE_SIZE));
}

export function savedQueryRoutes(app: App): Route[] {
  const r = { auth: 'personal' as const, scope: 'warehouse_view:read' };
  const w = { auth: 'personal' as const, scope: 'warehouse_view:write' };
  return ['projects', 'environments'].flatMap((parent): Route[] => {
    const base = `/api/${parent}/:pid/warehouse_saved_queries`;
    return [
      { ...r, method: 'GET', pattern: `${base}/`, handler: (ctx) => list(app, ctx) },
      { ...w, method: 'POST', pattern: `${base}/`, handler: (ctx) => create(app, ctx) },
      { ...r, method: 'GET', pattern: `${base}/:id/`, handler: (ctx) => json(200, full(findLive(app, ctx))) },
      { ...w, method: 'PATCH', pattern: `${base}/:id/`, handler: (ctx) => update(app, ctx, findLive(app, ctx), ctx.body()) },
      { ...w, method: 'DELETE', pattern: `${base}/:id/`, handler: (ctx) => destroy(app, ctx) },
    ];
  });
}
