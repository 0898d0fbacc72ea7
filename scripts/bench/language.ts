/**
 * Language-feature benchmarks (npm run bench -- --only language). Ratios are against baselines
 * measured in the same run:
 * 1. main-thread slices of the providers on a 1,000-line file (longest single call) vs JSON.parse
 *    of the same text; target: none over 10 ms;
 * 2. completion with 5k event and 20k property names cached, typed prefix by prefix; target p95 ≤ 20 ms;
 * 3. syntax diagnostics round trip through the parser worker for a typical statement (what the
 *    user waits for after the debounce) vs the parse time inside the worker; target ≤ 50 ms;
 * 4. open → first syntax diagnostics from PostHog's parser, cold and with the extension already active.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, buildSync, type PluginBuild } from 'esbuild';
import { completionContext, signatureAt } from '../../src/language/hogql/completion';
import { NameIndex } from '../../src/language/hogql/filter';
import { hoverTarget } from '../../src/language/hogql/hover';
import { parseInSlices, type parse } from '../../src/language/hogql/parse';
import { lexInSlices } from '../../src/language/hogql/lexer';
import { splitStatements } from '../../src/language/hogql/split';
import { mapInSlices, mapStepsInSlices, type Steps } from '../../src/language/hogql/slices';
import { foldingRanges, statementSymbol } from '../../src/language/hogql/symbols';
import { completionItems } from '../../src/language/completionItems';
import { ParserClient } from '../../src/language/syntax/parserClient';
import { addGcFigures, describeGcFigures, gcDuring, type GcFigures } from './lib/gcDuring';
import { reportRow } from './lib/rows.mjs';
import { timelineLines } from './lib/parserTimeline';
import { documentStatementsInSlices, LocalChecker, statementProblems, warmUp, type documentStatements } from '../../src/language/syntax/statements';

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
// CPU time of the process beside wall time: on the shared machine a slice's wall time includes the
// wait for a core (load averages of 10–20 on 2 cores), which says nothing about the code. Only the
// main thread works here, so the process's CPU time is the slice's (plus GC helper threads).
const cpuNow = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
/** CPU milliseconds of the figure the last time()/longestSlice() returned. */
let lastCpu = 0;
/** Wall milliseconds of that same slice (the longest in CPU time; its wall time may not be the longest). */
let lastCpuWall = 0;
const time = (fn: () => unknown): number => {
  const c = cpuNow();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  lastCpu = cpuNow() - c;
  lastCpuWall = wall;
  return wall;
};
const f = (ms: number | undefined): string => (ms === undefined ? "n/a" : `${ms.toFixed(2)} ms`);

function thousandLines(): string {
  const stmt = (i: number) => [
    `-- statement ${i}`,
    `WITH recent AS (SELECT event, person_id, timestamp FROM events WHERE timestamp > now() - INTERVAL ${i + 1} DAY)`,
    `SELECT toStartOfDay(timestamp) AS day, count() AS c, uniq(person_id) AS users,`,
    `    countIf(properties.$browser = 'Chrome') AS chrome`,
    `FROM recent AS r`,
    `WHERE event IN ('$pageview', 'signup_${i}') AND r.timestamp < now()`,
    `GROUP BY day`,
    `HAVING c > ${i}`,
    `ORDER BY day DESC`,
    `LIMIT 100;`,
  ];
  return Array.from({ length: 100 }, (_, i) => stmt(i)).flat().join('\n');
}

/** `steps` with each step timed: the longest step and the longest whole check (its steps' sum) go to `into`. */
function* timedSteps<R>(steps: Steps<R>, into: { step: number; stepCpu: number; whole: number; wholeCpu: number }): Steps<R> {
  let whole = 0;
  let wholeCpu = 0;
  for (;;) {
    const c = cpuNow();
    const t = performance.now();
    const n = steps.next();
    const wall = performance.now() - t;
    const cpu = cpuNow() - c;
    [whole, wholeCpu] = [whole + wall, wholeCpu + cpu];
    if (wall > into.step) [into.step, into.stepCpu] = [wall, cpu];
    if (n.done) {
      if (whole > into.whole) [into.whole, into.wholeCpu] = [whole, wholeCpu];
      return n.value;
    }
    yield;
  }
}

