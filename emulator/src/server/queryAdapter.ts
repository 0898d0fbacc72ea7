/**
 * The one place the server calls the HogQL half (`src/hogql/index.ts`, owned by E2) and maps its
 * errors to PostHog's API errors (posthog/api/query.py):
 *  - ExposedHogQLError → 400 ValidationError(str(e), code_name): `{validation_error, <code>, message}`;
 *  - ClickHouse errors as `hogql.mapClickHouseError` maps them (posthog/errors.py): exposed codes →
 *    400 with the code name, timeout 504, memory 513, capacity 503, others → 500 APIException
 *    "ClickHouse error while executing query.".
 */
import { CH_QUERY_WAS_CANCELLED, EngineError, type QueryProgress } from '../engine/types';
import * as hogql from '../hogql/index';
import type { Project } from '../model/identity';
import type { App } from './app';
import { ApiError, validation } from './errors';

const TIMEOUT_DETAIL =
  'Query has hit the max execution time before completing. See our docs for how to improve your query performance. You may need to materialize.';

export class QueryCancelledError extends Error {
  constructor() {
    super('Query was cancelled');
  }
}

export function toApiError(err: unknown): ApiError | QueryCancelledError | unknown {
  if (err instanceof ApiError) return err;
  if (err instanceof hogql.HogQLError) return validation(err.message, null, err.code);
  if (err instanceof hogql.HogQLTimeoutError) return new ApiError(504, 'server_error', 'error', TIMEOUT_DETAIL);
  if (err instanceof hogql.HogQLServerError) return new ApiError(err.status, 'server_error', err.code, err.message);
  if (err instanceof hogql.HogQLInternalError) return new ApiError(500, 'server_error', 'error', 'ClickHouse error while executing query.');
  if (err instanceof EngineError) {
    if (err.clickhouseCode === CH_QUERY_WAS_CANCELLED) return new QueryCancelledError();
    if (err.clickhouseCode === undefined) return new ApiError(500, 'server_error', 'error', 'ClickHouse error while executing query.');
    return toApiError(hogql.mapClickHouseError(err.clickhouseCode, err.message));
  }
  return err;
}

/** `error_message` of a failed async query: only exposed (API/HogQL) errors show their text. */
export function exposedMessage(err: unknown): string | null {
  const e = toApiError(err);
  if (e instanceof ApiError) return e.detail;
  if (e instanceof QueryCancelledError) return e.message;
  return null;
}

export interface RunDeps {
  queryId: string;
  signal?: AbortSignal;
  onProgress?: (p: QueryProgress) => void;
}

async function hogqlRequest(app: App, project: Project, node: Record<string, unknown>): Promise<hogql.HogQLQueryRequest> {
  if (typeof node.query !== 'string') throw validation('This field is required.', 'query', 'required');
  return {
    query: node.query,
    values: (node.values as Record<string, unknown>) ?? undefined,
    filters: (node.filters as hogql.HogQLFilters) ?? undefined,
    variables: (node.variables as Record<string, unknown>) ?? undefined,
    insightVariables: loadedVariables(app, project, node.variables),
    modifiers: (node.modifiers as Record<string, unknown>) ?? undefined,
    teamId: project.id,
    timezone: project.timezone,
    propertyTypes: await propertyTypes(app, project),
    cohorts: cohortsOf(app, project),
    views: viewsOf(app, project),
  };
}

/** The project's views (routes/savedQueries.ts), name → HogQL. */
function viewsOf(app: App, project: Project): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of app.store.list('warehouseSavedQueries', project.id)) {
    const q = (r.query as { query?: unknown } | null)?.query;
    if (r.deleted !== true && typeof r.name === 'string' && typeof q === 'string') out[r.name] = q;
  }
  return out;
}

function hogqlDeps(app: App, deps: RunDeps): hogql.HogQLQueryDeps {
  return {
    engine: app.engine,
    queryId: deps.queryId,
    signal: deps.signal,
    onProgress: deps.onProgress as ((p: unknown) => void) | undefined,
    timeoutSeconds: app.queryTimeoutSeconds,
  };
}

