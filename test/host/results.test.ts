// The results panel against the local PostHog emulator (issue #13): exactly one DELETE per
// cancelled query whichever way it is cancelled, counted in the emulator's request log; and one
// results group however many files run.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { RunCodeLensProvider } from '../../src/query/codeLens';
import type { QueryRunner } from '../../src/query/runner';
import { api, emulator, openFile, signInReadyToRun, signOutAll } from './support';

interface Outcome {
  kind: 'done' | 'failed' | 'cancelled';
  queryId: string;
  error?: Error;
}

const run = (args: Record<string, unknown>) => vscode.commands.executeCommand<Outcome>('hogql.runQuery', args);
const SLOW = 'SELECT count() FROM numbers(100000000000) WHERE cityHash64(number) % 7 = 3';

let fileNo = 0;
const openDoc = (content: string, viewColumn = vscode.ViewColumn.One): Promise<vscode.TextDocument> =>
  openFile(`results-${process.pid}-${++fileNo}.hogql`, content, { viewColumn, preview: false });

const admin = async <T>(path: string, init: RequestInit = {}): Promise<T> => (await api(path, init, emulator().adminToken)).body as T;

const project = () => emulator().projects[0]!.id;

/** DELETE requests the emulator answered for `queryId`. */
async function deletes(queryId: string): Promise<number> {
  const { requests } = await admin<{ requests: { method: string; path: string }[] }>('/_emulator/requests');
  return requests.filter((r) => r.method === 'DELETE' && r.path.includes(queryId)).length;
}

/**
 * The DELETEs sent for a cancelled query, once every request it caused has been answered: the
 * runner awaits its own DELETE; a fire-and-forget one left before it, and a whole follow-up run
 * through the same client (several round trips) is answered after it.
 */
async function deletesAfterSettling(queryId: string): Promise<number> {
  await waitFor(async () => (await deletes(queryId)) >= 1, 10_000, `a DELETE of ${queryId}`);
  const follow = await openDoc('SELECT 1');
  assert.equal((await run({ uri: follow.uri.toString(), offset: 0 }))?.kind, 'done');
  return deletes(queryId);
}

type EmulatorQuery = { queryId: string; state: string };
const emulatorQueries = async () => (await admin<{ queries: EmulatorQuery[] }>('/_emulator/queries')).queries;

/**
 * Starts a run and waits until it is a query running in the emulator's engine (past the POST).
 * The wait is long: a 429 with Retry-After left by another suite holds the next queries back.
 */
async function startSlowRun(doc: vscode.TextDocument): Promise<{ outcome: Thenable<Outcome> }> {
  const known = new Set((await emulatorQueries()).map((q) => q.queryId));
  const running = run({ uri: doc.uri.toString(), offset: 0 });
  await waitFor(async () => (await emulatorQueries()).some((q) => !known.has(q.queryId) && q.queryId.startsWith('vscode-hogql-') && q.state === 'running'), 60_000, 'the query to run on the emulator');
  return { outcome: running };
}

/** Makes the next query POST hang (the run is cancelled while its POST is in flight). */
async function hangNextPost(): Promise<void> {
  await admin('/_emulator/faults', { method: 'POST', body: JSON.stringify({ mode: 'hang', count: 1, method: 'POST', path: `/api/projects/${project()}/query` }) });
}
const postArrived = () => waitFor(async () => (await admin<{ faults: unknown[] }>('/_emulator/faults')).faults.length === 0, 60_000, 'the hung POST to arrive');

const resultsTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('hogql.results'));

/**
 * Closes this file's documents and every results panel, until none is left: a panel the previous
 * test's run was still opening can be reported after the first close (a full CI run left one open,
 * and the next placement test then saw results in the editor's group).
 */
async function closeResultsAndFiles(): Promise<void> {
  const mine = () =>
    vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => (t.input instanceof vscode.TabInputText && /results-\d+-\d+\.hogql$/.test(t.input.uri.path)) || resultsTabs().includes(t));
  await waitFor(async () => {
    const open = mine();
    if (open.length) await vscode.window.tabGroups.close(open);
    return mine().length === 0;
  }, 10_000, 'no results panel nor results-*.hogql file open');
}

