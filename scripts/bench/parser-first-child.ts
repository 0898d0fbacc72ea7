/**
 * One "open → first syntax diagnostics" of scripts/bench/language.ts, alone in its process: V8 keeps
 * the code it compiled for a WASM module for as long as a module with the same bytes lives in the
 * process, so a second run in the same process would find PostHog's parser compiled already, which
 * a user's first open never does. Does what SyntaxDiagnostics does when the first HogQL document
 * opens: our parser's warm-up, split, offline checks, then the worker's verdict on each statement;
 * with `early` the worker starts at the open (prestart), with `cold` on the first request.
 * Prints {"wall": ms, "cpu": ms} (CPU time of the process: all its threads, V8's compile threads too).
 * Run: node --import tsx scripts/bench/parser-first-child.ts <workerFile> <document file> <early|cold>
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
    const c0 = cpuNow();
    const t0 = performance.now();
    if (mode === 'early') void client.prestart();
    const local = new LocalChecker();
    await warmUp(local, pause);
    const stmts = (await documentStatementsInSlices(doc, pause)) ?? [];
    await mapInSlices(stmts, (st) => local.check(st.text), pause);
    const outcomes = await Promise.all(stmts.map((st) => client.parse(st.text)));
    const wall = performance.now() - t0;
    const cpu = cpuNow() - c0;
    if (outcomes.some((o) => o?.kind !== 'ok' && o?.kind !== 'error')) throw new Error(`no verdict: ${JSON.stringify(outcomes)}`);
    console.log(JSON.stringify({ wall, cpu }));
  } finally {
    client.dispose();
  }
})();
