/**
 * `…/insight_variables/` (posthog/api/insight_variable.py, a ModelViewSet registered under both
 * `/api/projects/:id/` and `/api/environments/:id/` in posthog/api/__init__.py): list with DRF
 * PageNumberPagination (page_size 500, `?page=N`), create, retrieve, PATCH, DELETE (204). Scope
 * object `insight_variable`. Serializer rules: code_name computed once at create and unique per
 * team; List `values` coerced to strings, objects/arrays in it refused; non-List types get
 * `is_multi=false`, `values_query=null`.
 */
import { randomUUID } from 'node:crypto';
import { coerceLenient, makeVariable, scalarToStr, VARIABLE_TYPES, type VariableType } from '../../data/resources/variables';
import { present, type Rec } from '../../state/store';
import type { App } from '../app';
import { notFound, required, validation } from '../errors';
import { absoluteUrl } from '../pagination';
import { json, type Ctx, type Route } from '../types';
import { expectType, findOr404 } from './resource';

export const VARIABLES_PAGE_SIZE = 500;

/** DRF PageNumberPagination: `?page=N` (or `last`); a page past the end or not a number → 404 "Invalid page.". */
export function pageNumberPaginate<T>(ctx: Ctx, items: readonly T[], pageSize = VARIABLES_PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const raw = ctx.query.get('page') ?? '1';
  const n = raw === 'last' ? pages : /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > pages) throw notFound('Invalid page.');
  const link = (page: number): string => {
    const p = new URLSearchParams(ctx.query);
    if (page === 1) p.delete('page');
    else p.set('page', String(page));
    return absoluteUrl(ctx, p);
  };
  return {
    count: items.length,
    next: n < pages ? link(n + 1) : null,
    previous: n > 1 ? link(n - 1) : null,
    results: items.slice((n - 1) * pageSize, n * pageSize),
  };
}

/** The serializer's `to_representation`: List values and default read back as clean strings. */
export function presentVariable(rec: Rec): Record<string, unknown> {
  const out = present(rec);
  if (rec.type === 'List') {
    const raw = rec.values;
    out.values = Array.isArray(raw) ? raw.map(coerceLenient).filter((x): x is string => x !== null) : [];
    if (rec.is_multi === true) {
      const defaults = Array.isArray(rec.default_value) ? rec.default_value : [rec.default_value];
      out.default_value = defaults.map(coerceLenient).filter((x) => x !== null);
    } else out.default_value = coerceLenient(rec.default_value);
  }
  return out;
}

function listValues(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const out: string[] = [];
  values.forEach((value, index) => {
    if (value === null) return;
    const s = scalarToStr(value);
    if (s === null) {
      const shape = typeof value === 'object' && !Array.isArray(value) ? 'an object' : 'an array';
      throw validation(`List variable values must be strings or numbers (got ${shape} at index ${index}). Enter each value as plain text or a number.`, 'values');
    }
    out.push(s);
  });
  return out;
}

/** The serializer's `validate(attrs)` for a create (`instance` undefined) or a PATCH. */
function validateAttrs(body: Record<string, unknown>, instance?: Rec): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  if (body.name !== undefined) {
    expectType(body, 'name', 'string');
    if (String(body.name).trim() === '') throw validation('This field may not be blank.', 'name', 'blank');
    if (String(body.name).length > 400) throw validation('Ensure this field has no more than 400 characters.', 'name', 'max_length');
    attrs.name = body.name;
  }
  if (body.type !== undefined) {
    if (typeof body.type !== 'string' || !VARIABLE_TYPES.includes(body.type as VariableType)) throw validation(`"${String(body.type)}" is not a valid choice.`, 'type', 'invalid_choice');
    attrs.type = body.type;
  }
  for (const f of ['default_value', 'values', 'is_multi', 'values_query', 'values_query_connection_id'] as const) if (body[f] !== undefined) attrs[f] = body[f];
  expectType(body, 'is_multi', 'boolean');
  const type = attrs.type ?? instance?.type;
  if (type !== 'List') return { ...attrs, is_multi: false, values_query: null, values_query_connection_id: null };
  const isMulti = (attrs.is_multi ?? instance?.is_multi ?? false) === true;
  if ('is_multi' in attrs && !('default_value' in attrs) && instance) attrs.default_value = instance.default_value;
  else if (isMulti && !('default_value' in attrs) && !instance) attrs.default_value = [];
  if ('values' in attrs) attrs.values = listValues(attrs.values);
  if (typeof attrs.values_query === 'string' && attrs.values_query.trim() === '') attrs.values_query = null;
  const valuesQuery = 'values_query' in attrs ? attrs.values_query : (instance?.values_query ?? null);
  if (valuesQuery === null || valuesQuery === undefined) attrs.values_query_connection_id = null;
  if ('default_value' in attrs) {
    const d = attrs.default_value;
    if (isMulti) attrs.default_value = (Array.isArray(d) ? d : [d]).map(coerceLenient).filter((x) => x !== null);
    else if (Array.isArray(d)) attrs.default_value = d.length ? coerceLenient(d[0]) : '';
    else attrs.default_value = coerceLenient(d) || '';
  }
  return attrs;
}

function create(app: App, ctx: Ctx) {
  const body = ctx.body();
  if (body.name === undefined || body.name === null) throw required('name');
  if (body.type === undefined || body.type === null) throw required('type');
  const attrs = validateAttrs(body);
  const teamId = ctx.project!.id;
  const rec = makeVariable(teamId, randomUUID(), app.identity.user.id, new Date().toISOString(), { name: String(attrs.name), type: attrs.type as VariableType, default_value: attrs.default_value ?? null });
  if (app.store.list('insightVariables', teamId).some((v) => v.code_name === rec.code_name)) throw validation('Variable with this code name already exists');
  Object.assign(rec, attrs);
  app.store.insert('insightVariables', rec);
  return json(201, presentVariable(rec));
}

function patch(app: App, ctx: Ctx) {
  const rec = findOr404(app, 'insightVariables', ctx);
  const attrs = validateAttrs(ctx.body(), rec);
  // code_name is read-only and never recomputed on rename.
  Object.assign(rec, attrs);
  app.store.save();
  return json(200, presentVariable(rec));
}

function destroy(app: App, ctx: Ctx) {
  app.store.remove('insightVariables', findOr404(app, 'insightVariables', ctx));
  return { status: 204 };
}

function list(app: App, ctx: Ctx) {
  const rows = app.store.list('insightVariables', ctx.project!.id).sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
  return json(200, pageNumberPaginate(ctx, rows.map(presentVariable)));
}

export function variableRoutes(app: App): Route[] {
  const r = { auth: 'personal' as const, scope: 'insight_variable:read' };
  const w = { auth: 'personal' as const, scope: 'insight_variable:write' };
  return ['projects', 'environments'].flatMap((parent): Route[] => {
    const base = `/api/${parent}/:pid/insight_variables`;
    return [
      { ...r, method: 'GET', pattern: `${base}/`, handler: (ctx) => list(app, ctx) },
      { ...w, method: 'POST', pattern: `${base}/`, handler: (ctx) => create(app, ctx) },
      { ...r, method: 'GET', pattern: `${base}/:id/`, handler: (ctx) => json(200, presentVariable(findOr404(app, 'insightVariables', ctx))) },
      { ...w, method: 'PATCH', pattern: `${base}/:id/`, handler: (ctx) => patch(app, ctx) },
      { ...w, method: 'DELETE', pattern: `${base}/:id/`, handler: (ctx) => destroy(app, ctx) },
    ];
  });
}