describe('results panel: cancel and placement', function () {
  this.timeout(120_000);
  const cfg = () => vscode.workspace.getConfiguration('hogql');
  before(async () => {
    await cfg().update('diagnostics.server', false, vscode.ConfigurationTarget.Global);
    await signInReadyToRun(openDoc);
  });
  after(async () => {
    await closeResultsAndFiles();
    for (const k of ['diagnostics.server', 'query.whenRunning', 'results.reusePanel', 'results.location']) await cfg().update(k, undefined, vscode.ConfigurationTarget.Global);
    await signOutAll();
  });

  describe('exactly one DELETE per cancelled query', () => {
    it('"PostHog: Cancel Query" from the palette while the query runs', async () => {
      const doc = await openDoc(SLOW);
      const { outcome: running } = await startSlowRun(doc);
      await vscode.commands.executeCommand('hogql.cancelQuery'); // as the palette calls it: no argument
      const out = await running;
      assert.equal(out.kind, 'cancelled');
      assert.equal(await deletesAfterSettling(out.queryId), 1);
    });

    it('"PostHog: Cancel Query" from the palette while the query POST is in flight', async () => {
      const doc = await openDoc('SELECT 42');
      await hangNextPost();
      const running = run({ uri: doc.uri.toString(), offset: 0 });
      await postArrived();
      await vscode.commands.executeCommand('hogql.cancelQuery');
      const out = await running;
      assert.equal(out.kind, 'cancelled');
      assert.equal(await deletesAfterSettling(out.queryId), 1);
    });

    it('closing the results panel', async () => {
      const doc = await openDoc(SLOW);
      const { outcome: running } = await startSlowRun(doc);
      const tab = await waitFor(() => resultsTabs().find((t) => t.label.includes(doc.uri.path.split('/').pop()!)), 10_000, 'the results tab');
      await vscode.window.tabGroups.close(tab);
      const out = await running;
      assert.equal(out.kind, 'cancelled', 'closing the panel cancels its query');
      assert.equal(await deletesAfterSettling(out.queryId), 1);
    });

    it('a new run of the same file replacing it', async () => {
      await cfg().update('query.whenRunning', 'replace', vscode.ConfigurationTarget.Global);
      const doc = await openDoc(SLOW);
      const { outcome: first } = await startSlowRun(doc);
      await hangNextPost(); // the replacing run's own POST stays out of the way
      const second = run({ uri: doc.uri.toString(), offset: 0 });
      const out = await first;
      assert.equal(out.kind, 'cancelled');
      await postArrived();
      await vscode.commands.executeCommand('hogql.cancelQuery', doc.uri.toString());
      const out2 = await second;
      assert.equal(out2.kind, 'cancelled');
      assert.equal(await deletesAfterSettling(out.queryId), 1, 'the replaced query');
      assert.equal(await deletes(out2.queryId), 1, 'the replacing query');
    });

    it('a run from another file in the shared panel: its own tab, the first run goes on until cancelled', async () => {
      // one tab per statement (issue #14 item 9): a run from another file in the shared panel adds
      // its own tab and no longer cancels the run shown beside it (closing a running tab cancels
      // it: test/ui/results-tabs.test.mjs)
      await cfg().update('results.reusePanel', true, vscode.ConfigurationTarget.Global);
      try {
        const before = new Set((await emulatorQueries()).map((q) => q.queryId));
        const a = await openDoc(SLOW);
        const { outcome: first } = await startSlowRun(a);
        const b = await openDoc('SELECT 7');
        assert.equal((await run({ uri: b.uri.toString(), offset: 0 }))?.kind, 'done');
        const slow = (await emulatorQueries()).filter((q) => !before.has(q.queryId) && q.queryId.startsWith('vscode-hogql-') && q.state === 'running');
        assert.equal(slow.length, 1, `the first run still runs: ${JSON.stringify(slow)}`);
        assert.equal(await deletes(slow[0]!.queryId), 0, 'not cancelled by the run from another file');
        await vscode.commands.executeCommand('hogql.cancelQuery', a.uri.toString());
        const out = await first;
        assert.equal(out.kind, 'cancelled');
        assert.equal(out.queryId, slow[0]!.queryId);
        assert.equal(await deletesAfterSettling(out.queryId), 1);
      } finally {
        await cfg().update('results.reusePanel', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  });

  describe('"Cancel" lenses of a run that ended', () => {
    it('a stale Cancel lens cancels nothing: the run of another file goes on', async () => {
      // VS Code may show a file's lenses from while its run went on (the refresh is dropped when the
      // editor loses focus just then): its Cancel names that file, whose run already ended
      const a = await openDoc(SLOW);
      const { outcome: first } = await startSlowRun(a);
      const b = await openDoc('SELECT 7');
      assert.equal((await run({ uri: b.uri.toString(), offset: 0 }))?.kind, 'done');
      await vscode.commands.executeCommand('hogql.cancelQuery', b.uri.toString());
      const slow = (await emulatorQueries()).filter((q) => q.queryId.startsWith('vscode-hogql-') && q.state === 'running');
      assert.equal(slow.length, 1, 'the first run still runs');
      assert.equal(await deletes(slow[0]!.queryId), 0);
      await vscode.commands.executeCommand('hogql.cancelQuery', a.uri.toString());
      assert.equal((await first).kind, 'cancelled');
    });

    it('the Run lenses are asked for again a moment after a run ends (a refresh dropped on blur comes back)', async () => {
      const running = new vscode.EventEmitter<{ key: string; running: boolean }>();
      const runner = { onDidChangeRunning: running.event, isRunning: () => false } as unknown as QueryRunner;
      const provider = new RunCodeLensProvider(async () => [], 50);
      provider.watch(runner);
      let changes = 0;
      provider.onDidChangeCodeLenses(() => changes++);
      try {
        running.fire({ key: 'file', running: false });
        assert.equal(changes, 1, 'at once');
        await waitFor(() => changes === 2, 5_000, 'the second refresh');
      } finally {
        provider.dispose();
        running.dispose();
      }
    });
  });

  describe('one results group', () => {
    beforeEach(async () => {
      await closeResultsAndFiles();
      await vscode.commands.executeCommand('workbench.action.joinAllGroups');
    });

    for (const reusePanel of [false, true]) {
      it(`runs from three files keep two editor groups (${reusePanel ? 'one shared panel' : 'a panel per file'})`, async () => {
        await cfg().update('results.reusePanel', reusePanel, vscode.ConfigurationTarget.Global);
        assert.equal(vscode.window.tabGroups.all.length, 1);
        // the second file is opened in the results group (as when the user clicked there first)
        for (const column of [vscode.ViewColumn.One, vscode.ViewColumn.Two, vscode.ViewColumn.Active]) {
          const doc = await openDoc(`SELECT ${fileNo} AS n`, column);
          const name = doc.uri.path.split('/').pop()!;
          assert.equal((await run({ uri: doc.uri.toString(), offset: 0 }))?.kind, 'done');
          // the workbench reports a new panel (and any group made for it) after the command returns
          await waitFor(() => resultsTabs().some((t) => reusePanel || t.label === `Results: ${name}`), 10_000, `the results tab of ${name}`);
          // (the group made for the first panel can be reported a moment after its tab)
          const layout = () => JSON.stringify(vscode.window.tabGroups.all.map((g) => [g.viewColumn, g.tabs.map((t) => t.label)]));
          await waitFor(() => vscode.window.tabGroups.all.length === 2, 5_000, 'two editor groups').catch(() => undefined);
          assert.equal(vscode.window.tabGroups.all.length, 2, `after a run from ${name}: ${layout()}`);
        }
        const groups = new Set(resultsTabs().map((t) => t.group.viewColumn));
        assert.equal(resultsTabs().length, reusePanel ? 1 : 3);
        assert.deepEqual([...groups], [vscode.ViewColumn.Two], 'every results panel in the results group');
      });
    }

    it('"active" opens results in the active editor group', async () => {
      await cfg().update('results.location', 'active', vscode.ConfigurationTarget.Global);
      const doc = await openDoc('SELECT 5 AS n');
      assert.equal((await run({ uri: doc.uri.toString(), offset: 0 }))?.kind, 'done');
      await waitFor(() => resultsTabs().length === 1, 10_000, 'the results tab');
      assert.equal(vscode.window.tabGroups.all.length, 1);
      assert.equal(resultsTabs()[0]?.group.viewColumn, vscode.ViewColumn.One);
    });
  });
});
