// UI layer: one results tab per statement (issue #14 item 9). Running a second statement of a file
// adds a tab beside the first instead of replacing its result; clicking the first tab shows its
// result again; re-running a statement replaces its own tab; over `hogql.results.maxTabs` the
// least recently run tab goes; a tab's close button removes it and cancels its running query
// (one DELETE). Real workbench, real webview, runs against the local PostHog emulator.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { waitFor } from '../support/host.mjs';
import { findWebviewFrame, notificationTexts, quickOpen, runLenses, waitSignedIn } from '../support/workbench.mjs';

const STATEMENTS = [
  'SELECT 1 AS first_col;',
  'SELECT 2 AS second_col, 3 AS other;',
  "SELECT 'x' AS third_col;",
  // runs until cancelled (or the engine's 60 s limit)
  'SELECT count() AS slow_col FROM numbers(100000000000) WHERE cityHash64(number) % 7 = 3;',
];

describe('UI: one results tab per statement', function () {
  this.timeout(300_000);
  let session, emulator, page, copyFile;

  before(async () => {
    session = await openSession({
      name: 'ui-results-tabs',
      emulator: { events: 500 },
      signIn: true,
      env: (d) => {
        writeFileSync(join(d.ws, 'tabs.hogql'), `${STATEMENTS.join('\n\n')}\n`);
        mkdirSync(join(d.ws, '.vscode'), { recursive: true });
        writeFileSync(
          join(d.ws, '.vscode', 'settings.json'),
          JSON.stringify({ 'hogql.results.maxTabs': 3, 'hogql.diagnostics.server': false, 'hogql.completion.projectNames': false }),
        );
        copyFile = join(d.run, 'copied.jsonl');
        return { HOGQL_DEV_COPY_FILE: copyFile };
      },
    });
    ({ emulator, page } = session);
    await waitSignedIn(page, emulator.projects[0].name);
    await quickOpen(page, 'tabs.hogql');
  });

  after(() => session?.close());

  const admin = async (path, method = 'GET') => {
    const res = await fetch(`${emulator.url}${path}`, { method, headers: { authorization: `Bearer ${emulator.adminToken}` } });
    assert.ok(res.ok, `${path}: ${res.status}`);
    return res.json();
  };

  /** Texts the host wrote to the clipboard (HOGQL_DEV_COPY_FILE, appended right after each write). */
  const copies = () => (existsSync(copyFile) ? readFileSync(copyFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).text) : []);
  /** Clicks the shown tab's Copy button; the text the host received. */
  async function copyShown(frame) {
    const n = copies().length;
    await frame.click('#app button.copy-tsv');
    return waitFor(() => copies().length > n && copies().at(-1), 10_000, 'the copy to reach the host');
  }

  /** Clicks the "Run" CodeLens of statement `i` (0-based) in the editor of tabs.hogql. */
  async function runStatement(i) {
    const lenses = runLenses(page);
    try {
      await waitFor(async () => (await lenses.count()) === STATEMENTS.length, 30_000, 'a Run CodeLens above each statement');
    } catch (e) {
      // what the editor shows instead (e.g. a Cancel lens of a run that did not end), and where
      await page.screenshot({ path: join(shots, `results-tabs-lenses-${i}.png`) });
      const shown = await page.locator('.monaco-editor .codelens-decoration a').allTextContents();
      throw new Error(`${e.message}; lenses: ${JSON.stringify(shown)}; notifications: ${JSON.stringify(await notificationTexts(page))}`);
    }
    await lenses.nth(i).click();
  }

  const panel = () => findWebviewFrame(page, '#app .result-tabs', 60_000);
  /** The strip: each tab's label, whether it is the shown one, and its run state. */
  const strip = (frame) =>
    frame.$$eval('.result-tabs [role=tab]', (tabs) =>
      tabs.map((t) => ({ label: t.querySelector('.result-tab-label')?.textContent ?? '', selected: t.getAttribute('aria-selected') === 'true', phase: t.closest('[data-phase]')?.dataset.phase ?? '' })),
    );
  /** Column names of the grid on screen (the shown tab's). */
  const columns = (frame) => frame.$$eval('#app [role=grid] [role=columnheader] .col-name', (hs) => hs.map((h) => h.textContent));
  const waitColumns = (frame, first, what) => waitFor(async () => (await columns(frame).catch(() => []))[0] === first, 60_000, what);

  it('a second statement adds a tab beside the first; the first result is still there', async () => {
    await runStatement(0);
    const frame = await panel();
    await waitColumns(frame, 'first_col', 'the result of statement 1');
    await runStatement(1);
    await waitColumns(frame, 'second_col', 'the result of statement 2');
    assert.deepEqual(await strip(frame), [
      { label: 'SELECT 1 AS first_col', selected: false, phase: 'result' },
      { label: 'SELECT 2 AS second_col, 3 AS…', selected: true, phase: 'result' },
    ]);
    // the tooltip: the whole statement (its `;` is no part of what runs)
    assert.equal((await frame.$eval('.result-tabs [role=tab][aria-selected=true]', (t) => t.title)).replace(/;$/, ''), STATEMENTS[1].replace(/;$/, ''));
    assert.equal(await frame.$$eval('[role=tabpanel]', (p) => p.length), 1, 'only the shown tab is in the page');
    await frame.click('.result-tabs [role=tab] >> text=SELECT 1 AS first_col');
    await waitColumns(frame, 'first_col', 'statement 1 shown again by its tab');
    assert.deepEqual((await strip(frame)).map((t) => t.selected), [true, false]);
    await page.screenshot({ path: join(shots, 'results-tabs.png') });
    // each tab keeps its own filter; the keyboard moves between tabs (Right, Left)
    await frame.fill('#app input.filter', 'nothing matches');
    await waitFor(async () => (await frame.$$('#app .grid-body .row')).length === 0, 10_000, 'statement 1 filtered');
    await frame.focus('.result-tabs [role=tab][aria-selected=true]');
    await page.keyboard.press('ArrowRight');
    await waitColumns(frame, 'second_col', 'ArrowRight shows statement 2');
    assert.equal(await frame.inputValue('#app input.filter'), '', "statement 2's own filter");
    await page.keyboard.press('ArrowLeft');
    await waitColumns(frame, 'first_col', 'ArrowLeft shows statement 1');
    assert.equal(await frame.inputValue('#app input.filter'), 'nothing matches', "statement 1's filter kept");
    await frame.fill('#app input.filter', '');
    await waitFor(async () => (await frame.$$('#app .grid-body .row')).length === 1, 10_000, 'statement 1 unfiltered');
    // the header's actions act on the shown tab
    assert.match(await copyShown(frame), /^first_col\n1$/);
    await frame.click('.result-tabs [role=tab] >> text=SELECT 2 AS second_col');
    await waitColumns(frame, 'second_col', 'statement 2 shown by its tab');
    assert.match(await copyShown(frame), /^second_col\tother\n2\t3$/);
  });

  it('re-running a statement replaces its own tab; over the limit the least recently run goes', async () => {
    const frame = await panel();
    await runStatement(0);
    await waitColumns(frame, 'first_col', 'statement 1 re-run');
    assert.equal((await strip(frame)).length, 2, 'the re-run replaced its own tab');
    await runStatement(2);
    await waitColumns(frame, 'third_col', 'the result of statement 3');
    assert.equal((await strip(frame)).length, 3);
    // a fourth statement: over the limit of 3, statement 2's tab (run least recently) goes
    await runStatement(3);
    await waitFor(async () => (await strip(frame)).length === 3 && (await strip(frame))[2]?.phase === 'running', 30_000, 'the fourth tab, running');
    assert.deepEqual((await strip(frame)).map((t) => t.label), ['SELECT 1 AS first_col', "SELECT 'x' AS third_col", 'SELECT count() AS slow_col FROM…']);
  });

  it("a tab's close button removes it; closing a running tab cancels its query (one DELETE)", async () => {
    const frame = await panel();
    // DELETEs before the close: a first run that had no answer within 3 s (a loaded machine: the
    // emulator's first query) was cancelled and restarted async, which is one DELETE of its own
    const cancels = async () => (await admin('/_emulator/requests')).requests.filter((r) => r.method === 'DELETE' && /\/query\/vscode-hogql-/.test(r.path));
    const earlier = (await cancels()).length;
    await frame.click('.result-tab-wrap.active .result-tab-close');
    await waitFor(async () => (await strip(frame)).length === 2, 30_000, 'the running tab closed');
    // its neighbour (statement 3, before it) is shown
    await waitColumns(frame, 'third_col', 'the neighbour shown');
    await waitFor(async () => {
      const log = (await cancels()).slice(earlier);
      return log.length > 0 && log;
    }, 30_000, 'the DELETE of the cancelled query');
    // the run's end is reported (the CodeLens goes back to Run) before counting again
    await waitFor(async () => (await page.locator('.codelens-decoration a', { hasText: 'Cancel' }).count()) === 0, 30_000, 'the run ended');
    const again = (await cancels()).slice(earlier);
    assert.equal(again.length, 1, `one DELETE: ${JSON.stringify(again.map((r) => r.path))}`);
    await frame.click('.result-tab-wrap:first-child .result-tab-close');
    await waitFor(async () => (await strip(frame)).length === 1, 30_000, 'statement 1 tab closed');
    assert.deepEqual(await strip(frame), [{ label: "SELECT 'x' AS third_col", selected: true, phase: 'result' }]);
  });

  it('an edited statement re-run replaces its tab, at its place in the strip', async () => {
    const frame = await panel();
    await runStatement(0);
    await waitColumns(frame, 'first_col', 'statement 1 in a tab again');
    // statement 3 edited in the editor (the `;` stays last), then run again
    await page.locator('.editor-group-container .monaco-editor .view-line', { hasText: 'third_col' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(', 4 AS fourth');
    await runStatement(2);
    await waitFor(async () => (await columns(frame)).join() === 'third_col,fourth', 60_000, 'the edited statement 3 result');
    assert.deepEqual(await strip(frame), [
      { label: "SELECT 'x' AS third_col, 4 AS…", selected: true, phase: 'result' },
      { label: 'SELECT 1 AS first_col', selected: false, phase: 'result' },
    ]);
  });

  it('the tabs and their results come back when the hidden panel is shown again', async () => {
    // another editor over the results panel in its group hides (and tears down) the webview
    const resultsTab = '.editor-group-container .tab[aria-label*="Results: tabs.hogql"]';
    await page.click(resultsTab); // its group becomes the active one
    await quickOpen(page, 'sample.hogql');
    assert.equal(await page.locator(resultsTab).getAttribute('aria-selected'), 'false', 'the results panel is hidden');
    await page.click(resultsTab);
    const frame = await findWebviewFrame(page, '#app .result-tabs [role=tab]', 60_000);
    await waitColumns(frame, 'third_col', 'the shown tab re-posted');
    assert.deepEqual((await strip(frame)).map((t) => [t.label, t.selected]), [
      ["SELECT 'x' AS third_col, 4 AS…", true],
      ['SELECT 1 AS first_col', false],
    ]);
    await frame.click('.result-tabs [role=tab] >> text=SELECT 1 AS first_col');
    await waitColumns(frame, 'first_col', 'the other tab re-posted too');
  });
});
