/**
 * One "open → first syntax diagnostics" of scripts/bench/language.ts, alone in its process: V8 keeps
 * the code it compiled for a WASM module for as long as a module with the same bytes lives in the
 * process, so a second run in the same process would find PostHog's parser compiled already, which
 * a user's first open never does. Does what SyntaxDiagnostics does when a HogQL document opens: our
 * parser's warm-up, split, offline checks, then the worker's verdict on each statement, published
 * as each one comes (diagnostics.ts). Modes:
 *   open   the open activates the extension: the activation bundle starts the worker
 *          (startParserEarly), then the language bundle loads and adopts it (since issue #21);
 *   early  the same, but the worker starts once the language bundle has loaded (prestart);
 *   cold   the worker starts on the first request (before issue #21);
 *   idle   the extension was active before the open: the language features loaded at idle, our
 *          parser warmed up and the worker started and warmed up (warmUp) before the open; the
 *          figures count from the open only;
 *   prepare  a previous session, for the parser snapshot cache (syntax/workerSnapshot.ts): the
 *          worker warms up, parses the document's statements (an empty document: none) and writes
 *          its snapshot to $HOGQL_BENCH_SNAPSHOT after its idle delay; prints {"note"}.
 * With $HOGQL_BENCH_SNAPSHOT set, the workers of the other modes read (and restore) that snapshot,
 * and the client keeps its verdicts beside it (verdictStore.ts; not with $HOGQL_BENCH_VERDICTS=0).
 * In the first three the clock starts at the open, before the language bundle's load: `bundle` is
 * its path (language.ts builds it as it ships, `vscode` stubbed: its evaluation is what runs here).
 * Prints {"wall": ms to the first verdict, "all": ms to every statement's verdict, "bundleMs": its
 * load, "readyMs": when the worker said its parser was loaded (open, early), "requestMs": when the
 * requests went out, "cpu": ms, "inside": ms, "warm": n, "rssMb"?: MB} (CPU time of the process from the open to
 * the first verdict: all its threads, V8's compile threads too; `inside`: the first statement's
 * parse in the worker; `warm`: warm-up statements it had parsed before; `rssMb`: what the idle warm
 * worker added to the process's resident memory; `snapshot`: what the worker said of its snapshot).
 * Run: node --import tsx scripts/bench/parser-first-child.ts <workerFile> <document file> <open|early|cold|idle> [bundle]
 */
import { readFileSync } from 'node:fs';
import { mapInSlices } from '../../src/language/hogql/slices';
import { ParserClient, type ParseOutcome } from '../../src/language/syntax/parserClient';
import { documentStatementsInSlices, LocalChecker, warmUp } from '../../src/language/syntax/statements';
import { parserVerdictFile, startParserEarly, type EarlyParser } from '../../src/language/syntax/workerStart';
import { mark, type Mark, type TimelineMessage } from '../../src/language/syntax/timeline';

const [workerFile, docFile, mode, bundle] = process.argv.slice(2) as [string, string, string, string | undefined];
const doc = readFileSync(docFile, 'utf8');
const snapshotFile = process.env.HOGQL_BENCH_SNAPSHOT || undefined;
// the verdicts stored beside the snapshot (verdictStore.ts), unless $HOGQL_BENCH_VERDICTS is 0
const verdictFile = snapshotFile && process.env.HOGQL_BENCH_VERDICTS !== '0' ? parserVerdictFile(snapshotFile) : undefined;

/** A previous session that leaves a parser snapshot behind (see `prepare` above). */
async function prepare(): Promise<void> {
  let written: (note: string) => void = () => undefined;
  let verdictsWritten: (note: string) => void = () => undefined;
  const done = new Promise<string>((resolve) => (written = resolve));
  const verdictsDone = new Promise<string>((resolve) => (verdictsWritten = resolve));
  const log = (m: string): void => (m.startsWith('snapshot written') ? written(m) : m.startsWith('verdicts written') ? verdictsWritten(m) : undefined);
  const client = new ParserClient({ workerFile, timeoutMs: 30_000, snapshotFile, verdictFile, log });
  try {
    await client.warmUp();
    const stmts = (await documentStatementsInSlices(doc, pause)) ?? [];
    for (const st of stmts) await client.parse(st.text);
    console.log(JSON.stringify({ note: `${await done}; ${stmts.length ? await verdictsDone : 'no verdicts'}` }));
  } finally {
    client.dispose();
  }
}
const pause = async (): Promise<boolean> => {
  await new Promise((resolve) => setImmediate(resolve));
  return true;
};
const cpuNow = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

