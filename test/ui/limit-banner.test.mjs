// UI layer: the visible auto-LIMIT (issue #17). A statement without LIMIT that has more than 100 rows
// stops at PostHog's default 100: a banner says so in words, and its "Run with LIMIT 50,000" re-runs
// the statement wrapped in an explicit LIMIT (the file is not edited), which brings all 250 rows and
// no banner. A statement with LIMIT 10 shows none; a UNION whose LIMIT belongs to its last arm gets a
// hint. Real workbench, real webview, against the local PostHog emulator.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { waitFor } from '../support/host.mjs';
import { findWebviewFrame, quickOpen, runLenses, waitSignedIn } from '../support/workbench.mjs';

const STATEMENTS = [
  'SELECT number AS n FROM numbers(250);',
  'SELECT number AS n FROM numbers(250) LIMIT 10;',
  'SELECT 1 AS a UNION ALL SELECT number AS a FROM numbers(5) LIMIT 2;',
];

describe('UI: the auto-LIMIT banner', function () {
  this.timeout(240_000);
  let session, emulator, page, file;

  before(async () => {
    session = await openSession({
      name: 'ui-limit-banner',
      emulator: { events: 100 },
      signIn: true,
      env: (d) => {
        file = join(d.ws, 'limits.hogql');
        writeFileSync(file, `${STATEMENTS.join('\n\n')}\n`);
        return {};
      },
    });
    ({ emulator, page } = session);
    await waitSignedIn(page, emulator.projects[0].name);
    await quickOpen(page, 'limits.hogql');
  });

  after(() => session?.close());

  /** Clicks the "Run" CodeLens of statement `i` (0-based). */
  async function runStatement(i) {
    const lenses = runLenses(page);
    await waitFor(async () => (await lenses.count()) === STATEMENTS.length, 30_000, 'a Run CodeLens above each statement');
    await lenses.nth(i).click();
  }

  /** Waits for a result other than `previous` in the shown tab; its query id. */
  async function nextResult(frame, previous) {
    return waitFor(async () => {
      const app = await frame.$eval('#app', (a) => ({ phase: a.dataset.phase, id: a.dataset.queryId }));
      return app.phase === 'result' && app.id?.startsWith('vscode-hogql-') && app.id !== previous && app.id;
    }, 60_000, 'a new result');
  }

  /** The shown tab's banner: its kind and text, or undefined when hidden. */
  const banner = (frame) => frame.$eval('#app .limit-banner', (b) => (b.hidden ? undefined : { kind: b.dataset.kind, text: b.querySelector('.limit-banner-text').textContent }));

  it('a query without LIMIT stopped at 100 rows says so, and its action raises the limit', async () => {
    await runStatement(0);
    const frame = await findWebviewFrame(page, '#app[data-phase="result"] .limit-banner', 60_000);
    const first = await nextResult(frame, undefined);
    assert.match(await frame.textContent('#app .stats'), /^100 rows/);
    const b = await banner(frame);
    assert.equal(b?.kind, 'default');
    assert.match(b.text, /No LIMIT in the query: PostHog stopped at its default of 100 rows, and there are more\./);
    await page.screenshot({ path: join(shots, 'limit-banner.png') });
    await frame.click('#app .limit-banner button.limit-banner-raise');
    await nextResult(frame, first);
    await waitFor(async () => /^250 rows/.test(await frame.textContent('#app .stats')), 30_000, 'all 250 rows');
    assert.equal(await banner(frame), undefined, 'an explicit LIMIT: no banner');
    // the HogQL PostHog executed, as it prints it back (one row more than asked, to know of more)
    assert.match(await frame.$eval('#app .query-text', (q) => q.textContent), /^SELECT \* FROM \(SELECT number AS n FROM numbers\(250\)\) LIMIT 5000[01]$/);
    assert.equal(readFileSync(file, 'utf8'), `${STATEMENTS.join('\n\n')}\n`, 'the file is not edited');
  });

  it('a query with LIMIT 10 shows no banner', async () => {
    const frame = await findWebviewFrame(page, '#app .result-tabs', 30_000);
    const before = await frame.$eval('#app', (a) => a.dataset.queryId);
    await runStatement(1);
    await nextResult(frame, before);
    assert.match(await frame.textContent('#app .stats'), /^10 rows/);
    assert.equal(await banner(frame), undefined);
  });

  it('a UNION whose LIMIT applies to its last arm only gets a hint', async () => {
    const frame = await findWebviewFrame(page, '#app .result-tabs', 30_000);
    const before = await frame.$eval('#app', (a) => a.dataset.queryId);
    await runStatement(2);
    await nextResult(frame, before);
    assert.match(await frame.textContent('#app .stats'), /^3 rows/);
    const b = await banner(frame);
    assert.equal(b?.kind, 'unionArm');
    assert.match(b.text, /applies to the last SELECT of the UNION only/);
    await frame.click('#app .limit-banner button.limit-banner-close');
    assert.equal(await banner(frame), undefined, 'dismissed');
  });
});
