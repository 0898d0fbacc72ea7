// Every query the extension ships runs cleanly against the local PostHog, through the real
// commands: the "New HogQL Query" template, each snippet (defaults taken, every choice), and each
// statement of the demo's sample file. Plus the query values prompt ("Edit Query Values and Run").
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import snippets from '../../snippets/hogql.json';
import welcome from '../../demo/workspace/welcome.hogql';
import { snippetVariants } from '../support/snippets';
import { waitFor } from '../support/waitFor';
import { signInToEmulator, signOutAll } from './support';

interface Outcome {
  kind: 'done' | 'failed' | 'cancelled';
  payload?: { rows: unknown[][] };
  error?: Error;
}

/** Runs a command that may show quick inputs, accepting each one as it comes, until it settles. */
async function runAccepting<T>(command: string, args?: unknown, accept = true): Promise<T> {
  let settled = false;
  const run = Promise.resolve(vscode.commands.executeCommand<T>(command, args)).finally(() => {
    settled = true;
  });
  await waitFor(async () => {
    if (settled) return true;
    await vscode.commands.executeCommand(accept ? 'workbench.action.acceptSelectedQuickOpenItem' : 'workbench.action.closeQuickOpen');
    return settled;
  }, 60_000, `${command} to finish`);
  return run;
}

async function untitled(content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'hogql', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

const done = (o: Outcome | undefined, sql: string): void => {
  assert.equal(o?.kind, 'done', `${o?.error?.message ?? o?.kind}\n${sql}`);
};

describe('shipped queries run against the local PostHog', function () {
  this.timeout(120_000);
  before(async () => {
    await signOutAll();
    await signInToEmulator();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await signOutAll();
  });

  it('"New HogQL Query" runs as it opens', async () => {
    const uri = await vscode.commands.executeCommand<string>('hogql.newQuery');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)!;
    const outcome = await vscode.commands.executeCommand<Outcome>('hogql.runQuery', { uri, offset: doc.getText().indexOf('SELECT') });
    done(outcome, doc.getText());
  });

  for (const [name, s] of Object.entries(snippets as Record<string, { body: string[] }>)) {
    it(`snippet "${name}"`, async () => {
      for (const sql of snippetVariants(s.body.join('\n'))) {
        const doc = await untitled(sql);
        // `{filters}` asks for a date range: take the suggested one.
        const outcome = await runAccepting<Outcome>('hogql.runQuery', { uri: doc.uri.toString(), range: [0, sql.length] });
        done(outcome, sql);
      }
    });
  }

  it('every statement of the demo workspace’s sample file', async () => {
    const doc = await untitled(welcome);
    const text = doc.getText();
    const starts = [...text.matchAll(/^(SELECT|WITH)\b/gm)].map((m) => m.index!);
    assert.ok(starts.length >= 3);
    for (const at of starts) done(await vscode.commands.executeCommand<Outcome>('hogql.runQuery', { uri: doc.uri.toString(), offset: at }), text.slice(at, at + 80));
  });
});

describe('query values prompt', function () {
  this.timeout(60_000);
  before(async () => {
    await signOutAll();
    await signInToEmulator();
  });
  after(() => signOutAll());

  it('"Edit Query Values and Run" shows the remembered values, and Escape keeps them', async () => {
    const doc = await untitled('SELECT {n} AS n, {word} AS w');
    const uri = doc.uri.toString();
    const first = await vscode.commands.executeCommand<Outcome>('hogql.runQuery', { uri, range: [0, doc.getText().length], values: { n: 5, word: 'hog' } });
    assert.deepEqual(first?.payload?.rows, [[5, 'hog']]);
    // Accepting every pre-filled box runs with the same values.
    const edited = await runAccepting<Outcome>('hogql.editQueryValues');
    assert.deepEqual(edited?.payload?.rows, [[5, 'hog']], 'the boxes were pre-filled with the remembered values');
    // Escape cancels the run and forgets nothing: the next run asks nothing and uses them.
    const escaped = await runAccepting<Outcome | undefined>('hogql.editQueryValues', undefined, false);
    assert.equal(escaped, undefined);
    const again = await vscode.commands.executeCommand<Outcome>('hogql.runQuery', { uri, range: [0, doc.getText().length] });
    assert.deepEqual(again?.payload?.rows, [[5, 'hog']]);
  });
});
