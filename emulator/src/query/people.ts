/** Persons, cohort members and session recordings, read from ClickHouse for the REST routes. */
import type { ChildEngine } from '../engine/engine';
import { parseCompact, sqlInt, sqlString } from './sql';

export interface PersonApi {
  id: string;
  uuid: string;
  name: string;
  distinct_ids: string[];
  properties: Record<string, unknown>;
  created_at: string;
  is_identified: boolean;
  last_seen_at: string | null;
}

const iso = (ch: unknown): string => `${String(ch).replace(' ', 'T')}Z`;

export function displayName(props: Record<string, unknown>, distinctIds: string[]): string {
  for (const k of ['email', 'name', 'username']) if (typeof props[k] === 'string' && props[k]) return props[k] as string;
  return distinctIds[0] ?? '';
}

async function rows(engine: ChildEngine, sql: string): Promise<unknown[][]> {
  return parseCompact((await engine.query(sql, { queryId: `internal-people-${Date.now()}` })).text).data;
}

export interface PersonFilter {
  teamId: number;
  search?: string | null;
  distinctId?: string | null;
  email?: string | null;
  cohortId?: number | null;
  personIds?: string[];
}

function where(f: PersonFilter): string {
  const c = [`p.team_id = ${sqlInt(f.teamId)}`, 'p.is_deleted = 0'];
  const pdi = (cond: string) => `p.id IN (SELECT person_id FROM person_distinct_ids WHERE team_id = ${sqlInt(f.teamId)} AND ${cond})`;
  if (f.search) {
    const s = sqlString(`%${f.search.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
    c.push(`(JSONExtractString(p.properties, 'email') ILIKE ${s} OR JSONExtractString(p.properties, 'name') ILIKE ${s} OR ${pdi(`distinct_id = ${sqlString(f.search)}`)})`);
  }
  if (f.distinctId) c.push(pdi(`distinct_id = ${sqlString(f.distinctId)}`));
  if (f.email) c.push(`JSONExtractString(p.properties, 'email') = ${sqlString(f.email)}`);
  if (f.cohortId != null) c.push(`p.id IN (SELECT person_id FROM cohort_people WHERE team_id = ${sqlInt(f.teamId)} AND cohort_id = ${sqlInt(f.cohortId)})`);
  if (f.personIds) c.push(f.personIds.length ? `p.id IN (${f.personIds.map(sqlString).join(', ')})` : '0');
  return c.join(' AND ');
}

export async function countPersons(engine: ChildEngine, f: PersonFilter): Promise<number> {
  const r = await rows(engine, `SELECT count() FROM persons AS p WHERE ${where(f)}`);
  return Number(r[0][0]);
}

export async function listPersons(engine: ChildEngine, f: PersonFilter, limit: number, offset: number): Promise<PersonApi[]> {
  const data = await rows(
    engine,
    `SELECT p.id, any(p.properties), any(p.created_at), any(p.is_identified), groupArray(d.distinct_id)
     FROM (SELECT * FROM persons AS p WHERE ${where(f)} ORDER BY p.created_at DESC, p.id LIMIT ${sqlInt(limit)} OFFSET ${sqlInt(offset)}) AS p
     LEFT JOIN person_distinct_ids AS d ON d.person_id = p.id AND d.team_id = p.team_id
     GROUP BY p.id ORDER BY any(p.created_at) DESC, p.id`,
  );
  return data.map((r) => {
    const props = JSON.parse(String(r[1])) as Record<string, unknown>;
    const ids = (r[4] as string[]).filter((x) => x !== '').sort();
    return { id: String(r[0]), uuid: String(r[0]), name: displayName(props, ids), distinct_ids: ids, properties: props, created_at: iso(r[2]), is_identified: Number(r[3]) === 1, last_seen_at: null };
  });
}

export interface RecordingRow {
  session_id: string;
  distinct_id: string;
  start: string;
  end: string;
  clicks: number;
  keypresses: number;
  events: number;
  start_url: string;
  person_id: string;
}

export async function listSessions(engine: ChildEngine, teamId: number, o: { fromMs: number; toMs: number; limit: number; offset: number; sessionIds?: string[]; personId?: string | null; asc?: boolean }): Promise<RecordingRow[]> {
  const c = [`team_id = ${sqlInt(teamId)}`, "`$session_id` != ''", `timestamp >= fromUnixTimestamp64Milli(${sqlInt(o.fromMs)})`, `timestamp <= fromUnixTimestamp64Milli(${sqlInt(o.toMs)})`];
  if (o.sessionIds) c.push(o.sessionIds.length ? `\`$session_id\` IN (${o.sessionIds.map(sqlString).join(', ')})` : '0');
  if (o.personId) c.push(`person_id = toUUIDOrZero(${sqlString(o.personId)})`);
  const data = await rows(
    engine,
    `SELECT \`$session_id\`, argMin(distinct_id, timestamp), min(timestamp) AS s, max(timestamp),
       countIf(event = '$autocapture' AND JSONExtractString(properties, '$event_type') = 'click'),
       countIf(event = '$autocapture' AND JSONExtractString(properties, '$event_type') = 'change'),
       count(), argMin(JSONExtractString(properties, '$current_url'), timestamp), any(person_id)
     FROM events WHERE ${c.join(' AND ')} GROUP BY \`$session_id\` ORDER BY s ${o.asc ? 'ASC' : 'DESC'}, \`$session_id\`
     LIMIT ${sqlInt(o.limit)} OFFSET ${sqlInt(o.offset)}`,
  );
  return data.map((r) => ({ session_id: String(r[0]), distinct_id: String(r[1]), start: iso(r[2]), end: iso(r[3]), clicks: Number(r[4]), keypresses: Number(r[5]), events: Number(r[6]), start_url: String(r[7]), person_id: String(r[8]) }));
}
