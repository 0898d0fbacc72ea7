// UI layer: pin a result and diff the next run against it (issue #17). Run a statement, pin its
// result, edit the statement in the editor and run it again: the header counts "+2 −1 ~1 vs pinned
// HH:MM", the grid marks the added rows and the changed cell (a sign in the row number, not colour
// alone; the pinned value in the cell's tooltip), the removed row is listed; "Match by…" (a quick
// pick of the columns) re-matches the rows by another key; Unpin drops the marks. Real workbench,
// real webview, against the local PostHog emulator.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { waitFor } from '../support/host.mjs';
import { findWebviewFrame, quickOpen, runLenses, waitSignedIn } from '../support/workbench.mjs';
import { readmeShot, topOf } from '../support/readmeImages.mjs';

const FIRST = 'SELECT number AS id, number * 10 AS v FROM numbers(5);';
// ids 1…6: id 0 removed, 5 and 6 added, id 2's v changed (20 → 99)
const EDITED = 'SELECT number AS id, if(number = 2, 99, number * 10) AS v FROM numbers(1, 6);';

describe('UI: pin a result and diff the next run', function () {
  this.timeout(240_000);
  let session, emulator, page;

  before(async () => {
    session = await openSession({
      name: 'ui-results-pin',
      emulator: { events: 100 },
      signIn: true,
      settings: () => ({ 'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never', 'hogql.diagnostics.server': false }),
      env: (d) => {
        writeFileSync(join(d.ws, 'pin.hogql'), `${FIRST}\n`);
        return {};
      },
    });
    ({ emulator, page } = session);
    await waitSignedIn(page, emulator.projects[0].name);
    await quickOpen(page, 'pin.hogql');
  });

  after(() => session?.close());

  async function run() {
    const lens = runLenses(page);
    await waitFor(async () => (await lens.count()) === 1, 30_000, 'the Run CodeLens');
    await lens.click();
  }

  const panel = () => findWebviewFrame(page, '#app .pin-bar', 60_000);
  const pinText = (frame) => frame.$eval('#app .pin-bar', (b) => (b.hidden ? '' : b.querySelector('.pin-text')?.textContent ?? '')).catch(() => '');
  /** The shown rows: row number text, diff mark, cells, and the changed cells' tooltips. */
  const rows = (frame) =>
    frame.$$eval('#app .grid-body .row', (rs) =>
      rs
        .map((r) => ({
          at: Number(r.dataset.row),
          num: r.querySelector('.rownum')?.textContent ?? '',
          diff: r.dataset.diff ?? '',
          cells: [...r.querySelectorAll('.cell')].map((c) => c.textContent),
          changed: [...r.querySelectorAll('.cell.diff-changed')].map((c) => c.title),
        }))
        .sort((a, b) => a.at - b.at)
        .map(({ at: _at, ...rest }) => rest),
    );

  it('the next run of a pinned statement is diffed against it, marks and counts in the grid', async () => {
    await run();
    const frame = await panel();
    await waitFor(async () => /^5 rows/.test(await frame.textContent('#app .stats')), 60_000, 'the first result');
    assert.equal(await frame.$eval('#app .pin-bar button.pin', (b) => b.hidden), false, 'a Pin action');
    await frame.click('#app .pin-bar button.pin');
    await waitFor(async () => /^Pinned \d\d:\d\d$/.test(await pinText(frame)), 30_000, 'pinned');
    assert.equal(await frame.$$eval('#app .row[data-diff]', (r) => r.length), 0, 'the pinned result itself has no marks');

    // the statement edited in the editor, then run again: it lands in the same tab
    await page.locator('.editor-group-container .monaco-editor .view-line', { hasText: 'numbers' }).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(EDITED);
    await run();
    await waitFor(async () => /^\+2 −1 ~1 vs pinned \d\d:\d\d$/.test(await pinText(frame)), 60_000, 'the diff counts').catch(async (e) => {
      await page.screenshot({ path: join(shots, 'results-pin-failed.png') });
      const editor = await page.locator('.editor-group-container .monaco-editor .view-lines').first().textContent();
      throw new Error(`${e.message}; pin bar: ${JSON.stringify(await pinText(frame))}; stats: ${await frame.textContent('#app .stats')}; editor: ${editor}`);
    });
    assert.equal(await frame.$eval('#app .pin-text', (t) => t.getAttribute('aria-label')), `2 added, 1 removed, 1 changed rows compared with the result pinned at ${(await pinText(frame)).slice(-5)}, matched by id`);
    const shown = await rows(frame);
    assert.deepEqual(
      shown.map((r) => [r.num, r.diff, r.cells.join()]),
      [['1', '', '1,10'], ['~ 2', 'changed', '2,99'], ['3', '', '3,30'], ['4', '', '4,40'], ['+ 5', 'added', '5,50'], ['+ 6', 'added', '6,60']],
    );
    assert.deepEqual(shown[1].changed, ['Changed since the pin; pinned value: 20']);
    assert.equal(await frame.$eval('#app .pin-removed summary', (s) => s.textContent), '1 removed row');
    assert.deepEqual(await frame.$$eval('#app .pin-removed-row', (li) => li.map((l) => l.textContent)), ['− 0 | 0']);
    await page.screenshot({ path: join(shots, 'results-pin-diff.png') });
    await readmeShot(page, 'pin-diff.png', await topOf(await frame.frameElement(), [frame.locator('#app .grid-body .row').last()]), { pad: 0 });
  });

  it('"Match by…" re-matches the rows by the columns picked', async () => {
    const frame = await panel();
    await frame.click('#app .pin-bar button.pin-keys');
    const row = (label) => page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
    await row('id').waitFor({ timeout: 15_000 });
    assert.equal(await row('id').getAttribute('aria-checked'), 'true', 'the current key (the first column) is picked');
    await row('id').click();
    await row('v').click();
    await waitFor(async () => (await row('v').getAttribute('aria-checked')) === 'true' && (await row('id').getAttribute('aria-checked')) === 'false', 10_000, 'v picked instead of id');
    await page.keyboard.press('Enter');
    // by v: 10, 30, 40 match; 99, 50, 60 are new; 0 and 20 are gone
    await waitFor(async () => /^\+3 −2 ~0 vs pinned/.test(await pinText(frame)), 30_000, 'the rows matched by v');
    assert.match(await frame.textContent('#app .pin-keys'), /^Match by: v…$/);
  });

  it('Unpin drops the marks and offers Pin again', async () => {
    const frame = await panel();
    await frame.click('#app .pin-bar button.unpin');
    await waitFor(async () => (await pinText(frame)) === '', 30_000, 'unpinned');
    assert.equal(await frame.$$eval('#app .row[data-diff]', (r) => r.length), 0);
    assert.equal(await frame.$eval('#app .pin-bar button.pin', (b) => b.hidden), false);
    assert.deepEqual((await rows(frame)).map((r) => r.num), ['1', '2', '3', '4', '5', '6']);
  });
});
