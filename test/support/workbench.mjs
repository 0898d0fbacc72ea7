// Driving the real workbench in the browser: command palette, webview frames, notifications.
// Selectors verified against code-server 4.100.3 (VS Code 1.100.3); see docs/testing.md.
import { waitFor } from './host.mjs';

const PALETTE_INPUT = '.quick-input-widget .quick-input-box input';
const FOCUSED_ROW = '.quick-input-widget .quick-input-list .monaco-list-row.focused .label-name';

/** Gives the workbench keyboard focus (a webview may hold it) without clicking into an editor. */
export async function focusWorkbench(page) {
  await page.evaluate(() => {
    const active = document.activeElement;
    if (active && active.tagName === 'IFRAME') active.blur();
  });
  await page.locator('.monaco-workbench .part.statusbar').click({ position: { x: 5, y: 5 } }).catch(() => {});
}

/**
 * Runs a command from the command palette by typing its full title ("PostHog: Open Results Panel")
 * and pressing Enter only once the focused row shows exactly that title.
 */
export async function runFromPalette(page, title) {
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  await page.waitForSelector(PALETTE_INPUT, { state: 'visible', timeout: 15_000 });
  await page.keyboard.type(title);
  await waitFor(
    async () => ((await page.textContent(FOCUSED_ROW).catch(() => null)) ?? '').replace(/\s+/g, ' ').trim() === title,
    15_000,
    `palette row "${title}"`,
  );
  await page.keyboard.press('Enter');
  // The palette closes, or the command's own quick input takes its place at once (same input
  // element, never hidden in between): either way the palette's text is gone.
  await waitFor(
    async () => !(await page.isVisible(PALETTE_INPUT)) || !((await page.inputValue(PALETTE_INPUT).catch(() => '')) ?? '').includes(title),
    15_000,
    `the palette to run "${title}"`,
  );
}

/**
 * The frame of a webview whose page contains `selector`. Webviews are nested iframes
 * (workbench → iframe.webview → iframe#active-frame); frames are searched by content.
 */
export async function findWebviewFrame(page, selector, timeoutMs = 30_000) {
  return waitFor(async () => {
    for (const frame of page.frames()) {
      if (!frame.url().includes('/webview/')) continue;
      try {
        if (await frame.$(selector)) return frame;
      } catch {
        /* frame detached while we looked */
      }
    }
    return undefined;
  }, timeoutMs, `a webview containing ${selector}`);
}

/** Texts of the visible notification toasts. */
export async function notificationTexts(page) {
  return page.$$eval('.notifications-toasts .notification-list-item-message', (els) => els.map((e) => e.textContent ?? ''));
}

/** The quick input's text box (palette, quick picks and input boxes share it). */
export const QUICK_INPUT = PALETTE_INPUT;

/** Focused row label of the open quick pick ('' when none). */
export async function focusedQuickPickLabel(page) {
  return ((await page.textContent(FOCUSED_ROW).catch(() => null)) ?? '').replace(/\s+/g, ' ').trim();
}

/** In an open quick pick: filters by `filter` (default: the label) and accepts the row `label`. */
export async function acceptQuickPick(page, label, filter = label) {
  // An enabled input: the sign-in key box stays open but disabled while the key is checked online,
  // and a filter typed into it would be lost before the next pick opens.
  await page.waitForSelector(`${PALETTE_INPUT}:not([disabled])`, { state: 'visible', timeout: 15_000 });
  await page.fill(PALETTE_INPUT, filter);
  await waitFor(async () => (await focusedQuickPickLabel(page)) === label, 15_000, `quick pick row "${label}"`);
  await page.keyboard.press('Enter');
}

/** Waits for an input box whose title contains `title`, replaces its text with `text`. */
export async function fillInputBox(page, title, text) {
  await waitFor(async () => ((await page.textContent('.quick-input-widget .quick-input-title').catch(() => '')) ?? '').includes(title), 15_000, `input box "${title}"`);
  await page.fill(PALETTE_INPUT, text);
}

/** The validation message under the quick input ('' when none). */
export async function quickInputMessage(page) {
  return ((await page.textContent('.quick-input-widget .quick-input-message').catch(() => '')) ?? '').trim();
}

/** Texts of the status bar items. */
export async function statusBarTexts(page) {
  return page.$$eval('.part.statusbar .statusbar-item', (els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean));
}

/** Waits until the status bar names the project `projectName` (the session has signed in). */
export async function waitSignedIn(page, projectName, timeoutMs = 60_000) {
  await waitFor(async () => (await statusBarTexts(page)).some((t) => t.includes(projectName)), timeoutMs, 'signed in');
}

/** Opens the workspace file `file` with Quick Open (Ctrl+P) and waits until its tab is the active one. */
export async function quickOpen(page, file) {
  await focusWorkbench(page);
  await page.keyboard.press('Control+P');
  await acceptQuickPick(page, file);
  await page.waitForSelector(`.editor-group-container.active .tab.active[aria-label*="${file}"]`, { timeout: 30_000 });
}

/** The "Run" CodeLens links of the visible editors. */
export function runLenses(page) {
  return page.locator('.editor-group-container .monaco-editor .codelens-decoration a', { hasText: 'Run' });
}
