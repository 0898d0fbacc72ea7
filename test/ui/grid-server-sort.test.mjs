// UI layer: "Sort all on the server" against the local PostHog. A 250-row query shows PostHog's
// default first 100 rows; sorting them says it sorted the loaded rows only, and the button re-runs
// the query wrapped in ORDER BY through the real run path, so the largest of all 250 comes first.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { root, waitFor } from '../support/host.mjs';
import { findWebviewFrame, runFromPalette, waitSignedIn } from '../support/workbench.mjs';

describe('UI: sort all rows on the server', function () {
  this.timeout(180_000);
  let session, emulator, page;

  before(async () => {
    session = await openSession({
      name: 'ui-grid-server-sort',
      workspace: join(root, 'test/fixtures/run-workspace'),
      emulator: { events: 100 },
      signIn: true,
      open: 'numbers.hogql',
      env: (dirs) => {
        writeFileSync(join(dirs.ws, 'numbers.hogql'), 'SELECT number AS n FROM numbers(250);\n');
        return {};
      },
    });
    ({ emulator, page } = session);
  });

  after(() => session?.close());

  /** The first column of the grid's rows, in row order. */
  const firstColumn = (frame) =>
    frame.$$eval('.grid-body .row', (els) =>
      els
        .map((e) => ({ i: Number(e.getAttribute('aria-rowindex')), n: e.children[1]?.textContent }))
        .sort((a, b) => a.i - b.i)
        .map((x) => x.n),
    );
  const scope = (frame) => frame.$eval('.scope-note', (n) => (n.hidden ? '' : n.textContent));

  it('says a sort covers the loaded rows only, then sorts all of them on the server', async () => {
    await waitSignedIn(page, emulator.projects[0].name);
    await page.waitForSelector('.editor-group-container .tab.active[aria-label*="numbers.hogql"]', { timeout: 30_000 });
    await runFromPalette(page, 'PostHog: Run Query');
    const frame = await findWebviewFrame(page, '#app[data-query-id^="vscode-hogql-"] button.load-more:not([hidden])', 60_000);
    const firstId = await frame.$eval('#app', (a) => a.dataset.queryId);
    assert.match(await frame.textContent('.stats'), /^100 rows/);
    await frame.click('.hcell:has(.col-name:text-is("n"))');
    await frame.click('.hcell:has(.col-name:text-is("n"))');
    await waitFor(async () => (await scope(frame)) === 'Sorted the 100 loaded rows only; the result has more.', 10_000, 'the scope note');
    assert.equal((await firstColumn(frame))[0], '99', 'the largest loaded value');
    await frame.click('button.sort-server:not([hidden])');
    await waitFor(async () => {
      const id = await frame.$eval('#app', (a) => a.dataset.queryId);
      return id !== firstId && id?.startsWith('vscode-hogql-') && (await frame.$$('.grid-body .row')).length > 0;
    }, 60_000, 'the server-sorted result');
    const top = await waitFor(async () => {
      const r = await firstColumn(frame);
      return r.length > 5 && r;
    }, 10_000, 'rows');
    assert.deepEqual(top.slice(0, 3), ['249', '248', '247'], 'sorted on the server over all 250 rows');
    // the HogQL PostHog executed (as it prints it back): the query wrapped in the ORDER BY
    assert.match(await frame.$eval('.query-text', (q) => q.textContent), /^SELECT \* FROM \(SELECT number AS n FROM numbers\(250\)\) ORDER BY n DESC\b/);
    assert.equal(await scope(frame), '', 'the new result is not sorted in the panel');
    await page.screenshot({ path: join(shots, 'grid-server-sort.png') });
    // Load more pages the sorted query
    await frame.click('button.load-more');
    await waitFor(async () => /^250 rows/.test(await frame.textContent('.stats')), 30_000, '250 rows after Load more');
    await frame.$eval('.grid-scroll', (g) => g.scrollTo(0, g.scrollHeight));
    await waitFor(async () => (await firstColumn(frame)).at(-1) === '0', 10_000, 'the smallest value last');
  });
});
