/**
 * Measures the HogQL half's per-query overhead: runHogQLQuery over a real chdb engine versus the
 * same ClickHouse SQL sent to the engine directly. Run: npx tsx emulator/bench/hogqlOverhead.ts [events]
 */
import { generateDataset } from '../src/data/generate';
import { runHogQLQuery, sharedParsePool } from '../src/hogql';
import { TestEngine } from '../test/hogql/support/testEngine';

const QUERIES = [
  'select count() from events',
  'select event, count() from events group by event order by count() desc',
  "select properties.$browser, count() from events where event = '$pageview' group by properties.$browser",
];

function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))];
}

async function main(): Promise<void> {
  const events = Number(process.argv[2] ?? 200_000);
  const dataset = generateDataset({ seed: 1, events, days: 30, now: new Date('2025-01-31T00:00:00Z'), teamIds: [1] });
  const engine = new TestEngine(dataset);
  const runs = 30;
  for (const query of QUERIES) {
    const first = await runHogQLQuery({ query, teamId: 1, timezone: 'UTC' }, { engine, queryId: 'warm' });
    const sql = engine.queries[engine.queries.length - 1];
    const viaHogQL: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      await runHogQLQuery({ query, teamId: 1, timezone: 'UTC' }, { engine, queryId: `b${i}` });
      viaHogQL.push(performance.now() - t);
      t = performance.now();
      await engine.query(sql, { queryId: `d${i}` });
      direct.push(performance.now() - t);
    }
    const parse = first.timings.find((x) => x.k === './parse_select')?.t ?? 0;
    console.log(
      `${query}\n  hogql p50 ${percentile(viaHogQL, 0.5).toFixed(2)} ms  direct p50 ${percentile(direct, 0.5).toFixed(2)} ms  ` +
        `overhead p50 ${(percentile(viaHogQL, 0.5) - percentile(direct, 0.5)).toFixed(2)} ms (first parse ${(parse * 1000).toFixed(1)} ms)`,
    );
  }
  engine.close();
  await sharedParsePool().close();
}

void main();
