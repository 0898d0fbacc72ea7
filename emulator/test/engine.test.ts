/** The engine child: read-only hardening, real cancellation, timeouts, progress, non-blocking. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildEngine } from '../src/engine/engine';
import { ALL_DDL } from '../src/engine/schema';
import { EngineError, type QueryProgress } from '../src/engine/types';
import { waitFor } from './support/harness';
import type { ApiError } from '../src/server/errors';
import { toApiError } from '../src/server/queryAdapter';

const LONG = 'SELECT count() FROM numbers(1000000000000) WHERE sleepEachRow(0) = 0 OR 1';

describe('engine (chdb child process)', function () {
  this.timeout(30_000);
  let dir: string;
  let engine: ChildEngine;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'emu-engine-'));
    engine = new ChildEngine({ dataDir: dir, killGraceMs: 3000 });
    await engine.start();
    for (const ddl of ALL_DDL) await engine.exec(ddl);
    await engine.insert('persons', { text: JSON.stringify({ id: '00000000-0000-4000-8000-000000000001', team_id: 1, properties: '{"a":1}', created_at: '2025-01-01T00:00:00Z', is_identified: 1, version: 0, is_deleted: 0 }) });
  });
  after(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function rejects(sql: string): Promise<EngineError> {
    try {
      await engine.query(sql, { queryId: 'ro' });
    } catch (e) {
      assert.ok(e instanceof EngineError, String(e));
      return e;
    }
    assert.fail(`expected ${sql} to be refused`);
  }

  it('answers JSONCompact with 64-bit integers quoted and UTC timestamps', async () => {
    const r = JSON.parse((await engine.query("SELECT count() AS c, toInt64(9007199254740993) AS big, created_at FROM persons GROUP BY created_at", { queryId: 'q1' })).text);
    assert.deepEqual(r.meta.map((m: { name: string }) => m.name), ['c', 'big', 'created_at']);
    assert.deepEqual(r.data[0], ['1', '9007199254740993', '2025-01-01 00:00:00.000000']);
    assert.equal(typeof r.statistics.elapsed, 'number');
  });

  it("reads whole results in ClickHouse's default blocks; only a streamed result is cut into blocks of 4,096 rows (issue #15)", async () => {
    // Small blocks cost every query (count() over 1M events: 5.0 vs 3.7 ms in chdb); only a
    // streamed result needs them, so its first rows can leave before the whole result is formatted.
    const sql = 'SELECT max(blockSize()) FROM numbers(100000)';
    const whole = JSON.parse((await engine.query(sql, { queryId: 'bs1' })).text);
    assert.equal(whole.data[0][0], '65409');
    let streamed = '';
    await engine.queryStream(sql, { queryId: 'bs2' }, (text) => (streamed += text));
    assert.equal(streamed.trim().split('\n')[2], '["4096"]');
    // And the whole-result reader is locked down like the streaming one.
    assert.equal((await rejects('SET max_block_size = 10')).clickhouseCode, 164);
  });

  it('refuses files, urls, writes and settings changes from user SQL (readonly=1)', async () => {
    assert.equal((await rejects("SELECT * FROM file('/etc/passwd', 'LineAsString')")).clickhouseCode, 164);
    assert.equal((await rejects("INSERT INTO FUNCTION file('/tmp/emu-should-not-exist.txt') SELECT 1")).clickhouseCode, 164);
    assert.equal((await rejects("SELECT * FROM url('http://127.0.0.1:9/x', 'LineAsString')")).clickhouseCode, 164);
    assert.equal((await rejects("INSERT INTO persons (team_id) VALUES (1)")).clickhouseCode, 164);
    assert.equal((await rejects('DROP TABLE persons')).clickhouseCode, 164);
    assert.equal((await rejects('SET readonly = 0')).clickhouseCode, 164);
    assert.equal((await rejects('SELECT 1 SETTINGS readonly = 0')).clickhouseCode, 164);
    // The table is intact.
    const r = JSON.parse((await engine.query('SELECT count() FROM persons', { queryId: 'q2' })).text);
    assert.equal(r.data[0][0], '1');
  });

  it('stops the engine work when the signal aborts, while the event loop keeps running', async () => {
    const ac = new AbortController();
    const progress: QueryProgress[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const p = engine.query(LONG, { queryId: 'long-1', signal: ac.signal, onProgress: (x) => progress.push(x) });
    await waitFor(async () => (await engine.engineRunning()).includes('long-1'), 10_000, 'query visible in system.processes');
    await waitFor(() => progress.length > 0 && progress[progress.length - 1].rows_read > 0, 10_000, 'progress');
    const ticksBefore = ticks;
    await waitFor(() => ticks > ticksBefore + 5, 5000, 'event loop ticks during the query');
    ac.abort();
    await assert.rejects(p, (e: EngineError) => e.clickhouseCode === 394);
    const info = (await waitFor(() => engine.log.list().find((q) => q.queryId === 'long-1' && q.state === 'cancelled'), 5000, 'cancelled state'))!;
    assert.equal(info.engineStopped, true);
    await waitFor(async () => !(await engine.engineRunning()).includes('long-1'), 5000, 'query gone from system.processes');
    clearInterval(timer);
    assert.ok(progress[0].estimated_rows_total > 0);
  });

  it('enforces max_execution_time per query (code 159)', async () => {
    const t0 = Date.now();
    await assert.rejects(engine.query(LONG, { queryId: 'to', timeoutSeconds: 1 }), (e: EngineError) => e.clickhouseCode === 159);
    assert.ok(Date.now() - t0 < 8000);
  });

  it('SIGKILLs and restarts the child when a cancelled query does not stop in time', async () => {
    const fast = new ChildEngine({ dataDir: join(dir, 'k'), killGraceMs: 0 });
    try {
      await fast.start();
      const pid = fast.childPid;
      const ac = new AbortController();
      const p = fast.query(LONG, { queryId: 'kill-me', signal: ac.signal });
      await waitFor(async () => (await fast.engineRunning()).includes('kill-me'), 10_000, 'running');
      ac.abort();
      await assert.rejects(p);
      const info = (await waitFor(() => fast.log.list().find((q) => q.queryId === 'kill-me' && q.endedAt), 5000, 'ended'))!;
      assert.equal(info.state, 'cancelled');
      assert.equal(info.engineStopped, true);
      const r = JSON.parse((await fast.query('SELECT 1', { queryId: 'after' })).text);
      assert.equal(r.data[0][0], 1);
      if (info.stoppedBy === 'child_killed') assert.notEqual(fast.childPid, pid);
    } finally {
      await fast.close();
    }
  });
  it('a per-query memory limit reaches the API as PostHog 513 clickhouse_memory_limit_exceeded, not engine text', async () => {
    const small = new ChildEngine({ dataDir: mkdtempSync(join(tmpdir(), 'emu-engine-mem-')), limits: { maxMemoryUsage: 20_000_000 } });
    try {
      await small.start();
      let failure: unknown;
      await small.query('SELECT groupArray(number) FROM numbers(50000000)', { queryId: 'mem' }).catch((e) => (failure = e));
      assert.ok(failure instanceof EngineError, String(failure));
      const api = toApiError(failure) as ApiError;
      assert.deepEqual([api.status, api.body().code], [513, 'clickhouse_memory_limit_exceeded']);
      assert.match(api.detail, /^This query ran out of memory before it could finish/);
    } finally {
      await small.close();
    }
  });
});