/** Runs `fn` with a pause that yields to the event loop; returns the longest synchronous slice. */
async function longestSlice(fn: (pause: () => Promise<boolean>) => Promise<unknown>): Promise<number> {
  let longest = 0;
  let longestCpu = 0;
  let longestCpuWall = 0;
  let t = performance.now();
  let c = cpuNow();
  const end = (): void => {
    const wall = performance.now() - t;
    const cpu = cpuNow() - c;
    longest = Math.max(longest, wall);
    if (cpu > longestCpu) [longestCpu, longestCpuWall] = [cpu, wall];
  };
  await fn(async () => {
    end();
    await new Promise((resolve) => setImmediate(resolve));
    t = performance.now();
    c = cpuNow();
    return true;
  });
  end();
  lastCpu = longestCpu;
  lastCpuWall = longestCpuWall;
  return longest;
}

async function mainThread(): Promise<void> {
  const text = thousandLines();
  // Baseline: JSON.parse of a document of the same text (its lines and words as JSON).
  const json = JSON.stringify(text.split('\n').map((line) => ({ line, words: line.split(' ') })));
  const baseline = pct(Array.from({ length: 21 }, () => time(() => JSON.parse(json))), 50);
  const mid = text.indexOf('countIf(properties.$', text.length / 2) + 'countIf(properties.$'.length;
  const local = new LocalChecker();
  const localWhole = new LocalChecker();
  const slices: Record<string, number[]> = {};
  const cpuSlices: Record<string, number[]> = {};
  const cpuSliceWalls: Record<string, number[]> = {};
  /** Figures printed for comparison that are no single task of the product (not in the row). */
  const notTasks = new Set<string>();
  const add = (name: string, ms: number, task = true) => {
    if (!task) notTasks.add(name);
    (slices[name] ??= []).push(ms);
    (cpuSlices[name] ??= []).push(lastCpu);
    (cpuSliceWalls[name] ??= []).push(lastCpuWall);
  };
  // The first run is cold: V8 has not compiled our lexer and parser yet, which is what the first
  // HogQL file opened in a session meets. Work on whole documents runs in slices (lexInSlices,
  // parseInSlices, the diagnostics' statement loop): each figure is the longest slice.
  let coldGc: GcFigures | undefined;
  const laterGc: GcFigures = { scavenges: 0, scavengeMs: 0, scavengeMaxMs: 0, copiedKb: 0, others: 0, othersMs: 0 };
  for (let run = 0; run < 15; run++) {
    const edited = text.replace(`HAVING c > 50`, `HAVING c > ${50 + run}`);
    const fresh = new LocalChecker();
    let stmts: ReturnType<typeof documentStatements> = [];
    const steps = { step: 0, stepCpu: 0, whole: 0, wholeCpu: 0 };
    // the GC of each first open (warm-up, split, offline checks): the longest tasks hold it (s12)
    const [, gc] = await gcDuring(async () => {
      // what SyntaxDiagnostics does before checking its first document
      add("diagnostics: warm-up of our parser (one step of a small statement's check per task since s11; one statement per task before)", await longestSlice((pause) => warmUp(fresh, pause)));
      add('diagnostics, first open: split the file (sliced)', await longestSlice(async (pause) => (stmts = (await documentStatementsInSlices(edited, pause)) ?? [])));
      // the offline checks as SyntaxDiagnostics runs them: slices of SLICE_MS that may also end
      // between two steps of a statement's check (s11); each step timed on the way
      add("diagnostics, first open: offline checks (sliced; since s11 also between the steps of a statement's check)", await longestSlice((pause) => mapStepsInSlices(stmts, (s) => timedSteps(fresh.checkStatementSteps(s), steps), pause)));
    });
    if (run === 0) coldGc = gc;
    else addGcFigures(laterGc, gc);
    [lastCpu, lastCpuWall] = [steps.wholeCpu, steps.whole];
    // before s11 this was one task, and the row "offline checks of the slowest statement"
    add("diagnostics, first open: offline checks of the slowest statement, whole (its steps' sum: one task before s11, not since)", steps.whole, false);
    [lastCpu, lastCpuWall] = [steps.stepCpu, steps.step];
    add("diagnostics, first open: the longest step of a statement's check (part of a task of the sliced row)", steps.step, false);
    add('diagnostics, first open: all 100 statements (not one slice: diagnostics yields every SLICE_MS)', time(() => {
      const again = new LocalChecker();
      for (const s of stmts) again.check(s.text);
    }), false);
    let after: ReturnType<typeof documentStatements> = [];
    add('diagnostics after an edit: split (sliced)', await longestSlice(async (pause) => (after = (await documentStatementsInSlices(edited, pause)) ?? [])));
    // diagnostics.ts checks the statements it has not seen in slices (SLICE_MS), then publishes all
    add("diagnostics after an edit: offline checks of new statements (sliced, since s11 within a statement's check too)", await longestSlice((pause) => mapStepsInSlices(after, (s) => local.checkSteps(s.text), pause)));
    // the same as before s11 (a statement's check whole within a slice), on a checker with the same history
    add('diagnostics after an edit: offline checks of new statements, whole statements per slice (before s11)', await longestSlice((pause) => mapInSlices(after, (s) => localWhole.check(s.text), pause)), false);
    add('diagnostics after an edit: problems of all statements (publish)', time(() => {
      for (const s of after) statementProblems(s, local.check(s.text), undefined, 2000);
    }));
    add('completion (context + items)', time(() => completionItems(completionContext(edited, mid), {})));
    add('hover', time(() => hoverTarget(edited, mid - 10)));
    add('signature help', time(() => signatureAt(edited, mid)));
    let parsed: ReturnType<typeof parse> | undefined;
    add('outline: parse of the whole file (sliced; shared by symbols and folding)', await longestSlice(async (pause) => (parsed = await parseInSlices(edited, pause))));
    add('document symbols (from that parse, sliced)', await longestSlice((pause) => mapInSlices(parsed!.statements, (st) => statementSymbol(parsed!, st), pause)));
    add('folding ranges (from that parse)', time(() => foldingRanges(edited, parsed)));
    add('run CodeLens: lex (sliced) + split', await longestSlice(async (pause) => {
      const lexed = await lexInSlices(edited, pause);
      await pause();
      if (lexed) splitStatements(edited, lexed);
    }));
  }
  console.log(`1,000-line file (${text.length} chars); baseline JSON.parse of the same text as JSON (${json.length} chars): ${f(baseline)}`);
  console.log(`GC during the first open (warm-up, split, offline checks): cold run ${describeGcFigures(coldGc!)}; later runs, mean ${describeGcFigures(laterGc, 14)}`);
  let worst = 0;
  let worstCpu = 0;
  let worstName = '';
  let worstCpuAt = '';
  let worstWallName = '';
  for (const [name, xs] of Object.entries(slices)) {
    const steady = pct(xs.slice(1), 50);
    const max = Math.max(...xs);
    const cpus = cpuSlices[name]!;
    const maxCpu = Math.max(...cpus);
    if (!notTasks.has(name)) {
      if (max > worst) {
        const run = xs.indexOf(max);
        [worst, worstWallName] = [max, `${name}, ${run === 0 ? 'cold run' : `run ${run + 1} of 15`}`];
      }
      if (maxCpu > worstCpu) {
        const run = cpus.indexOf(maxCpu);
        [worstCpu, worstName] = [maxCpu, name];
        worstCpuAt = `${run === 0 ? 'cold run' : `run ${run + 1} of 15`}, that slice's wall time ${f(cpuSliceWalls[name]![run]!)}`;
      }
    }
    console.log(`  ${name}: median ${f(steady)}, max ${f(Math.max(...xs.slice(1)))}, cold ${f(xs[0])}, ${(steady / baseline).toFixed(1)}× JSON.parse; CPU max ${f(maxCpu)} (cold ${f(cpus[0]!)})${maxCpu > 10 ? '  ← over 10 ms' : ''}`);
  }
  // The row is the main thread's longest task in wall time, as the issue measured it (and as a
  // browser's Long Tasks count it). The process's CPU time is printed beside it: it also counts
  // V8's compile and GC helper threads, which run beside the main thread without blocking it, so
  // it can exceed the wall time of the slice; on a loaded machine the wall time also holds the
  // wait for a core, so the row is judged on a quiet machine (issue #21's Done-when).
  console.log(`longest single main-thread task, cold runs included: wall ${f(worst)} (${worstWallName}; goal ≤ 10 ms: ${worst <= 10 ? 'met' : 'NOT met'}); process CPU over the slice with the most: ${f(worstCpu)} (${worstName}; ${worstCpuAt}; V8's helper threads included)`);
  reportRow({ id: 'longestTask', value: worst, baseline, baselineLabel: 'JSON.parse of the same text', note: `wall time of the longest slice over 15 runs, cold included: ${worstWallName}; the most process CPU time over one slice ${f(worstCpu)} (${worstName}, ${worstCpuAt}; counts V8's compile and GC threads too); machine load ${loadavg().map((l) => l.toFixed(2)).join(' ')}` });
}

