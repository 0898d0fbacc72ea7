/**
 * The emulator's dataset load: persons and distinct ids from the seeded JS generator (a few
 * thousand rows), events generated inside the engine (`sqlEvents.ts`), then the cohorts, whose
 * "Power users" ranking reads the loaded events back. `generateDataset` (all in JS) stays the pure
 * reference the HogQL corpus tests compute their answers from; this path makes 1M events ready in
 * seconds instead of a minute.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildEngine } from '../engine/engine';
import { parseCompact, sqlInt } from '../query/sql';
import { cohortPeopleRows, generateCohorts, staticCohortRows } from './cohorts';
import { DAY_MS, SESSION_END_MARGIN_MS, siteHost, teamEventCounts } from './generate';
import { generateGroups, personGroups, type GroupRow } from './groups';
import { generatePersons, type SimPerson } from './persons';
import { Rng } from './prng';
import { eventsLoadSql, SIM_PEOPLE_DDL } from './sqlEvents';
import type { CohortRow, GenerateOptions } from './types';

export interface SqlLoadResult {
  cohorts: CohortRow[];
  genMs: number;
  loadMs: number;
}

async function insertLines(engine: ChildEngine, tmpDir: string, table: string, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  const file = join(tmpDir, `${table}.jsonl`);
  writeFileSync(file, lines.join('\n'));
  try {
    await engine.insert(table, { file });
  } finally {
    rmSync(file, { force: true });
  }
}

function simPeopleLine(teamId: number, idx: number, p: SimPerson): string {
  const d = p.devices[0];
  const groups = personGroups(p.row);
  return JSON.stringify({
    team_id: teamId, idx, person_id: p.row.id, person_properties: JSON.stringify(p.row.properties), person_created_at: p.row.created_at,
    created_ms: Math.floor(p.createdMs), anon_id: d.anonId, user_id: p.userId ?? '', os: d.os, os_version: d.osVersion, device_type: d.deviceType,
    lib: d.lib, browser: d.browser, browser_version: d.browserVersion, screen_width: d.screenWidth, screen_height: d.screenHeight,
    country: p.country[0], city: p.country[1], group_0: groups.$group_0, group_1: groups.$group_1,
  });
}

function groupLine(g: GroupRow): string {
  return JSON.stringify({ ...g, group_properties: JSON.stringify(g.group_properties), _timestamp: g.created_at.slice(0, 19).replace('T', ' '), _offset: 0 });
}

async function personEventCounts(engine: ChildEngine, teamId: number): Promise<Map<string, number>> {
  const r = await engine.query(`SELECT toString(person_id), count() FROM events WHERE team_id = ${sqlInt(teamId)} GROUP BY person_id`, { queryId: `internal-load-${teamId}` });
  return new Map(parseCompact(r.text).data.map(([id, c]) => [String(id), Number(c)]));
}

/** Generates and loads the dataset of `opts` into the engine's (empty) tables. */
export async function loadSqlDataset(engine: ChildEngine, opts: GenerateOptions, tmpDir: string): Promise<SqlLoadResult> {
  mkdirSync(tmpDir, { recursive: true });
  const t0 = Date.now();
  const nowMs = opts.now.getTime();
  const startMs = nowMs - opts.days * DAY_MS;
  const counts = teamEventCounts(opts.events, opts.teamIds.length);
  const teams = opts.teamIds.map((teamId, i) => {
    const rng = new Rng(opts.seed * 1000 + i + 1);
    const people = generatePersons(rng, teamId, Math.max(20, Math.round(counts[i] / 25)), startMs, nowMs, opts.days);
    return { teamId, i, rng, ...people };
  });
  const genMs = Date.now() - t0;
  await engine.exec(SIM_PEOPLE_DDL);
  await insertLines(engine, tmpDir, 'person_distinct_ids', teams.flatMap((t) => t.distinctIds.map((d) => JSON.stringify(d))));
  const groups = teams.flatMap((t) => generateGroups(t.teamId, t.people.map((p) => p.row)));
  await insertLines(engine, tmpDir, 'groups', groups.map(groupLine));
  await insertLines(engine, tmpDir, 'sim_people', teams.flatMap((t) => t.people.map((p, idx) => simPeopleLine(t.teamId, idx, p))));
  // The persons rows are the simulated people's (identified = has a user id): one JSON parse, not two.
  await engine.exec(
    'INSERT INTO persons (id, team_id, properties, created_at, is_identified, version, is_deleted) ' +
      "SELECT person_id, team_id, person_properties, person_created_at, user_id != '', 0, 0 FROM sim_people",
  );
  const cohorts: CohortRow[] = [];
  for (const t of teams) {
    const team = { teamId: t.teamId, host: siteHost(t.i), count: counts[t.i], people: t.people.length, startMs, latestMs: nowMs - SESSION_END_MARGIN_MS };
    for (const sql of eventsLoadSql(opts.seed, team)) await engine.exec(sql);
    cohorts.push(...generateCohorts(t.rng, t.teamId, cohorts.length + 1, t.people.map((p) => p.row), await personEventCounts(engine, t.teamId)));
  }
  await engine.exec('DROP TABLE IF EXISTS sim_people');
  await insertLines(engine, tmpDir, 'cohort_people', cohortPeopleRows(cohorts).map((c) => JSON.stringify(c)));
  await insertLines(engine, tmpDir, 'person_static_cohort', staticCohortRows(cohorts).map((c) => JSON.stringify(c)));
  return { cohorts, genMs, loadMs: Date.now() - t0 - genMs };
}
