// "PostHog: Export Full Result…" in the real host against the local PostHog emulator: the file's
// content is checked against the same query's rows fetched directly from the emulator.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseCsv } from '../unit/results/support/csv';
import { waitFor } from '../support/waitFor';
import { api, emulator, openFile, signInToEmulator, signOutAll } from './support';

interface ExportOutcome {
  kind: 'done' | 'cancelled' | 'failed';
  rows?: number;
  pages?: number;
  path?: string;
  error?: Error;
}

const exportFull = (args: Record<string, unknown>) => vscode.commands.executeCommand<ExportOutcome | undefined>('hogql.exportFullResult', args);

let fileNo = 0;
const openDoc = (content: string): Promise<vscode.TextDocument> => openFile(`export-${process.pid}-${++fileNo}.hogql`, content);

/** The same query's rows, straight from the emulator's query API (one request, ≤ 50,000 rows). */
async function direct(query: string): Promise<unknown[][]> {
  const res = await api(`/api/projects/${emulator().projects[0]!.id}/query/`, { method: 'POST', body: JSON.stringify({ query: { kind: 'HogQLQuery', query } }) });
  const body = res.body as { results?: unknown[][] };
  assert.equal(res.status, 200, JSON.stringify(body).slice(0, 300));
  return body.results!;
}

describe('export full result', function () {
  this.timeout(240_000);
  const out = mkdtempSync(join(tmpdir(), 'hogql-export-host-'));
  before(async () => {
    await vscode.workspace.getConfiguration('hogql').update('diagnostics.server', false, vscode.ConfigurationTarget.Global);
    await signOutAll();
    await signInToEmulator();
  });
  after(async () => {
    const mine = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && /export-\d+-\d+\.hogql$/.test(t.input.uri.path));
    await vscode.window.tabGroups.close(mine);
    await vscode.workspace.getConfiguration('hogql').update('diagnostics.server', undefined, vscode.ConfigurationTarget.Global);
    await signOutAll();
  });

  // 120,000 rows: past PostHog's 50,000-row cap, so the export pages; formula cells and 64-bit integers.
  const BIG = "SELECT number AS n, toString(number * 3) AS s, if(number % 5 = 0, concat('=', toString(number)), 'x') AS f, 18446744073709000000 + number AS big FROM numbers(120000)";

  it('exports 120,000 rows to CSV in pages, the same rows as the emulator returns, formulas neutralised, numbers exact', async () => {
    const doc = await openDoc(`${BIG}\n`);
    const path = join(out, 'big.csv');
    const outcome = await exportFull({ uri: doc.uri.toString(), offset: 0, format: 'csv', path });
    assert.equal(outcome?.kind, 'done', String(outcome?.error));
    assert.equal(outcome.rows, 120_000);
    assert.equal(outcome.pages, 1 + 3, 'a first page, then three pages of 50,000 in a stable order');
    const records = parseCsv(readFileSync(path, 'utf8')).map((r) => r.fields);
    assert.deepEqual(records[0], ['n', 's', 'f', 'big']);
    const expected: string[][] = [];
    for (let offset = 0; offset < 120_000; offset += 50_000) {
      const rows = await direct(`SELECT n, s, f, toString(big) FROM (${BIG}) ORDER BY n LIMIT 50000 OFFSET ${offset}`);
      for (const [n, s, f, big] of rows) expected.push([String(n), String(s), String(f).startsWith('=') ? `'${String(f)}` : String(f), String(big)]);
    }
    assert.equal(expected.length, 120_000);
    assert.deepEqual(records.slice(1), expected);
    assert.deepEqual(readdirSync(out).filter((f) => f.endsWith('.partial')), [], 'no partial file left');
  });

  it('exports events to JSON Lines in the query\'s own order when the result fits one page', async () => {
    const query = 'SELECT uuid, event, distinct_id, timestamp, properties.$browser AS browser FROM events ORDER BY timestamp DESC, uuid';
    const doc = await openDoc(query);
    const path = join(out, 'events.jsonl');
    const outcome = await exportFull({ uri: doc.uri.toString(), offset: 0, format: 'jsonl', path });
    assert.equal(outcome?.kind, 'done', String(outcome?.error));
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const expected = await direct(`${query} LIMIT 50000`);
    assert.ok(expected.length > 1_000, `the sample events (${expected.length})`);
    assert.deepEqual(lines.map((o) => Object.values(o)), expected);
    assert.deepEqual(Object.keys(lines[0]!), ['uuid', 'event', 'distinct_id', 'timestamp', 'browser']);
  });

  it("exports a query with SQL variables using the run's values", async () => {
    const doc = await openDoc('SELECT event, uuid FROM events WHERE event = {variables.event_name} ORDER BY timestamp, uuid LIMIT 30');
    // a run with a value: the file remembers it, as it does for the next run
    const ran = await vscode.commands.executeCommand<{ kind: string }>('hogql.runQuery', { uri: doc.uri.toString(), offset: 0, variables: { event_name: 'purchase' } });
    assert.equal(ran?.kind, 'done');
    const path = join(out, 'variables.jsonl');
    const outcome = await exportFull({ uri: doc.uri.toString(), offset: 0, format: 'jsonl', path });
    assert.equal(outcome?.kind, 'done', String(outcome?.error));
    const rows = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; uuid: string });
    const expected = await direct("SELECT event, uuid FROM events WHERE event = 'purchase' ORDER BY timestamp, uuid LIMIT 30");
    assert.ok(expected.length > 0, 'the emulator has purchases');
    assert.deepEqual(rows.map((r) => [r.event, r.uuid]), expected);
  });

  it('opens JSON in an untitled editor', async () => {
    const doc = await openDoc('SELECT number AS n, toString(number) AS s FROM numbers(12)');
    const outcome = await exportFull({ uri: doc.uri.toString(), offset: 0, format: 'untitled' });
    assert.equal(outcome?.kind, 'done', String(outcome?.error));
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.isUntitled ? vscode.window.activeTextEditor : undefined), 10_000, 'the untitled editor');
    assert.equal(editor.document.languageId, 'json');
    assert.deepEqual(JSON.parse(editor.document.getText()), Array.from({ length: 12 }, (_, i) => ({ n: i, s: String(i) })));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('cancels a long export: no file and no partial file are left', async () => {
    const doc = await openDoc("SELECT number AS n, repeat('x', 50) AS pad FROM numbers(3000000)");
    const path = join(out, 'cancelled.csv');
    const running = exportFull({ uri: doc.uri.toString(), offset: 0, format: 'csv', path });
    // Rows are being written (past the first page's header): cancel as the user would.
    await waitFor(() => existsSync(`${path}.partial`) && statSync(`${path}.partial`).size > 100_000, 120_000, 'rows written to the partial file');
    await vscode.commands.executeCommand('hogql.cancelExport');
    const outcome = await running;
    assert.equal(outcome?.kind, 'cancelled', String(outcome?.error));
    assert.ok(!existsSync(path), 'no file');
    assert.ok(!existsSync(`${path}.partial`), 'no partial file');
  });
});
