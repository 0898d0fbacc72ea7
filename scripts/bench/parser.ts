/**
 * Parser benchmark. Run: node --import tsx scripts/bench/parser.ts
 * 1. Our parser vs @posthog/hogql-parser on the corpus statements PostHog accepts.
 * 2. Parse time of a generated 1,000-line file (100 ten-line statements) and of one 1,000-line query.
 * 3. Completion-context latency (incl. filtering 5k event names / 20k property names).
 */
import { performance } from 'node:perf_hooks';
import { completionContext } from '../../src/language/hogql/completion';
import { NameIndex } from '../../src/language/hogql/filter';
import { parse, parseStatement } from '../../src/language/hogql/parse';
import { corpusInputs, PostHog } from '../../test/unit/language/support/differential';

function stats(samples: number[]): { p50: number; p95: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p95: at(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const ms = (x: number): string => `${x.toFixed(3)} ms`;

async function versusPostHog(): Promise<void> {
  const ph = await new PostHog().get();
  const inputs = corpusInputs().filter((i) => !JSON.parse(ph.parseSelect(i.text)).error).map((i) => i.text);
  for (const q of inputs) parseStatement(q);
  const rounds = 5;
  let ours = Infinity;
  let theirs = Infinity;
  for (let r = 0; r < rounds; r++) {
    ours = Math.min(ours, time(() => inputs.forEach((q) => parseStatement(q))));
    theirs = Math.min(theirs, time(() => inputs.forEach((q) => ph.parseSelect(q))));
  }
  console.log(`## Corpus (${inputs.length} statements PostHog accepts), best of ${rounds} rounds`);
  console.log(`ours     total ${ms(ours)}  per statement ${ms(ours / inputs.length)}`);
  console.log(`PostHog  total ${ms(theirs)}  per statement ${ms(theirs / inputs.length)}`);
  console.log(`speed-up ${(theirs / ours).toFixed(0)}x (goal >= 100x)\n`);
}

function thousandLines(): { file: string; query: string } {
  const stmt = (i: number): string => [
    `-- statement ${i}`,
    `SELECT e.event, count() AS c${i}, uniq(e.person_id) AS users,`,
    `  toStartOfDay(e.timestamp) AS day, properties.$browser AS browser`,
    'FROM events e',
    '  LEFT JOIN persons p ON p.id = e.person_id',
    `WHERE e.event IN ('$pageview', 'signed_up') AND e.timestamp > now() - INTERVAL ${i + 1} DAY`,
    '  AND person.properties.email ILIKE \'%@example.com\'',
    'GROUP BY e.event, day, browser',
    'ORDER BY c' + i + ' DESC',
    'LIMIT 100;',
  ].join('\n');
  const file = Array.from({ length: 100 }, (_, i) => stmt(i)).join('\n');
  const items = Array.from({ length: 998 }, (_, i) => `  if(properties.p${i} = 'x', toFloat(properties.v${i}) * ${i}, 0) AS c${i},`);
  const query = ['SELECT', ...items, '  1 AS last FROM events'].join('\n');
  return { file, query };
}

function bigFiles(): void {
  const { file, query } = thousandLines();
  for (let i = 0; i < 5; i++) parse(file);
  const fileTimes = Array.from({ length: 30 }, () => time(() => parse(file)));
  const queryTimes = Array.from({ length: 30 }, () => time(() => parse(query)));
  const f = stats(fileTimes);
  const q = stats(queryTimes);
  console.log(`## Generated 1,000-line inputs (30 runs)`);
  console.log(`100 statements x 10 lines (${file.split('\n').length} lines, ${file.length} chars): p50 ${ms(f.p50)}  p95 ${ms(f.p95)}`);
  console.log(`one query, 1,000 lines of select items (${query.length} chars): p50 ${ms(q.p50)}  p95 ${ms(q.p95)}\n`);
}

function completionLatency(): void {
  const events = new NameIndex(Array.from({ length: 5000 }, (_, i) => (i % 10 === 0 ? `$event_${i}` : `custom event ${i}`)));
  const props = new NameIndex(Array.from({ length: 20000 }, (_, i) => (i % 3 === 0 ? `$prop_${i}` : `property_${i}_value`)));
  const { file } = thousandLines();
  const probes = [
    { marker: "e.event IN ('", insert: '$ev' },
    { marker: 'AS browser', insert: '' },
    { marker: 'properties.$browser', insert: '' },
    { marker: 'WHERE ', insert: '' },
  ];
  const samples: number[] = [];
  let results = 0;
  for (let run = 0; run < 400; run++) {
    const probe = probes[run % probes.length];
    const stmtStart = file.indexOf(`-- statement ${(run * 7) % 100}\n`);
    const at = file.indexOf(probe.marker, stmtStart) + (probe.marker === 'properties.$browser' ? 'properties.$br'.length : probe.marker.length);
    const text = file.slice(0, at) + probe.insert + file.slice(at);
    const offset = at + probe.insert.length;
    samples.push(time(() => {
      const ctx = completionContext(text, offset);
      if (ctx.kind === 'eventName') results += events.filter(ctx.prefix).length;
      else if (ctx.kind === 'eventProperty' || ctx.kind === 'personProperty') results += props.filter(ctx.prefix).length;
      else if (ctx.kind === 'column') results += ctx.tables.length;
    }));
  }
  const s = stats(samples.slice(40));
  console.log(`## Completion context in the 1,000-line file, 5k event names + 20k property names (360 measured runs)`);
  console.log(`p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  mean ${ms(s.mean)} (goal p95 <= 20 ms; ${results} results produced)`);
  const filterOnly = stats(Array.from({ length: 300 }, (_, i) => time(() => props.filter(['pro', '$pr', 'val', 'p_1'][i % 4]))));
  console.log(`filter only, 20k names: p50 ${ms(filterOnly.p50)}  p95 ${ms(filterOnly.p95)}`);
}

async function main(): Promise<void> {
  await versusPostHog();
  bigFiles();
  completionLatency();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
