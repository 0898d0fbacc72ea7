// UI layer: HogQL language features in the real editor (Monaco) of the workbench: a squiggle
// appears on a syntax error and goes when it is fixed; a completion is accepted from the suggest widget.
import assert from 'node:assert/strict';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';

import { join } from 'node:path';
import { root, waitFor } from '../support/host.mjs';
import { runFromPalette } from '../support/workbench.mjs';
import { readmeShot } from '../support/readmeImages.mjs';

const EDITOR = '.editor-instance .monaco-editor';
const isMac = process.platform === 'darwin';

/** The editor's text as rendered (Monaco uses non-breaking spaces). */
const editorText = (page) => page.$eval(`${EDITOR} .view-lines`, (el) => el.innerText.replace(/\u00a0/g, ' '));

describe('UI: HogQL language features', function () {
  this.timeout(180_000);
  let session, page;

  before(async () => {
    session = await openSession({ name: 'ui-language' });
    ({ page } = session);
  });

  after(() => session?.close());

  /** The first line's number and, when shown, the CodeLens above it (the README images' top left). */
  async function editorTop() {
    const lens = page.locator(`${EDITOR} .codelens-decoration`).first();
    return [page.locator(`${EDITOR} .line-numbers`).first(), ...((await lens.isVisible()) ? [lens] : [])];
  }

  async function replaceText(text) {
    await page.click(`${EDITOR} .view-lines`);
    await page.keyboard.press(isMac ? 'Meta+A' : 'Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(text, { delay: 15 });
  }

  it('opens a new query, squiggles a syntax error, and clears it when fixed', async () => {
    await runFromPalette(page, 'PostHog: New HogQL Query');
    await waitFor(async () => (await editorText(page)).includes('SELECT event, count() AS total'), 30_000, 'the starter query');
    await replaceText('SELECT event FROM events WHERE');
    await waitFor(() => page.$(`${EDITOR} .squiggly-error`), 30_000, 'a squiggle on the syntax error');
    await page.screenshot({ path: join(shots, 'language-squiggle.png') });
    // README: the error's message in its hover. The suggest widget closed first; the squiggle lies
    // under the text layer, which takes the pointer, so the mouse is moved over the last squiggle
    // (an earlier one may be left from typing) until the parser's message shows.
    await page.keyboard.press('Escape');
    const hover = page.locator(`${EDITOR} .monaco-hover:not(.hidden)`);
    await waitFor(async () => {
      if ((await hover.isVisible()) && /SyntaxError/.test((await hover.textContent()) ?? '')) return true;
      const squiggle = await page.locator(`${EDITOR} .squiggly-error`).last().boundingBox();
      if (squiggle) await page.mouse.move(squiggle.x + squiggle.width / 2, squiggle.y + squiggle.height / 2, { steps: 2 });
      return false;
    }, 30_000, "the parser's error in a hover", 1000);
    await readmeShot(page, 'language-diagnostics.png', [...(await editorTop()), hover], { hovers: true, pad: 12 });
    await page.keyboard.type(' event = 1', { delay: 15 });
    await waitFor(async () => !(await page.$(`${EDITOR} .squiggly-error`)), 30_000, 'the squiggle to go away');
  });

  it('accepts a function completion from the suggest widget', async () => {
    await replaceText('SELECT cou');
    await page.keyboard.press('Control+Space');
    await waitFor(async () => {
      const label = await page.$eval('.suggest-widget.visible .monaco-list-row.focused', (el) => el.getAttribute('aria-label') ?? el.textContent).catch(() => '');
      return /^count\b/.test(label ?? '');
    }, 30_000, '`count` focused in the suggest widget');
    await page.screenshot({ path: join(shots, 'language-suggest.png') });
    // README: the item's details beside the list, the same every run. Ctrl+Space on an open widget
    // toggles them, so whether they show depended on the widget having opened by itself before.
    const details = page.locator('.suggest-details-container .suggest-details');
    if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
    await waitFor(async () => (await details.isVisible()) && /argument/.test((await details.textContent()) ?? ''), 30_000, 'the suggestion details');
    await readmeShot(page, 'language-completion.png', [...(await editorTop()), page.locator('.suggest-widget.visible'), details], { pad: 12 });
    await page.keyboard.press('Enter');
    await waitFor(async () => (await editorText(page)).includes('SELECT count()'), 10_000, 'count() inserted');
    assert.ok(!(await page.$('.suggest-widget.visible')), 'the suggest widget closed');
  });
});
