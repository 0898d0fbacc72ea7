/**
 * Layout of the data dir: `chdb/` (engine data, locked by the child), `dataset.json` (what was
 * loaded, so a restart with the same seed/size reuses it), `state.json` (REST objects), `tmp/`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../engine/schema';
import { writeJsonAtomic } from '../state/atomic';

export interface DatasetMeta {
  schemaVersion: number;
  seed: number;
  events: number;
  days: number;
  teamIds: number[];
  /** ISO time the dataset was generated against. */
  now: string;
  loadedAt: string;
  loadMs: number;
}

export function dataPaths(dataDir: string) {
  return {
    chdb: join(dataDir, 'chdb'),
    meta: join(dataDir, 'dataset.json'),
    state: join(dataDir, 'state.json'),
    tmp: join(dataDir, 'tmp'),
  };
}

export function readMeta(dataDir: string): DatasetMeta | null {
  const { meta, chdb } = dataPaths(dataDir);
  if (!existsSync(meta) || !existsSync(chdb)) return null;
  try {
    return JSON.parse(readFileSync(meta, 'utf8')) as DatasetMeta;
  } catch {
    return null;
  }
}

export function metaMatches(meta: DatasetMeta | null, want: { seed: number; events: number; days: number; teamIds: number[] }): meta is DatasetMeta {
  return (
    meta !== null &&
    meta.schemaVersion === SCHEMA_VERSION &&
    meta.seed === want.seed &&
    meta.events === want.events &&
    meta.days === want.days &&
    JSON.stringify(meta.teamIds) === JSON.stringify(want.teamIds)
  );
}

export function writeMeta(dataDir: string, meta: DatasetMeta): void {
  writeJsonAtomic(dataPaths(dataDir).meta, meta);
}

/** Remove only what the emulator put there (never the whole directory). */
export function resetDataDir(dataDir: string): void {
  const p = dataPaths(dataDir);
  for (const path of [p.chdb, p.meta, p.state, p.tmp]) rmSync(path, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
}
