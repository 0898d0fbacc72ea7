// How a run talks to PostHog (issue #21, src/query/runMode.ts): a quick query runs blocking (one
// POST, its rows read as they arrive, no status poll); a big answer cancelled while its rows arrive
// is DELETEd once; a query still silent after SWITCH_AFTER_MS is cancelled on the server and run
// again async, with rows read from the status polls, and its next run starts async. Against the
// local PostHog emulator, through the real commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { emulator, signInReadyToRun, signOutAll, testHooks } from './support';

interface Outcome {
  kind: 'done' | 'failed' | 'cancelled';
  queryId: string;
  payload?: { rows: unknown[][] };
  error?: Error;
}

const run = (args: Record<string, unknown>) => vscode.commands.executeCommand<Outcome>('hogql.runQuery', args);
const SLOW = 'SELECT count() FROM numbers(100000000000) WHERE cityHash64(number) % 5 = 2';

let fileNo = 0;
async function openDoc(content: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  const uri = vscode.Uri.joinPath(folder, `modes-${process.pid}-${++fileNo}.hogql`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

async function admin<T>(path: string, init: RequestInit = {}): Promise<T> {
  const emu = emulator();
  const res = await fetch(`${emu.url}${path}`, { ...init, headers: { authorization: `Bearer ${emu.adminToken}`, 'content-type': 'application/json' } });
  return (await res.json()) as T;
}

const queryPath = () => `/api/projects/${emulator().projects[0]!.id}/query/`;
type Logged = { seq: number; method: string; path: string; status: number };
const requests = async () => (await admin<{ requests: Logged[] }>('/_emulator/requests')).requests;
const lastSeq = async () => Math.max(0, ...(await requests()).map((r) => r.seq));
/** Query-endpoint requests the emulator answered after `seq`. */
const queryRequestsAfter = async (seq: number) => (await requests()).filter((r) => r.seq > seq && r.path.startsWith(queryPath()));

type EngineQuery = { queryId: string; state: string; engineStopped: boolean | null };
const engineQueries = async () => (await admin<{ queries: EngineQuery[] }>('/_emulator/queries')).queries;
const ours = (q: EngineQuery, known: Set<string>) => !known.has(q.queryId) && q.queryId.startsWith('vscode-hogql-');
const stopped = (id: string) =>
  waitFor(async () => (await engineQueries()).find((q) => q.queryId === id && q.state !== 'running' && q.state !== 'cancelling'), 20_000, `query ${id} to stop`);

describe('query runner: blocking first, async when it runs long (#21)', function () {
  this.timeout(120_000);
  const cfg = () => vscode.workspace.getConfiguration('hogql');
  before(async () => {
    // server-side diagnostics POST to the query endpoint too: keep the request log to our runs
    await cfg().update('diagnostics.server', false, vscode.ConfigurationTarget.Global);
    await signInReadyToRun(openDoc);
  });
  after(async () => {
    const mine = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && /modes-\d+-\d+\.hogql$/.test(t.input.uri.path));
    await vscode.window.tabGroups.close(mine);
    await cfg().update('diagnostics.server', undefined, vscode.ConfigurationTarget.Global);
    await signOutAll();
  });

  it('a quick query runs blocking: one POST answered with the rows, no status poll', async () => {
    const doc = await openDoc('SELECT 40 + 2 AS answer');
    const seq = await lastSeq();
    const out = await run({ uri: doc.uri.toString(), offset: 0 });
    assert.equal(out?.kind, 'done', String(out?.error));
    assert.deepEqual(out.payload?.rows, [[42]]);
    const sent = await queryRequestsAfter(seq);
    assert.deepEqual(sent.map((r) => `${r.method} ${r.status}`), ['POST 200'], JSON.stringify(sent));
  });

  it('a big answer cancelled while its rows arrive: cancelled, one DELETE of its query, the rest never read', async () => {
    const hooks = await testHooks();
    const doc = await openDoc('SELECT number AS n, toString(number) AS s, number * 10000000000000 + 7 AS u FROM numbers(50000) LIMIT 50000');
    // the answer in 8 pieces 3 s apart: its first rows come at once, the rest over 21 s
    await admin('/_emulator/faults', { method: 'POST', body: JSON.stringify({ mode: 'slow_body', delayMs: 3_000, count: 1, method: 'POST', path: queryPath() }) });
    const running = run({ uri: doc.uri.toString(), offset: 0 });
    const first = await waitFor(() => hooks.rowReports().find((r) => r.key === doc.uri.toString()), 30_000, 'the first rows to reach the panel');
    assert.ok(first.rows >= 1_000 && first.rows < 50_000, `${first.rows} rows first`);
    await vscode.commands.executeCommand('hogql.cancelQuery', doc.uri.toString());
    const out = await running;
    assert.equal(out.kind, 'cancelled');
    const received = hooks.rowReports().filter((r) => r.queryId === out.queryId);
    assert.ok(received[received.length - 1]!.rows < 50_000, 'stopped reading the answer');
    const deletes = async () => (await requests()).filter((r) => r.method === 'DELETE' && r.path.includes(out.queryId)).length;
    await waitFor(async () => (await deletes()) >= 1, 10_000, 'a DELETE of the query');
    // settle: a whole follow-up run answered after it, then count again
    assert.equal((await run({ uri: (await openDoc('SELECT 1')).uri.toString(), offset: 0 }))?.kind, 'done');
    assert.equal(await deletes(), 1);
    const polls = (await requests()).filter((r) => r.method === 'GET' && r.path.includes(out.queryId));
    assert.deepEqual(polls, [], "the rows came in the run's own answer, not in a status poll");
  });

  it('a query still silent after 3 s is stopped and run again async: rows read while it runs; cancel stops it; its next run starts async', async () => {
    const hooks = await testHooks();
    const doc = await openDoc(SLOW);
    const known = new Set((await engineQueries()).map((q) => q.queryId));
    const running = run({ uri: doc.uri.toString(), offset: 0 });
    // two engine queries: the blocking one (stopped at the switch), then the async one
    const [blocking, restarted] = await waitFor(async () => {
      const mine = (await engineQueries()).filter((q) => ours(q, known));
      return mine.length >= 2 && mine[1]!.state === 'running' ? mine : undefined;
    }, 30_000, 'the run restarted async');
    const first = await stopped(blocking!.queryId);
    assert.equal(first.state, 'cancelled', JSON.stringify(first));
    assert.equal(first.engineStopped, true, 'the blocking query really stopped');
    await waitFor(() => hooks.progressReports().some((p) => p.key === doc.uri.toString() && (p.rowsRead ?? 0) > 0), 20_000, 'a progress report with rows read');
    await vscode.commands.executeCommand('hogql.cancelQuery', doc.uri.toString());
    const out = await running;
    assert.equal(out.kind, 'cancelled');
    assert.equal(out.queryId, blocking!.queryId, "the run's id is its first query's");
    const second = await stopped(restarted!.queryId);
    assert.equal(second.state, 'cancelled', JSON.stringify(second));
    assert.equal(second.engineStopped, true, 'the async query really stopped');

    // the same text again: async from the start (its POST answers 202 at once), no blocking POST
    const seq = await lastSeq();
    const known2 = new Set((await engineQueries()).map((q) => q.queryId));
    const again = run({ uri: doc.uri.toString(), offset: 0 });
    await waitFor(async () => (await engineQueries()).some((q) => ours(q, known2) && q.state === 'running'), 20_000, 'the next run to start');
    const posts = await waitFor(async () => {
      const p = (await queryRequestsAfter(seq)).filter((r) => r.method === 'POST');
      return p.length ? p : undefined;
    }, 10_000, 'its POST answered');
    assert.deepEqual(posts.map((r) => r.status), [202]);
    await vscode.commands.executeCommand('hogql.cancelQuery', doc.uri.toString());
    assert.equal((await again).kind, 'cancelled');
  });
});
