// UI layer: Ctrl+Enter in the real editor runs the statement against the local PostHog and the
// results grid in the real webview shows the same cells as a plain HTTP query to the emulator.
import assert from 'node:assert/strict';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, waitFor } from '../support/host.mjs';
import { acceptQuickPick, findWebviewFrame, focusWorkbench, runFromPalette, waitSignedIn } from '../support/workbench.mjs';
import { readmeShot, topOf } from '../support/readmeImages.mjs';

const QUERY = readFileSync(join(root, 'test/fixtures/run-workspace/run.hogql'), 'utf8');

describe('UI: run a query with Ctrl+Enter', function () {
  this.timeout(180_000);
  let session, emulator, page, dirs, exportBase;

  before(async () => {
    session = await openSession({
      name: 'ui-run',
      workspace: join(root, 'test/fixtures/run-workspace'),
      emulator: { events: 5000 },
      signIn: true,
      open: 'run.hogql',
      env: (d) => ({ HOGQL_DEV_EXPORT_FILE: (exportBase = join(d.run, 'export')) }),
    });
    ({ emulator, dirs, page } = session);
    // The right-to-left override comes from the query (unhex); the column alias holds one itself.
    writeFileSync(join(dirs.ws, 'cells.hogql'), "SELECT concat('invoice', unhex('E280AE'), 'exe.txt') AS `na\u202Eme`, sum(toFloat(x)) AS total, CAST(3843.54 AS Float32) AS f32\n" +
      "FROM (SELECT arrayJoin(splitByChar(',', '1281.18,1281.18,1281.18,0.01,0.02,0.03,-0.06')) AS x)\n");
  });

  after(() => session?.close());

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
    await waitSignedIn(page, emulator.projects[0].name);
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
    const lastLine = page.locator('.editor-group-container .monaco-editor .view-line').last();
    await readmeShot(page, 'run-grid.png', await topOf(page.locator('.part.editor'), [lastLine, frame.locator('.grid-body .row').last()], 24), { pad: 0 });
  });

  /** Data rows of the grid as text, in row order (without the row-number column). */
  const gridRows = (frame) =>
    frame.$$eval('.grid-body .row', (els) =>
      els
        .map((e) => ({ i: Number(e.getAttribute('aria-rowindex')), cells: [...e.children].slice(1).map((c) => c.textContent) }))
        .sort((a, b) => a.i - b.i)
        .map((x) => x.cells),
    );

  it('exports the whole result to a CSV file with RFC 4180 quoting', async () => {
    const frame = await findWebviewFrame(page, '#app[data-query-id^="vscode-hogql-"] .grid-body .row');
    const want = await expected();
    await frame.click('button.export-file');
    const file = `${exportBase}.csv`;
    const text = await waitFor(() => existsSync(file) && readFileSync(file, 'utf8').split(/\r\n/).length > want.length && readFileSync(file, 'utf8'), 20_000, 'the exported file');
    const lines = text.split('\r\n').filter((l) => l !== '');
    assert.equal(lines[0], 'browser,views');
    assert.deepEqual(lines.slice(1), want.map((r) => r.map((v) => (v === 'NULL' ? '' : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')));
  });

  it('exports every row of the query from the panel ("Export All…"), fetched again from PostHog', async () => {
    const frame = await findWebviewFrame(page, '#app[data-query-id^="vscode-hogql-"] .grid-body .row');
    const want = await expected();
    await frame.click('button.export-full');
    await acceptQuickPick(page, 'JSON Lines');
    // The file appears only once complete (it is written as `.partial`, then renamed).
    const file = `${exportBase}.full.jsonl`;
    const text = await waitFor(() => existsSync(file) && readFileSync(file, 'utf8'), 30_000, 'the full export');
    const rows = text.split('\n').filter((l) => l !== '').map((l) => Object.values(JSON.parse(l)).map((v) => (v === null ? 'NULL' : String(v))));
    assert.deepEqual(rows, want);
  });

  it('loads more rows past PostHog\'s default LIMIT 100', async () => {
    // A second file with a 250-row query: the first page has PostHog's default 100 rows.
    const uri = join(dirs.ws, 'more.hogql');
    writeFileSync(uri, 'SELECT number AS n FROM numbers(250) ORDER BY n\n');
    await focusWorkbench(page);
    await page.keyboard.press('Control+P');
    await acceptQuickPick(page, 'more.hogql');
    await page.waitForSelector('.editor-group-container .tab.active[aria-label*="more.hogql"]', { timeout: 30_000 });
    // The file's only statement runs wherever the cursor is (Ctrl+Enter itself is the first test's).
    await runFromPalette(page, 'PostHog: Run Query');
    const frame = await findWebviewFrame(page, '#app[data-query-id^="vscode-hogql-"] button.load-more:not([hidden])', 60_000).catch(async (e) => {
      await page.screenshot({ path: join(shots, 'run-load-more-failed.png') });
      throw e;
    });
    assert.match(await frame.textContent('#app'), /100 rows/);
    await frame.click('button.load-more');
    await waitFor(async () => /250 rows/.test(await frame.textContent('#app')), 30_000, '250 rows after Load more');
    assert.equal(await frame.$eval('button.load-more', (b) => b.hidden), true, 'no more rows to load');
    // The last rows are really there: scroll the grid to its end and read them.
    await frame.$eval('.grid-scroll', (g) => g.scrollTo(0, g.scrollHeight));
    const rows = await waitFor(async () => {
      const r = await gridRows(frame);
      return r.some((x) => x[0] === '249') && r;
    }, 10_000, 'row 249 on screen');
    assert.ok(rows.some((x) => x[0] === '248'));
  });

  it('shows bidi characters as [U+202E] and float sums short, while the export keeps the raw values', async () => {
    // cells.hogql is written in `before`: Quick Open caches the workspace's files at its first use.
    await waitSignedIn(page, emulator.projects[0].name);
    await focusWorkbench(page);
    await page.keyboard.press('Control+P');
    await acceptQuickPick(page, 'cells.hogql');
    await page.waitForSelector('.editor-group-container .tab.active[aria-label*="cells.hogql"]', { timeout: 30_000 });
    await runFromPalette(page, 'PostHog: Run Query');
    const frame = await findWebviewFrame(page, '#app[data-query-id^="vscode-hogql-"] .hcell .col-name:text-is("na[U+202E]me")', 60_000);
    const [cells] = await waitFor(async () => {
      const r = await gridRows(frame);
      return r.length === 1 && r[0].length === 3 && r;
    }, 20_000, 'the one row');
    assert.deepEqual(cells, ['invoice[U+202E]exe.txt', '3843.54', '3843.54']);
    assert.equal(await frame.$eval('.grid-body .row [aria-colindex="3"]', (c) => c.title), '3843.5400000000004', 'the full sum in the tooltip');
    const html = await frame.$eval('.grid-body', (b) => b.textContent);
    assert.ok(!html.includes('\u202E'), 'no raw right-to-left override in the grid');
    await frame.click('button.export-file');
    const file = `${exportBase}.csv`;
    const text = await waitFor(() => existsSync(file) && readFileSync(file, 'utf8').includes('invoice') && readFileSync(file, 'utf8'), 20_000, 'the exported file');
    assert.equal(text, 'na\u202Eme,total,f32\r\ninvoice\u202Eexe.txt,3843.5400000000004,3843.54\r\n');
  });
});