function completion(): void {
  const events = new NameIndex(Array.from({ length: 5_000 }, (_, i) => (i % 3 ? `event_${i}` : `$custom_${i}`)));
  const props = new NameIndex(Array.from({ length: 20_000 }, (_, i) => (i % 4 ? `prop_${i}_value` : `$browser_${i}`)));
  const sources = { events, eventProperties: props, personProperties: props };
  const typed: number[] = [];
  const word = '$browser_1';
  for (let rep = 0; rep < 20; rep++) {
    for (let n = 0; n <= word.length; n++) {
      const text = `SELECT properties.${word.slice(0, n)} FROM events WHERE event = 'ev'`;
      const at = 'SELECT properties.'.length + n;
      typed.push(time(() => completionItems(completionContext(text, at), sources)));
      const ev = `SELECT 1 FROM events WHERE event = 'event_${'1234'.slice(0, n % 5)}'`;
      typed.push(time(() => completionItems(completionContext(ev, ev.length - 1), sources)));
    }
  }
  const noNames = Array.from({ length: 200 }, () => time(() => completionItems(completionContext('SELECT properties.pr FROM events', 20), {})));
  console.log(`completion with 5k event and 20k property names: p50 ${f(pct(typed, 50))}, p95 ${f(pct(typed, 95))}, max ${f(Math.max(...typed))} over ${typed.length} calls; without names p95 ${f(pct(noNames, 95))} → ${(pct(typed, 95) / pct(noNames, 95)).toFixed(1)}×`);
}

