// Runs the host test layer: installs the packaged .vsix into a fresh code-server, adds the runner
// extension with the compiled host tests inside it, opens the workbench in Chromium (the extension
// host starts only then) and waits for the runner's JSON report.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from './emulator.mjs';
import {
  root, prepareRun, startCodeServer, launchBrowser, openWorkbench, readJson, waitFor, installedExtensions, EXTENSION_ID,
} from './host.mjs';

const RUNNER_ID = 'hogql-dev.test-runner-0.0.1';

export async function runHostSuite({ grep, env = {}, timeoutMs = 20 * 60_000, log = console.log } = {}) {
  const compiled = join(root, 'out', 'test', 'host');
  if (!existsSync(compiled)) throw new Error('out/test/host missing: run node scripts/build.mjs --tests');
  const dirs = prepareRun({
    name: 'host',
    workspace: join(root, 'test', 'fixtures', 'workspace'),
    extraExtensions: [{ from: join(root, 'test', 'host-runner'), id: RUNNER_ID }],
  });
  const installed = installedExtensions(dirs.ext);
  if (!installed.some((d) => d.startsWith(`${EXTENSION_ID}-`))) {
    throw new Error(`the .vsix did not install: extensions dir holds ${installed.join(', ')}`);
  }
  log(`  installed ${installed.find((d) => d.startsWith(EXTENSION_ID))} from the .vsix in ${dirs.installMs} ms`);
  // Test files live inside the runner extension's folder so `require('vscode')` binds to an extension.
  const testsDir = join(dirs.ext, RUNNER_ID, 'tests');
  mkdirSync(testsDir, { recursive: true });
  cpSync(compiled, testsDir, { recursive: true });
  const files = readdirSync(testsDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => join(testsDir, f));
  const resultFile = join(dirs.run, 'host-result.json');
  // The local PostHog the host tests talk to (rate limits off: tests make many calls quickly).
  const emulator = await startEmulator({ events: 5000, rateLimits: false });
  log(`  emulator at ${emulator.url}`);
  const server = await startCodeServer(dirs, {
    HOGQL_TEST_EMULATOR: JSON.stringify({ url: emulator.url, personalKey: emulator.personalKey, adminToken: emulator.adminToken, projects: emulator.projects, keys: emulator.keys }),
    HOGQL_TEST_HOOKS: '1',
    ...env,
    HOGQL_HOST_TESTS: files.join(','),
    HOGQL_HOST_RESULT: resultFile,
    HOGQL_MOCHA_PATH: join(root, 'node_modules', 'mocha'),
    HOGQL_TEST_RUN_DIR: dirs.run,
    ...(grep ? { HOGQL_HOST_GREP: grep } : {}),
  });
  const browser = await launchBrowser();
  try {
    await openWorkbench(browser, server, dirs);
    return await waitFor(() => readJson(resultFile), timeoutMs, 'the host test report', 200);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    await emulator.stop();
  }
}
