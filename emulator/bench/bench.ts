/**
 * Emulator benchmark: dataset generation + load time (100k and 1M events), then count() and a
 * GROUP BY over the 1M-event set, per query through HTTP (HogQL, force_blocking) vs the same
 * ClickHouse SQL on chdb directly in this process, and a big result (`SELECT * FROM events LIMIT
 * 50000`): time to the first body byte and to the full body over HTTP vs chdb producing the same
 * rows as JSONCompact (goal: first byte ≤ 2×, full body ≤ 3×).
 * Run: npx tsx emulator/bench/bench.ts [--big N]
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'chdb';
import { startEmulator } from '../src/index';

const RUNS = 15;
const BIG_RUNS = 5;
const BIG_HOGQL = 'SELECT * FROM events LIMIT 50000';
/** The emulator's ClickHouse SQL for BIG_HOGQL in project 1 (UTC), as its `clickhouse` field shows it. */
const BIG_SQL =
  "SELECT uuid, event, properties, toTimeZone(timestamp, 'UTC') AS timestamp, distinct_id, elements_chain, " +
  "toTimeZone(created_at, 'UTC') AS created_at, `$session_id`, `$window_id`, `$group_0`, `$group_1`, `$group_2`, `$group_3`, `$group_4` " +
  'FROM events WHERE team_id = 1 LIMIT 50001';

/** Time to the first body byte and to the end of the body of one force_blocking HogQL query. */
async function timedBody(url: string, key: string, query: string): Promise<{ first: number; full: number; bytes: number }> {
  const t = performance.now();
  const r = await fetch(`${url}/api/projects/1/query/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: { kind: 'HogQLQuery', query }, refresh: 'force_blocking' }),
  });
  if (r.status !== 200 || !r.body) throw new Error(`big result: HTTP ${r.status} ${await r.text()}`);
  const reader = r.body.getReader();
  let first = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (bytes === 0) first = performance.now() - t;
    bytes += value.byteLength;
  }
  return { first, full: performance.now() - t, bytes };
}
const bigArg = process.argv.indexOf('--big');
const BIG = bigArg > 0 ? Number(process.argv[bigArg + 1]) : 1_000_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function loadOnly(events: number): Promise<{ dir: string; genMs: number; loadMs: number; totalMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'emu-bench-'));
  const t0 = Date.now();
  const emu = await startEmulator({ port: 0, dataDir: dir, events, quiet: true, rateLimits: { enabled: false } });
  const totalMs = Date.now() - t0;
  await emu.close();
  const meta = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as { genMs: number; loadMs: number };
  return { dir, genMs: meta.genMs, loadMs: meta.loadMs, totalMs };
}

/** The big result over HTTP and from chdb directly, runs alternating; prints medians and ratios. */
async function bigResult(s: Session, url: string, key: string): Promise<void> {
  const first: number[] = [];
  const full: number[] = [];
  const direct: number[] = [];
  let bytes = 0;
  let directBytes = 0;
  for (let i = 0; i < BIG_RUNS; i++) {
    const r = await timedBody(url, key, BIG_HOGQL);
    first.push(r.first);
    full.push(r.full);
    bytes = r.bytes;
    const t = performance.now();
    directBytes = (await s.queryAsync(BIG_SQL, { format: 'JSONCompact' })).text().length;
    direct.push(performance.now() - t);
  }
  const [d, f, b] = [median(direct), median(first), median(full)];
  console.log(`\nBig result, ${BIG_HOGQL}, median of ${BIG_RUNS} alternating runs (HTTP force_blocking vs chdb Session.queryAsync JSONCompact text):`);
  console.log(`  HTTP first byte ${f.toFixed(0)} ms (${(f / d).toFixed(2)}x, goal <= 2x)   full body ${b.toFixed(0)} ms (${(b / d).toFixed(2)}x, goal <= 3x), ${(bytes / 1e6).toFixed(1)} MB`);
  console.log(`  chdb direct ${d.toFixed(0)} ms, ${(directBytes / 1e6).toFixed(1)} MB of JSONCompact`);
}

async function main(): Promise<void> {
  const small = await loadOnly(100_000);
  console.log(`100k events: generate ${small.genMs} ms, load ${small.loadMs} ms, emulator ready ${small.totalMs} ms`);
  const t1 = Date.now();
  const restart = await startEmulator({ port: 0, dataDir: small.dir, events: 100_000, quiet: true });
  console.log(`100k events: restart on the existing data dir ${Date.now() - t1} ms (reused: ${restart.reusedData})`);
  await restart.close();
  rmSync(small.dir, { recursive: true, force: true });

  const bigData = await loadOnly(BIG);
  console.log(`${BIG} events: generate ${bigData.genMs} ms, load ${bigData.loadMs} ms, emulator ready ${bigData.totalMs} ms`);

  const directCopy = join(bigData.dir, 'chdb-direct');
  cpSync(join(bigData.dir, 'chdb'), directCopy, { recursive: true });
  const emu = await startEmulator({ port: 0, dataDir: bigData.dir, events: BIG, quiet: true, rateLimits: { enabled: false } });
  const queries = [
    { name: 'count()', hogql: 'select count() from events', sql: 'SELECT count() FROM events WHERE team_id = 1' },
    { name: 'GROUP BY event', hogql: 'select event, count() as c from events group by event order by c desc', sql: 'SELECT event, count() AS c FROM events WHERE team_id = 1 GROUP BY event ORDER BY c DESC LIMIT 101' },
    {
      name: 'GROUP BY $browser',
      hogql: 'select properties.$browser as b, count() as c from events group by b order by c desc',
      sql: "SELECT JSONExtractString(properties, '$browser') AS b, count() AS c FROM events WHERE team_id = 1 GROUP BY b ORDER BY c DESC LIMIT 101",
    },
  ];
  const http: Record<string, number> = {};
  const chSql: Record<string, string> = {};
  for (const q of queries) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const r = await fetch(`${emu.url}/api/projects/1/query/`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${emu.personalKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: { kind: 'HogQLQuery', query: q.hogql }, refresh: 'force_blocking' }),
      });
      const body = (await r.json()) as { clickhouse?: string; results?: unknown[][] };
      if (r.status !== 200) throw new Error(`${q.name}: HTTP ${r.status} ${JSON.stringify(body)}`);
      times.push(performance.now() - t);
      chSql[q.name] = body.clickhouse ?? '';
    }
    http[q.name] = median(times);
  }
  // chdb in this process reads a copy of the engine's data (the emulator owns its data dir), so
  // the big-result runs alternate with direct runs under the same machine load.
  const s = new Session(directCopy);
  s.query("SET session_timezone='UTC'");
  s.query('SET output_format_json_quote_64bit_integers=1');
  await bigResult(s, emu.url, emu.personalKey);
  await emu.close();

  console.log(`\nPer query, median of ${RUNS} (force_blocking over HTTP vs chdb Session.queryAsync in-process, ${BIG} events):`);
  for (const q of queries) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      (await s.queryAsync(q.sql, { format: 'JSONCompact' })).text();
      times.push(performance.now() - t);
    }
    const direct = median(times);
    console.log(`  ${q.name.padEnd(18)} HTTP ${http[q.name].toFixed(1)} ms   chdb direct ${direct.toFixed(1)} ms   ratio ${(http[q.name] / direct).toFixed(1)}x`);
    console.log(`    emulator's ClickHouse SQL: ${chSql[q.name].replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  s.close();
  rmSync(bigData.dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
