// UI layer (#20): completion before FROM in the real editor of the workbench, signed in to the
// local PostHog: people type left to right, so `SELECT properties.$br` with no FROM yet must offer
// the project's `$browser` (as if FROM events), and accepting it inserts the name.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { waitFor } from '../support/host.mjs';
import { waitSignedIn } from '../support/workbench.mjs';

const EDITOR = '.editor-instance .monaco-editor';
const ROWS = '.suggest-widget.visible .monaco-list-row';

/** The editor's text as rendered (Monaco uses non-breaking spaces). */
const editorText = (page) => page.$eval(`${EDITOR} .view-lines`, (el) => el.innerText.replace(/\u00a0/g, ' '));

describe('UI: HogQL completion before FROM', function () {
  this.timeout(180_000);
  let session, emulator, page;

  before(async () => {
    session = await openSession({ name: 'ui-language-teach', emulator: { events: 2000 }, signIn: true, open: 'sample.hogql' });
    ({ emulator, page } = session);
  });

  after(() => session?.close());

  /** Event property names of the emulator's first project (the oracle, over plain HTTP). */
  async function eventProperties() {
    const res = await fetch(`${emulator.url}/api/projects/${emulator.projects[0].id}/property_definitions/?type=event&limit=500`, {
      headers: { authorization: `Bearer ${emulator.personalKey}` },
    });
    assert.equal(res.status, 200);
    return (await res.json()).results.map((p) => p.name);
  }

  /** Labels and aria labels of the suggest widget's rows (empty when it is closed). */
  const suggestRows = () =>
    page.$$eval(ROWS, (els) => els.map((el) => ({ label: el.querySelector('.label-name')?.textContent ?? '', text: el.textContent ?? '', aria: el.getAttribute('aria-label') ?? '' })));

  it('offers $browser after `SELECT properties.$br` with no FROM, marked as events, and inserts it', async () => {
    const props = await eventProperties();
    assert.ok(props.includes('$browser'), 'the sample data has $browser');
    await waitSignedIn(page, emulator.projects[0].name);
    await page.waitForSelector('.editor-group-container.active .tab.active[aria-label*="sample.hogql"]', { timeout: 30_000 });
    await page.click(`${EDITOR} .view-lines`);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('SELECT properties.$br', { delay: 20 });
    // The names load once after sign-in; ask again (Ctrl+Space) until the widget lists them.
    const row = await waitFor(async () => {
      const rows = await suggestRows();
      const hit = rows.find((r) => r.label === '$browser');
      if (!hit && rows.length === 0) await page.keyboard.press('Control+Space');
      return hit;
    }, 60_000, '$browser in the suggest widget', 500);
    await page.screenshot({ path: join(shots, 'language-before-from.png') });
    // The focused row shows its detail inline: where the names come from.
    const focused = await waitFor(() => page.$eval(`${ROWS}.focused`, (el) => el.textContent ?? '').catch(() => ''), 10_000, 'a focused row');
    assert.match(focused, /no FROM yet/, `${focused} (row: ${row.text})`);
    await waitFor(async () => {
      const f = await page.$eval(`${ROWS}.focused .label-name`, (el) => el.textContent).catch(() => '');
      if (f === '$browser') return true;
      await page.keyboard.press('ArrowDown');
      return false;
    }, 10_000, '$browser focused', 200);
    await page.keyboard.press('Enter');
    await waitFor(async () => /^SELECT properties\.\$browser\s*$/.test(await editorText(page)), 10_000, '$browser inserted');
  });
});
