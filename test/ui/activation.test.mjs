// UI layer, issue #21 (s14): the command proxies are registered before activate() (src/early.ts),
// and the commands of the language and code intelligence features are bound just after it. In a
// workspace where nothing activates the extension, the first thing the user does is a command: the
// workbench activates the extension for it (onCommand) and runs it the moment the activation ends.
// That command must run, and the work of just after activation (the session's status bar item)
// must follow.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession } from '../support/session.mjs';
import { waitFor } from '../support/host.mjs';
import { runFromPalette, statusBarTexts } from '../support/workbench.mjs';

const EDITOR = '.editor-instance .monaco-editor';

/** The extension host's log lines that say an extension of ours was activated, and why. */
function activations(ud) {
  const logs = join(ud, 'logs');
  const lines = [];
  for (const session of readdirSync(logs)) {
    for (const host of readdirSync(join(logs, session)).filter((d) => d.startsWith('exthost'))) {
      let text = '';
      try {
        text = readFileSync(join(logs, session, host, 'remoteexthost.log'), 'utf8');
      } catch {
        continue;
      }
      lines.push(...text.split('\n').filter((l) => l.includes('_doActivateExtension hogql-dev.vscode-hogql')));
    }
  }
  return lines;
}

describe('UI: a command activates the extension', function () {
  this.timeout(180_000);
  let session, page;

  before(async () => {
    // no HogQL file, no code of the code intelligence's languages, no notebook: nothing activates us
    const ws = mkdtempSync(join(tmpdir(), 'hogql-ui-activation-'));
    writeFileSync(join(ws, 'notes.txt'), 'nothing for the extension here\n');
    session = await openSession({ name: 'ui-activation', workspace: ws });
    ({ page } = session);
  });

  after(() => session?.close());

  it('runs the command that activated it, then shows its status bar item', async () => {
    assert.deepEqual(activations(session.dirs.ud), [], 'the extension is not active before the command');
    await runFromPalette(page, 'PostHog: New HogQL Query');
    const text = await waitFor(async () => {
      const t = await page.$eval(`${EDITOR} .view-lines`, (el) => el.innerText.replace(/\u00a0/g, ' ')).catch(() => '');
      return t.includes('New HogQL query') && t;
    }, 30_000, 'the new query');
    assert.match(text, /SELECT event, count\(\) AS total/);
    const lines = activations(session.dirs.ud);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /activationEvent: 'onCommand:hogql\.newQuery'/);
    await waitFor(async () => (await statusBarTexts(page)).some((t) => t.includes('PostHog: Sign In')), 20_000, 'the sign-in item in the status bar');
  });
});
