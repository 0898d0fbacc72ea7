// Which statement "PostHog: Run Query" (Ctrl+Enter) runs for the cursor (issue #13: a cursor on the
// comment line above a statement gave an error toast instead of running it).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { openFile, signInToEmulator, signOutAll } from './support';

interface Outcome {
  kind: 'done' | 'failed' | 'cancelled';
  payload?: { rows: unknown[][] };
  error?: Error;
}

let fileNo = 0;
const openDoc = (content: string): Promise<vscode.TextDocument> => openFile(`cursor-${process.pid}-${++fileNo}.hogql`, content);

/** Runs `hogql.runQuery` and, while it waits on the quick pick, runs `quickInputCommand` until it settles. */
async function runAnswering(args: Record<string, unknown>, quickInputCommand: string): Promise<Outcome | undefined> {
  let settled = false;
  const run = Promise.resolve(vscode.commands.executeCommand<Outcome | undefined>('hogql.runQuery', args)).finally(() => {
    settled = true;
  });
  await waitFor(
    async () => {
      if (!settled) await vscode.commands.executeCommand(quickInputCommand);
      return settled;
    },
    30_000,
    `the run to end after ${quickInputCommand}`,
    100,
  );
  return run;
}

describe('run query: the statement at the cursor', function () {
  this.timeout(90_000);
  const doc3 = '-- one\nSELECT 1 AS one;\n\n-- the second:\n-- two\nSELECT 2 AS two;\n\n\n\nSELECT 3 AS three;\n';

  before(async () => {
    await vscode.workspace.getConfiguration('hogql').update('diagnostics.server', false, vscode.ConfigurationTarget.Global);
    await signOutAll();
    await signInToEmulator();
  });
  after(async () => {
    const mine = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && /cursor-\d+-\d+\.hogql$/.test(t.input.uri.path));
    await vscode.window.tabGroups.close(mine);
    await vscode.workspace.getConfiguration('hogql').update('diagnostics.server', undefined, vscode.ConfigurationTarget.Global);
    await signOutAll();
  });

  it('runs the statement under the comment line the cursor is on (as Ctrl+Enter does)', async () => {
    const doc = await openDoc(doc3);
    const editor = vscode.window.activeTextEditor!;
    const at = doc.positionAt(doc3.indexOf('-- the second') + 4);
    editor.selection = new vscode.Selection(at, at);
    const out = await vscode.commands.executeCommand<Outcome | undefined>('hogql.runQuery');
    assert.equal(out?.kind, 'done', `outcome ${JSON.stringify(out)}`);
    assert.deepEqual(out.payload?.rows, [[2]]);
  });

  it('between statements with none closer, offers them in a quick pick and runs the one picked', async () => {
    const doc = await openDoc(doc3);
    const between = doc3.indexOf('\n\n\n\n') + 2;
    const out = await runAnswering({ uri: doc.uri.toString(), offset: between }, 'workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(out?.kind, 'done', `outcome ${JSON.stringify(out)}`);
    assert.deepEqual(out.payload?.rows, [[1]], 'the first statement is the first item');
  });

  it('runs nothing when that quick pick is dismissed (Escape)', async () => {
    const doc = await openDoc(doc3);
    const between = doc3.indexOf('\n\n\n\n') + 2;
    const out = await runAnswering({ uri: doc.uri.toString(), offset: between }, 'workbench.action.closeQuickOpen');
    assert.equal(out, undefined);
  });
});
