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
  await page.waitForSelector(PALETTE_INPUT, { state: 'hidden', timeout: 15_000 });
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
