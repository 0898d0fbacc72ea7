// UI layer (issue #19): in a TypeScript file of the real workbench, typing `isFeatureEnabled('`
// opens the suggest widget with the local PostHog's flag keys; accepting one shows its inline status
// after the call (an editor decoration, read from the rendered line's ::after content).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession, SCREENSHOTS as shots } from '../support/session.mjs';
import { waitFor } from '../support/host.mjs';

const EDITOR = '.editor-instance .monaco-editor';
const editorText = (page) => page.$eval(`${EDITOR} .view-lines`, (el) => el.innerText.replace(/\u00a0/g, ' '));

describe('UI: PostHog in your code', function () {
  this.timeout(180_000);
  let session, page, emulator;

  before(async () => {
    const ws = mkdtempSync(join(tmpdir(), 'hogql-ui-codeintel-'));
    writeFileSync(join(ws, 'flags.ts'), "import posthog from 'posthog-js'\n\n");
    session = await openSession({ name: 'ui-codeintel', workspace: ws, emulator: { events: 1000 }, signIn: true, open: 'flags.ts' });
    ({ page, emulator } = session);
  });

  after(() => session?.close());

  async function flagKeys() {
    const res = await fetch(`${emulator.url}/api/projects/${emulator.projects[0].id}/feature_flags/?limit=500`, { headers: { authorization: `Bearer ${emulator.personalKey}` } });
    assert.equal(res.status, 200);
    return (await res.json()).results.filter((f) => !f.deleted).map((f) => f.key);
  }

  it("completes a flag key inside isFeatureEnabled(' and shows its inline status", async () => {
    const keys = await flagKeys();
    assert.ok(keys.length > 0, 'the emulator has flags');
    await waitFor(async () => (await editorText(page).catch(() => '')).includes('posthog-js'), 60_000, 'flags.ts open');
    await page.click(`${EDITOR} .view-lines`);
    await page.keyboard.press('Control+End');
    await page.keyboard.type("posthog.isFeatureEnabled('", { delay: 20 });
    let label = '';
    await waitFor(async () => {
      if (!(await page.$('.suggest-widget.visible'))) await page.keyboard.press('Control+Space');
      label = await page.$eval('.suggest-widget.visible .monaco-list-row.focused', (el) => el.getAttribute('aria-label') ?? el.textContent).catch(() => '');
      return keys.some((k) => label.startsWith(k));
    }, 60_000, 'a flag key focused in the suggest widget');
    const key = keys.filter((k) => label.startsWith(k)).sort((a, b) => b.length - a.length)[0];
    await page.screenshot({ path: join(shots, 'codeintel-suggest.png') });
    await page.keyboard.press('Enter');
    await waitFor(async () => (await editorText(page)).includes(`isFeatureEnabled('${key}'`), 10_000, `${key} inserted`);
    const status = await waitFor(async () => {
      const texts = await page.$$eval(`${EDITOR} .view-line span`, (spans) => spans.map((s) => getComputedStyle(s, '::after').content).filter((c) => c && c !== 'none' && c !== 'normal'));
      return texts.find((t) => t.includes(`${key}:`));
    }, 30_000, 'the inline status after the call');
    assert.match(status, new RegExp(`● ${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (enabled|rollout|inactive)`));
    await page.screenshot({ path: join(shots, 'codeintel-inline-status.png') });
  });
});
