// UI layer: the sign-in flow typed through the real quick input of the workbench, against the
// local PostHog emulator, including the explanation shown for a project key (phc_).
import assert from 'node:assert/strict';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';

import { join } from 'node:path';
import { root, waitFor } from '../support/host.mjs';
import { runFromPalette, acceptQuickPick, fillInputBox, notificationTexts, quickInputMessage, statusBarTexts, QUICK_INPUT } from '../support/workbench.mjs';
import { readmeShot } from '../support/readmeImages.mjs';

describe('UI: sign in', function () {
  this.timeout(180_000);
  let session, emulator, page;

  before(async () => {
    // the local PostHog that sign-in looks for is this run's emulator (users: http://localhost:8010)
    session = await openSession({ name: 'ui-signin', emulator: { events: 2000 }, settings: (emu) => ({ 'hogql.localPostHogUrl': emu.url }) });
    ({ emulator, page } = session);
  });

  after(() => session?.close());

  it('explains a project key, then signs in with the personal key and picks a project', async () => {
    const [first, second] = emulator.projects;
    await runFromPalette(page, 'PostHog: Sign In');
    await acceptQuickPick(page, 'Self-hosted or other URL…', 'Self-hosted');
    await fillInputBox(page, 'instance URL', emulator.url);
    await page.keyboard.press('Enter');

    await fillInputBox(page, 'personal API key', first.apiToken);
    const explanation = await waitFor(async () => {
      const m = await quickInputMessage(page);
      return m.includes('project API key') && m;
    }, 10_000, 'the phc_ explanation');
    assert.match(explanation, /only captures events/);
    assert.match(explanation, new RegExp(`${emulator.url.replace(/[.:/]/g, '\\$&')}/settings/user-api-keys`));
    assert.ok(await page.$('.quick-input-widget .monaco-inputbox.error'), 'the input is marked as an error');
    await page.screenshot({ path: join(shots, 'signin-project-key.png') });
    // Enter on an invalid value does not accept it: the box stays open with the message.
    await page.keyboard.press('Enter');
    assert.ok(await page.isVisible(QUICK_INPUT));
    assert.match(await quickInputMessage(page), /project API key/);

    await page.fill(QUICK_INPUT, emulator.personalKey);
    await waitFor(async () => (await quickInputMessage(page)) === '' || !(await quickInputMessage(page)).includes('project API key'), 10_000, 'the message to clear');
    await page.keyboard.press('Enter');

    // the key is checked online first (the key box stays open meanwhile): wait for the project step
    await waitFor(async () => ((await page.textContent('.quick-input-widget .quick-input-title').catch(() => '')) ?? '').includes('(3/3): project'), 20_000, 'the project step');
    const projectRows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await waitFor(async () => (await projectRows.count()) === emulator.projects.length, 20_000, 'every project listed');
    await readmeShot(page, 'signin.png', page.locator('.quick-input-widget'));
    await acceptQuickPick(page, second.name, second.name);
    const status = await waitFor(async () => (await statusBarTexts(page)).find((t) => t.includes(second.name)), 20_000, 'the project in the status bar');
    assert.ok(status.includes(second.name));
    await page.screenshot({ path: join(shots, 'signin-done.png') });
  });

  it('shows a rejected key inside the key box, and a later success leaves no error on screen (issue #13 item 7)', async () => {
    const [first] = emulator.projects;
    await runFromPalette(page, 'PostHog: Sign In');
    await acceptQuickPick(page, 'Self-hosted or other URL…', 'Self-hosted');
    await fillInputBox(page, 'instance URL', emulator.url);
    await page.keyboard.press('Enter');

    await fillInputBox(page, 'personal API key', 'phx_' + 'x'.repeat(40));
    await page.keyboard.press('Enter');
    const rejected = await waitFor(async () => {
      const m = await quickInputMessage(page);
      return /rejected/.test(m) && m;
    }, 20_000, 'the rejection inside the key box');
    assert.doesNotMatch(rejected, /PostHog: PostHog/);
    assert.ok(await page.isVisible(QUICK_INPUT), 'the box stays open for another try');
    assert.deepEqual((await notificationTexts(page)).filter((t) => /rejected/.test(t)), [], 'no error toast');
    await page.screenshot({ path: join(shots, 'signin-rejected-in-box.png') });

    await page.fill(QUICK_INPUT, emulator.personalKey);
    await page.keyboard.press('Enter');
    await acceptQuickPick(page, first.name, first.name);
    await waitFor(async () => (await statusBarTexts(page)).some((t) => t.includes(first.name)), 20_000, 'the project in the status bar');
    assert.deepEqual((await notificationTexts(page)).filter((t) => /rejected|error/i.test(t)), [], 'no stale error on screen after the success');
  });

  it('offers the local PostHog it finds running and signs in to it (issue #15)', async () => {
    const [first] = emulator.projects;
    await runFromPalette(page, 'PostHog: Sign In');
    // the row appears once the probe found the emulator; it names the URL
    await page.waitForSelector(`${QUICK_INPUT}:not([disabled])`, { state: 'visible', timeout: 15_000 });
    await page.fill(QUICK_INPUT, 'Local PostHog');
    const row = await waitFor(async () => {
      const t = (await page.textContent('.quick-input-widget .quick-input-list .monaco-list-row.focused').catch(() => '')) ?? '';
      return t.includes('Local PostHog') && t;
    }, 15_000, 'the Local PostHog row');
    assert.ok(row.includes(emulator.url), `the row names the URL: ${row}`);
    await page.keyboard.press('Enter');
    await fillInputBox(page, 'personal API key', emulator.personalKey);
    await page.keyboard.press('Enter');
    await waitFor(async () => ((await page.textContent('.quick-input-widget .quick-input-title').catch(() => '')) ?? '').includes('(3/3): project'), 20_000, 'the project step');
    await acceptQuickPick(page, first.name, first.name);
    await waitFor(async () => (await statusBarTexts(page)).some((t) => t.includes(first.name)), 20_000, 'the project in the status bar');
  });
});
