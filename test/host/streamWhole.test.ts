// A streamed result's end (issue #21, src/webview/resultsTab.ts `whole()`): the host's work after
// the stream (`Arrival.settle()`; since s14 it parses only batches no view took, the posted ones
// are parsed when posted) starts only after the panel reports the result whole — work on the
// host's thread would hold back the websocket's sends of the rows still on their way — and at the
// latest 3 s after the panel's end message when no report comes. Through the real "Run Query", the emulator and the
// panel painting in the browser; the steps' times come from the test seam (src/ui/streamSeam.ts).
// Its start too (s15): the body is read on past the first rows only once their post has settled.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { openFile, signInReadyToRun, signOutAll, testHooks } from './support';

interface Outcome {
  kind: 'done' | 'failed' | 'cancelled';
  queryId: string;
  payload?: { rows: unknown[][] };
  error?: Error;
}

/** 20,000 rows: the first 1,000 open the result, the rest stream as the body's text (integers beyond 2^53 included). */
const BIG = 'SELECT number AS n, toString(number) AS s, number * 10000000000000 + 7 AS u, number / 3 AS f FROM numbers(20000) LIMIT 20000';
const WHOLE_WAIT_MS = 3_000;

let fileNo = 0;
const openDoc = (content: string) => openFile(`whole-${process.pid}-${++fileNo}.hogql`, content, { preview: false });

const run = (doc: vscode.TextDocument, offset: number) => vscode.commands.executeCommand<Outcome>('hogql.runQuery', { uri: doc.uri.toString(), offset });

/**
 * Runs the big query once its panel shows a small result (the view listens: without one the host
 * parses at once, nothing waits); its outcome and the times of its end's steps.
 */
async function runBig(): Promise<{ out: Outcome; at: Record<'firstOut' | 'moreRows' | 'streamEnd' | 'complete' | 'parse', number | undefined> }> {
  const hooks = await testHooks();
  const small = 'SELECT 1 AS one;\n';
  const doc = await openDoc(`${small}${BIG}`);
  const first = await run(doc, 0);
  assert.equal(first?.kind, 'done', String(first?.error));
  await waitFor(() => hooks.streamSteps().some((s) => s.queryId === first.queryId), 60_000, 'the panel to paint a small result');
  const out = await run(doc, small.length);
  assert.equal(out?.kind, 'done', String(out?.error));
  assert.equal(out.payload?.rows.length, 20_000);
  assert.equal(out.payload.rows[19_999]![2], '199990000000000007', 'integers beyond 2^53 stay exact');
  const steps = hooks.streamSteps().filter((s) => s.queryId === out.queryId);
  const at = (step: string) => steps.find((s) => s.step === step)?.at;
  return { out, at: { firstOut: at('firstOut'), moreRows: at('moreRows'), streamEnd: at('streamEnd'), complete: at('complete'), parse: at('parse') } };
}

describe('a streamed result: the host parses its rows after the panel holds them all (#21)', function () {
  this.timeout(120_000);
  before(async () => {
    await vscode.workspace.getConfiguration('hogql').update('diagnostics.server', false, vscode.ConfigurationTarget.Global);
    await signInReadyToRun(openDoc);
  });
  after(async () => {
    (await testHooks()).ignoreStreamComplete(false);
    await vscode.workspace.getConfiguration('hogql').update('diagnostics.server', undefined, vscode.ConfigurationTarget.Global);
    const mine = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && /whole-\d+-\d+\.hogql$/.test(t.input.uri.path));
    await vscode.window.tabGroups.close(mine);
    await signOutAll();
  });

  it("starts the host's own parse only once the panel reported the result complete", async () => {
    const { at } = await runBig();
    assert.ok(at.streamEnd !== undefined && at.complete !== undefined && at.parse !== undefined, JSON.stringify(at));
    assert.ok(at.streamEnd <= at.complete, `the panel completed after its end message: ${JSON.stringify(at)}`);
    assert.ok(at.complete <= at.parse, `the host parsed ${(at.complete - at.parse).toFixed(0)} ms before the panel was complete`);
    // it did not sit out the cap: the parse followed the panel's report
    assert.ok(at.parse - at.streamEnd < WHOLE_WAIT_MS, `${(at.parse - at.streamEnd).toFixed(0)} ms after the end message`);
  });

  it('reads the body on past the first rows only once their post to the panel settled (s15: the host stays free to send them)', async () => {
    const { at } = await runBig();
    assert.ok(at.firstOut !== undefined && at.moreRows !== undefined, JSON.stringify(at));
    assert.ok(at.firstOut <= at.moreRows, `the next rows came ${(at.firstOut - at.moreRows).toFixed(0)} ms before the first rows' post settled`);
  });

  it('without the report the parse starts at the 3 s cap, and the run ends with every row', async () => {
    (await testHooks()).ignoreStreamComplete(true);
    try {
      const { at } = await runBig();
      assert.ok(at.streamEnd !== undefined && at.parse !== undefined, JSON.stringify(at));
      const waited = at.parse - at.streamEnd;
      assert.ok(waited >= WHOLE_WAIT_MS - 5 && waited < WHOLE_WAIT_MS + 2_000, `the parse began ${waited.toFixed(0)} ms after the end message`);
    } finally {
      (await testHooks()).ignoreStreamComplete(false);
    }
  });
});
