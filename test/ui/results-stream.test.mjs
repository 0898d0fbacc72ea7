// UI layer: a big result streamed from the local PostHog (issue #21). Its first 1,000 rows are
// painted first (once the panel's page listens); the next 5,000 cross to the panel as the body's own row text (src/results/wireText.ts)
// and the host parses its copy only after posting them. What the panel holds must be exactly the
// result: the grid's Copy (TSV of every row, from the panel's own rows) is compared with the rows
// computed here, 64-bit integers beyond 2^53 included.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession } from '../support/session.mjs';
import { waitFor } from '../support/host.mjs';
import { findWebviewFrame, runFromPalette, waitSignedIn } from '../support/workbench.mjs';

const ROWS = 6000;
const QUERY = `SELECT number AS n, number * 10000000000000 + 7 AS u, number / 4 AS f, concat('x"', toString(number)) AS s FROM numbers(${ROWS}) LIMIT ${ROWS}`;
const expected = (n) => `${n}\t${BigInt(n) * 10000000000000n + 7n}\t${n / 4}\tx"${n}`;

describe('UI: a big result streamed from PostHog', function () {
  this.timeout(240_000);
  let session, emulator, page, copyFile;

  before(async () => {
    session = await openSession({
      name: 'ui-results-stream',
      emulator: { events: 100 },
      signIn: true,
      open: 'stream.hogql',
      env: (d) => {
        writeFileSync(join(d.ws, 'stream.hogql'), `${QUERY}\n`);
        copyFile = join(d.run, 'copied.jsonl');
        return { HOGQL_DEV_COPY_FILE: copyFile };
      },
    });
    ({ emulator, page } = session);
    await page.waitForSelector('.editor-group-container .tab.active[aria-label*="stream.hogql"]', { timeout: 90_000 });
    await waitSignedIn(page, emulator.projects[0].name, 90_000);
  });

  after(() => session?.close());

  /** What the results panel shows now: its painted query, whether whole, its row counts. */
  const panelState = async () => {
    const frame = await findWebviewFrame(page, '#app', 5_000).catch(() => undefined);
    if (!frame) return 'no results panel';
    return frame.$eval('#app', (a) => `query ${a.dataset.queryId ?? '(none painted)'}${a.dataset.complete ? ' (whole)' : ''}: "${a.querySelector('.stats')?.textContent ?? ''}"`);
  };

  const copies = () => (existsSync(copyFile) ? readFileSync(copyFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).text) : []);

  it('every row reaches the panel exactly as PostHog sent it, in order, integers beyond 2^53 exact', async () => {
    // The first run opens the panel: when its page says `ready` only after rows arrived, it gets
    // every row so far at once (its first paint may hold all 6,000 rows). With the page listening,
    // a run's first paint holds its first 1,000 rows and the rest streams after it.
    await runFromPalette(page, 'PostHog: Run Query');
    let frame = await findWebviewFrame(page, '#app[data-complete]', 120_000);
    const opened = await frame.$eval('#app', (a) => ({ queryId: a.dataset.queryId, firstRows: a.dataset.firstRows }));
    assert.ok(['1000', '6000'].includes(opened.firstRows), `the first paint of the run that opened the panel: ${opened.firstRows} rows`);
    await runFromPalette(page, 'PostHog: Run Query');
    // First painted, then whole: a stream that breaks on the way says where, and what the panel holds.
    const second = `#app[data-query-id]:not([data-query-id="${opened.queryId}"])`;
    frame = await findWebviewFrame(page, second, 120_000).catch(async () => assert.fail(`the second run's first rows were never painted; the panel shows ${await panelState()}`));
    await waitFor(() => frame.$(`${second}[data-complete]`), 120_000, 'the whole result').catch(async () => assert.fail(`the second run's rows never all reached the panel; it shows ${await panelState()}`));
    assert.equal(await frame.$eval('#app', (a) => a.dataset.firstRows), '1000', 'the first paint had the first 1,000 rows');
    assert.match(await frame.textContent('#app .stats'), /^6,000 rows · 4 columns/);
    const n = copies().length;
    await frame.click('#app button.copy-tsv');
    const tsv = await waitFor(() => copies().length > n && copies().at(-1), 15_000, 'the copy to reach the host');
    const lines = tsv.split('\n');
    assert.equal(lines[0], 'n\tu\tf\ts');
    assert.equal(lines.length, ROWS + 1);
    for (let i = 0; i < ROWS; i++) assert.equal(lines[i + 1], expected(i), `row ${i + 1}`);
  });
});
