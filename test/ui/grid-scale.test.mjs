// UI layer: the results grid at 100k rows × 20 columns, "Load more" paging (sort and filter on
// the loaded rows, "Sort all on the server"), the error view and
// Cancel, in the real webview, fed through the HOGQL_DEV_RESULTS_FILE hook (generator specs,
// paging, error and loading documents: src/results/devResults.ts).
import assert from 'node:assert/strict';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '../support/host.mjs';
import { runFromPalette, findWebviewFrame } from '../support/workbench.mjs';

describe('UI: results grid at scale, paging, errors, cancel', function () {
  this.timeout(180_000);
  let session, page, devFile;

  before(async () => {
    session = await openSession({
      name: 'ui-grid-scale',
      env: (dirs) => {
        devFile = join(dirs.run, 'dev-results.json');
        writeFileSync(devFile, '{}');
        return { HOGQL_DEV_RESULTS_FILE: devFile };
      },
    });
    ({ page } = session);
  });

  after(() => session?.close());

  async function open(doc, selector) {
    writeFileSync(devFile, JSON.stringify(doc));
    await runFromPalette(page, 'PostHog: Open Results Panel');
    return findWebviewFrame(page, selector, 90_000);
  }
  const stats = (frame) => frame.$eval('.stats', (s) => s.textContent);
  /** Data rows in the DOM that are inside the scroller's viewport: [row number, ...cells]. */
  const visibleRows = (frame) =>
    frame.$eval('.grid-scroll', (g) => {
      const box = g.getBoundingClientRect();
      return [...g.querySelectorAll('.grid-body .row')]
        .filter((r) => {
          const b = r.getBoundingClientRect();
          return b.top >= box.top + 40 - 1 && b.bottom <= box.bottom + 1;
        })
        .sort((a, b) => a.getAttribute('aria-rowindex') - b.getAttribute('aria-rowindex'))
        .map((r) => [...r.children].map((c) => c.textContent));
    });

  it('paints the first rows of 100k × 20 first, then streams in the rest', async () => {
    const frame = await open({ generate: { rows: 100_000, cols: 20, seed: 6 } }, '#app[data-query-id="generated-100000x20-6"]');
    await frame.waitForSelector('#app[data-complete]', { timeout: 60_000 });
    const t = await frame.$eval('#app', (a) => ({ firstRows: a.dataset.firstRows, first: Number(a.dataset.renderedAt), whole: Number(a.dataset.completeAt) }));
    assert.equal(t.firstRows, '1000', 'the first paint had the first 1,000 rows');
    assert.ok(t.first <= t.whole, `first rows painted at ${t.first}, all rows at ${t.whole}`);
    assert.equal(await stats(frame), '100,000 rows · 20 columns · 0 ms');
    assert.equal(await frame.$eval('[role=grid]', (g) => g.getAttribute('aria-rowcount')), '100001');
    // rows arrive in order: the last generated row is row 100000
    await frame.$eval('.grid-scroll', (g) => g.scrollTo(0, g.scrollHeight));
    await waitFor(async () => (await visibleRows(frame)).at(-1)?.[0] === '100000', 10_000, 'row 100000 visible');
    // the row-number column was sized for all 100,000 rows, not the first 1,000 that came first
    const fit = await frame.$eval('.grid-body .row[aria-rowindex="100001"] .rownum', (n) => {
      const range = document.createRange();
      range.selectNodeContents(n);
      const pad = parseFloat(getComputedStyle(n).paddingLeft) + parseFloat(getComputedStyle(n).paddingRight);
      return { text: range.getBoundingClientRect().width, room: n.clientWidth - pad };
    });
    assert.ok(fit.text <= fit.room + 0.5, `"100000" is ${fit.text} px wide in ${fit.room} px`);
  });

  describe('while a big result is still arriving (stream held with "holdStream")', () => {
    const received = (frame, n) =>
      waitFor(async () => (await frame.$eval('[role=grid]', (g) => g.getAttribute('aria-rowcount'))) === String(n + 1), 15_000, `${n} rows received`);
    const cellAt = (row, col) => `.grid-body .row[aria-rowindex="${row + 2}"] [aria-colindex="${col + 2}"]`;

    it('keeps the selection while the rest of the rows arrive', async () => {
      const gen = { rows: 100_000, cols: 20, seed: 11 };
      const frame = await open({ generate: gen, holdStream: 0 }, '#app[data-query-id="generated-100000x20-11"][data-first-rows="1000"]');
      await received(frame, 1000);
      assert.equal(await frame.$('#app[data-complete]'), null, 'held after the first rows');
      await frame.click(cellAt(2, 1));
      await frame.click(cellAt(4, 3), { modifiers: ['Shift'] });
      const selected = () => frame.$$eval('.cell.sel', (cs) => cs.map((c) => `${c.parentElement.getAttribute('aria-rowindex')}:${c.getAttribute('aria-colindex')}`).join(' '));
      const before = await selected();
      assert.equal(before.split(' ').length, 9, before);
      writeFileSync(devFile, JSON.stringify({ generate: gen, holdStream: 1 }));
      await received(frame, 6000);
      assert.equal(await selected(), before, 'the range selection after a chunk arrived');
      assert.equal(await frame.$eval('.cell.focus', (c) => `${c.parentElement.getAttribute('aria-rowindex')}:${c.getAttribute('aria-colindex')}`), '6:5');
      writeFileSync(devFile, JSON.stringify({ generate: gen }));
      await frame.waitForSelector('#app[data-complete]', { timeout: 60_000 });
      assert.equal(await selected(), before, 'the range selection once all rows are in');
    });

    it('leaves the rows on screen as they are when more rows arrive: no redraw for each chunk (issue #21)', async () => {
      const gen = { rows: 30_000, cols: 6, seed: 15 };
      const frame = await open({ generate: gen, holdStream: 0 }, '#app[data-query-id="generated-30000x6-15"][data-first-rows="1000"]');
      await received(frame, 1000);
      // a redraw replaces the cells on screen with new elements: tag the ones there now
      const tagged = await frame.$$eval('.grid-body .cell', (cs) => cs.map((c) => (c.__kept = c.textContent)).length);
      assert.ok(tagged > 0, 'cells on screen');
      writeFileSync(devFile, JSON.stringify({ generate: gen, holdStream: 1 }));
      await received(frame, 6000);
      const kept = await frame.$$eval('.grid-body .cell', (cs) => cs.filter((c) => c.__kept !== undefined && c.__kept === c.textContent).length);
      assert.equal(kept, tagged, 'the cells on screen after a chunk arrived are the elements they were, with their text');
      writeFileSync(devFile, JSON.stringify({ generate: gen }));
      await frame.waitForSelector('#app[data-complete]', { timeout: 60_000 });
      assert.equal(await stats(frame), '30,000 rows · 6 columns · 0 ms');
    });

    it('draws the chart of a result still arriving once more when every row is in, not for each chunk (issue #21)', async () => {
      const gen = { rows: 30_000, cols: 4, seed: 13 };
      const frame = await open({ generate: gen, holdStream: 0 }, '#app[data-query-id="generated-30000x4-13"][data-first-rows="1000"]');
      await received(frame, 1000);
      await frame.click('#app .tab[data-tab="chart"]');
      const chart = () => frame.$eval('#app .chart', (c) => ({ draws: Number(c.dataset.draws), points: Number(c.dataset.points) }));
      const first = await waitFor(async () => ((await chart()).draws > 0 ? chart() : undefined), 10_000, 'the chart of the first rows');
      writeFileSync(devFile, JSON.stringify({ generate: gen, holdStream: 3 }));
      await received(frame, 16_000);
      assert.deepEqual(await chart(), first, 'no redraw for the chunks that arrived');
      writeFileSync(devFile, JSON.stringify({ generate: gen }));
      await frame.waitForSelector('#app[data-complete]', { timeout: 60_000 });
      const whole = await waitFor(async () => ((await chart()).draws > first.draws ? chart() : undefined), 10_000, 'the chart of every row');
      assert.ok(whole.points >= first.points, `${first.points} → ${whole.points} points`);
      // back to the table: the tab shown is kept for the tests after this one
      await frame.click('#app .tab[data-tab="table"]');
    });

    it('says how many rows have arrived, then the whole count', async () => {
      const gen = { rows: 100_000, cols: 20, seed: 12 };
      const frame = await open({ generate: gen, holdStream: 2 }, '#app[data-query-id="generated-100000x20-12"]');
      await received(frame, 11_000);
      await waitFor(async () => (await stats(frame)).startsWith('11,000 of 100,000 rows received'), 10_000, `received count, got "${await stats(frame)}"`);
      writeFileSync(devFile, JSON.stringify({ generate: gen }));
      await frame.waitForSelector('#app[data-complete]', { timeout: 60_000 });
      assert.equal(await stats(frame), '100,000 rows · 20 columns · 0 ms');
    });

    it('keeps showing that a new query runs while rows of the last result still arrive', async () => {
      const gen = { rows: 100_000, cols: 20, seed: 14 };
      const frame = await open({ generate: gen, holdStream: 0 }, '#app[data-query-id="generated-100000x20-14"][data-first-rows="1000"]');
      await received(frame, 1000);
      // the loading document keeps the stream held: the gate reads "holdStream" from the file
      writeFileSync(devFile, JSON.stringify({ loading: 'Running query…', holdStream: 0 }));
      await runFromPalette(page, 'PostHog: Open Results Panel');
      await frame.waitForSelector('.status.loading');
      writeFileSync(devFile, JSON.stringify({ loading: 'Running query…', holdStream: 1 }));
      await received(frame, 6000);
      assert.equal(await frame.$eval('.status-text', (t) => t.textContent), 'Running query…');
      assert.equal(await frame.$eval('.status.loading', (st) => st.hidden || st.getBoundingClientRect().height === 0), false, 'the running status is shown after a chunk arrived');
      assert.equal(await frame.$eval('.btn.cancel', (b) => b.hidden), false);
      await frame.click('.btn.cancel');
      await frame.waitForSelector('.status.cancelled');
      // the cancelled run leaves neither the last result's grid nor its figures (issue #13)
      assert.equal(await frame.$('[role=grid]'), null);
      assert.equal(await stats(frame), '');
      writeFileSync(devFile, JSON.stringify({ generate: gen }));
      await runFromPalette(page, 'PostHog: Open Results Panel');
      await frame.waitForSelector('#app[data-complete]', { timeout: 60_000 });
      assert.equal(await stats(frame), '100,000 rows · 20 columns · 0 ms');
    });

    it('returns to the scrolled-to row when the panel is shown again and the rows arrive anew', async () => {
      const gen = { rows: 100_000, cols: 20, seed: 13 };
      let frame = await open({ generate: gen, holdStream: 1 }, '#app[data-query-id="generated-100000x20-13"]');
      await received(frame, 6000);
      await frame.$eval('.grid-scroll', (g) => g.scrollTo(0, (g.scrollHeight * 5000) / 6000));
      await waitFor(async () => Number((await visibleRows(frame))[0]?.[0]) > 4000, 10_000, 'scrolled to about row 5000');
      const top = Number((await visibleRows(frame))[0][0]);
      await frame.evaluate(() => (window.__marker = 1));
      await page.dblclick('.explorer-folders-view .monaco-list-row:has-text("sample.hogql")');
      await waitFor(async () => !(await frame.evaluate(() => window.__marker).catch(() => undefined)), 15_000, 'the webview to be torn down');
      await page.click('.tabs-container .tab:has-text("PostHog Results")');
      frame = await findWebviewFrame(page, '#app[data-query-id="generated-100000x20-13"]', 30_000);
      // the re-posted result starts with 1,000 rows again: the position waits for its rows
      await received(frame, 6000);
      let shown;
      await waitFor(async () => (shown = Number((await visibleRows(frame))[0]?.[0])) === top, 10_000, `row ${top} on top again`).catch((e) => assert.fail(`${e.message} (row ${shown} is)`));
      writeFileSync(devFile, JSON.stringify({ generate: gen }));
      await frame.waitForSelector('#app[data-complete]', { timeout: 60_000 });
      assert.equal(Number((await visibleRows(frame))[0][0]), top, 'still there once all rows are in');
    });
  });

  it('keeps only the visible rows of 100k × 20 in the DOM and scrolls to the last row', async () => {
    const frame = await open({ generate: { rows: 100_000, cols: 20, seed: 3 } }, '#app[data-query-id="generated-100000x20-3"][data-complete]');
    assert.equal(await stats(frame), '100,000 rows · 20 columns · 0 ms');
    assert.equal(await frame.$eval('[role=grid]', (g) => g.getAttribute('aria-rowcount')), '100001');
    const dom = await frame.evaluate(() => ({ rows: document.querySelectorAll('.grid-body .row').length, cells: document.querySelectorAll('[role=gridcell]').length }));
    assert.ok(dom.rows < 80 && dom.cells < 80 * 20, JSON.stringify(dom));
    await frame.$eval('.grid-scroll', (g) => g.scrollTo(0, g.scrollHeight));
    await waitFor(async () => (await visibleRows(frame)).at(-1)?.[0] === '100000', 10_000, 'row 100000 visible');
    await frame.$eval(".grid-scroll", (g) => g.scrollTo(0, 49_995 * 22));
    await waitFor(async () => (await visibleRows(frame)).some((r) => r[0] === '50000'), 10_000, 'row 50000 visible');
    await frame.click('.grid-body .row .cell');
    await page.keyboard.press('Control+End');
    await waitFor(async () => (await visibleRows(frame)).at(-1)?.[0] === '100000', 10_000, 'Ctrl+End reaches the last row');
    const focus = await frame.$eval('.cell.focus', (c) => [c.parentElement.getAttribute('aria-rowindex'), c.getAttribute('aria-colindex')]);
    assert.deepEqual(focus, ['100001', '21']);
    await page.keyboard.press('Control+Home');
    await waitFor(async () => (await visibleRows(frame))[0]?.[0] === '1', 10_000, 'Ctrl+Home back to the top');
  });

  it('sorts and filters 100k rows', async () => {
    const frame = await open({ generate: { rows: 100_000, cols: 20, seed: 4 } }, '#app[data-query-id="generated-100000x20-4"][data-complete]');
    await frame.click('.hcell:has(.col-name:text-is("count"))');
    await frame.click('.hcell:has(.col-name:text-is("count"))');
    await waitFor(() => frame.$eval('.hcell[aria-colindex="4"]', (h) => h.getAttribute('aria-sort') === 'descending'), 10_000, 'sorted');
    const top = (await visibleRows(frame)).map((r) => BigInt(r[3]));
    assert.ok(top.length > 5);
    assert.equal(top[0], 9007199254740993n + 99_910n, 'largest exact 64-bit value first');
    for (let i = 1; i < top.length; i++) assert.ok(top[i - 1] >= top[i], `descending at ${i}`);
    await frame.fill('.filter', 'user signed up');
    await waitFor(async () => (await stats(frame)).startsWith('16,667 of 100,000 rows'), 10_000, 'filter count');
    const events = (await visibleRows(frame)).map((r) => r[2]);
    assert.ok(events.length > 5 && events.every((e) => e === 'user signed up'), events.join());
  });

  it('loads more pages through the host until there are no more', async () => {
    const frame = await open({ generate: { rows: 250, cols: 4, seed: 5 }, pageRows: 100 }, '#app[data-query-id="generated-250x4-5"]');
    assert.equal(await stats(frame), '100 rows · 4 columns · 0 ms');
    await frame.click('.load-more');
    await waitFor(async () => (await stats(frame)) === '200 rows · 4 columns · 0 ms', 10_000, '200 rows');
    await frame.click('.load-more');
    await waitFor(async () => (await stats(frame)) === '250 rows · 4 columns · 0 ms', 10_000, '250 rows');
    assert.equal(await frame.$eval('.load-more', (b) => b.hidden), true);
    assert.equal(await frame.$eval('[role=grid]', (g) => g.getAttribute('aria-rowcount')), '251');
  });

  it('says sort and filter act on the loaded rows, and sorts all rows on the server', async () => {
    const frame = await open({ generate: { rows: 250, cols: 4, seed: 8 }, pageRows: 100 }, '#app[data-query-id="generated-250x4-8"]');
    const scope = () => frame.$eval('.scope-note', (n) => (n.hidden ? '' : n.textContent));
    const serverButton = () => frame.$eval('.sort-server', (b) => !b.hidden);
    assert.equal(await scope(), '');
    await frame.fill('.filter', 'purchase');
    await waitFor(async () => (await scope()) === 'Filtered the 100 loaded rows only; the result has more.', 10_000, 'filter scope note');
    assert.equal(await serverButton(), false, 'nothing to sort on the server');
    await frame.fill('.filter', '');
    await frame.click('.hcell:has(.col-name:text-is("count"))');
    await frame.click('.hcell:has(.col-name:text-is("count"))');
    await waitFor(async () => (await scope()) === 'Sorted the 100 loaded rows only; the result has more.', 10_000, 'sort scope note');
    assert.equal(await serverButton(), true);
    // the largest count of the loaded rows is row 98's (i = 97); row 195's (i = 194) is not loaded
    assert.equal(BigInt((await visibleRows(frame))[0][3]), 9007199254740993n + 97n);
    await frame.click('.sort-server');
    await frame.waitForSelector('#app[data-query-id="generated-250x4-8-sorted-2-desc"]', { timeout: 10_000 });
    const top = (await visibleRows(frame)).map((r) => BigInt(r[3]));
    assert.equal(top[0], 9007199254740993n + 194n, 'the largest of all 250 rows first');
    for (let i = 1; i < top.length; i++) assert.ok(top[i - 1] >= top[i], `descending at ${i}`);
    assert.equal(await scope(), '', 'a new result, not sorted here');
    assert.match(await frame.$eval('.query-text', (q) => q.textContent), /^SELECT \* FROM \(\n[^]*\n\)\nORDER BY `count` DESC$/);
    assert.equal(await stats(frame), '100 rows · 4 columns · 0 ms');
    // once every row is loaded, sorting says nothing more
    await frame.click('.load-more');
    await waitFor(async () => (await stats(frame)) === '200 rows · 4 columns · 0 ms', 10_000, '200 rows');
    await frame.click('.load-more');
    await waitFor(async () => (await stats(frame)) === '250 rows · 4 columns · 0 ms', 10_000, '250 rows');
    await frame.click('.hcell:has(.col-name:text-is("count"))');
    await waitFor(() => frame.$eval('.hcell[aria-colindex="4"]', (h) => h.getAttribute('aria-sort') === 'ascending'), 10_000, 'sorted');
    assert.equal(await scope(), '');
    assert.equal(await serverButton(), false);
  });

  it('shows an error with its details, as text', async () => {
    const frame = await open({ error: { message: 'Syntax error at line 1: <unexpected>', details: 'SELECT <b>1</b>\n       ^' } }, '.error-view:not([hidden])');
    assert.equal(await frame.$eval('.error-message', (m) => m.textContent), 'Syntax error at line 1: <unexpected>');
    assert.equal(await frame.$eval('[role=alert]', (m) => m.textContent), 'Syntax error at line 1: <unexpected>');
    assert.equal(await frame.$eval('.error-details pre', (m) => m.textContent), 'SELECT <b>1</b>\n       ^');
    assert.equal(await frame.$$eval('.error-view b', (b) => b.length), 0);
  });

  it('shows the running state and cancels through the host', async () => {
    const frame = await open({ loading: 'Running query…' }, '.status.loading');
    assert.equal(await frame.$eval('.status-text', (t) => t.textContent), 'Running query…');
    assert.equal(await frame.$eval('.query-text', (t) => t.textContent), '-- dev: a query that never finishes');
    await frame.click('.btn.cancel');
    await frame.waitForSelector('.status.cancelled');
    assert.equal(await frame.$eval('.status-text', (t) => t.textContent), 'Query cancelled.');
    assert.equal(await frame.$eval('.btn.cancel', (b) => b.hidden), true);
  });
});
