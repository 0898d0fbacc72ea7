/**
 * `POST/GET/DELETE /api/projects/:pid/query/` (posthog/api/query.py, query_runner.py):
 * execution modes from `refresh` (unknown/omitted → force_cache → upgraded to blocking; `true` →
 * force_blocking; legacy `async: true` → async), 202 while an async run is incomplete, polling
 * and cancellation by query id. HogQLQuery is throttled by the `query` class (120/hour), other
 * kinds and poll/cancel by the ClickHouse classes.
 */
import { randomBytes } from 'node:crypto';
import type { QueryProgress } from '../../engine/types';
import type { Project } from '../../model/identity';
import { runTrends } from '../../query/trends';
import type { App } from '../app';
import { ApiError, notFound, required, validation } from '../errors';
import { exposedMessage, QueryCancelledError, runAutocompleteNode, runHogQLQueryNode, runMetadataNode, serialize, toApiError } from '../queryAdapter';
import { blockingHogQLReply } from './queryStream';
import { json, type Ctx, type Reply, type Route, type ThrottleClass } from '../types';

type Mode = 'blocking' | 'force_blocking' | 'async' | 'lazy_async' | 'force_async';

export function executionMode(body: Record<string, unknown>): Mode {
  if (body.async === true) return 'async';
  const r = body.refresh;
  if (r === true || r === 'force_blocking') return 'force_blocking';
  if (r === 'async' || r === 'async_except_on_cache_miss') return 'async';
  if (r === 'lazy_async' || r === 'force_async' || r === 'blocking') return r;
  return 'blocking';
}

export function uuid7hex(): string {
  const t = Date.now().toString(16).padStart(12, '0');
  const r = randomBytes(10).toString('hex');
  return `${t}7${r.slice(0, 3)}${((parseInt(r[3], 16) & 3) | 8).toString(16)}${r.slice(4, 19)}`;
}

type Runner = (signal: AbortSignal, onProgress: (p: QueryProgress) => void) => Promise<Record<string, unknown>>;

/** What a node runs, or null for kinds answered synchronously without the engine. */
export function runnerFor(app: App, project: Project, node: Record<string, unknown>, queryId: string): Runner {
  const kind = node.kind;
  if (kind === 'HogQLQuery') return (signal, onProgress) => runHogQLQueryNode(app, project, node, { queryId, signal, onProgress });
  if (kind === 'TrendsQuery') {
    return async () => ({ results: await runTrends(app.engine, project.id, node, Date.now(), project.timezone), kind: 'TrendsQuery' });
  }
  if ((kind === 'InsightVizNode' || kind === 'DataVisualizationNode' || kind === 'DataTableNode') && node.source && typeof node.source === 'object') {
    return runnerFor(app, project, node.source as Record<string, unknown>, queryId);
  }
  throw validation(`Unsupported query kind: ${String(kind)}`, 'query');
}

function cancelledToApi(err: unknown): unknown {
  const e = toApiError(err);
  return e instanceof QueryCancelledError ? new ApiError(500, 'server_error', 'error', 'ClickHouse error while executing query.') : e;
}

async function create(app: App, ctx: Ctx): Promise<Reply> {
  try {
    return await createInner(app, ctx);
  } catch (err) {
    throw cancelledToApi(err);
  }
}

async function createInner(app: App, ctx: Ctx): Promise<Reply> {
  const body = ctx.body();
  const node = body.query;
  if (node === undefined || node === null) throw required('query');
  if (typeof node !== 'object' || Array.isArray(node)) throw validation('Invalid query: expected an object with a "kind".', 'query');
  const q = node as Record<string, unknown>;
  const project = ctx.project!;
  if (q.kind === 'HogQLMetadata') return { status: 200, text: serialize(await runMetadataNode(app, project, q)) };
  if (q.kind === 'HogQLAutocomplete') return { status: 200, text: serialize(await runAutocompleteNode(app, project, q)) };
  const queryId = typeof body.client_query_id === 'string' && body.client_query_id !== '' ? body.client_query_id : uuid7hex();
  const run = runnerFor(app, project, q, queryId);
  const mode = executionMode(body);
  const cacheKey = app.cache.key(project.id, q);
  const tz = project.timezone;
  if (mode === 'blocking' || mode === 'async' || mode === 'lazy_async') {
    const hit = app.cache.get(cacheKey, mode === 'lazy_async' ? app.cache.lazyMs : app.cache.freshMs);
    if (hit) return { status: 200, text: serialize(app.cache.decorate(hit, true, tz)) };
  }
  if (mode === 'async' || mode === 'lazy_async' || mode === 'force_async') {
    const existing = mode !== 'force_async' ? app.jobs.existing(project.id, queryId) : null;
    const status =
      existing ??
      app.jobs.startAsync(project.id, queryId, async (signal, onProgress) => {
        const r = await run(signal, onProgress);
        return app.cache.decorate(app.cache.set(cacheKey, r), false, tz);
      });
    return { status: status.complete ? 200 : 202, text: serialize({ cache_key: cacheKey, query_status: status }) };
  }
  if (q.kind === 'HogQLQuery') return blockingHogQLReply(app, project, q, queryId, cacheKey);
  const result = await app.jobs.runBlocking(project.id, queryId, run);
  return { status: 200, text: serialize(app.cache.decorate(app.cache.set(cacheKey, result), false, tz)) };
}

function retrieve(app: App, ctx: Ctx): Reply {
  const project = ctx.project!;
  const id = ctx.params.id;
  const show = ctx.query.get('show_progress') === 'true' || ctx.query.get('showProgress') === 'true';
  const status = app.jobs.status(project.id, id, show);
  if (!status) throw notFound(`Query ${id} not found for team ${project.id}`);
  const code = status.error ? (status.error_message ? 400 : 500) : status.complete ? 200 : 202;
  return { status: code, text: serialize({ query_status: status }) };
}

function destroy(app: App, ctx: Ctx): Reply {
  const message = app.jobs.cancel(ctx.project!.id, ctx.params.id, ctx.query.get('dequeue_only') === 'true');
  return json(200, { message });
}

function queryThrottles(ctx: Ctx): ThrottleClass[] {
  try {
    const q = ctx.method === 'POST' ? ctx.body().query : undefined;
    if (q && typeof q === 'object' && (q as { kind?: unknown }).kind === 'HogQLQuery') return ['query'];
  } catch {
    // An unparsable body is rejected by the handler; throttle it like other kinds.
  }
  return ['clickhouse_burst', 'clickhouse_sustained'];
}

export function queryRoutes(app: App): Route[] {
  const base = { auth: 'personal' as const, scope: 'query:read', throttles: queryThrottles };
  return [
    { ...base, method: 'POST', pattern: '/api/projects/:pid/query/', handler: (ctx) => create(app, ctx) },
    { ...base, method: 'GET', pattern: '/api/projects/:pid/query/:id/', handler: (ctx) => retrieve(app, ctx) },
    { ...base, method: 'DELETE', pattern: '/api/projects/:pid/query/:id/', handler: (ctx) => destroy(app, ctx) },
    { ...base, method: 'POST', pattern: '/api/environments/:pid/query/', handler: (ctx) => create(app, ctx) },
    { ...base, method: 'GET', pattern: '/api/environments/:pid/query/:id/', handler: (ctx) => retrieve(app, ctx) },
    { ...base, method: 'DELETE', pattern: '/api/environments/:pid/query/:id/', handler: (ctx) => destroy(app, ctx) },
  ];
}

export { exposedMessage };
