import * as vscode from 'vscode';
import { withPrefix } from './text';

/**
 * Notifications with the one "PostHog" prefix (see text.ts), and the countdown before a retry.
 *
 * Test seam: only when the extension host runs with HOGQL_TEST_HOOKS=1 (the host test harness;
 * users never set it), every notification and countdown step is recorded, and a test may queue the
 * action picked for the next notifications instead of a click. With nothing queued, or without the
 * variable, the real notification is shown.
 */
export type Level = 'error' | 'warning' | 'info' | 'progress';

export interface Shown {
  level: Level;
  message: string;
  actions: string[];
}

const shownLog: Shown[] = [];
const answers: (string | undefined)[] = [];

export const notifySeam = {
  enabled: (): boolean => __TEST_HOOKS__ && process.env.HOGQL_TEST_HOOKS === '1',
  queue(picks: (string | undefined)[]): void {
    if (!notifySeam.enabled()) throw new Error('test hooks are off');
    answers.push(...picks);
  },
  shown: (): readonly Shown[] => shownLog,
};

function record(level: Level, message: string, actions: string[]): void {
  if (notifySeam.enabled()) shownLog.push({ level, message, actions });
}

/** Shows a notification (prefixed once); resolves to the action picked, if any. */
export async function notify(level: Exclude<Level, 'progress'>, text: string, ...actions: string[]): Promise<string | undefined> {
  const message = withPrefix(text);
  record(level, message, actions);
  if (notifySeam.enabled() && answers.length > 0) return answers.shift();
  const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  return show(message, ...actions);
}

/**
 * Counts down to `readyAt` (epoch ms) in a cancellable progress notification, one step a second,
 * then runs `action`; cancelling runs nothing. Runs `action` at once when the time has passed.
 */
export async function countdownThen(readyAt: number, what: string, action: () => unknown): Promise<unknown> {
  if (readyAt <= Date.now()) return action();
  const go = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: withPrefix(what), cancellable: true },
    (progress, token) =>
      new Promise<boolean>((resolve) => {
        const tick = (): void => {
          if (token.isCancellationRequested) return resolve(false);
          const left = Math.ceil((readyAt - Date.now()) / 1000);
          if (left <= 0) return resolve(true);
          const message = `retrying in ${left} s…`;
          record('progress', `${withPrefix(what)} ${message}`, ['Cancel']);
          progress.report({ message });
          setTimeout(tick, Math.min(1000, readyAt - Date.now()));
        };
        token.onCancellationRequested(() => resolve(false));
        tick();
      }),
  );
  return go ? action() : undefined;
}

/**
 * A progress notification saying `what` until `until` resolves (then it closes by itself and this
 * resolves true) or the user presses its Cancel (false). Unlike a modal, it never outlives the
 * thing it waits for.
 */
export async function waitInNotification(what: string, detail: string, until: Promise<unknown>): Promise<boolean> {
  const title = withPrefix(what);
  record('progress', `${title} ${detail}`, ['Cancel']);
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    progress.report({ message: detail });
    return new Promise<boolean>((resolve) => {
      token.onCancellationRequested(() => resolve(false));
      void until.then(() => resolve(true), () => resolve(true));
    });
  });
}
