/**
 * Opens the data dir: starts the engine child on `chdb/`, and either reuses the loaded dataset
 * (same seed/size/teams → fast restart) or creates the tables and loads a fresh one.
 */
import { mkdirSync } from 'node:fs';
import { ChildEngine } from '../engine/engine';
import { ALL_DDL, SCHEMA_VERSION } from '../engine/schema';
import { dataPaths, metaMatches, readMeta, resetDataDir, writeMeta, type DatasetMeta } from './dataDir';
import { loadSqlDataset } from './sqlLoad';
import type { CohortSummary } from './resources/seed';

export interface Opened {
  engine: ChildEngine;
  meta: DatasetMeta & { cohorts: CohortSummary[] };
  reused: boolean;
}

export async function openData(o: { dataDir: string; seed: number; events: number; days: number; teamIds: number[]; reset: boolean; now?: Date; queryTimeoutSeconds: number }): Promise<Opened> {
  mkdirSync(o.dataDir, { recursive: true });
  const paths = dataPaths(o.dataDir);
  const old = o.reset ? null : readMeta(o.dataDir);
  const reuse = metaMatches(old, o);
  if (!reuse) resetDataDir(o.dataDir);
  const engine = new ChildEngine({ dataDir: paths.chdb, limits: { maxExecutionTime: o.queryTimeoutSeconds } });
  try {
    await engine.start();
    if (reuse) return { engine, meta: old as Opened['meta'], reused: true };
    for (const ddl of ALL_DDL) await engine.exec(ddl);
    const now = o.now ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const loaded = await loadSqlDataset(engine, { seed: o.seed, events: o.events, days: o.days, now, teamIds: o.teamIds }, paths.tmp);
    const cohorts = loaded.cohorts.map(({ person_ids, ...c }) => ({ ...c, count: person_ids.length }));
    const meta = { schemaVersion: SCHEMA_VERSION, seed: o.seed, events: o.events, days: o.days, teamIds: o.teamIds, now: now.toISOString(), loadedAt: new Date().toISOString(), loadMs: loaded.loadMs, genMs: loaded.genMs, cohorts };
    writeMeta(o.dataDir, meta);
    return { engine, meta, reused: false };
  } catch (err) {
    await engine.close();
    throw err;
  }
}
