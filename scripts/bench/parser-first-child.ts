/**
 * One "open → first syntax diagnostics" of scripts/bench/language.ts, alone in its process: V8 keeps
 * the code it compiled for a WASM module for as long as a module with the same bytes lives in the
 * process, so a second run in the same process would find PostHog's parser compiled already, which
 * a user's first open never does. Does what SyntaxDiagnostics does when a HogQL document opens: our
 * parser's warm-up, split, offline checks, then the worker's verdict on each statement. Modes:
 *   cold   the worker starts on the first request (before issue #21);
 *   early  the worker starts at the open (prestart): the open activated the extension, nothing ran before;
 *   idle   the extension was active before the open: the language features loaded at idle, our
 *          parser warmed up and the worker started and warmed up (warmUp) before the open; the
 *          figures count from the open only.
 * Prints {"wall": ms, "cpu": ms, "inside": ms, "warm": n, "rssMb"?: MB} (CPU time of the process from
 * the open: all its threads, V8's compile threads too; `inside`: the first statement's parse in the
 * worker; `rssMb`: what the idle warm worker added to the process's resident memory).
 * Run: node --import tsx scripts/bench/parser-first-child.ts <workerFile> <document file> <cold|early|idle>
 */
import { readFileSync } from 'node:fs';
import { mapInSlices } from '../../src/language/hogql/slices';
import { ParserClient } from '../../src/language/syntax/parserClient';
import { documentStatementsInSlices, LocalChecker, warmUp } from '../../src/language/syntax/statements';

const [workerFile, docFile, mode] = process.argv.slice(2) as [string, string, string];
const doc = readFileSync(docFile, 'utf8');
const pause = async (): Promise<boolean> => {
  await new Promise((resolve) => setImmediate(resolve));
  return true;
};
const cpuNow = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

void (async () => {
  const client = new ParserClient({ workerFile, timeoutMs: 30_000 });
  try {
    const local = new LocalChecker();
    let rssMb: number | undefined;
    if (mode === 'idle') {
      const rss = process.memoryUsage().rss;
      await warmUp(local, pause);
      const report = await client.warmUp();
      if (!report || report.crashed) throw new Error(`warm-up failed: ${JSON.stringify(report)}`);
      rssMb = (process.memoryUsage().rss - rss) / 2 ** 20;
    }
    const c0 = cpuNow();
    const t0 = performance.now();
    if (mode === 'early') void client.prestart();
    if (mode !== 'idle') await warmUp(local, pause);
    const stmts = (await documentStatementsInSlices(doc, pause)) ?? [];
    await mapInSlices(stmts, (st) => local.check(st.text), pause);
    const outcomes = await Promise.all(stmts.map((st) => client.parse(st.text)));
    const wall = performance.now() - t0;
    const cpu = cpuNow() - c0;
    const first = outcomes[0];
    if (!first || outcomes.some((o) => o?.kind !== 'ok' && o?.kind !== 'error')) throw new Error(`no verdict: ${JSON.stringify(outcomes)}`);
    const inside = 'ms' in first ? first.ms : NaN;
    const warm = 'warm' in first ? first.warm : undefined;
    console.log(JSON.stringify({ wall, cpu, inside, warm, rssMb }));
  } finally {
    client.dispose();
  }
})();
