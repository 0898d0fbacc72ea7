// The shape shared by the benchmarks whose work runs in a bench runner extension inside the real
// extension host (test/bench/*-runner, transport-probe): a browser opens code-server's workbench,
// which starts the host and the runner; the runner writes its figures to a JSON result file
// (HOGQL_BENCH_RESULT) as it goes, with `done: true` at the end or `error` on failure.
import { launchBrowser, readJson, waitFor } from '../../../test/support/host.mjs';

/**
 * Launches a browser and opens `server`'s workbench in a fresh page. Returns the page and
 * `close()` (closes the browser; never throws), for the caller's `finally`.
 */
export async function openRunnerWorkbench(server) {
  const browser = await launchBrowser();
  const close = () => browser.close().catch(() => {});
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.workbenchUrl);
    return { page, close, browser };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Polls the runner's result `file` every `intervalMs` until it says done or error (or `until(result)`
 * holds), for at most `timeoutMs`; throws the runner's error. `onRead(result)` sees each read (for
 * progress).
 */
export async function runnerResult(file, timeoutMs, what, intervalMs, { until = (r) => r.done || r.error, onRead } = {}) {
  const r = await waitFor(
    () => {
      const cur = readJson(file);
      onRead?.(cur);
      return cur && until(cur) ? cur : undefined;
    },
    timeoutMs,
    what,
    intervalMs,
  );
  if (r.error) throw new Error(r.error);
  return r;
}
