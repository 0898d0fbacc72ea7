// UI layer: charts you choose (issue #17). In the results panel's Chart tab, the x column, the
// series, one series on the right y axis and the chart type are chosen with native controls (a
// select, checkboxes, the keyboard); the canvas is drawn again after each choice, and the choice
// survives running the statement again. Real workbench, real webview, against the local PostHog
// emulator.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { waitFor } from '../support/host.mjs';
import { findWebviewFrame, quickOpen, runLenses, waitSignedIn } from '../support/workbench.mjs';
import { readmeShot } from '../support/readmeImages.mjs';

const STATEMENT = 'SELECT number AS k, number * 2 AS doubled, number * number AS squared, concat(\'item \', toString(number)) AS label FROM numbers(12);';

describe('UI: charts you choose', function () {
  this.timeout(240_000);
  let session, emulator, page;

  before(async () => {
    session = await openSession({
      name: 'ui-chart-choice',
      emulator: { events: 100 },
      signIn: true,
      env: (d) => {
        writeFileSync(join(d.ws, 'chart.hogql'), `${STATEMENT}\n`);
        return {};
      },
    });
    ({ emulator, page } = session);
    await waitSignedIn(page, emulator.projects[0].name);
    await quickOpen(page, 'chart.hogql');
  });

  after(() => session?.close());

  async function run() {
    const lens = runLenses(page);
    await waitFor(async () => (await lens.count()) === 1, 30_000, 'the Run CodeLens');
    await lens.first().click();
  }

  /** Waits for a result other than `previous` in the shown tab; its query id. */
  async function nextResult(frame, previous) {
    return waitFor(async () => {
      const app = await frame.$eval('#app', (a) => ({ phase: a.dataset.phase, id: a.dataset.queryId }));
      return app.phase === 'result' && app.id?.startsWith('vscode-hogql-') && app.id !== previous && app.id;
    }, 60_000, 'a new result');
  }

  /** What the chart drew last: its data attributes and the canvas pixels. */
  const drawn = (frame) =>
    frame.$eval('#app .chart', (c) => ({
      draws: Number(c.dataset.draws ?? 0),
      type: c.dataset.type,
      x: c.dataset.x,
      series: c.dataset.series?.split('\n') ?? [],
      right: c.dataset.right ? c.dataset.right.split('\n') : [],
      pixels: c.querySelector('.chart-canvas').toDataURL(),
      label: c.querySelector('.chart-canvas').getAttribute('aria-label'),
    }));

  /** Acts, then waits for the chart to be drawn again, with other pixels; what it drew. */
  async function redrawn(frame, act, what) {
    const before = await drawn(frame);
    await act();
    return waitFor(async () => {
      const now = await drawn(frame);
      return now.draws > before.draws && now.pixels !== before.pixels && now;
    }, 15_000, `the canvas drawn again after ${what}`);
  }

  it('chooses x, series, a right axis and the type; the canvas redraws each time; the choice survives a re-run', async () => {
    await run();
    const frame = await findWebviewFrame(page, '#app[data-phase="result"]', 60_000);
    const first = await nextResult(frame, undefined);
    await frame.click('#app .tab[data-tab="chart"]');
    await waitFor(async () => (await drawn(frame)).draws > 0, 15_000, 'the chart drawn');
    const auto = await drawn(frame);
    assert.deepEqual([auto.type, auto.x, auto.series], ['line', 'k', ['doubled', 'squared']], 'picked automatically at first');

    let now = await redrawn(frame, () => frame.selectOption('#app .chart-x-select', 'label'), 'choosing x');
    assert.equal(now.x, 'label');
    assert.deepEqual(now.series, ['k', 'doubled', 'squared'], 'k is no longer x: every numeric column is a series');
    now = await redrawn(frame, () => frame.click('#app input.chart-series-on[data-column="squared"]'), 'dropping a series');
    assert.deepEqual(now.series, ['k', 'doubled']);
    now = await redrawn(frame, () => frame.click('#app input.chart-series-on[data-column="k"]'), 'dropping another series');
    assert.deepEqual(now.series, ['doubled']);
    now = await redrawn(frame, () => frame.click('#app input.chart-series-on[data-column="k"]'), 'adding a series');
    assert.deepEqual(now.series, ['doubled', 'k']);
    now = await redrawn(frame, () => frame.click('#app input.chart-series-right[data-column="k"]'), 'moving a series to the right axis');
    assert.deepEqual(now.right, ['k']);
    now = await redrawn(frame, () => frame.selectOption('#app .chart-type-select', 'stackedBar'), 'choosing stacked bars');
    assert.equal(now.type, 'stackedBar');
    assert.equal(now.label, 'stacked bar chart of doubled, k (right axis) by label');
    // keyboard: the type select takes arrow keys
    now = await redrawn(
      frame,
      async () => {
        await frame.focus('#app .chart-type-select');
        await page.keyboard.press('ArrowDown');
      },
      'ArrowDown on the type',
    );
    assert.equal(now.type, 'area');
    await page.screenshot({ path: join(shots, 'chart-choice.png') });
    await readmeShot(page, 'chart.png', await frame.frameElement(), { pad: 0 });

    await run();
    await nextResult(frame, first);
    const again = await waitFor(async () => {
      const d = await drawn(frame);
      return d.x === 'label' && d.draws > 0 && d;
    }, 15_000, 'the re-run drawn with the chosen x');
    assert.deepEqual([again.type, again.x, again.series, again.right], ['area', 'label', ['doubled', 'k'], ['k']], 'the choice survived the re-run');
    assert.equal(await frame.$eval('#app .chart-x-select', (s) => s.value), 'label');
    assert.equal(await frame.$eval('#app .chart-type-select', (s) => s.value), 'area');
    assert.deepEqual(await frame.$$eval('#app input.chart-series-on:checked', (bs) => bs.map((b) => b.dataset.column)), ['k', 'doubled'], 'the chosen series checked (in column order)');
  });
});
