import * as vscode from 'vscode';
import { config } from '../config';
import { plainText } from './text';
import { requireTrust, TrustRequiredError } from './trust';

/**
 * Confirmation of writes and the read-only guard: every write asks first, in a modal that names
 * the resource, the project and the effect; cancel (or closing the modal) writes nothing.
 *
 * Test seam: only when the extension host runs with HOGQL_TEST_HOOKS=1 (the host test harness sets
 * it; users never do), a test may queue answers with the `hogql.test.sidebar` command
 * (`{op: 'answer', answers: [true, false]}`); each confirmation then takes the next answer instead of
 * showing the modal, and records what it would have asked. With nothing queued, or without the
 * variable, the real modal is shown.
 */
const queued: boolean[] = [];
const askedLog: { message: string; detail: string; action: string }[] = [];

export const confirmSeam = {
  enabled: (): boolean => __TEST_HOOKS__ && process.env.HOGQL_TEST_HOOKS === '1',
  queue(answers: boolean[]): void {
    if (!confirmSeam.enabled()) throw new Error('test hooks are off');
    queued.push(...answers);
  },
  /** The confirmation messages asked so far (not cleared). */
  asked: (): readonly string[] => askedLog.map((a) => a.message),
  /** Confirmations asked so far (and clears the record). */
  takeAsked(): { message: string; detail: string; action: string }[] {
    return askedLog.splice(0, askedLog.length);
  },
  pending: (): number => queued.length,
};

/** Asks in a modal (plain text, see ui/text.ts); true only when the user picked `action`. */
export async function confirmWrite(markedMessage: string, markedDetail: string, markedAction: string): Promise<boolean> {
  // Restricted Mode: no write, whatever the caller checked before (see ui/trust.ts)
  if (!requireTrust('Writing to PostHog')) return false;
  // A modal shows plain text: markdown code spans would show their backticks.
  const [message, detail, action] = [plainText(markedMessage), plainText(markedDetail), plainText(markedAction)];
  if (confirmSeam.enabled()) {
    askedLog.push({ message, detail, action });
    if (queued.length > 0) return queued.shift()!;
  }
  const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
  return choice === action;
}

/**
 * Refuses a write when `hogql.readOnly` is set (menus hide writes then; this covers direct calls),
 * and in Restricted Mode (after a warning offering "Manage Workspace Trust"), before any prompt.
 */
export function assertWritable(what: string): void {
  if (config.readOnly()) throw new Error(`Read-only mode is on (setting hogql.readOnly): ${what} was not done.`);
  const action = what.charAt(0).toUpperCase() + what.slice(1);
  if (!requireTrust(action)) throw new TrustRequiredError(`${action} needs a trusted workspace: nothing was done.`);
}
