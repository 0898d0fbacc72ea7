import * as vscode from 'vscode';

/**
 * Every write asks first, in a modal that names the resource, the project and the effect. Cancel
 * (or closing the modal) writes nothing.
 *
 * Test seam: host tests cannot click a modal, so when the harness sets HOGQL_TEST_HOOKS=1 they may
 * queue answers (`queueConfirmAnswers`); each confirmation then takes the next queued answer
 * instead of showing the modal and records what it would have asked. Without that environment
 * variable the queue is never read.
 */
const queued: boolean[] = [];
const asked: string[] = [];

export function queueConfirmAnswers(...answers: boolean[]): void {
  if (process.env.HOGQL_TEST_HOOKS === '1') queued.push(...answers);
}

/** The confirmation messages asked so far (test hooks only). */
export function askedConfirmations(): readonly string[] {
  return asked;
}

/** Shows a modal warning with one action button; true only if that button was chosen. */
export async function confirmWrite(message: string, action: string, detail?: string): Promise<boolean> {
  if (process.env.HOGQL_TEST_HOOKS === '1' && queued.length > 0) {
    asked.push(message);
    return queued.shift()!;
  }
  const choice = await vscode.window.showWarningMessage(message, { modal: true, ...(detail ? { detail } : {}) }, action);
  return choice === action;
}
