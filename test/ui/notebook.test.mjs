// UI layer: a HogQL notebook (.hogqlnb) in the real workbench against the local PostHog: Ctrl+Enter
// in a cell runs that cell (not the .hogql runner), the output is our table renderer's (values as
// text), "N more rows" past the rows drawn, and the saved outputs come back when the file reopens.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { root, waitFor } from '../support/host.mjs';
import { findWebviewFrame, focusWorkbench, runFromPalette, statusBarTexts } from '../support/workbench.mjs';

describe('UI: HogQL notebook', function () {
  this.timeout(360_000);
  let session, emulator, page, dirs;

  before(async () => {
    session = await openSession({
      name: 'ui-notebook',
      workspace: join(root, 'test/fixtures/notebook-workspace'),
      emulator: { events: 500 },
      signIn: true,
      open: 'notes.hogql',
      settings: () => ({ 'hogql.notebook.saveOutputs': true }),
    });
    ({ emulator, dirs, page } = session);
  });

  after(() => session?.close());

  const shot = (name) => page.screenshot({ path: join(shots, `notebook-${name}.png`) });

  /** Opens the notebook from the Explorer. */
  async function openNotebook() {
    try {
      await page.locator('.explorer-folders-view .monaco-list-row[aria-label*="report.hogqlnb"]').click();
      await page.waitForSelector('.notebook-editor .code-cell-row', { timeout: 30_000 });
    } catch (e) {
      await shot('open-failed');
      throw e;
    }
  }

  /**
   * The rendered outputs in the notebook's output webview, by their first column's name (the
   * webview's DOM order is not the cells' order).
   */
  const tables = async (frame) => {
    const all = await frame.$$eval('.hogql-nb-output', (outs) =>
      outs.map((o) => ({
        summary: o.querySelector('.hogql-nb-summary')?.textContent ?? '',
        headers: [...o.querySelectorAll('th')].map((h) => h.textContent),
        rows: [...o.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent)),
        more: o.querySelector('.hogql-nb-more')?.textContent ?? '',
        imgs: o.querySelectorAll('img').length,
      })),
    );
    return Object.fromEntries(all.map((t) => [t.headers[0], t]));
  };

  it('runs the cell under the cursor with Ctrl+Enter and draws the result as a text table', async () => {
    await waitFor(async () => (await statusBarTexts(page)).some((t) => t.includes(emulator.projects[0].name)), 60_000, 'signed in');
    await page.waitForSelector('.editor-group-container .tab[aria-label*="notes.hogql"]', { timeout: 60_000 });
    await openNotebook();
    await page.locator('.notebook-editor .code-cell-row .monaco-editor .view-line').first().click();
    await page.keyboard.press('Control+Enter');
    const frame = await findWebviewFrame(page, '.hogql-nb-output tbody tr', 60_000).catch(async (e) => {
      await shot('run-failed');
      throw e;
    });
    const first = (await waitFor(async () => (await tables(frame)).html, 10_000, 'the first cell\'s table'));
    assert.deepEqual(first.headers, ['html', 'two']);
    assert.deepEqual(first.rows, [['<img src=x onerror=alert(1)>', '2']], 'the markup is shown as text');
    assert.equal(first.imgs, 0, 'no element was made from a value');
    assert.match(first.summary, new RegExp(`^${emulator.projects[0].name} · 1 row · `));
    // The .hogql runner's results panel did not open: the cell's own run took Ctrl+Enter.
    const panel = await findWebviewFrame(page, '#app[data-query-id]', 1_000).catch(() => undefined);
    assert.equal(panel, undefined, 'no results panel');
    await shot('run');
  });

  it('runs all cells; past the rows drawn it says how many more', async () => {
    await runFromPalette(page, 'Notebook: Run All');
    const frame = await findWebviewFrame(page, '.hogql-nb-output .hogql-nb-more', 60_000);
    const second = await waitFor(async () => (await tables(frame)).n, 30_000, 'the second cell\'s table');
    assert.deepEqual(second.headers, ['n']);
    assert.equal(second.rows.length, 200);
    assert.deepEqual(second.rows.slice(0, 3), [['0'], ['1'], ['2']]);
    assert.equal(second.more, '50 more rows');
    assert.match(second.summary, / · 250 rows · /);
  });

  it('saves the outputs in the file and shows them again when it reopens', async () => {
    await focusWorkbench(page);
    await page.locator('.notebook-editor .code-cell-row .monaco-editor .view-line').first().click();
    await page.keyboard.press('Control+S');
    const file = join(dirs.ws, 'report.hogqlnb');
    const saved = await waitFor(() => {
      const nb = JSON.parse(readFileSync(file, 'utf8'));
      return nb.cells[2]?.output?.rowCount === 250 && nb;
    }, 20_000, 'the outputs in the saved file');
    assert.deepEqual(saved.cells[1].output.rows, [['<img src=x onerror=alert(1)>', 2]]);
    assert.equal(saved.cells[1].output.project.id, emulator.projects[0].id);
    await runFromPalette(page, 'View: Close All Editors');
    await page.waitForSelector('.notebook-editor', { state: 'detached', timeout: 20_000 });
    await openNotebook();
    const frame = await findWebviewFrame(page, '.hogql-nb-output .hogql-nb-more', 60_000);
    const t = await waitFor(async () => {
      const x = await tables(frame);
      return x.html && x.n && x;
    }, 30_000, 'both outputs after reopening');
    assert.deepEqual(t.html.rows, [['<img src=x onerror=alert(1)>', '2']]);
    assert.equal(t.n.more, '50 more rows');
    await shot('reopened');
  });
});
