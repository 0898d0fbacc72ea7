/**
 * Formatter benchmark (issue #18). Run: node --import tsx scripts/bench/format.ts
 * A 1,000-line HogQL file (100 ten-line statements with comments, joins, long select lists and
 * boolean chains) formatted cold and warm; goal ≤ 50 ms. Baselines: ClickHouse's own `formatQuery`
 * (through the emulator's chdb) on the statements it parses — the same file without the HogQL-only
 * `{filters}` placeholder, one statement per call of `formatQueryOrNull` in one query, beside ours on
 * that same text (ClickHouse drops comments: it prints its AST) — and the npm `sql-formatter` when it
 * is installed (it is not a dependency of the project).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatHogQL } from '../../src/language/hogql/format';

const GOAL_MS = 50;

function thousandLines(): string {
  const stmt = (i: number): string => [
    `-- statement ${i}`,
    `select e.event, count() as c${i}, uniq(e.person_id) as users, toStartOfDay(e.timestamp) as day,`,
    `  properties.$browser as browser, /* inline */ arrayMap(x -> x * 2, [1, 2]) as doubled`,
    'from events e',
    '  left join persons p on p.id = e.person_id',
    `where e.event in ('$pageview', 'signed_up') and e.timestamp > now() - interval ${i + 1} day -- recent`,
    "  and person.properties.email ilike '%@example.com' and e.properties.x between 1 and 2 or {filters}",
    'group by e.event, day, browser',
    `order by c${i} desc`,
    'limit 100;',
  ].join('\n');
  return Array.from({ length: 100 }, (_, i) => stmt(i)).join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeRuns(fn: (run: number) => void, runs: number): { cold: number; median: number } {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn(r);
    times.push(performance.now() - t0);
  }
  return { cold: times[0], median: median(times.slice(1)) };
}

function baseline(text: string): void {
  let sqlFormatter: { format(sql: string): string } | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sqlFormatter = require('sql-formatter') as { format(sql: string): string };
  } catch {
    console.log('baseline: npm `sql-formatter` is not installed (not a dependency): no baseline this run');
    return;
  }
  try {
    const t = timeRuns(() => sqlFormatter!.format(text), 11);
    console.log(`baseline sql-formatter  cold ${t.cold.toFixed(1)} ms  median ${t.median.toFixed(1)} ms`);
  } catch (e) {
    console.log(`baseline: sql-formatter does not parse this HogQL (${(e as Error).message.split('\n')[0]})`);
  }
}

const sqlString = (v: string): string => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function clickhouseBaseline(text: string): void {
  let chdb: { query(sql: string, format: string): string };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    chdb = require(join(__dirname, '../../emulator/node_modules/chdb')) as typeof chdb;
  } catch {
    console.log('baseline: chdb (emulator/node_modules) is not installed: no ClickHouse baseline this run');
    return;
  }
  const statements = text.replace(/ or \{filters\}/g, '').split(';').map((t) => t.trim()).filter(Boolean);
  const sql = `SELECT countIf(f IS NOT NULL), sum(length(f)) FROM (SELECT formatQueryOrNull(s) AS f FROM (SELECT arrayJoin([${statements.map(sqlString).join(', ')}]) AS s))`;
  const [parsed] = chdb.query(sql, 'TSV').trim().split('\t');
  const empty = timeRuns(() => chdb.query('SELECT 1', 'TSV'), 11);
  const ch = timeRuns(() => chdb.query(sql, 'TSV'), 11);
  const same = `${statements.join(';\n')};`;
  const ours = timeRuns((r) => formatHogQL(same + ' '.repeat(r + 1)), 11);
  console.log(
    `baseline ClickHouse formatQuery (chdb): parses ${parsed} of ${statements.length} statements (without {filters}); ` +
      `median ${ch.median.toFixed(1)} ms (an empty chdb query: ${empty.median.toFixed(1)} ms); ours on the same text ${ours.median.toFixed(1)} ms ` +
      `(${(ch.median / ours.median).toFixed(1)}x faster than ClickHouse's)`,
  );
}

const text = thousandLines();
const lines = text.split('\n').length;
// a different text each run: the lexer keeps the last document it lexed
const ours = timeRuns((r) => formatHogQL(text + ' '.repeat(r + 1)), 21);
const out = formatHogQL(text);
console.log(`## HogQL formatter: ${lines}-line file (${(text.length / 1024).toFixed(0)} KiB) → ${out.split('\n').length} lines`);
console.log(`ours  cold ${ours.cold.toFixed(1)} ms  median of 20 warm ${ours.median.toFixed(1)} ms  (goal ≤ ${GOAL_MS} ms: ${ours.median <= GOAL_MS ? 'met' : 'NOT met'})`);
console.log(`idempotent: ${formatHogQL(out) === out}`);
clickhouseBaseline(text);
baseline(text);
