/**
 * Public capture (posthog-api.md section 8; rust/capture): `/i/v0/e/`, `/e/`, `/capture/`,
 * `/track/`, `/batch/`. Token `api_key`/`token` (`phc_…`) in the JSON body, no Authorization.
 * 200 `{"status":"Ok"}`; errors are plain text: 400 bad JSON or empty batch, 401 missing or
 * invalid token. Events go through the engine's writer path and become queryable at once.
 */
import { randomUUID } from 'node:crypto';
import type { App } from '../app';
import { parseCompact, sqlInt, sqlString } from '../../query/sql';
import { eventToJsonRow } from '../../data/load';
import type { EventRow } from '../../data/types';
import type { Ctx, Reply, Route } from '../types';

const text = (status: number, body: string): Reply => ({ status, text: body, contentType: 'text/plain; charset=utf-8' });

class CaptureError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

type Raw = Record<string, unknown>;

function parse(ctx: Ctx): { token: unknown; events: Raw[] } {
  let body: unknown;
  try {
    body = JSON.parse(ctx.rawBody.toString('utf8'));
  } catch (e) {
    throw new CaptureError(400, `Failed to decode request: ${(e as Error).message}`);
  }
  if (Array.isArray(body)) {
    const first = (body[0] ?? {}) as Raw;
    return { token: first.api_key ?? first.token ?? (first.properties as Raw | undefined)?.token, events: body as Raw[] };
  }
  if (typeof body !== 'object' || body === null) throw new CaptureError(400, 'Failed to decode request: expected a JSON object');
  const b = body as Raw;
  const batch = Array.isArray(b.batch) ? (b.batch as Raw[]) : Array.isArray(b.data) ? (b.data as Raw[]) : null;
  const first = (batch?.[0] ?? b) as Raw;
  const token = b.api_key ?? b.token ?? first.api_key ?? (first.properties as Raw | undefined)?.token;
  return { token, events: batch ?? [b] };
}

async function personsFor(app: App, teamId: number, ids: string[]): Promise<Map<string, { id: string; props: Record<string, unknown>; created: string }>> {
  const out = new Map<string, { id: string; props: Record<string, unknown>; created: string }>();
  if (ids.length === 0) return out;
  const sql = `SELECT d.distinct_id, p.id, p.properties, p.created_at FROM person_distinct_ids AS d INNER JOIN persons AS p ON p.id = d.person_id AND p.team_id = d.team_id
    WHERE d.team_id = ${sqlInt(teamId)} AND d.distinct_id IN (${ids.map(sqlString).join(', ')})`;
  const rows = parseCompact((await app.engine.query(sql, { queryId: `internal-capture-${Date.now()}` })).text).data;
  for (const r of rows) out.set(String(r[0]), { id: String(r[1]), props: JSON.parse(String(r[2])) as Record<string, unknown>, created: `${String(r[3]).replace(' ', 'T')}Z` });
  return out;
}

const locks = new Map<number, Promise<unknown>>();

async function ingest(app: App, teamId: number, events: Raw[]): Promise<void> {
  const now = new Date();
  const prepared = events.map((e) => {
    const props = { ...((e.properties as Raw | undefined) ?? {}) };
    const distinctId = e.distinct_id ?? props.distinct_id ?? props.$distinct_id;
    if (typeof e.event !== 'string' || e.event === '') throw new CaptureError(400, 'Failed to decode request: missing event name');
    if (distinctId === undefined || distinctId === null || String(distinctId) === '') throw new CaptureError(400, 'Failed to decode request: missing distinct_id');
    delete props.token;
    const ts = e.timestamp ? new Date(String(e.timestamp)) : now;
    if (Number.isNaN(ts.getTime())) throw new CaptureError(400, 'Failed to decode request: invalid timestamp');
    return { event: e.event, distinctId: String(distinctId), props, ts, uuid: typeof e.uuid === 'string' ? e.uuid : randomUUID() };
  });
  const known = await personsFor(app, teamId, [...new Set(prepared.map((p) => p.distinctId))]);
  const newPersons: string[] = [];
  const newIds: string[] = [];
  for (const p of prepared) {
    if (known.has(p.distinctId)) continue;
    const set = { ...((p.props.$set_once as Raw) ?? {}), ...((p.props.$set as Raw) ?? {}) };
    const person = { id: randomUUID(), props: set, created: p.ts.toISOString() };
    known.set(p.distinctId, person);
    newPersons.push(JSON.stringify({ id: person.id, team_id: teamId, properties: JSON.stringify(set), created_at: person.created, is_identified: 0, version: 0, is_deleted: 0 }));
    newIds.push(JSON.stringify({ team_id: teamId, distinct_id: p.distinctId, person_id: person.id, version: 0, is_deleted: 0 }));
  }
  const rows = prepared.map((p) => {
    const person = known.get(p.distinctId)!;
    const row: EventRow = {
      uuid: p.uuid,
      team_id: teamId,
      event: p.event,
      distinct_id: p.distinctId,
      properties: p.props,
      timestamp: p.ts.toISOString(),
      created_at: now.toISOString(),
      person_id: person.id,
      person_properties: person.props,
      person_created_at: person.created,
      elements_chain: typeof p.props.$elements_chain === 'string' ? p.props.$elements_chain : '',
      $session_id: typeof p.props.$session_id === 'string' ? p.props.$session_id : '',
      $window_id: typeof p.props.$window_id === 'string' ? p.props.$window_id : '',
    };
    return eventToJsonRow(row);
  });
  if (newPersons.length) {
    await app.engine.insert('persons', { text: newPersons.join('\n') });
    await app.engine.insert('person_distinct_ids', { text: newIds.join('\n') });
  }
  await app.engine.insert('events', { text: rows.join('\n') });
  app.definitions.invalidate(teamId);
}

async function capture(app: App, ctx: Ctx): Promise<Reply> {
  try {
    const { token, events } = parse(ctx);
    if (token === undefined || token === null || token === '') throw new CaptureError(401, 'No API key provided');
    const project = app.identity.projects.find((p) => p.apiToken === token);
    if (!project) throw new CaptureError(401, 'API key is not valid');
    if (events.length === 0) throw new CaptureError(400, 'Request holds no event');
    const prev = locks.get(project.id) ?? Promise.resolve();
    const run = prev.catch(() => undefined).then(() => ingest(app, project.id, events));
    locks.set(project.id, run);
    await run;
    return { status: 200, json: { status: 'Ok' } };
  } catch (err) {
    if (err instanceof CaptureError) return text(err.status, err.message);
    throw err;
  }
}

export function captureRoutes(app: App): Route[] {
  const paths = ['/i/v0/e/', '/e/', '/capture/', '/track/', '/batch/', '/i/v0/batch/'];
  return paths.map((pattern) => ({ method: 'POST' as const, pattern, auth: 'public' as const, handler: (ctx: Ctx) => capture(app, ctx) }));
}
