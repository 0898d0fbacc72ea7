// UI layer, issue #21 (s14): the command proxies are registered before activate() (src/early.ts),
// and the commands of the language and code intelligence features are bound just after it. In a
// workspace where nothing activates the extension, the first thing the user does is a command: the
// workbench activates the extension for it (onCommand) and runs it the moment the activation ends.
// That command must run, and the work of just after activation (the session's status bar item)
// must follow. And a TypeScript file open when the window opens activates the extension
// (onLanguage:typescript) before the code intelligence is registered (just after activation): its
// HogQL still gets the Run lens.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession } from '../support/session.mjs';
import { waitFor } from '../support/host.mjs';
import { runFromPalette, runLenses, statusBarTexts } from '../support/workbench.mjs';

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

/** A session (no emulator) over a new workspace holding `files` (name → text). */
function sessionOver(name, files) {
  const ws = mkdtempSync(join(tmpdir(), `hogql-${name}-`));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(ws, file), text);
  return openSession({ name, workspace: ws });
}

describe('UI: what activates the extension', function () {
  this.timeout(180_000);
  let session;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('runs the command that activated it, then shows its status bar item', async () => {
    // no HogQL file, no code of the code intelligence's languages, no notebook: nothing activates us
    session = await sessionOver('ui-activation', { 'notes.txt': 'nothing for the extension here\n' });
    const { page } = session;
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

  it("shows the Run lens of the HogQL in a TypeScript file open at startup (it activated us)", async () => {
    session = await sessionOver('ui-activation-ts', { 'query.ts': 'import { hogql } from "./q"\nconst q = hogql`SELECT 1 AS one`\n' });
    const { page } = session;
    assert.deepEqual(activations(session.dirs.ud), [], 'nothing activated the extension in the first window');
    // the window again, with the file open from its start (VS Code for the Web's `payload` openFile)
    const url = new URL(page.url());
    url.searchParams.set('payload', JSON.stringify([['openFile', `vscode-remote://${url.host}${join(session.dirs.ws, 'query.ts')}`]]));
    await page.goto(url.toString());
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await waitFor(async () => (await runLenses(page).count()) > 0, 60_000, 'the Run lens above the hogql`…` string');
    const lines = activations(session.dirs.ud);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0], /activationEvent: 'onLanguage:typescript'/);
  });
});
