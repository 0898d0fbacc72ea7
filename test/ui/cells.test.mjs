// UI layer: cells that lead somewhere (issue #17) in the real results webview, signed in to the
// local PostHog. Link cells are drawn in the theme's link colour; Ctrl+click (and the cell's
// context menu, VS Code's `webview/context`) opens them through the host, which re-checks every
// link: an http(s) URL goes through VS Code's opener (its "open external website?" prompt), a
// session id opens the replay page of the signed-in project; `javascript:`, `file:`, `vscode:`
// and `data:` cells are plain text and open nothing.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { root, waitFor } from '../support/host.mjs';
import { findWebviewFrame, runFromPalette, waitSignedIn } from '../support/workbench.mjs';
import { readmeShot, topOf } from '../support/readmeImages.mjs';

const fixture = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'results', 'cells-links.json'), 'utf8'));
const col = (name) => fixture.columns.findIndex((c) => c.name === name);
const cell = (row, c) => `.grid-body .row[aria-rowindex="${row + 2}"] [aria-colindex="${c + 2}"]`;

describe('UI: result cells that lead somewhere', function () {
  this.timeout(180_000);
  let session, page, emulator, frame;

  before(async () => {
    session = await openSession({
      name: 'ui-cells',
      emulator: { events: 2000 },
      signIn: true,
      env: (dirs) => {
        const devFile = join(dirs.run, 'dev-results.json');
        writeFileSync(devFile, JSON.stringify(fixture));
        return { HOGQL_DEV_RESULTS_FILE: devFile };
      },
    });
    ({ page, emulator } = session);
    await page.context().route('https://posthog.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/plain', body: 'ok' }));
    await waitSignedIn(page, emulator.projects[0].name);
    await runFromPalette(page, 'PostHog: Open Results Panel');
    frame = await findWebviewFrame(page, `#app[data-query-id="${fixture.queryId}"] .grid-body .row`, 60_000);
  });

  after(() => session?.close());

  /**
   * Scrolls the grid until the cell is drawn (columns outside the viewport are not): to the
   * column's share of the width first, then on in steps.
   */
  async function reveal(row, c) {
    const sel = cell(row, c);
    let step = 0;
    await waitFor(
      () =>
        frame.evaluate(
          ([sel, c, n, step]) => {
            if (document.querySelector(sel)) return true;
            const g = document.querySelector('.grid-scroll');
            g.scrollLeft = step === 0 ? (c / n) * g.scrollWidth - 40 : (g.scrollLeft + g.clientWidth / 3) % g.scrollWidth;
            return false;
          },
          [sel, c, fixture.columns.length, step++],
        ),
      20_000,
      `cell ${row},${c} to be drawn`,
    );
    return sel;
  }
  const at = (row, name) => reveal(row, col(name));

  /**
   * The URL a followed link opened: VS Code asks first for a site outside its trusted domains (the
   * prompt names the site; "Open" goes on), then the browser opens a page (answered locally by a
   * route, there is no internet here).
   */
  async function nextOpened(action) {
    const pages = new Set(page.context().pages());
    await action();
    return waitFor(
      async () => {
        const open = await page.$('.monaco-dialog-box .monaco-button:text-is("Open")');
        if (open) {
          prompts.push((await page.textContent('.monaco-dialog-box')) ?? '');
          await open.click();
        }
        for (const p of page.context().pages()) {
          if (pages.has(p) || p.url() === 'about:blank') continue;
          const url = p.url();
          await p.close();
          return url;
        }
        return undefined;
      },
      20_000,
      'the link to open',
    );
  }
  const prompts = [];

  it('draws link cells in the theme link colour, and hostile schemes as plain text', async () => {
    const linkColour = await frame.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--vscode-textLink-foreground)';
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    for (const [row, name] of [[0, '$session_id'], [0, 'person_id'], [0, 'distinct_id'], [0, 'uuid'], [0, 'url']]) {
      const [cls, colour, text] = await frame.$eval(await at(row, name), (c) => [c.className, getComputedStyle(c).color, c.textContent]);
      assert.match(cls, /\blink\b/, `${name} is a link`);
      assert.equal(colour, linkColour, `${name} has the link colour`);
      assert.equal(text, fixture.rows[row][col(name)], 'the value is shown as text');
    }
    for (const [row, name] of [[0, 'bad'], [1, 'url'], [1, 'bad'], [2, 'bad'], [2, '$session_id'], [2, 'person_id'], [0, 'event']]) {
      const cls = await frame.$eval(await at(row, name), (c) => c.className);
      assert.doesNotMatch(cls, /\blink\b/, `${name} of row ${row + 1} is not a link`);
    }
    // the hostile value is text, never markup
    assert.equal(await frame.$eval(await at(2, 'bad'), (c) => [c.textContent, c.children.length].join('|')), 'data:text/html,<b>x</b>|0');
    await page.screenshot({ path: join(shots, 'cells-links.png') });
  });

  it('Ctrl+click opens an http(s) URL through VS Code, and a javascript: cell opens nothing', async () => {
    // the hostile cell first: if it opened anything, that would be what is seen next
    await frame.click(await at(0, 'bad'), { modifiers: ['Control'] });
    const url = await at(0, 'url');
    const opened = await nextOpened(() => frame.click(url, { modifiers: ['Control'] }));
    assert.equal(opened, 'https://posthog.com/docs?from=cells');
    assert.match(prompts.at(-1) ?? '', /open the external website\?.*https:\/\/posthog\.com/);
  });

  it('Ctrl+click on a session id opens its replay in the signed-in project', async () => {
    const sid = fixture.rows[0][col('$session_id')];
    const sel = await at(0, '$session_id');
    const opened = await nextOpened(() => frame.click(sel, { modifiers: ['Control'] }));
    assert.ok(opened.endsWith(`/project/${emulator.projects[0].id}/replay/${sid}`), opened);
  });

  it('the cell context menu offers the link and, on a person column, the static cohort', async () => {
    const menuLabels = async (row, name) => {
      await frame.click(await at(row, name), { button: 'right' });
      const labels = await waitFor(
        async () => {
          const l = await page.$$eval('.context-view .monaco-menu .action-label', (els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
          return l.length > 0 && l;
        },
        15_000,
        `the context menu of ${name}`,
      );
      return labels;
    };
    const person = await menuLabels(0, 'person_id');
    assert.ok(person.includes('Open Cell Link'), person.join(', '));
    assert.ok(person.includes('Save Column as Static Cohort…'), person.join(', '));
    await page.screenshot({ path: join(shots, 'cells-context-menu.png') });
    const menu = page.locator('.context-view .monaco-menu');
    await readmeShot(page, 'cells.png', [await topOf(await frame.frameElement(), [menu, frame.locator('.grid-body .row').last()]), menu], { pad: 0 });
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await page.$('.context-view .monaco-menu')), 10_000, 'the menu to close');
    const url = await menuLabels(0, 'url');
    assert.ok(url.includes('Open Cell Link'), url.join(', '));
    assert.ok(!url.includes('Save Column as Static Cohort…'), url.join(', '));
    // the menu's command follows the link, like Ctrl+click
    // hovering focuses a menu item (as a pointer does); Enter runs it
    const item = page.locator('.context-view .monaco-menu .action-label:text-is("Open Cell Link")');
    await item.hover();
    await waitFor(async () => (await page.$$eval('.context-view .monaco-menu .action-item.focused .action-label', (els) => els.map((e) => e.textContent?.trim()))).includes('Open Cell Link'), 10_000, 'the menu item to take focus');
    const opened = await nextOpened(() => page.keyboard.press('Enter'));
    assert.equal(opened, 'https://posthog.com/docs?from=cells');
    const plain = await menuLabels(0, 'bad');
    assert.ok(!plain.includes('Open Cell Link'), plain.join(', '));
    await page.keyboard.press('Escape');
  });
});
