/**
 * What V8 does during the first open of language.ts's 1,000-line file (issue #21, s14): the
 * deoptimizations, TurboFan compiles and field generalizations (map reconfigurations) of the
 * warm-up, the split and the offline checks, for the cold run and the later ones. Counts, not
 * times: they hardly depend on the machine's load. Each is work that competes with the main thread
 * on two cores (a compile job runs on V8's threads; a generalization takes the map lock that
 * compile jobs hold; a deoptimization brings another compile).
 * Run: node --import tsx scripts/bench/lib/firstOpenV8.ts [--runs 15]
 * The first open runs bundled (plain Node, as the extension host runs it), in a child per V8 flag.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const src = join(__dirname, '../../../src/language/syntax/statements');
const slices = join(__dirname, '../../../src/language/hogql/slices');
/** The first open, `runs` times, each phase announced on stdout (`### warm-up 0`, …, `### end`). */
const driver = (runs: number): string => `
import { documentStatementsInSlices, LocalChecker, warmUp } from ${JSON.stringify(src)};
import { mapStepsInSlices } from ${JSON.stringify(slices)};
const stmt = (i) => ['-- statement ' + i, 'WITH recent AS (SELECT event, person_id, timestamp FROM events WHERE timestamp > now() - INTERVAL ' + (i + 1) + ' DAY)',
  'SELECT toStartOfDay(timestamp) AS day, count() AS c, uniq(person_id) AS users,', "    countIf(properties.$browser = 'Chrome') AS chrome", 'FROM recent AS r',
  "WHERE event IN ('$pageview', 'signup_" + i + "') AND r.timestamp < now()", 'GROUP BY day', 'HAVING c > ' + i, 'ORDER BY day DESC', 'LIMIT 100;'];
const text = Array.from({ length: 100 }, (_, i) => stmt(i)).flat().join('\\n');
const pause = () => new Promise((r) => setImmediate(() => r(true)));
(async () => {
  for (let run = 0; run < ${runs}; run++) {
    const checker = new LocalChecker();
    const edited = text.replace('HAVING c > 50', 'HAVING c > ' + (50 + run));
    console.log('### warm-up ' + run);
    await warmUp(checker, pause);
    console.log('### split ' + run);
    const stmts = (await documentStatementsInSlices(edited, pause)) ?? [];
    console.log('### checks ' + run);
    await mapStepsInSlices(stmts, (s) => checker.checkStatementSteps(s), pause);
  }
  console.log('### end');
})();
`;

/**
 * Runs the driver bundled (plain Node, as the extension host runs our code) in a child with V8
 * `flags`; returns its stdout. Also used by test/unit/language/firstOpenDeopts.test.ts.
 */
export function runFirstOpenBundled(flags: string[], runs: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'hogql-v8-'));
  try {
    const entry = join(dir, 'driver.ts');
    const out = join(dir, 'driver.js');
    writeFileSync(entry, driver(runs));
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error' });
    const r = spawnSync(process.execPath, [...flags, out], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`driver ${flags.join(' ')} exited with ${r.status}: ${r.stderr.slice(-2000)}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(runs: number): void {
  // phase → run → counts; the cold run is run 0
  const counts = new Map<string, { cold: number; later: number }>();
  const count = (what: string, phase: string, run: number): void => {
    const key = `${what} in the ${phase}`;
    const c = counts.get(key) ?? { cold: 0, later: 0 };
    if (run === 0) c.cold++;
    else c.later++;
    counts.set(key, c);
  };
  // --no-sparkplug beside --trace-generalization: V8 11.3 aborts printing a generalization in a
  // baseline-compiled frame ("Check failed: kind(cage_base) != CodeKind::BASELINE")
  for (const flags of [['--trace-deopt', '--trace-opt'], ['--trace-generalization', '--no-sparkplug']]) {
    let phase = '';
    let run = -1;
    for (const line of runFirstOpenBundled(flags, runs).split('\n')) {
      const m = /^### (\S+) (\d+)/.exec(line);
      if (m) [phase, run] = [m[1]!, Number(m[2])];
      else if (line.startsWith('### end')) run = -1;
      else if (run < 0) continue;
      else if (line.startsWith('[bailout')) count('deoptimizations', phase, run);
      else if (line.startsWith('[compiling method')) count('TurboFan compiles', phase, run);
      else if (line.startsWith('[generalizing]')) count('field generalizations', phase, run);
    }
  }
  console.log(`V8's work during the first open of a 1,000-line file (bundled, plain Node; cold run, then the mean of ${runs - 1} later runs):`);
  for (const [key, c] of [...counts].sort()) console.log(`  ${key}: cold ${c.cold}, later ${(c.later / Math.max(1, runs - 1)).toFixed(1)}`);
}

if (require.main === module) main(process.argv.includes('--runs') ? Number(process.argv[process.argv.indexOf('--runs') + 1]) : 15);
