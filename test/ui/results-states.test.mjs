// UI layer: the results panel's header always describes what is on screen, through every run state
// (issue #13 item 3): run → result, result → running (previous result marked stale) → result,
// run → error and run → cancelled (no row counts nor grid of the previous run). Real workbench,
// real webview, runs against the local PostHog emulator.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { waitFor } from '../support/host.mjs';
import { acceptQuickPick, findWebviewFrame, focusWorkbench, runFromPalette, waitSignedIn } from '../support/workbench.mjs';

const FILES = {
  'one.hogql': 'SELECT 1 AS n\n',
  'two.hogql': 'SELECT 1 AS a, 2 AS b UNION ALL SELECT 3, 4\n',
  'broken.hogql': 'SELECT event FROM events WHERE\n',
  // runs until cancelled (or the engine's 60 s limit)
  'slow.hogql': 'SELECT count() FROM numbers(100000000000) WHERE cityHash64(number) % 7 = 3\n',
};

describe('UI: results panel states', function () {
  this.timeout(240_000);
  let session, emulator, page;

  before(async () => {
    session = await openSession({
      name: 'ui-results-states',
      emulator: { events: 2000 },
      signIn: true,
      env: (d) => {
        for (const [name, text] of Object.entries(FILES)) writeFileSync(join(d.ws, name), text);
        mkdirSync(join(d.ws, '.vscode'), { recursive: true });
        // one shared panel (every run lands in the same webview); no background query POSTs
        writeFileSync(join(d.ws, '.vscode', 'settings.json'), JSON.stringify({ 'hogql.results.reusePanel': true, 'hogql.diagnostics.server': false, 'hogql.completion.projectNames': false }));
        return {};
      },
    });
    ({ emulator, page } = session);
    await waitSignedIn(page, emulator.projects[0].name);
  });

  after(() => session?.close());

  async function admin(path, body) {
    const res = await fetch(`${emulator.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${emulator.adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.ok(res.ok, `${path}: ${res.status}`);
  }

  /** Opens `name` in the first editor group and runs its only statement from the palette. */
  async function runFile(name) {
    await focusWorkbench(page);
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+P');
    await acceptQuickPick(page, name);
    await page.waitForSelector(`.editor-group-container.active .tab.active[aria-label*="${name}"]`, { timeout: 30_000 });
    await runFromPalette(page, 'PostHog: Run Query');
  }

  const panel = () => findWebviewFrame(page, '#app .toolbar', 60_000);
  /** What the header and the body show: the stats line, the status line, the grid and its state. */
  const screen = (frame) =>
    frame.$eval('#app', (app) => {
      const visible = (e) => !!e && !e.closest('[hidden]') && e.getBoundingClientRect().height > 0;
      const status = app.querySelector('.status');
      const grid = app.querySelector('[role=grid]');
      return {
        phase: app.dataset.phase ?? null,
        stats: app.querySelector('.stats')?.textContent ?? '',
        status: visible(status) ? status.className.replace('status', '').trim() : 'hidden',
        statusText: visible(status) ? app.querySelector('.status-text')?.textContent ?? '' : '',
        grid: visible(grid) ? (grid.closest('.stale') ? 'stale' : 'current') : 'none',
        staleNote: [...app.querySelectorAll('.stale-note')].filter(visible).map((e) => e.textContent).join(''),
        rows: visible(grid) ? grid.getAttribute('aria-rowcount') : null,
      };
    });

  it('run → result: the header counts the rows on screen', async () => {
    await runFile('one.hogql');
    const frame = await panel();
    const s = await waitFor(async () => {
      const x = await screen(frame);
      return x.grid === 'current' && x.stats.startsWith('1 row · 1 column') && x;
    }, 60_000, 'the result of one.hogql');
    assert.equal(s.rows, '2');
    assert.equal(s.status, 'hidden');
  });

  it('result → running marks the previous result stale → result', async () => {
    // the next run's answer arrives slowly (runs go blocking first: the rows come in the POST's
    // answer, headers at once then the body in 8 pieces 400 ms apart): the run stays visibly running
    await admin('/_emulator/faults', { mode: 'slow_body', count: 1, method: 'POST', path: `/api/projects/${emulator.projects[0].id}/query/`, delayMs: 400 });
    await runFile('two.hogql');
    const frame = await panel();
    const running = await waitFor(async () => {
      const x = await screen(frame);
      return x.status === 'loading' && x;
    }, 30_000, 'the running state');
    await page.screenshot({ path: join(shots, 'results-running-stale.png') });
    assert.doesNotMatch(running.stats, /1 row/, `no figures of the previous run in the header: "${running.stats}"`);
    assert.notEqual(running.grid, 'current', 'the previous grid is not shown as the current result');
    if (running.grid === 'stale') assert.match(running.staleNote, /previous result/i);
    assert.equal(running.phase, 'running');
    const done = await waitFor(async () => {
      const x = await screen(frame);
      return x.grid === 'current' && x.stats.startsWith('2 rows · 2 columns') && x;
    }, 60_000, 'the result of two.hogql');
    assert.equal(done.status, 'hidden');
    assert.equal(done.staleNote, '');
    assert.equal(done.phase, 'result');
  });

  it('run → error: no row counts nor grid of the previous run', async () => {
    await runFile('broken.hogql');
    const frame = await panel();
    await frame.waitForSelector('.error-view:not([hidden]) .error-message', { timeout: 60_000 });
    const s = await screen(frame);
    await page.screenshot({ path: join(shots, 'results-error.png') });
    assert.equal(s.stats, '', 'the header shows no figures of the previous run');
    assert.equal(s.grid, 'none', 'the previous grid is gone');
    assert.equal(s.phase, 'error');
    assert.match(await frame.$eval('.error-message', (m) => m.textContent), /syntax|viable/i);
  });

  it('run → cancelled (the panel Cancel): no row counts nor grid of the previous run', async () => {
    await runFile('one.hogql');
    let frame = await panel();
    await waitFor(async () => (await screen(frame)).stats.startsWith('1 row'), 60_000, 'a result first');
    await runFile('slow.hogql');
    frame = await panel();
    await frame.waitForSelector('.status.loading:not([hidden]) .btn.cancel:not([hidden])', { timeout: 30_000 });
    await frame.click('.btn.cancel');
    await frame.waitForSelector('.status.cancelled:not([hidden])', { timeout: 30_000 });
    const s = await screen(frame);
    await page.screenshot({ path: join(shots, 'results-cancelled.png') });
    assert.equal(s.statusText, 'Query cancelled.');
    assert.equal(s.stats, '', 'the header shows no figures of the previous run');
    assert.equal(s.grid, 'none', 'the previous grid is gone');
    assert.equal(s.phase, 'cancelled');
  });
});