void (async () => {
  if (mode === 'prepare') return prepare();
  let client: ParserClient | undefined;
  const notes: string[] = [];
  const log = (m: string): number => notes.push(m);
  try {
    const local = new LocalChecker();
    let rssMb: number | undefined;
    if (mode === 'idle') {
      client = new ParserClient({ workerFile, timeoutMs: 30_000, snapshotFile, log });
      const rss = process.memoryUsage().rss;
      await warmUp(local, pause);
      const report = await client.warmUp();
      if (!report || report.crashed) throw new Error(`warm-up failed: ${JSON.stringify(report)}`);
      rssMb = (process.memoryUsage().rss - rss) / 2 ** 20;
    }
    const c0 = cpuNow();
    const t0 = performance.now();
    const marks: Mark[] = [];
    let timelineIn: Promise<void> | undefined;
    let early: EarlyParser | undefined;
    mark(marks, 'host: open');
    let bundleMs = 0;
    let readyMs: number | undefined;
    const readyAt = (p: Promise<void>): void => void p.then(() => (readyMs = performance.now() - t0));
    if (mode !== 'idle') {
      early = mode === 'open' ? startParserEarly(workerFile, snapshotFile, undefined, (phase) => mark(marks, phase)) : undefined;
      if (early) {
        readyAt(early.started.ready);
        void early.started.ready.then(() => mark(marks, 'host: ready received'));
        timelineIn = new Promise((resolve) =>
          early.started.worker.on('message', (m: Partial<TimelineMessage>) => {
            if (!m.timeline) return;
            marks.push(...m.timeline);
            resolve();
          }),
        );
      }
      if (bundle) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the language bundle's load, as the extension does it
        require(bundle);
        bundleMs = performance.now() - t0;
        mark(marks, 'host: bundle loaded');
      }
      client = new ParserClient({ workerFile, timeoutMs: 30_000, early, snapshotFile, verdictFile, log });
      if (mode === 'early') readyAt(client.prestart());
      await warmUp(local, pause);
    }
    const stmts = (await documentStatementsInSlices(doc, pause)) ?? [];
    await mapInSlices(stmts, (st) => local.check(st.text), pause);
    const requestMs = performance.now() - t0;
    mark(marks, 'host: requests sent');
    let first: { at: number; cpu: number; outcome: ParseOutcome | undefined } | undefined;
    const outcomes = await Promise.all(
      stmts.map(async (st) => {
        const outcome = await client!.parse(st.text);
        if (!first) mark(marks, 'host: first verdict');
        first ??= { at: performance.now() - t0, cpu: cpuNow() - c0, outcome };
        return outcome;
      }),
    );
    const all = performance.now() - t0;
    const o = first?.outcome;
    if (!o || outcomes.some((x) => x?.kind !== 'ok' && x?.kind !== 'error')) throw new Error(`no verdict: ${JSON.stringify(outcomes)}`);
    const inside = 'ms' in o ? o.ms : NaN;
    const stored = 'stored' in o;
    const warm = 'warm' in o ? o.warm : undefined;
    // the worker's marks, posted after its first reply (none when every verdict was stored); what
    // it said of its snapshot comes with its ready message
    if (!stored) await timelineIn;
    await early?.started.snapshot;
    await new Promise((resolve) => setImmediate(resolve));
    const open = marks[0]![1];
    const timeline = marks.sort((a, b) => a[1] - b[1]).map(([n, at, c]) => [n, +(at - open).toFixed(2), c === undefined ? null : +c.toFixed(2)]);
    console.log(JSON.stringify({ wall: first!.at, all, bundleMs, readyMs, requestMs, cpu: first!.cpu, inside, stored, warm, statements: stmts.length, rssMb, snapshot: notes.find((n) => n.startsWith('snapshot')), timeline }));
  } finally {
    client?.dispose();
  }
})();
