// UI layer: the results grid in the real webview (code-server + headless Chromium), fed through the
// HOGQL_DEV_RESULTS_FILE hook (re-read on every "Open Results Panel", so one workbench serves every
// fixture). Copies are read back from HOGQL_DEV_COPY_FILE, which the host appends to right after
// writing the clipboard: that asserts the exact text the host received, without depending on the
// headless browser's clipboard permissions.
import assert from 'node:assert/strict';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, waitFor } from '../support/host.mjs';
import { runFromPalette, findWebviewFrame } from '../support/workbench.mjs';

const fixture = (name) => JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'results', `${name}.json`), 'utf8'));
const small = fixture('grid-small');

describe('UI: results grid', function () {
  this.timeout(180_000);
  let session, page, devFile, copyFile;

  before(async () => {
    session = await openSession({
      name: 'ui-grid',
      env: (dirs) => {
        devFile = join(dirs.run, 'dev-results.json');
        copyFile = join(dirs.run, 'copied.jsonl');
        writeFileSync(devFile, JSON.stringify(small));
        return { HOGQL_DEV_RESULTS_FILE: devFile, HOGQL_DEV_COPY_FILE: copyFile };
      },
    });
    ({ page } = session);
  });

  after(() => session?.close());

  /**
   * Shows a result through the dev hook and returns the webview frame once it has rendered it. Each
   * call gets a fresh queryId: sort and filter are restored only for the same query.
   */
  let shown = 0;
  async function show(base, { sameId = false } = {}) {
    const doc = sameId ? base : { ...base, queryId: `${base.queryId}-${++shown}` };
    writeFileSync(devFile, JSON.stringify(doc));
    await runFromPalette(page, 'PostHog: Open Results Panel');
    return findWebviewFrame(page, `#app[data-query-id="${doc.queryId}"]`, 60_000);
  }

  /** Rendered data rows, top to bottom: [row number, ...cell texts]. */
  const rowsOf = (frame) =>
    frame.$$eval('.grid-body .row', (rows) =>
      rows
        .map((r) => ({ i: Number(r.getAttribute('aria-rowindex')), cells: [...r.children].map((c) => c.textContent) }))
        .sort((a, b) => a.i - b.i)
        .map((r) => r.cells),
    );
  const column = async (frame, name) => {
    const idx = small.columns.findIndex((c) => c.name === name);
    return (await rowsOf(frame)).map((r) => r[idx + 1]);
  };
  const cell = (row, col) => `.grid-body .row[aria-rowindex="${row + 2}"] [aria-colindex="${col + 2}"]`;
  const header = (name) => `.hcell:has(.col-name:text-is("${name}"))`;
  const copies = () => (existsSync(copyFile) ? readFileSync(copyFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l).text) : []);
  async function nextCopy(action) {
    const before = copies().length;
    await action();
    return waitFor(() => copies().length > before && copies().at(-1), 15_000, 'the host to receive a copy');
  }

  it('shows headers with types, exact 64-bit integers, NULL distinct from "null", zoned dates', async () => {
    const frame = await show(small);
    const heads = await frame.$$eval('.hcell', (hs) => hs.map((h) => [h.querySelector('.col-name').textContent, h.querySelector('.col-type').textContent]));
    assert.deepEqual(heads, small.columns.map((c) => [c.name, c.type]));
    assert.equal(await frame.$eval('[role=grid]', (g) => g.getAttribute('aria-rowcount')), '8');
    const rows = await rowsOf(frame);
    assert.deepEqual(rows.map((r) => r[0]), ['1', '2', '3', '4', '5', '6', '7']);
    assert.deepEqual(rows.map((r) => r[1]), ['9007199254740993', '9007199254740992', '9007199254740995', '5', '18446744073709551615', '7', '0']);
    assert.equal(await frame.$eval(cell(0, 0), (c) => getComputedStyle(c).textAlign), 'right');
    const names = await frame.$$eval('.grid-body .row [aria-colindex="3"]', (cs) => cs.map((c) => [c.textContent, c.classList.contains('null'), getComputedStyle(c).fontStyle]));
    assert.deepEqual(names.find((n) => n[0] === 'null'), ['null', false, 'normal'], 'the string "null" is plain text');
    assert.deepEqual(names.find((n) => n[1]), ['NULL', true, 'italic'], 'a NULL is styled');
    const ts = await frame.$eval(cell(0, 3), (c) => [c.textContent, c.title]);
    assert.deepEqual(ts, ['2026-07-01 08:00:00.123456', '2026-07-01T12:00:00.123456Z'], 'America/New_York, raw in the tooltip');
    const stats = await frame.$eval('.stats', (s) => s.textContent);
    assert.equal(stats, '7 rows · 7 columns · 842 ms · 1,234,567 rows read · 12 MB read');
    const note = await frame.$eval(cell(1, 6), (c) => c.textContent);
    assert.ok(note.length === 501 && note.endsWith('…'), 'long text is truncated in the cell');
    await page.screenshot({ path: join(shots, 'grid-small.png') });
  });

  it('sorts numerically (exact beyond 2^53), as text with NULLs last, and back to unsorted', async () => {
    const frame = await show(small);
    await frame.click(header('amount'));
    // a Float64 shows at most 15 significant digits (0.30000000000000004 → 0.3); copies keep it whole (below)
    assert.deepEqual(await column(frame, 'amount'), ['-1', '0.3', '2.5', '9', '10', '100', '1e+21']);
    await frame.click(header('amount'));
    assert.deepEqual(await column(frame, 'amount'), ['1e+21', '100', '10', '9', '2.5', '0.3', '-1']);
    assert.equal(await frame.$eval(header('amount'), (h) => h.getAttribute('aria-sort')), 'descending');
    await frame.click(header('amount'));
    assert.deepEqual(await column(frame, 'amount'), ['10', '9', '100', '2.5', '-1', '0.3', '1e+21']);
    await frame.click(header('id'));
    assert.deepEqual(await column(frame, 'id'), ['0', '5', '7', '9007199254740992', '9007199254740993', '9007199254740995', '18446744073709551615']);
    await frame.click(header('name'));
    assert.deepEqual(await column(frame, 'name'), ['alice', 'Bob', 'bob', 'carol', 'Dave', 'null', 'NULL']);
    await frame.click(header('name'));
    assert.deepEqual(await column(frame, 'name'), ['null', 'Dave', 'carol', 'bob', 'Bob', 'alice', 'NULL']);
    await frame.click(header('ts'));
    assert.deepEqual((await column(frame, 'ts')).slice(0, 2), ['2025-12-31 18:59:59.000001', '2026-01-15 00:30:00.000000']);
  });

  it('filters across cells, including the zoned date text, and shows the count', async () => {
    const frame = await show(small);
    await frame.fill('.filter', 'BOB');
    await waitFor(() => frame.$eval('.stats', (s) => s.textContent.startsWith('2 of 7 rows')), 5000, 'filtered stats');
    assert.deepEqual(await column(frame, 'name'), ['Bob', 'bob']);
    await frame.fill('.filter', '08:00:00.1234');
    await waitFor(async () => (await column(frame, 'id')).join() === '9007199254740993', 5000, 'date filter');
    await frame.fill('.filter', '');
    await waitFor(async () => (await rowsOf(frame)).length === 7, 5000, 'all rows back');
  });

  it('moves the focused cell with arrows, Home/End, PageUp/PageDown and Ctrl+Home/End', async () => {
    const frame = await show(small);
    await frame.click(cell(0, 0));
    const focus = () => frame.$eval('.cell.focus', (c) => [Number(c.parentElement.getAttribute('aria-rowindex')), Number(c.getAttribute('aria-colindex'))]);
    const steps = [
      ['ArrowDown', [3, 2]], ['ArrowRight', [3, 3]], ['End', [3, 8]], ['Home', [3, 2]], ['Control+End', [8, 8]],
      ['ArrowDown', [8, 8]], ['PageUp', [2, 8]], ['PageDown', [8, 8]], ['Control+Home', [2, 2]], ['ArrowUp', [2, 2]],
    ];
    for (const [key, want] of steps) {
      await page.keyboard.press(key);
      assert.deepEqual(await focus(), want, `after ${key}`);
    }
    assert.equal(await frame.$eval('[role=grid]', (g) => g.getAttribute('aria-activedescendant')), 'grid-focus-cell');
  });

  it('copies a shift-click range as TSV, whole rows with the header, and as JSON and Markdown', async () => {
    const frame = await show(small);
    await frame.click(cell(0, 0));
    await frame.click(cell(1, 1), { modifiers: ['Shift'] });
    assert.equal(await frame.$$eval('.cell.sel', (cs) => cs.length), 4);
    assert.equal(await nextCopy(() => page.keyboard.press('Control+C')), '9007199254740993\tcarol\n9007199254740992\tnull');
    const json = await nextCopy(() => frame.click('.copy-json'));
    assert.ok(json.includes('{"id":9007199254740993,"name":"carol"}'), json);
    assert.deepEqual(JSON.parse(json)[1], { id: 9007199254740992, name: 'null' });
    const md = await nextCopy(() => frame.click('.copy-markdown'));
    assert.equal(md, '| id | name |\n| ---: | --- |\n| 9007199254740993 | carol |\n| 9007199254740992 | null |');
    await frame.click('.grid-body .row[aria-rowindex="5"] .rownum');
    await frame.$eval('[role=grid]', (g) => g.focus());
    const tsv = await nextCopy(() => page.keyboard.press('Control+C'));
    assert.equal(tsv, `${small.columns.map((c) => c.name).join('\t')}\n5\talice\t2.5\t2025-12-31T23:59:59.000001Z\t{"x":"y"}\t\t"tab\there"`);
    await frame.click(header('amount'), { modifiers: ['Control'] });
    const col = await nextCopy(() => page.keyboard.press('Control+C'));
    assert.equal(col, 'amount\n10\n9\n100\n2.5\n-1\n0.30000000000000004\n1e+21');
  });

  it('opens structures, JSON text and long text in the cell viewer, as text', async () => {
    const frame = await show(small);
    await frame.dblclick(cell(0, 4));
    await frame.waitForSelector('.viewer:not([hidden])');
    assert.equal(await frame.$eval('.viewer-body', (b) => b.textContent), '{\n  "plan": "free",\n  "seats": "3"\n}');
    assert.equal(await frame.$eval('.viewer-title', (b) => b.textContent), 'props · row 1');
    await page.keyboard.press('ArrowRight');
    assert.equal(await frame.$eval('.viewer-body', (b) => b.textContent), '{\n  "a": [\n    1,\n    2,\n    {\n      "b": null\n    }\n  ]\n}');
    await page.keyboard.press('Escape');
    await frame.waitForSelector('.viewer', { state: 'hidden' });
    await frame.click(cell(1, 6));
    await page.keyboard.press('Enter');
    assert.equal(await frame.$eval('.viewer-body', (b) => b.textContent), small.rows[1][6]);
    await frame.click(cell(0, 3));
    assert.match(await frame.$eval('.viewer-meta', (b) => b.textContent), /raw: 2026-07-01T12:00:00\.123456Z/);
    assert.equal(await frame.$$eval('.viewer-body *', (els) => els.length), 0);
    await page.keyboard.press('Escape');
  });

  it('renders HTML, script and template payloads as text and runs none of them', async () => {
    const xss = fixture('grid-xss');
    const frame = await show(xss);
    const texts = await frame.$$eval('.grid-body .row', (rows) =>
      rows.sort((a, b) => a.getAttribute('aria-rowindex') - b.getAttribute('aria-rowindex')).map((r) => r.querySelector('[aria-colindex="2"]').textContent),
    );
    assert.deepEqual(texts, xss.rows.map((r) => r[0]));
    assert.equal(await frame.$eval('.hcell .col-name', (h) => h.textContent), xss.columns[0].name);
    assert.equal(await frame.$eval('.query-text', (q) => q.textContent), xss.query);
    await frame.dblclick(cell(0, 1));
    assert.match(await frame.$eval('.viewer-body', (b) => b.textContent), /"html": "<img src=x onerror=/);
    const found = await frame.evaluate(() => ({
      elements: document.querySelectorAll('#app img, #app script, #app iframe, #app svg, #app style, #app a, #app b').length,
      scripts: [...document.scripts].filter((s) => s.id !== '_vscodeApiScript').length,
      flag: window.__xss ?? null,
      parentFlag: (() => {
        try {
          return window.parent.__xss ?? null;
        } catch {
          return null;
        }
      })(),
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    }));
    assert.deepEqual(found, { elements: 0, scripts: 1, flag: null, parentFlag: null, handlers: 0 });
    assert.equal(await page.evaluate(() => window.__xss ?? null), null);
    await page.keyboard.press('Escape');
  });

  it('draws the chart from the numeric columns in theme colours, and says when it cannot', async () => {
    const frame = await show(fixture('grid-chart'));
    await frame.click('.tab[data-tab="chart"]');
    const painted = () =>
      frame.evaluate(() => {
        const canvas = document.querySelector('.chart-canvas');
        const hex = getComputedStyle(document.documentElement).getPropertyValue('--vscode-charts-blue').trim();
        const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 30 && data[i + 3] > 200) n++;
        return n;
      });
    await waitFor(async () => (await painted()) > 300, 10_000, 'series pixels in --vscode-charts-blue');
    assert.deepEqual(await frame.$$eval('.legend-name', (ls) => ls.map((l) => l.textContent)), ['pageviews', 'signups']);
    assert.equal(await frame.$eval('.chart', (c) => c.dataset.points), '28');
    await page.screenshot({ path: join(shots, 'grid-chart-line.png') });
    await frame.selectOption('.chart-type-select', 'bar');
    await waitFor(async () => (await painted()) > 300, 10_000, 'bars drawn');
    await page.screenshot({ path: join(shots, 'grid-chart-bar.png') });
    const none = await show(fixture('grid-nochart'));
    await none.waitForSelector('.chart-message.not-chartable');
    assert.equal(await none.$eval('.chart-message', (m) => m.textContent), 'No numeric columns to plot against “event”.');
    await none.click('.tab[data-tab="table"]');
  });

  it('charts a trends insight over its date column, one line per series', async () => {
    // the shape src/commands/sidebarInsights.ts shows for a trends insight: series, date (text), value
    const days = ['2026-11-20', '2026-11-21', '2026-11-22'];
    const rows = [...days.map((d, i) => ['$pageview', d, 100 + i * 10]), ...days.map((d, i) => ['signup', d, 3 + i])];
    const trends = { queryId: 'insight-trends', columns: [{ name: 'series', type: 'String' }, { name: 'date', type: 'String' }, { name: 'value', type: 'Float64' }], rows, hasMore: false, elapsedMs: 5 };
    const frame = await show(trends);
    await frame.click('.tab[data-tab="chart"]');
    await waitFor(() => frame.$eval('.chart', (c) => c.dataset.points === '3'), 10_000, 'the chart drawn with 3 points');
    assert.match(await frame.$eval('.chart-canvas', (c) => c.getAttribute('aria-label')), /^(line|bar) chart of \$pageview, signup by date$/);
    assert.deepEqual(await frame.$$eval('.legend-name', (ls) => ls.map((l) => l.textContent)), ['$pageview', 'signup']);
    await page.screenshot({ path: join(shots, 'grid-chart-trends.png') });
    await frame.click('.tab[data-tab="table"]');
  });

  it('keeps sort, filter and widths when the panel is hidden and shown again', async () => {
    let frame = await show(small, { sameId: true });
    await frame.click(header('amount'));
    await frame.click(header('amount'));
    await frame.fill('.filter', 'o');
    await waitFor(() => frame.$eval('.stats', (s) => s.textContent.startsWith('5 of 7')), 5000, 'filter applied');
    const handle = await frame.$(`${header('name')} .resize-handle`);
    const box = await handle.boundingBox();
    await page.mouse.move(box.x + 3, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + 83, box.y + 10, { steps: 4 });
    await page.mouse.up();
    const width = await frame.$eval(header('name'), (h) => h.getBoundingClientRect().width);
    await frame.evaluate(() => (window.__marker = 1));
    await page.dblclick('.explorer-folders-view .monaco-list-row:has-text("sample.hogql")');
    await waitFor(async () => !(await frame.evaluate(() => window.__marker).catch(() => undefined)), 15_000, 'the webview to be torn down');
    await page.click('.tabs-container .tab:has-text("PostHog Results")');
    frame = await findWebviewFrame(page, '#app[data-query-id="grid-small"]', 30_000);
    assert.equal(await frame.evaluate(() => window.__marker ?? null), null, 'a fresh page');
    assert.equal(await frame.$eval('.filter', (f) => f.value), 'o');
    assert.equal(await frame.$eval(header('amount'), (h) => h.getAttribute('aria-sort')), 'descending');
    assert.deepEqual(await column(frame, 'amount'), ['1e+21', '10', '9', '0.3', '-1']);
    assert.equal(await frame.$eval(header('name'), (h) => h.getBoundingClientRect().width), width);
  });
});
