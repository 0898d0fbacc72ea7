// UI layer: a HogQL notebook (.hogqlnb) in the real workbench against the local PostHog: Ctrl+Enter
// in a cell runs that cell (not the .hogql runner), each output is the results grid drawn by our
// notebook renderer (values as text, a fixed height with the rows scrolling inside, sort by a
// header click, filter, the chart tab), and the saved outputs come back as grids when the file reopens.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { root, waitFor } from '../support/host.mjs';
import { findWebviewFrame, focusWorkbench, runFromPalette, waitSignedIn } from '../support/workbench.mjs';

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
   * The rendered outputs in the notebook's output webview (each in its own shadow root, which
   * Playwright's selectors pierce), by their first column's name (the webview's DOM order is not
   * the cells' order): the summary line, the grid's headers and its drawn rows in row order, the
   * toolbar's figures, the note on rows not kept, and whether any element was made from a value.
   */
  const tables = async (frame) => {
    const all = await frame.$$eval('.hogql-nb-output', (outs) =>
      outs.map((o) => ({
        summary: o.querySelector('.hogql-nb-summary')?.textContent ?? '',
        headers: [...o.querySelectorAll('.grid-header .col-name')].map((h) => h.textContent),
        rows: [...o.querySelectorAll('.grid-body .row')]
          .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
          .map((r) => [...r.querySelectorAll('.cell')].map((c) => c.textContent)),
        stats: o.querySelector('.stats')?.textContent ?? '',
        more: o.querySelector('.hogql-nb-more')?.textContent ?? '',
        imgs: o.querySelectorAll('img').length,
        height: o.querySelector('.hogql-nb-app')?.getBoundingClientRect().height ?? 0,
        scroller: (({ scrollHeight, clientHeight }) => ({ scrollHeight, clientHeight }))(o.querySelector('.grid-scroll') ?? { scrollHeight: 0, clientHeight: 0 }),
      })),
    );
    return Object.fromEntries(all.map((t) => [t.headers[0], t]));
  };

  /** Scrolls the notebook so the last cell's output is in view (clicks land on what is shown). */
  async function revealLastOutput() {
    await page.locator('.notebook-editor .code-cell-row .monaco-editor .view-line').last().click();
  }

  /** The outputs, once every one named in `names` is drawn with rows. */
  const drawn = (frame, names, what) =>
    waitFor(async () => {
      const t = await tables(frame);
      return names.every((n) => t[n]?.rows.length) && t;
    }, 30_000, what);

  it('runs the cell under the cursor with Ctrl+Enter and draws the result in the results grid', async () => {
    await waitSignedIn(page, emulator.projects[0].name);
    await page.waitForSelector('.editor-group-container .tab[aria-label*="notes.hogql"]', { timeout: 60_000 });
    await openNotebook();
    await page.locator('.notebook-editor .code-cell-row .monaco-editor .view-line').first().click();
    await page.keyboard.press('Control+Enter');
    const frame = await findWebviewFrame(page, '.hogql-nb-output .grid-body .row .cell', 60_000).catch(async (e) => {
      await shot('run-failed');
      throw e;
    });
    const { html: first } = await drawn(frame, ['html'], "the first cell's grid");
    assert.deepEqual(first.headers, ['html', 'two']);
    assert.deepEqual(first.rows, [['<img src=x onerror=alert(1)>', '2']], 'the markup is shown as text');
    assert.equal(first.imgs, 0, 'no element was made from a value');
    assert.match(first.summary, new RegExp(`^${emulator.projects[0].name} · 1 row · `));
    assert.match(first.stats, /^1 row · 2 columns · /);
    // the grid's chart tab is there too
    assert.equal(await frame.$$eval('.hogql-nb-output .tab[data-tab="chart"]', (ts) => ts.length), 1);
    // The .hogql runner's results panel did not open: the cell's own run took Ctrl+Enter.
    const panel = await findWebviewFrame(page, '#app[data-query-id]', 1_000).catch(() => undefined);
    assert.equal(panel, undefined, 'no results panel');
    await shot('run');
  });

  it('runs all cells; a long result scrolls inside its output and sorts and filters by the grid', async () => {
    await runFromPalette(page, 'Notebook: Run All');
    const frame = await findWebviewFrame(page, '.hogql-nb-output .grid-header .col-name:text-is("n")', 60_000);
    const { n } = await drawn(frame, ['html', 'n'], "the second cell's grid");
    assert.deepEqual(n.headers, ['n']);
    assert.deepEqual(n.rows.slice(0, 3), [['0'], ['1'], ['2']]);
    assert.ok(n.rows.length < 250, `only the rows in view are drawn (${n.rows.length})`);
    assert.match(n.stats, /^250 rows · 1 column · /);
    assert.match(n.summary, / · 250 rows · /);
    assert.equal(n.more, '', 'every row is kept');
    assert.ok(n.height > 100 && n.height <= 420, `a fixed height (${n.height})`);
    assert.ok(n.scroller.scrollHeight > n.scroller.clientHeight + 1000, 'the grid scrolls inside the output');
    await revealLastOutput();
    const out = frame.locator('.hogql-nb-output:has(.col-name:text-is("n"))');
    // a header click sorts: ascending (as it came), then descending
    await out.locator('.hcell:has(.col-name:text-is("n"))').click();
    await out.locator('.hcell:has(.col-name:text-is("n"))').click();
    const desc = await waitFor(async () => ((await tables(frame)).n.rows[0]?.[0] === '249' ? (await tables(frame)).n : undefined), 10_000, 'sorted descending');
    assert.deepEqual(desc.rows.slice(0, 3), [['249'], ['248'], ['247']]);
    // the filter box filters the rows of the output
    await out.locator('input.filter').fill('24');
    const filtered = await waitFor(async () => {
      const t = (await tables(frame)).n;
      return /^\d+ of 250 rows/.test(t.stats) && t;
    }, 10_000, 'filtered');
    assert.ok(filtered.rows.every(([v]) => v.includes('24')), filtered.rows.join(','));
    assert.match(filtered.stats, /^13 of 250 rows/);
    await shot('sorted');
    // the chart tab draws the first cell's result as a chart
    const first = frame.locator('.hogql-nb-output:has(.col-name:text-is("html"))');
    await first.locator('.tab[data-tab="chart"]').click();
    await first.locator('.chart-canvas').waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await first.locator('.chart-canvas').getAttribute('aria-label'), /^(line|bar) chart of two by html$/);
    await first.locator('.tab[data-tab="table"]').click();
  });

  it('copies from the grid with its Copy button and with Ctrl+C on a selected cell', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const frame = await findWebviewFrame(page, '.hogql-nb-output .grid-header .col-name:text-is("html")', 10_000);
    const first = frame.locator('.hogql-nb-output:has(.col-name:text-is("html"))');
    const clipboard = () => frame.evaluate(() => navigator.clipboard.readText()).catch((e) => `(unreadable: ${e.message})`);
    const copied = async (act, want, what) => {
      await frame.evaluate(() => navigator.clipboard.writeText('')).catch(() => undefined);
      await act();
      let last = '';
      await waitFor(async () => (last = await clipboard()) === want, 10_000, `${what} (clipboard: ${JSON.stringify(last)})`);
    };
    await copied(() => first.locator('.btn.copy-tsv').click(), 'html\ttwo\n<img src=x onerror=alert(1)>\t2', 'the Copy button');
    await copied(async () => {
      await first.locator('.grid-body .row .cell[aria-colindex="3"]').click();
      await page.keyboard.press('Control+C');
    }, '2', 'Ctrl+C on a cell');
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
    const frame = await findWebviewFrame(page, '.hogql-nb-output .grid-body .row .cell', 60_000);
    const t = await drawn(frame, ['html', 'n'], 'both outputs as grids after reopening');
    assert.deepEqual(t.html.rows, [['<img src=x onerror=alert(1)>', '2']]);
    assert.equal(t.html.imgs, 0);
    assert.deepEqual(t.n.rows.slice(0, 2), [['0'], ['1']], 'in the order it came (a view state is not saved in the file)');
    assert.match(t.n.stats, /^250 rows · /);
    await shot('reopened');
  });
});
