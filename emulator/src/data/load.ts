/**
 * Loads a generated dataset into the engine through its writer path: rows become JSONEachRow
 * text in chunks, written to a temp file the child reads as a Buffer (chdb notes: Buffer inserts
 * are the fast path; this keeps big strings off the IPC channel).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildEngine } from '../engine/engine';
import type { Dataset, EventRow } from './types';

const CHUNK_ROWS = 50_000;

/** Events of one person share its properties object: serialize it once. */
const personJson = new WeakMap<object, string>();

function jsonOnce(o: Record<string, unknown>): string {
  let s = personJson.get(o);
  if (s === undefined) personJson.set(o, (s = JSON.stringify(o)));
  return s;
}

export function eventToJsonRow(e: EventRow): string {
  return JSON.stringify({
    ...e,
    properties: JSON.stringify(e.properties),
    person_properties: jsonOnce(e.person_properties),
  });
}

async function insertChunked<T>(engine: ChildEngine, tmpDir: string, table: string, rows: readonly T[], line: (r: T) => string): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const parts: string[] = [];
    const end = Math.min(rows.length, i + CHUNK_ROWS);
    for (let j = i; j < end; j++) parts.push(line(rows[j]));
    const file = join(tmpDir, `${table}-${i}.jsonl`);
    writeFileSync(file, parts.join('\n'));
    try {
      written += await engine.insert(table, { file });
    } finally {
      rmSync(file, { force: true });
    }
  }
  return written;
}

export interface LoadStats {
  events: number;
  persons: number;
  distinctIds: number;
  cohortPeople: number;
  ms: number;
}

export async function loadDataset(engine: ChildEngine, dataset: Dataset, tmpDir: string): Promise<LoadStats> {
  const t0 = Date.now();
  mkdirSync(tmpDir, { recursive: true });
  const persons = await insertChunked(engine, tmpDir, 'persons', dataset.persons, (p) => JSON.stringify({ ...p, properties: JSON.stringify(p.properties) }));
  const distinctIds = await insertChunked(engine, tmpDir, 'person_distinct_ids', dataset.distinctIds, (d) => JSON.stringify(d));
  const cohortPeople = await insertChunked(engine, tmpDir, 'cohort_people', dataset.cohortPeople, (c) => JSON.stringify(c));
  const events = await insertChunked(engine, tmpDir, 'events', dataset.events, eventToJsonRow);
  return { events, persons, distinctIds, cohortPeople, ms: Date.now() - t0 };
}
