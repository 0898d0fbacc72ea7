// What the results grid's benches (webview-grid.mjs, grid-alloc.mjs) share: their options and a
// workbench in code-server + headless Chromium with the packaged extension (test hooks on), whose
// results panel opens the dev results file (HOGQL_DEV_RESULTS_FILE, a generator spec).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageExtension } from '../../package.mjs';
import { root, prepareRun, startCodeServer, launchBrowser, openWorkbench } from '../../../test/support/host.mjs';

/** `--name 123` as a number, or `dflt` when absent. */
export const numberArg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};

/** Starts the workbench; `devFile` is where the panel's next result is described; `close()` ends it all. */
export async function startGridBench(name, devResults) {
  const vsix = packageExtension({ quiet: true, testHooks: true });
  const dirs = prepareRun({ name, vsix: vsix.path, workspace: join(root, 'test', 'fixtures', 'workspace') });
  const devFile = join(dirs.run, 'dev-results.json');
  writeFileSync(devFile, JSON.stringify(devResults));
  const server = await startCodeServer(dirs, { HOGQL_DEV_RESULTS_FILE: devFile });
  const browser = await launchBrowser();
  const close = async () => {
    await browser.close().catch(() => {});
    await server.stop();
  };
  try {
    const { page } = await openWorkbench(browser, server, dirs);
    page.setDefaultTimeout(600_000);
    const cdp = await page.context().newCDPSession(page);
    return { devFile, browser, page, cdp, close };
  } catch (e) {
    await close();
    throw e;
  }
}
