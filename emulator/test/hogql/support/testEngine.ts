/**
 * A test engine over an in-process chdb Session with the same session settings as the real
 * engine (session_timezone='UTC', output_format_json_quote_64bit_integers=1, readonly=1), loaded
 * with rows shaped like the generator's. Used only by the HogQL tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
import chdb = require('chdb');
import { ALL_DDL } from '../../../src/engine/schema';
import { staticCohortRows } from '../../../src/data/cohorts';
import type { Dataset } from '../../../src/data/types';
import type { EngineQueryOptions, HogQLEngine } from '../../../src/hogql/types';

export class EngineFailure extends Error {
  constructor(message: string, readonly clickhouseCode?: number) {
    super(message);
  }
}

export class TestEngine implements HogQLEngine {
  readonly queries: string[] = [];
  private readonly dir: string;
  private readonly session: InstanceType<typeof chdb.Session>;

  constructor(dataset: Partial<Dataset>) {
    this.dir = mkdtempSync(join(tmpdir(), 'hogql-test-'));
    this.session = new chdb.Session(this.dir);
    for (const ddl of ALL_DDL) this.session.query(ddl);
    const insert = (table: string, lines: string[]) => {
      if (lines.length === 0) return;
      this.session.query(`INSERT INTO ${table} SETTINGS date_time_input_format='best_effort' FORMAT JSONEachRow\n${lines.join('\n')}`);
    };
    insert('persons', (dataset.persons ?? []).map((p) => JSON.stringify({ ...p, properties: JSON.stringify(p.properties) })));
    insert('person_distinct_ids', (dataset.distinctIds ?? []).map((d) => JSON.stringify(d)));
    insert('cohort_people', (dataset.cohortPeople ?? []).map((c) => JSON.stringify(c)));
    insert('person_static_cohort', staticCohortRows(dataset.cohorts ?? []).map((c) => JSON.stringify(c)));
    insert('events', (dataset.events ?? []).map((e) => JSON.stringify({ ...e, properties: JSON.stringify(e.properties), person_properties: JSON.stringify(e.person_properties) })));
    this.session.query("SET session_timezone = 'UTC'");
    this.session.query('SET output_format_json_quote_64bit_integers = 1');
    this.session.query('SET max_execution_time = 30');
    this.session.query('SET readonly = 1');
  }

  async query(sql: string, options: EngineQueryOptions): Promise<{ text: string }> {
    void options;
    this.queries.push(sql);
    try {
      const result = await this.session.queryAsync(sql, { format: 'JSONCompact' });
      return { text: result.text() };
    } catch (err) {
      // A query that fails while executing leaves its partial output in the Session, and chdb
      // prepends it to the next result; one throwaway query takes it (the real engine's child does
      // the same after every failure).
      await this.session.queryAsync('SELECT 1', { format: 'JSONCompact' }).catch(() => undefined);
      const message = String((err as Error).message ?? err);
      const code = (err as { clickhouseCode?: number }).clickhouseCode ?? Number(/Code: (\d+)/.exec(message)?.[1] ?? NaN);
      throw new EngineFailure(message, Number.isFinite(code) ? code : undefined);
    }
  }

  /** Run SQL directly (tests use it to compare against hand-written ClickHouse). */
  raw(sql: string): string {
    return this.session.query(sql, 'JSONCompact');
  }

  close(): void {
    this.session.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
