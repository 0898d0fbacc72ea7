/**
 * The events generated inside the engine (issue #15: 1M events ready in ≤ 10 s): the per-event
 * INSERT … SELECT must run on every core (no window function in it, which makes a single stream;
 * the window runs over the sessions only, in their own table), and the data stays exactly what
 * the seed gave before (the digest below was taken from the single-statement generator).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventsLoadSql } from '../src/data/sqlEvents';
import { loadSqlDataset } from '../src/data/sqlLoad';
import { ChildEngine } from '../src/engine/engine';
import { ALL_DDL } from '../src/engine/schema';

const TEAM = { teamId: 1, host: 'hedgebox.net', count: 50_000, people: 2000, startMs: Date.UTC(2026, 10, 6), latestMs: Date.UTC(2026, 11, 6) };

describe('events generated in the engine', function () {
  this.timeout(120_000);

  it('computes the per-event rows without a window function (one stream) and writes them with two threads', () => {
    const statements = eventsLoadSql(42, TEAM);
    const insert = statements.find((s) => s.startsWith('INSERT INTO events'));
    assert.ok(insert, statements.join('\n'));
    assert.doesNotMatch(insert, /\bOVER\s*\(/);
    assert.match(insert, /max_insert_threads = 2/);
    assert.ok(statements.some((s) => /\bOVER\s*\(/.test(s) && s.startsWith('CREATE TABLE')), 'the sessions window runs in its own statement');
  });

  it('loads exactly the events the seed gave before (same uuids, names, properties, times, persons)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-sqlevents-'));
    const engine = new ChildEngine({ dataDir: join(dir, 'chdb') });
    try {
      await engine.start();
      for (const ddl of ALL_DDL) await engine.exec(ddl);
      await loadSqlDataset(engine, { seed: 42, events: 100_000, days: 30, now: new Date('2026-12-06T13:00:00Z'), teamIds: [1, 2] }, join(dir, 'tmp'));
      const digest =
        'SELECT toString(sum(cityHash64(toString(uuid), team_id, event, properties, toString(timestamp), toString(created_at), distinct_id, toString(person_id), ' +
        'person_properties, toString(person_created_at), elements_chain, `$session_id`, `$window_id`, `$group_0`, `$group_1`, `$group_2`))), count() FROM events';
      const events = JSON.parse((await engine.query(digest, { queryId: 'd' })).text).data[0];
      assert.deepEqual(events, ['7411677588865050049', '100000']);
      const cohorts = JSON.parse((await engine.query('SELECT toString(sum(cityHash64(*))), count() FROM cohort_people', { queryId: 'c' })).text).data[0];
      assert.deepEqual(cohorts, ['14012848861403535294', '1748']);
    } finally {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
