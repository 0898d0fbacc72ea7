// UI layer: a real headless Chromium drives the real workbench (code-server) with the extension
// installed from its .vsix, through the command palette and into the results webview.
import assert from 'node:assert/strict';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';

import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../support/host.mjs';
import { runFromPalette, findWebviewFrame } from '../support/workbench.mjs';

describe('UI: results panel', function () {
  this.timeout(120_000);
  let session, page;

  before(async () => {
    // What the panel shows comes from the dev results file (test builds only), as in grid.test.mjs.
    session = await openSession({
      name: 'ui-results',
      env: (dirs) => {
        const devFile = join(dirs.run, 'dev-results.json');
        copyFileSync(join(root, 'test', 'fixtures', 'results', 'panel-basic.json'), devFile);
        return { HOGQL_DEV_RESULTS_FILE: devFile };
      },
    });
    ({ page } = session);
  });

  after(() => session?.close());

  it('opens from the command palette and renders the table from posted data', async () => {
    await runFromPalette(page, 'PostHog: Open Results Panel');
    // The grid (webview-ui/results, detailed in grid*.test.mjs) is found by its ARIA roles.
    const frame = await findWebviewFrame(page, '[role=grid] [role=row][aria-rowindex="2"]');
    const headers = await frame.$$eval('[role=columnheader] .col-name', (ths) => ths.map((th) => th.textContent));
    assert.deepEqual(headers, ['event', 'count()', 'last_seen']);
    const firstRow = await frame.$$eval('[role=row][aria-rowindex="2"] [role=gridcell]', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(firstRow, ['$pageview', '48213', '2026-11-22 23:59:12.000000']);
    const nullCell = await frame.$eval('[role=row][aria-rowindex="5"] [role=gridcell][aria-colindex="4"]', (td) => [td.classList.contains('null'), td.textContent]);
    assert.deepEqual(nullCell, [true, 'NULL']);
    await page.screenshot({ path: join(shots, 'results-panel.png') });
  });

  it('renders HTML in data as text and runs none of it', async () => {
    const frame = await findWebviewFrame(page, '[role=grid] [role=row][aria-rowindex="5"]');
    const cell = await frame.$eval('[role=row][aria-rowindex="5"] [role=gridcell][aria-colindex="2"]', (td) => ({
      text: td.textContent,
      elements: td.children.length,
    }));
    assert.deepEqual(cell, { text: '<img src=x onerror=alert(1)>', elements: 0 });
    assert.equal(await frame.$$eval('img', (imgs) => imgs.length), 0);
  });

  it('loads only nonce-carrying scripts under a strict CSP', async () => {
    const frame = await findWebviewFrame(page, '[role=grid]');
    const info = await frame.evaluate(() => ({
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      // VS Code injects its own #_vscodeApiScript into every scripted webview; it is not ours.
      ours: [...document.scripts].filter((s) => s.id !== '_vscodeApiScript').map((s) => ({ nonce: s.nonce, src: s.src, inline: !s.src })),
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    }));
    assert.match(info.csp, /default-src 'none'/);
    assert.match(info.csp, /script-src 'nonce-[A-Za-z0-9]{16,}'/);
    assert.ok(info.ours.length >= 1);
    for (const s of info.ours) {
      assert.equal(s.inline, false, 'no inline scripts');
      assert.ok(s.nonce.length >= 16, 'every script carries the nonce');
    }
    assert.equal(info.handlers, 0, 'no inline event handlers');
  });
});