export async function runHogQLQueryNode(app: App, project: Project, node: Record<string, unknown>, deps: RunDeps): Promise<Record<string, unknown>> {
  const body = await hogql.runHogQLQuery(await hogqlRequest(app, project, node), hogqlDeps(app, deps));
  return body as unknown as Record<string, unknown>;
}

/** Like runHogQLQueryNode, but a big result comes back as a stream of rows (`hogql.streamHogQLQuery`). */
export async function streamHogQLQueryNode(app: App, project: Project, node: Record<string, unknown>, deps: RunDeps): Promise<hogql.HogQLRun> {
  return hogql.streamHogQLQuery(await hogqlRequest(app, project, node), hogqlDeps(app, deps));
}

export async function runMetadataNode(app: App, project: Project, node: Record<string, unknown>): Promise<unknown> {
  if (typeof node.query !== 'string') throw validation('This field is required.', 'query', 'required');
  const ctx = { ...(await contextInfo(app, project)), insightVariables: loadedVariables(app, project, node.variables), views: viewsOf(app, project) };
  return hogql.runHogQLMetadata(node as unknown as hogql.HogQLMetadataRequest, ctx);
}

export async function runAutocompleteNode(app: App, project: Project, node: Record<string, unknown>): Promise<unknown> {
  if (typeof node.query !== 'string') throw validation('This field is required.', 'query', 'required');
  return hogql.runHogQLAutocomplete(node as unknown as hogql.HogQLAutocompleteRequest, await contextInfo(app, project));
}

async function contextInfo(app: App, project: Project): Promise<hogql.HogQLContextInfo> {
  const defs = await app.definitions.get(project.id).catch(() => null);
  return {
    teamId: project.id,
    timezone: project.timezone,
    propertyNames: defs ? { event: defs.eventProps.map((p) => p.name), person: defs.personProps.map((p) => p.name) } : undefined,
    propertyTypes: defs ? typesOf(defs) : undefined,
    cohorts: cohortsOf(app, project),
  };
}

/** The team's stored variables whose id is a `variableId` of the query's variables (posthog/hogql/variables.py). */
function loadedVariables(app: App, project: Project, variables: unknown): hogql.InsightVariableInfo[] {
  if (!variables || typeof variables !== 'object') return [];
  const ids = new Set(hogql.sentVariableIds(variables as Record<string, unknown>));
  return app.store
    .list('insightVariables', project.id)
    .filter((v) => ids.has(String(v.id)))
    .map((v) => ({ id: String(v.id), code_name: String(v.code_name), default_value: v.default_value }));
}

/** The project's cohorts (not deleted), for IN COHORT. */
function cohortsOf(app: App, project: Project): hogql.CohortRef[] {
  return app.store
    .list('cohorts', project.id)
    .filter((c) => c.deleted !== true)
    .map((c) => ({ id: Number(c.id), name: String(c.name ?? ''), is_static: c.is_static === true }));
}

type Defs = Awaited<ReturnType<App['definitions']['get']>>;
const typesCache = new WeakMap<Defs, hogql.PropertyTypes>();

/** The project's property definitions by name and type, as PostHog's PropertySwapper loads them. */
function typesOf(defs: Defs): hogql.PropertyTypes {
  let types = typesCache.get(defs);
  if (!types) {
    const table = (list: Defs['eventProps']) =>
      Object.fromEntries(list.filter((p) => p.property_type).map((p) => [p.name, p.property_type as hogql.PropertyType]));
    types = { event: table(defs.eventProps), person: table(defs.personProps) };
    typesCache.set(defs, types);
  }
  return types;
}

async function propertyTypes(app: App, project: Project): Promise<hogql.PropertyTypes | undefined> {
  const defs = await app.definitions.get(project.id).catch(() => null);
  return defs ? typesOf(defs) : undefined;
}

/** JSON text of a body holding HogQL results (keeps 64-bit integers exact). */
export function serialize(body: unknown): string {
  return hogql.serializeResponse(body);
}

/**
 * Stop the HogQL parser workers. The shared pool's worker ports keep the process alive even
 * though the workers are unref'd, so `close()` must end them; a later emulator gets a new pool.
 */
export async function shutdownHogQL(): Promise<void> {
  const pool = hogql.sharedParsePool();
  hogql.setSharedParsePool(null);
  await pool.close();
}