async function roundTrip(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hogql-bench-'));
  const workerFile = join(dir, 'parser.worker.js');
  buildSync({ entryPoints: [join(__dirname, '../../src/language/parser.worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'error' });
  const client = new ParserClient({ workerFile, timeoutMs: 10_000 });
  try {
    const startup = time(() => undefined);
    const t0 = performance.now();
    await client.parse('SELECT 1');
    const first = performance.now() - t0 + startup;
    const total: number[] = [];
    const inside: number[] = [];
    for (let i = 0; i < 60; i++) {
      const stmt = `SELECT toStartOfDay(timestamp) AS day, count() AS c FROM events WHERE event = '$pageview' AND timestamp > now() - INTERVAL ${i + 1} DAY GROUP BY day ORDER BY day LIMIT 100`;
      const t = performance.now();
      const o = await client.parse(i % 2 ? stmt : `${stmt} WHERE`);
      total.push(performance.now() - t);
      if (o && 'ms' in o) inside.push(o.ms);
    }
    console.log(`syntax check round trip (typical statement, uncached): p50 ${f(pct(total, 50))}, p95 ${f(pct(total, 95))}; parse inside the worker p50 ${f(pct(inside, 50))} → overhead p50 ${f(pct(total, 50) - pct(inside, 50))}; worker start + first parse ${f(first)}`);
    const cached = Array.from({ length: 50 }, () => time(() => client.cached(`SELECT toStartOfDay(timestamp) AS day, count() AS c FROM events WHERE event = '$pageview' AND timestamp > now() - INTERVAL 1 DAY GROUP BY day ORDER BY day LIMIT 100 WHERE`)));
    console.log(`syntax check from the cache: p95 ${f(pct(cached, 95))}`);
  } finally {
    client.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The parser worker built as scripts/build.mjs ships it: PostHog's glue and brotli WASM beside it. */
async function buildWorker(dir: string): Promise<string> {
  const workerFile = join(dir, 'parser.worker.js');
  const { PARSER_GLUE, writeParserFiles } = await import('../lib/parserWasm.mjs');
  const asFile = { name: 'parser-as-file', setup: (b: PluginBuild) => b.onResolve({ filter: /^@posthog\/hogql-parser$/ }, () => ({ path: `./${PARSER_GLUE}`, external: true })) };
  await build({ entryPoints: [join(__dirname, '../../src/language/parser.worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'error', plugins: [asFile] });
  writeParserFiles(join(__dirname, '../..'), dir);
  return workerFile;
}

/**
 * The language bundle as scripts/build.mjs ships it (minified), with `vscode` stubbed: the first
 * open pays its evaluation (~20 ms) before SyntaxDiagnostics exists, which a child run does too.
 */
function buildLanguageBundle(dir: string): string {
  const out = join(dir, 'language.js');
  const stub = join(dir, 'vscode-stub.js');
  // every `vscode.X` the sources name, each a constructible, callable stand-in whose members are
  // too (esbuild's ESM interop copies the module's own keys, so they must exist)
  const names = new Set<string>();
  for (const file of readdirSync(join(__dirname, '../../src'), { recursive: true, encoding: 'utf8' })) {
    if (file.endsWith('.ts')) for (const m of readFileSync(join(__dirname, '../../src', file), 'utf8').matchAll(/\bvscode\.([A-Za-z]+)/g)) names.add(m[1]!);
  }
  writeFileSync(stub, `const h = { get: () => new Proxy(function () {}, h), construct: () => new Proxy(function () {}, h), apply: () => new Proxy(function () {}, h) };
const m = { __esModule: true };
for (const k of ${JSON.stringify([...names])}) m[k] = new Proxy(function () {}, h);
module.exports = m;`);
  buildSync({ entryPoints: [join(__dirname, '../../src/language/features.ts')], bundle: true, platform: 'node', format: 'cjs', minify: true, target: 'es2022', charset: 'utf8', outfile: out, logLevel: 'error', alias: { vscode: stub }, define: { 'process.env.NODE_ENV': '"production"', __TEST_HOOKS__: 'false' } });
  return out;
}

/**
 * Open → first syntax diagnostics from PostHog's parser, as SyntaxDiagnostics does it when a HogQL
 * document opens: warm-up of our parser, split, offline checks, then the worker's verdict on each
 * statement, each published as it comes. Two scenarios a user lives through:
 *  - the open activates the extension (cold): the activation bundle starts the worker at the open,
 *    then the language bundle loads and adopts it; baselines in the same run: the worker started
 *    once the language bundle has loaded (prestart, s9), and on the first request (before #21).
 *    Counted from the open (the extension's activation comes before it), the bundle's load included.
 *    Two rows: the first session (no parser snapshot on disk: the row the goal was set on), and later
 *    sessions (syntax/workerSnapshot.ts: a snapshot a previous session's worker wrote, made once per
 *    bench run by parser-first-child.ts `prepare`, after its warm-up and this document; the same with
 *    a snapshot of a worker that had only warmed up is printed beside it);
 *  - the extension was active before the open (a .hogql file in the workspace, or it activated for
 *    another reason): the worker started and warmed up at idle (warmUp); counted from the open.
 * The row is the first published verdict; the time to all of them is printed beside it (a
 * 10-line document is one statement; a 3-statement document shows the difference).
 * Each run in a process of its own (scripts/bench/parser-first-child.ts): a user's first open
 * never finds the parser's WASM compiled already.
 */
type FirstRun = { wall: number; all: number; bundleMs: number; readyMs?: number; requestMs: number; cpu: number; inside: number; warm?: number; rssMb?: number; snapshot?: string; stored?: boolean; timeline: [string, number, number | null][] };
/**
 * `openSnap`: `open` in a later session (a snapshot on disk of a warmed worker that had parsed this
 * document, and its verdicts: verdictStore.ts); `openSnapWorker`: the same without the verdicts (the
 * worker's first parse: the row before s12); `openSnapW`: a snapshot of one that had only warmed up.
 */
type Mode = 'open' | 'openNoStore' | 'early' | 'cold' | 'idle' | 'open3' | 'openSnap' | 'openSnapWorker' | 'openSnapW';
const MODES: readonly Mode[] = ['open', 'openNoStore', 'openSnap', 'openSnapWorker', 'openSnapW', 'early', 'cold', 'idle', 'open3'];

async function firstOpen(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hogql-bench-'));
  const workerFile = await buildWorker(dir);
  const bundle = buildLanguageBundle(dir);
  const docFile = join(dir, 'doc.hogql');
  const doc3File = join(dir, 'doc3.hogql');
  writeFileSync(docFile, thousandLines().split('\n').slice(0, 10).join('\n'));
  writeFileSync(doc3File, thousandLines().split('\n').slice(0, 30).join('\n'));
  // the parser snapshots a previous session left (parser-first-child.ts `prepare`)
  const snapshots: Partial<Record<Mode, string>> = { openSnap: join(dir, 'snap-doc.bin'), openSnapWorker: join(dir, 'snap-doc.bin'), openSnapW: join(dir, 'snap-warm.bin') };
  const child = (args: string[], snapshot?: string, verdicts = true): string => {
    const env = { ...process.env, HOGQL_BENCH_SNAPSHOT: snapshot ?? '', HOGQL_BENCH_VERDICTS: verdicts ? '1' : '0' };
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'parser-first-child.ts'), workerFile, ...args], { encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`parser-first-child ${args[1]} failed (${r.status}): ${r.stderr}`);
    return r.stdout.trim().split('\n').pop()!;
  };
  const emptyFile = join(dir, 'empty.hogql');
  writeFileSync(emptyFile, '');
  const prepared = [child([docFile, 'prepare'], snapshots.openSnap), child([emptyFile, 'prepare'], snapshots.openSnapW)];
  // a first session as the extension has it (since s13): its global storage holds no snapshot and no
  // verdicts, so both reads fail (ENOENT); `openNoStore`, the row until s12: no storage path at all
  const firstSession = join(dir, 'first-session', 'hogql-parser-snapshot.bin');
  const once = (mode: Mode): FirstRun => {
    const args = mode === 'open3' ? [doc3File, 'open', bundle] : [docFile, mode.startsWith('open') ? 'open' : mode, ...(mode === 'idle' ? [] : [bundle])];
    if (mode === 'open') rmSync(dirname(firstSession), { recursive: true, force: true });
    const r = JSON.parse(child(args, mode === 'open' ? firstSession : snapshots[mode], mode !== 'openSnapWorker')) as FirstRun;
    if ((mode === 'openSnap') !== !!r.stored) throw new Error(`${mode}: the first verdict was ${r.stored ? '' : 'not '}the stored one`);
    if (snapshots[mode] && !r.snapshot?.startsWith('snapshot restored')) throw new Error(`${mode}: the snapshot was not restored: ${r.snapshot}`);
    return r;
  };
  const runs = Object.fromEntries(MODES.map((m) => [m, [] as FirstRun[]])) as Record<Mode, FirstRun[]>;
  // --first-open --modes open,openSnap --runs 3: fewer runs while working on it (the rows need all)
  const arg = (name: string): string | undefined => process.argv[process.argv.indexOf(name) + 1];
  const modes = process.argv.includes('--modes') ? MODES.filter((m) => arg('--modes')!.split(',').includes(m)) : MODES;
  const n = process.argv.includes('--runs') ? Number(arg('--runs')) : 7;
  try {
    for (let i = 0; i < n; i++) for (const mode of modes) runs[mode].push(once(mode));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const med = (mode: Mode, key: keyof FirstRun): number => pct(runs[mode].map((r) => r[key] ?? NaN), 50);
  const fromBundle = (mode: Mode): number => pct(runs[mode].map((r) => r.wall - r.bundleMs), 50);
  const max = (mode: Mode): number => Math.max(...runs[mode].map((r) => r.wall));
  const warm = (mode: Mode): string => runs[mode].map((r) => r.warm ?? '?').join('/');
  const line = (mode: Mode): string =>
    !runs[mode].length ? 'not run (--modes)' : `first verdict p50 ${f(med(mode, 'wall'))} (max ${f(max(mode))}; all verdicts p50 ${f(med(mode, 'all'))}), CPU of the process p50 ${f(med(mode, 'cpu'))}, first parse in the worker p50 ${f(med(mode, 'inside'))} (warm-up statements before it: ${warm(mode)})`;
  console.log(`open → first syntax diagnostics from PostHog's parser (10-line document, each run a fresh process, ${n} runs each, alternating):`);
  console.log(`  cold, counted from the open, the language bundle's load (p50 ${f(med('open', 'bundleMs'))}) included:`);
  const when = (mode: Mode): string => `; worker ready p50 ${f(med(mode, 'readyMs'))}, requests sent p50 ${f(med(mode, 'requestMs'))}`;
  console.log(`    worker started at the open by the activation bundle, first session (no parser snapshot or verdicts on disk, their reads fail): ${line('open')}; from the bundle's start p50 ${f(fromBundle('open'))}${when('open')}`);
  console.log(`    the same without a storage path (no snapshot or verdicts looked for: the row until s12): ${line('openNoStore')}${when('openNoStore')}`);
  console.log(`    the same, later sessions (parser snapshot on disk, ${prepared.map((p) => (JSON.parse(p) as { note: string }).note).join(' / ')}):`);
  console.log(`      snapshot and verdicts of a session that had warmed up and parsed this document: ${line('openSnap')}${when('openSnap')}`);
  console.log(`      the same snapshot without the verdicts (the worker's first parse; the row before s12): ${line('openSnapWorker')}${when('openSnapWorker')}`);
  console.log(`      snapshot of a worker that had only warmed up: ${line('openSnapW')}${when('openSnapW')}`);
  console.log(`    worker started once the language bundle loaded (s9): ${line('early')}; from the bundle's start p50 ${f(fromBundle('early'))}${when('early')}`);
  console.log(`    worker started on the first request (before #21): ${line('cold')}`);
  console.log(`    3-statement document, worker started at the open: ${line('open3')}`);
  console.log(`  extension already active, worker started and warmed up at idle: ${line('idle')}; the idle warm worker adds ${f(med('idle', 'rssMb')).replace('ms', 'MB')} resident`);
  for (const mode of (['open', 'openSnap', 'openSnapWorker'] as const).filter((m) => runs[m].length)) {
    const which = { open: 'first session', openSnap: 'later session (snapshot and verdicts of this document)', openSnapWorker: 'later session, the snapshot without the verdicts' }[mode];
    console.log(`  timeline of the cold open, ${which} (medians of ${n}: ms from the open, CPU of the thread since its previous mark; the worker's first: its thread's start):`);
    for (const l of timelineLines(runs[mode].map((r) => r.timeline))) console.log(`  ${l}`);
  }
  if (modes !== MODES) return; // --modes: the rows need every mode
  reportRow({ id: 'parserFirst', value: med('open', 'wall'), baseline: med('cold', 'wall'), baselineLabel: 'worker started on the first request', note: `the open activates the extension, first session (no parser snapshot or verdicts on disk; since s13 their reads are in it, failing, as in the extension; without a storage path, the row until s12: ${f(med('openNoStore', 'wall'))}, CPU ${med('openNoStore', 'cpu').toFixed(1)} ms): median of 7, first published verdict (all: ${f(med('open', 'all'))}), from the open, the language bundle's load included (${f(med('open', 'bundleMs'))}; from the bundle's start ${f(fromBundle('open'))}), worker started at the open, a fresh process each; CPU time of the process ${med('open', 'cpu').toFixed(1)} ms (baseline ${med('cold', 'cpu').toFixed(1)} ms)` });
  reportRow({ id: 'parserFirstLater', value: med('openSnap', 'wall'), baseline: med('open', 'wall'), baselineLabel: 'first session (no snapshot)', note: `the open activates the extension, a parser snapshot and verdicts on disk from a previous session that had parsed this document (VS Code reopens the last session's editors): median of 7, first published verdict (the stored one), from the open, the bundle's load included; CPU time of the process ${med('openSnap', 'cpu').toFixed(1)} ms (first session ${med('open', 'cpu').toFixed(1)} ms); the row before s12, the worker's first parse after the same snapshot without the verdicts: ${f(med('openSnapWorker', 'wall'))}, CPU ${med('openSnapWorker', 'cpu').toFixed(1)} ms; snapshot of a session that had only warmed up: ${f(med('openSnapW', 'wall'))}, CPU ${med('openSnapW', 'cpu').toFixed(1)} ms` });
  reportRow({ id: 'parserFirstActive', value: med('idle', 'wall'), baseline: med('open', 'wall'), baselineLabel: 'cold, worker started at the open', note: `median of 7, worker started and warmed up at idle before the open, from the open, first published verdict (all: ${f(med('idle', 'all'))}); CPU time of the process ${med('idle', 'cpu').toFixed(1)} ms; the warm idle worker costs ${med('idle', 'rssMb').toFixed(1)} MB resident` });
}

void (async () => {
  if (!process.argv.includes('--first-open')) await mainThread();
  // --main-thread: only the slices above (while working on them; the bench runs them all)
  if (process.argv.includes('--main-thread')) return;
  // --first-open: only open → first syntax diagnostics (while working on it)
  if (process.argv.includes('--first-open')) return firstOpen();
  completion();
  await roundTrip();
  await firstOpen();
})();
