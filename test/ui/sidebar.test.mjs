// UI layer: the PostHog sidebar in the real workbench. Signs in through the quick input, filters
// the Feature Flags view from the palette, checks that a flag named with HTML renders as plain
// text, disables it with its inline action through the real modal (clicking the dialog's button)
// and sees the row's icon change; the emulator confirms the write. Cancel writes nothing.
import assert from 'node:assert/strict';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';

import { join } from 'node:path';
import { root, waitFor } from '../support/host.mjs';
import { runFromPalette, acceptQuickPick, fillInputBox, statusBarTexts, focusWorkbench, focusedQuickPickLabel, QUICK_INPUT } from '../support/workbench.mjs';
import { readmeShot } from '../support/readmeImages.mjs';

const FLAG = 'checkout-v2';
const HTML_NAME = 'Checkout <b>v2</b> & "beta"';

describe('UI: PostHog sidebar', function () {
  this.timeout(180_000);
  let session, emulator, page, pid, pname;

  const flag = async () => {
    const res = await fetch(`${emulator.url}/api/projects/${pid}/feature_flags/?search=${FLAG}`, { headers: { authorization: `Bearer ${emulator.personalKey}` } });
    return (await res.json()).results.find((f) => f.key === FLAG);
  };
  const flagsPane = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Feature Flags' }) });
  const row = () => flagsPane().locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${FLAG}$`) }) });
  const dialog = () => page.locator('.monaco-dialog-box');

  /** Runs a palette command that opens an input box at once (so the quick input never hides). */
  const runPromptingCommand = async (title) => {
    await focusWorkbench(page);
    await page.keyboard.press('F1');
    await page.waitForSelector(QUICK_INPUT, { state: 'visible', timeout: 15_000 });
    await page.keyboard.type(title);
    await waitFor(async () => (await focusedQuickPickLabel(page)) === title, 15_000, `palette row "${title}"`);
    await page.keyboard.press('Enter');
  };

  before(async () => {
    session = await openSession({ name: 'ui-sidebar', emulator: { events: 2000 } });
    ({ emulator, page } = session);
    ({ id: pid, name: pname } = emulator.projects[0]);
  });

  after(() => session?.close());

  it('signs in and shows the flag with an HTML name as plain text', async () => {
    await runFromPalette(page, 'PostHog: Sign In');
    await acceptQuickPick(page, 'Self-hosted or other URL…', 'Self-hosted');
    await fillInputBox(page, 'instance URL', emulator.url);
    await page.keyboard.press('Enter');
    await fillInputBox(page, 'personal API key', emulator.personalKey);
    await page.keyboard.press('Enter');
    await acceptQuickPick(page, pname, pname);
    await waitFor(async () => (await statusBarTexts(page)).some((t) => t.includes(pname)), 20_000, 'the project in the status bar');

    await page.locator('.activitybar .action-item a[aria-label^="PostHog"]').first().click();
    await runPromptingCommand('PostHog: Filter Feature Flags…');
    await fillInputBox(page, 'Search feature flags', FLAG);
    await page.keyboard.press('Enter');
    await row().waitFor({ state: 'visible', timeout: 30_000 });
    const description = (await row().locator('.label-description').textContent()).trim();
    assert.equal(description, `25% rollout · ${HTML_NAME}`);
    assert.equal(await row().locator('b, script, img').count(), 0, 'no element injected from the name');
    assert.equal(await row().locator('.custom-view-tree-node-item-icon.codicon-pass-filled').count(), 1, 'active icon');
    await page.screenshot({ path: join(shots, 'sidebar-flags.png') });
    await readmeShot(page, 'sidebar.png', page.locator('.part.sidebar'), { pad: 0 });
  });

  const clickInline = async (title) => {
    await row().click();
    const action = row().locator(`.actions .action-label[aria-label="${title}"]`);
    await action.waitFor({ state: 'visible', timeout: 10_000 });
    await action.click();
  };

  it('cancelling the modal writes nothing', async () => {
    await clickInline('Disable Feature Flag');
    await dialog().waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await dialog().textContent(), new RegExp(`Disable flag “${FLAG}” in project ${pname}\\?`));
    await dialog().locator('.dialog-buttons a.monaco-button', { hasText: 'Cancel' }).click();
    await dialog().waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal((await flag()).active, true);
    assert.equal(await row().locator('.custom-view-tree-node-item-icon.codicon-pass-filled').count(), 1);
  });

  it('disables the flag through the modal; the row’s icon changes and the emulator has it off', async () => {
    await clickInline('Disable Feature Flag');
    await dialog().waitFor({ state: 'visible', timeout: 15_000 });
    await page.screenshot({ path: join(shots, 'sidebar-confirm.png') });
    await dialog().locator('.dialog-buttons a.monaco-button', { hasText: 'Disable Flag' }).click();
    await row().locator('.custom-view-tree-node-item-icon.codicon-circle-slash').waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal((await flag()).active, false);
    assert.match((await row().locator('.label-description').textContent()).trim(), /^off · 25% rollout/);
    await page.screenshot({ path: join(shots, 'sidebar-flag-disabled.png') });
  });
});
