// Running HogQL from the editor against the local PostHog emulator, through the real commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { api, emulator, openFile, signInToEmulator, signOutAll, testHooks } from './support';

interface Outcome {
  kind: 'done' | 'failed' | 'cancelled';
  queryId: string;
  payload?: { rows: unknown[][]; columns: { name: string; type: string }[]; hasMore: boolean };
  error?: Error & { status?: number; code?: string };
}

const run = (args: Record<string, unknown>) => vscode.commands.executeCommand<Outcome>('hogql.runQuery', args);

let fileNo = 0;
/** Opens a saved .hogql file in the workspace (saved, so closing it never asks to save). */
const openDoc = (content: string): Promise<vscode.TextDocument> => openFile(`runner-${process.pid}-${++fileNo}.hogql`, content);

type EmulatorQuery = { queryId: string; state: string; engineStopped: boolean | null };
async function emulatorQueries(): Promise<EmulatorQuery[]> {
  return ((await admin('/_emulator/queries')) as { queries: EmulatorQuery[] }).queries;
}

const admin = async (path: string, init: RequestInit = {}): Promise<unknown> => (await api(path, init, emulator().adminToken)).body;

describe('query runner', function () {
  this.timeout(90_000);
  before(async () => {
    // Server-side diagnostics also POST to the query endpoint; keep them from taking the faults
    // these tests inject for their own query.
    await vscode.workspace.getConfiguration('hogql').update('diagnostics.server', false, vscode.ConfigurationTarget.Global);
    await signOutAll();
    await signInToEmulator();
  });
  after(async () => {
    // Close only this suite's (saved) files: closing everything would stop at other suites'
    // unsaved untitled documents with a "save changes?" modal.
    const mine = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && /runner-\d+-\d+\.hogql$/.test(t.input.uri.path));
    await vscode.window.tabGroups.close(mine);
    await vscode.workspace.getConfiguration('hogql').update('diagnostics.server', undefined, vscode.ConfigurationTarget.Global);
    await signOutAll();
  });

  const twoStatements = 'SELECT 1 + 1 AS two;\n\nSELECT event, count() AS c\nFROM events\nGROUP BY event\nORDER BY c DESC;\n';

  it('runs the statement at an offset (the CodeLens path) and returns exact rows', async () => {
    const doc = await openDoc(twoStatements);
    const first = await run({ uri: doc.uri.toString(), offset: 3 });
    assert.equal(first?.kind, 'done', String(first?.error));
    assert.deepEqual(first.payload?.rows, [[2]]);
    const second = await run({ uri: doc.uri.toString(), offset: doc.getText().indexOf('GROUP BY') });
    assert.equal(second?.kind, 'done');
    assert.deepEqual(second.payload?.columns.map((c) => c.name), ['event', 'c']);
    assert.ok(second.payload!.rows.length > 1);
    const counts = second.payload!.rows.map((r) => Number(r[1]));
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'ordered by count desc');
  });

  it('runs the selection, else the statement at the cursor, from the editor', async () => {
    const doc = await openDoc(twoStatements);
    const editor = vscode.window.activeTextEditor!;
    const start = doc.getText().indexOf('SELECT 1 + 1');
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(start + 'SELECT 1 + 1 AS two'.length));
    const sel = await vscode.commands.executeCommand<Outcome>('hogql.runQuery');
    assert.equal(sel?.kind, 'done');
    assert.deepEqual(sel.payload?.rows, [[2]]);
    // The results panel may have opened in this editor's group (one results group, issue #13):
    // click back into the editor, as a user would, then put the cursor in the second statement.
    const back = await vscode.window.showTextDocument(doc, { preview: false });
    const cursor = doc.positionAt(doc.getText().indexOf('FROM events'));
    back.selection = new vscode.Selection(cursor, cursor);
    const at = await vscode.commands.executeCommand<Outcome>('hogql.runQuery');
    assert.deepEqual(at?.payload?.columns.map((c) => c.name), ['event', 'c']);
  });

  it('offers a Run CodeLens above each statement', async () => {
    const doc = await openDoc(twoStatements);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const ours = lenses.filter((l) => l.command?.command === 'hogql.runQuery');
    assert.equal(ours.length, 2);
    assert.deepEqual(ours.map((l) => l.range.start.line), [0, 2]);
    const out = await vscode.commands.executeCommand<Outcome>(ours[1]!.command!.command, ...(ours[1]!.command!.arguments ?? []));
    assert.equal(out?.kind, 'done');
    assert.equal(out.payload?.columns[0]?.name, 'event');
  });

  it('sends placeholder values', async () => {
    const doc = await openDoc('SELECT {n} + 1 AS x, {name} AS who');
    const out = await run({ uri: doc.uri.toString(), offset: 0, values: { n: 41, name: 'ada' } });
    assert.equal(out?.kind, 'done', String(out?.error));
    assert.deepEqual(out.payload?.rows, [[42, 'ada']]);
  });

  it('keeps 64-bit integers beyond 2^53 exact', async () => {
    const doc = await openDoc('SELECT 9007199254740993 AS big, 18446744073709551615 AS max_u64, 2 AS small');
    const out = await run({ uri: doc.uri.toString(), offset: 0 });
    assert.equal(out?.kind, 'done', String(out?.error));
    assert.deepEqual(out.payload?.rows, [['9007199254740993', '18446744073709551615', 2]]);
  });

  it('a big result read as it arrives (issue #21): every row, in order, 64-bit integers exact, with its types', async () => {
    // 6,000 rows: the first 1,000 and then 5,000 reach the panel while the status body still arrives
    const doc = await openDoc('SELECT number AS n, number * 10000000000000 + 7 AS u, toString(number) AS s FROM numbers(6000) LIMIT 6000');
    const out = await run({ uri: doc.uri.toString(), offset: 0 });
    assert.equal(out?.kind, 'done', String(out?.error));
    const rows = out.payload!.rows;
    assert.equal(rows.length, 6000);
    assert.deepEqual(rows[0], [0, 7, '0']);
    assert.deepEqual(rows[5999], [5999, '59990000000000007', '5999']);
    assert.ok(rows.every((r, i) => r[0] === i), 'rows in order');
    assert.deepEqual(out.payload!.columns.map((c) => c.type), ['UInt64', 'UInt64', 'String']);
  });

  it('puts a syntax error from the server on the document as a diagnostic', async () => {
    const text = 'SELECT 1;\nSELECT event FROM events WHERE';
    const doc = await openDoc(text);
    const out = await run({ uri: doc.uri.toString(), offset: text.indexOf('WHERE') });
    assert.equal(out?.kind, 'failed');
    // One entry: PostHog's parser shows it (the run adds none where it does).
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.severity === vscode.DiagnosticSeverity.Error);
      return d.length ? d : undefined;
    }, 20_000, 'the syntax error');
    assert.equal(diags.length, 1, diags.map((d) => `${d.source}: ${d.message}`).join(' | '));
    assert.equal(diags[0]!.range.start.line, 1, 'on the statement that ran, not the first');
    assert.match(diags[0]!.message, /no viable alternative|syntax/i);
  });

  it('puts a run error on the document when the syntax diagnostics are off', async () => {
    await vscode.workspace.getConfiguration('hogql').update('diagnostics.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      const text = 'SELECT 1;\nSELECT event FROM events WHERE';
      const doc = await openDoc(text);
      const out = await run({ uri: doc.uri.toString(), offset: text.indexOf('WHERE') });
      assert.equal(out?.kind, 'failed');
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'PostHog');
      assert.equal(d.length, 1);
      assert.equal(d[0]!.range.start.line, 1, 'on the statement that ran, not the first');
    } finally {
      await vscode.workspace.getConfiguration('hogql').update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it("runs a file's only statement wherever the cursor is", async () => {
    const doc = await openDoc('\n-- just one\nSELECT 40 + 2 AS answer\n\n\n');
    const editor = vscode.window.activeTextEditor!;
    const end = doc.positionAt(doc.getText().length);
    editor.selection = new vscode.Selection(end, end);
    const out = await vscode.commands.executeCommand<Outcome>('hogql.runQuery');
    assert.equal(out?.kind, 'done');
    assert.deepEqual(out.payload?.rows, [[42]]);
  });

  it('reports progress while a long query runs, cancels it, and the server stops it', async () => {
    const hooks = await testHooks();
    const doc = await openDoc('SELECT count() FROM numbers(100000000000) WHERE cityHash64(number) % 7 = 3');
    const running = run({ uri: doc.uri.toString(), offset: 0 });
    const queryId = await waitFor(async () => (await emulatorQueries()).find((x) => x.queryId.startsWith('vscode-hogql-') && x.state === 'running')?.queryId, 20_000, 'the query to run on the emulator');
    // Progress reached the extension while the query ran: elapsed time and the engine's rows read.
    const reports = await waitFor(() => {
      const r = hooks.progressReports().filter((p) => p.key === doc.uri.toString() && (p.rowsRead ?? 0) > 0);
      return r.length ? r : undefined;
    }, 20_000, 'a progress report with rows read');
    assert.ok(reports[0]!.elapsedMs > 0);
    await vscode.commands.executeCommand('hogql.cancelQuery', doc.uri.toString());
    const out = await running;
    assert.equal(out?.kind, 'cancelled');
    const stopped = await waitFor(async () => {
      const q = (await emulatorQueries()).find((x) => x.queryId === queryId);
      return q && q.state !== 'running' && q.state !== 'cancelling' ? q : undefined;
    }, 20_000, 'the emulator to stop the query');
    assert.equal(stopped.state, 'cancelled', JSON.stringify(stopped));
    assert.equal(stopped.engineStopped, true, 'the engine work really stopped');
  });

  it('times out on a hung server with a message saying so', async () => {
    const doc = await openDoc('SELECT 2');
    const cfg = vscode.workspace.getConfiguration('hogql');
    await cfg.update('http.responseTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    try {
      await admin('/_emulator/faults', { method: 'POST', body: JSON.stringify({ mode: 'hang', count: 1, path: '/api/projects/1/query' }) });
      const started = Date.now();
      const out = await run({ uri: doc.uri.toString(), offset: 0 });
      assert.equal(out?.kind, 'failed');
      assert.equal(out.error?.name, 'TimeoutError');
      assert.match(out.error!.message, /took longer than .* timeout/);
      assert.ok(Date.now() - started < 15_000, 'gave up quickly');
    } finally {
      await cfg.update('http.responseTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
    const ok = await run({ uri: doc.uri.toString(), offset: 0 });
    assert.equal(ok?.kind, 'done', 'the next run works');
  });

  it('reports a server error, then a 429 with its wait time', async () => {
    const doc = await openDoc('SELECT 1');
    await admin('/_emulator/faults', { method: 'POST', body: JSON.stringify({ mode: '500', count: 1, path: '/api/projects/1/query' }) });
    const failed = await run({ uri: doc.uri.toString(), offset: 0 });
    assert.equal(failed?.kind, 'failed');
    assert.equal(failed.error?.status, 500);
    // Last: after a 429 the client rightly holds further queries back for the Retry-After time.
    await admin('/_emulator/faults', { method: 'POST', body: JSON.stringify({ mode: '429', count: 1, retryAfter: 30, path: '/api/projects/1/query' }) });
    const limited = await run({ uri: doc.uri.toString(), offset: 0 });
    assert.equal(limited?.kind, 'failed');
    assert.equal(limited.error?.status, 429);
    assert.match(limited.error!.message, /in 30 s/);
  });
});
