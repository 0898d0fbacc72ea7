// UI layer: Ctrl+Enter in the real editor runs the statement against the local PostHog and the
// results grid in the real webview shows the same cells as a plain HTTP query to the emulator.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, prepareRun, startCodeServer, launchBrowser, openWorkbench, waitFor } from '../support/host.mjs';
import { startEmulator } from '../support/emulator.mjs';
import { findWebviewFrame, statusBarTexts } from '../support/workbench.mjs';

const shots = join(root, 'artifacts', 'screenshots');
const QUERY = readFileSync(join(root, 'test/fixtures/run-workspace/run.hogql'), 'utf8');

describe('UI: run a query with Ctrl+Enter', function () {
  this.timeout(180_000);
  let emulator, server, browser, page;

  before(async () => {
    mkdirSync(shots, { recursive: true });
    emulator = await startEmulator({ events: 5000, rateLimits: false });
    const dirs = prepareRun({
      name: 'ui-run',
      workspace: join(root, 'test/fixtures/run-workspace'),
      extraExtensions: [{ from: join(root, 'demo/bootstrap'), id: 'hogql-dev.demo-bootstrap-0.0.1' }],
    });
    server = await startCodeServer(dirs, {
      HOGQL_DEMO_SIGNIN: JSON.stringify({ host: emulator.url, key: emulator.personalKey, projectId: emulator.projects[0].id }),
      HOGQL_DEMO_OPEN: 'run.hogql',
    });
    browser = await launchBrowser();
    ({ page } = await openWorkbench(browser, server, dirs));
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    await emulator?.stop();
  });

  /** The same query over plain HTTP (the expected answer, independent of the extension). */
  async function expected() {
    const res = await fetch(`${emulator.url}/api/projects/${emulator.projects[0].id}/query/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.personalKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: { kind: 'HogQLQuery', query: QUERY } }),
    });
    assert.equal(res.status, 200);
    return (await res.json()).results.map((r) => r.map((v) => (v === null ? 'NULL' : String(v))));
  }

  it('shows the statement result in the grid', async () => {
    await waitFor(async () => (await statusBarTexts(page)).some((t) => t.includes(emulator.projects[0].name)), 60_000, 'signed in');
    await page.waitForSelector('.editor-group-container.active .tab.active[aria-label*="run.hogql"]', { timeout: 30_000 });
    // Cursor into the statement, then the real keybinding.
    await page.locator('.monaco-editor .view-lines .view-line').nth(3).click();
    await page.keyboard.press('Control+Enter');
    const frame = await findWebviewFrame(page, '#app[data-query-id^="vscode-hogql-"] .grid-body .row', 60_000);
    const want = await expected();
    assert.ok(want.length > 1, 'the sample data has several browsers');
    const rows = await waitFor(async () => {
      const r = await frame.$$eval('.grid-body .row', (els) =>
        els
          .map((e) => ({ i: Number(e.getAttribute('aria-rowindex')), cells: [...e.children].slice(1).map((c) => c.textContent) }))
          .sort((a, b) => a.i - b.i)
          .map((x) => x.cells),
      );
      return r.length >= Math.min(want.length, 5) && r;
    }, 20_000, 'grid rows');
    for (let i = 0; i < Math.min(want.length, rows.length); i++) assert.deepEqual(rows[i], want[i], `row ${i + 1}`);
    const headers = await frame.$$eval('[role="columnheader"]', (hs) => hs.map((h) => h.textContent ?? ''));
    assert.ok(headers.some((h) => h.includes('browser')) && headers.some((h) => h.includes('views')), headers.join(' | '));
    await page.screenshot({ path: join(shots, 'run-ctrl-enter.png') });
  });
});
