// UI layer: the results panel survives a window reload (issue #17). Two statements run in two tabs,
// one pinned; "Developer: Reload Window" restarts the workbench and the extension host; VS Code
// restores the panel through the extension's webview panel serializer: the same tabs, the tab that
// was shown, the saved first 1,000 of 1,500 rows with a note saying so, and the pin (a run of the
// pinned statement after the reload is compared with it). Real workbench, against the emulator.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { waitFor } from '../support/host.mjs';
import { findWebviewFrame, quickOpen, runFromPalette, runLenses, statusBarTexts, waitSignedIn } from '../support/workbench.mjs';

const STATEMENTS = ['SELECT number AS n, toString(number * 7) AS s FROM numbers(1500) LIMIT 1500;', "SELECT 'b' AS second, 2 AS two;"];

describe('UI: the results panel after a window reload', function () {
  this.timeout(300_000);
  let session, emulator, page;

  before(async () => {
    session = await openSession({
      name: 'ui-results-restore',
      emulator: { events: 100 },
      signIn: true,
      // the demo bootstrap opens this file once signed in (again after the reload: then it is done)
      open: 'opened.hogql',
      env: (d) => {
        writeFileSync(join(d.ws, 'restore.hogql'), `${STATEMENTS.join('\n\n')}\n`);
        writeFileSync(join(d.ws, 'opened.hogql'), 'SELECT 1\n');
        return {};
      },
    });
    ({ emulator, page } = session);
    // the bootstrap opens its file after signing in: a quick open before that would be closed by it
    await page.waitForSelector('.editor-group-container .tab.active[aria-label*="opened.hogql"]', { timeout: 90_000 });
    await signedInWith('restore.hogql');
  });

  after(() => session?.close());

  /** Signed in (the demo bootstrap signs in again after a reload) with `file` in the active editor. */
  async function signedInWith(file) {
    await waitSignedIn(page, emulator.projects[0].name, 90_000);
    await quickOpen(page, file);
  }

  async function runStatement(i) {
    const lenses = runLenses(page);
    await waitFor(async () => (await lenses.count()) === STATEMENTS.length, 30_000, 'a Run CodeLens above each statement');
    await lenses.nth(i).click();
  }

  const strip = (frame) =>
    frame.$$eval('.result-tabs [role=tab]', (tabs) => tabs.map((t) => ({ label: t.querySelector('.result-tab-label')?.textContent ?? '', selected: t.getAttribute('aria-selected') === 'true' })));
  const columns = (frame) => frame.$$eval('#app [role=grid] [role=columnheader] .col-name', (hs) => hs.map((h) => h.textContent));
  const stats = (frame) => frame.textContent('#app .stats').catch(() => '');
  const pinText = (frame) => frame.$eval('#app .pin-bar', (b) => (b.hidden ? '' : b.querySelector('.pin-text')?.textContent ?? '')).catch(() => '');

  it('the tabs, the shown tab, the saved first rows and the pin come back', async () => {
    await runStatement(0);
    let frame = await findWebviewFrame(page, '#app .result-tabs', 60_000);
    await waitFor(async () => /^1,500 rows/.test(await stats(frame)), 60_000, 'statement 1: 1,500 rows');
    await runStatement(1);
    await waitFor(async () => (await columns(frame))[0] === 'second', 60_000, 'statement 2 result');
    await frame.click('#app .pin-bar button.pin');
    await waitFor(async () => /^Pinned \d\d:\d\d$/.test(await pinText(frame)), 30_000, 'statement 2 pinned');
    await frame.click('.result-tabs [role=tab] >> text=SELECT number AS n');
    await waitFor(async () => (await columns(frame))[0] === 'n', 30_000, 'statement 1 shown again');
    // the host's snapshots reach the webview's state before the reload (stored as they arrive)
    const before = await strip(frame);
    assert.deepEqual(before.map((t) => t.selected), [true, false]);

    await runFromPalette(page, 'Developer: Reload Window');
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    // signed in again and the bootstrap's editor opened (it may cover the panel): show the panel
    await waitFor(async () => (await statusBarTexts(page)).some((t) => t.includes(emulator.projects[0].name)), 90_000, 'signed in after the reload');
    await page.waitForSelector('.editor-group-container .tab.active[aria-label*="opened.hogql"]', { timeout: 60_000 });
    await page.click('.editor-group-container .tab[aria-label*="Results: restore.hogql"]');
    frame = await findWebviewFrame(page, '#app .restored-note:not([hidden])', 120_000);
    assert.deepEqual(await strip(frame), before, 'the same tabs, the same one shown');
    assert.deepEqual(await columns(frame), ['n', 's']);
    assert.match(await stats(frame), /^1,000 rows/);
    assert.match(await frame.textContent('#app .restored-note'), /^Restored after the window reload \(saved \d\d:\d\d\): showing the saved first 1,000 rows, re-run for all\.$/);
    assert.equal(await frame.$eval('#app [role=grid]', (g) => g.getAttribute('aria-rowcount')), '1001');
    assert.deepEqual(await frame.$$eval('#app .grid-body .row[data-row="3"] .cell', (cs) => cs.map((c) => c.textContent)), ['3', '21']);
    await page.screenshot({ path: join(shots, 'results-restored.png') });

    // the pinned tab: its pin came back, and a run after the reload is compared with it
    await frame.click('.result-tabs [role=tab]:has-text("second")');
    await waitFor(async () => (await columns(frame))[0] === 'second', 30_000, 'statement 2 restored');
    assert.match(await pinText(frame), /^Pinned \d\d:\d\d$/);
    await page.click('.editor-group-container .tab[aria-label*="restore.hogql"]:not([aria-label*="Results"])');
    await runStatement(1);
    // (the run reveals the panel: a webview shown again is a new frame)
    const shown = () => findWebviewFrame(page, '#app .pin-bar', 30_000);
    await waitFor(async () => /^\+0 −0 ~0 vs pinned \d\d:\d\d$/.test(await pinText(await shown())), 60_000, 'the new run compared with the restored pin');
    frame = await shown();
    assert.equal((await strip(frame)).length, 2, 'the run landed in its restored tab');
    assert.equal(await frame.$eval('#app .restored-note', (n) => n.hidden), true, 'a fresh result: no restored note');
  });
});
