// UI layer: what a scroll of the results grid costs the compositor (issue #21's scroll row). The
// grid's rows and row numbers must not each become a composited layer: a trace of the scroll
// bench showed ~90 of them (every row 3,690 px wide) layerized and committed on every frame, more
// main-thread time than the grid's own script. Also that the row numbers still stick to the left
// edge above the cells when scrolled sideways, and rows sit where their index says.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession } from '../support/session.mjs';
import { waitFor } from '../support/host.mjs';
import { runFromPalette, findWebviewFrame } from '../support/workbench.mjs';
import { compositedLayers } from '../support/layers.mjs';

const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 40;

describe('UI: results grid scrolling', function () {
  this.timeout(180_000);
  let session, page, frame;

  before(async () => {
    let devFile;
    session = await openSession({
      name: 'ui-grid-scroll',
      env: (dirs) => {
        devFile = join(dirs.run, 'dev-results.json');
        writeFileSync(devFile, JSON.stringify({ generate: { rows: 5000, cols: 20, seed: 21 } }));
        return { HOGQL_DEV_RESULTS_FILE: devFile };
      },
    });
    ({ page } = session);
    await runFromPalette(page, 'PostHog: Open Results Panel');
    frame = await findWebviewFrame(page, '#app[data-query-id="generated-5000x20-21"][data-complete] .grid-body .row', 90_000);
  });

  after(() => session?.close());

  /**
   * Scrolls the grid and waits until the row at `row` (0-based) is the first one under the header,
   * and until the grid has had the scroll event: a row already on screen (in the overscan) is found
   * there before it, and the rows that came into view may not be filled yet. The frame after the
   * scroll delivers its scroll events before its animation frame callbacks.
   */
  async function scrollTo(top, left, row) {
    await frame.$eval(
      '.grid-scroll',
      async (g, [t, l]) => {
        g.scrollTo(l, t);
        await new Promise((r) => requestAnimationFrame(() => r()));
      },
      [top, left],
    );
    await waitFor(
      () =>
        frame.$eval(
          '.grid-scroll',
          (g, [r, hh]) => {
            const box = g.getBoundingClientRect();
            const el = document.elementFromPoint(box.left + 5, box.top + hh + 5)?.closest('.row');
            return el?.getAttribute('aria-rowindex') === String(r + 2);
          },
          [row, HEADER_HEIGHT],
        ),
      10_000,
      `row ${row + 1} at the top`,
    );
  }

  it('gives the rows and row numbers no composited layers of their own', async () => {
    // recycled rows: scroll down in steps like a wheel, then look at the compositor's layers
    for (const row of [9, 200, 1001]) await scrollTo(row * ROW_HEIGHT, 0, row);
    // (a nudge of 1 px keeps row 1002 at the top)
    const layers = await compositedLayers(page, () => frame.$eval('.grid-scroll', (g) => g.scrollBy(0, g.scrollTop % 2 ? -1 : 1)));
    const grid = layers.filter((l) => /(^|\s)(row|rownum|cell)(\s|$)/.test(l.className));
    const rows = grid.filter((l) => /(^|\s)row(\s|$)/.test(l.className));
    // the row numbers (sticky) may share one layer above the cells; the rows none
    assert.ok(rows.length === 0 && grid.length <= 2, `${grid.length} layers for the grid's rows and cells (${rows.length} for whole rows) of ${layers.length} in the page`);
  });

  it('paints cells with no clip of their own: opaque, each hiding the text that overflows from its left', async () => {
    // a clip per cell (overflow: hidden) was a clip node and two paint chunks per cell, ~1,000 a
    // screen, layerized again on every scroll frame (issue #21): an opaque cell painted after its
    // left neighbour hides that one's overflowing text instead
    await scrollTo(40 * ROW_HEIGHT, 0, 40);
    const cells = await frame.$$eval('.grid-body .row .cell', (cs) =>
      cs.map((c) => {
        const st = getComputedStyle(c);
        return { overflow: st.overflow, bg: st.backgroundColor, col: Number(c.dataset.col), row: c.parentElement.dataset.row };
      }),
    );
    assert.ok(cells.length > 100, `${cells.length} cells`);
    const clipped = cells.filter((c) => c.overflow !== 'visible');
    assert.equal(clipped.length, 0, `${clipped.length} of ${cells.length} cells clip their content (overflow ${clipped[0]?.overflow})`);
    const seeThrough = cells.filter((c) => !/^rgb\(/.test(c.bg));
    assert.equal(seeThrough.length, 0, `${seeThrough.length} cells are not opaque (background ${seeThrough[0]?.bg})`);
    // each row's cells in column order: the one on the right is painted after its left neighbour
    const order = await frame.$eval('.grid-body .row', (r) => [...r.querySelectorAll('.cell')].map((c) => Number(c.dataset.col)));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'cells in column order within a row');
  });

  it('refills a recycled row in place: its cells keep their text nodes, only the text changes', async () => {
    // a new text node per cell per refill (textContent) was a layout object built and attached
    // for each of the ~100 cells that scroll in every frame, and a style recalc of each
    await scrollTo(500 * ROW_HEIGHT, 0, 500);
    await frame.evaluate(() => {
      window.__texts = new Map([...document.querySelectorAll('.grid-body .row .cell, .grid-body .rownum')].map((c) => [c.firstChild, c.textContent]));
    });
    await scrollTo(509 * ROW_HEIGHT, 0, 509);
    const seen = await frame.evaluate(() => {
      let kept = 0;
      let changed = 0;
      const nodes = [...document.querySelectorAll('.grid-body .row .cell, .grid-body .rownum')];
      for (const c of nodes) {
        if (!window.__texts.has(c.firstChild)) continue;
        kept++;
        if (window.__texts.get(c.firstChild) !== c.textContent) changed++;
      }
      return { nodes: nodes.length, kept, changed };
    });
    assert.ok(seen.changed >= 9 * 5, `recycled cells keep their text nodes with a new text (${seen.changed} of ${seen.kept} kept nodes changed text, ${seen.nodes} in all)`);
  });

  it('lays out once per frame: the scroll handler forces no synchronous layout', async () => {
    await scrollTo(300 * ROW_HEIGHT, 0, 300);
    await session.browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    let trace;
    try {
      // ten scroll steps of ~9 rows, one per animation frame, each handled at once (as the bench does)
      await frame.$eval('.grid-scroll', async (g) => {
        for (let i = 0; i < 10; i++) {
          await new Promise((r) => requestAnimationFrame(r));
          g.scrollTop += 200;
          g.dispatchEvent(new Event('scroll'));
        }
      });
    } finally {
      trace = JSON.parse((await session.browser.stopTracing()).toString('utf8')).traceEvents;
    }
    const handlers = trace.filter((e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'scroll');
    assert.ok(handlers.length >= 10, `${handlers.length} scroll events traced`);
    const forced = trace.filter((e) => e.ph === 'X' && (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && handlers.some((h) => h.tid === e.tid && h.pid === e.pid && e.ts >= h.ts && e.ts < h.ts + h.dur));
    assert.equal(forced.length, 0, `${forced.length} style/layout passes forced inside ${handlers.length} scroll handlers`);
  });

  it('keeps the row numbers at the left edge, above the cells, when scrolled sideways', async () => {
    await scrollTo(1001 * ROW_HEIGHT, 900, 1001);
    const seen = await frame.$eval(
      '.grid-scroll',
      (g, [hh, rh]) => {
        const box = g.getBoundingClientRect();
        const out = [];
        for (let k = 0; k < 5; k++) {
          const hit = document.elementFromPoint(box.left + 5, box.top + hh + k * rh + 5);
          const row = hit?.closest('.row');
          out.push({ rownum: hit?.classList.contains('rownum') ?? false, text: hit?.textContent ?? '', index: row?.getAttribute('aria-rowindex') });
        }
        const cell = document.elementFromPoint(box.right - 40, box.top + hh + 5);
        return { out, scrollLeft: g.scrollLeft, cellCol: cell?.closest('.cell')?.getAttribute('aria-colindex') };
      },
      [HEADER_HEIGHT, ROW_HEIGHT],
    );
    assert.ok(seen.scrollLeft >= 900, `scrolled sideways (${seen.scrollLeft})`);
    assert.deepEqual(
      seen.out,
      [0, 1, 2, 3, 4].map((k) => ({ rownum: true, text: String(1002 + k), index: String(1003 + k) })),
      'row numbers 1002..1006, in order, stuck left and on top',
    );
    assert.ok(Number(seen.cellCol) > 4, `a cell of a column scrolled into view (aria-colindex ${seen.cellCol})`);
  });
});
