// Save as Insight / Update Insight against the emulator: confirm → visible there; cancel → nothing sent.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, emulator, openFile, signInToEmulator, signOutAll, testHooks } from './support';

const writesSince = async (since: number): Promise<{ method: string; path: string }[]> => {
  const log = (await api('/_emulator/requests', {}, emulator().adminToken)).body as { requests: { method: string; path: string; at?: string; time?: string }[] };
  return log.requests.slice(since).filter((r) => r.method !== 'GET' && r.path.includes('/insights'));
};
const logLength = async (): Promise<number> => ((await api('/_emulator/requests', {}, emulator().adminToken)).body.requests as unknown[]).length;

describe('save and update SQL insights', function () {
  this.timeout(60_000);
  before(async () => {
    await signOutAll();
    await signInToEmulator();
  });
  after(signOutAll);

  it('cancel in the confirmation writes nothing', async () => {
    const doc = await openFile('insight-cancel.hogql', '-- Cancelled insight\nSELECT 1');
    const before = await logLength();
    (await testHooks()).queueConfirmAnswers(false);
    const out = await vscode.commands.executeCommand('hogql.saveAsInsight', { uri: doc.uri.toString(), name: 'Should not exist' });
    assert.equal(out, undefined);
    assert.deepEqual(await writesSince(before), []);
    const list = (await api(`/api/projects/${emulator().projects[0]!.id}/insights/?search=Should%20not%20exist`)).body;
    assert.equal(list.count, 0);
  });

  it('saves a SQL insight after confirmation, names the project in the question, then updates it', async () => {
    const project = emulator().projects[0]!;
    const doc = await openFile('insight-save.hogql', 'SELECT event, count() AS c FROM events GROUP BY event');
    const hooks = await testHooks();
    hooks.queueConfirmAnswers(true);
    const saved = await vscode.commands.executeCommand<{ id: number; shortId: string }>('hogql.saveAsInsight', { uri: doc.uri.toString(), name: 'Events by name (vscode test)' });
    assert.ok(saved?.id);
    const asked = hooks.askedConfirmations();
    assert.match(asked[asked.length - 1]!, new RegExp(`"Events by name \\(vscode test\\)" in project ${project.name}`));
    const stored = (await api(`/api/projects/${project.id}/insights/${saved.id}/`)).body;
    assert.equal(stored.name, 'Events by name (vscode test)');
    assert.equal(stored.query.kind, 'DataVisualizationNode');
    assert.equal(stored.query.source.kind, 'HogQLQuery');
    assert.equal(stored.query.source.query, 'SELECT event, count() AS c FROM events GROUP BY event');
    assert.deepEqual((hooks.insightLink(doc.uri.toString()) as { insightId: number }).insightId, saved.id);

    // The link now lives in the file: its first line.
    assert.equal(doc.lineAt(0).text, `-- posthog: insight ${saved.shortId} on project ${project.id} of ${emulator().url}`);

    // Update: edit the query (below the link line), confirm, and the emulator holds the new query.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(1, 0, doc.lineCount, 0), 'SELECT event FROM events LIMIT 5');
    await vscode.workspace.applyEdit(edit);
    hooks.queueConfirmAnswers(false);
    assert.equal(await vscode.commands.executeCommand('hogql.updateInsight', { uri: doc.uri.toString() }), false);
    assert.equal((await api(`/api/projects/${project.id}/insights/${saved.id}/`)).body.query.source.query, 'SELECT event, count() AS c FROM events GROUP BY event', 'cancel kept the old query');
    hooks.queueConfirmAnswers(true);
    assert.equal(await vscode.commands.executeCommand('hogql.updateInsight', { uri: doc.uri.toString() }), true);
    assert.equal((await api(`/api/projects/${project.id}/insights/${saved.id}/`)).body.query.source.query, 'SELECT event FROM events LIMIT 5');
  });

  it('saves and updates the whole statement or linked file, never just the selection', async () => {
    const project = emulator().projects[0]!;
    const hooks = await testHooks();
    const doc = await openFile('insight-selection.hogql', 'SELECT 1 AS one;\n\nSELECT event FROM events\nWHERE timestamp > now() - INTERVAL 30 DAY;\n');
    const editor = vscode.window.activeTextEditor!;
    const select = (needle: string): void => {
      const at = doc.getText().indexOf(needle);
      editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + needle.length));
    };
    select('INTERVAL 30'); // what Find (Ctrl+H) leaves selected
    hooks.queueConfirmAnswers(true);
    const saved = await vscode.commands.executeCommand<{ id: number }>('hogql.saveAsInsight', { uri: doc.uri.toString(), name: 'Selection test (vscode)' });
    const stored = (await api(`/api/projects/${project.id}/insights/${saved!.id}/`)).body;
    assert.equal(stored.query.source.query, 'SELECT event FROM events\nWHERE timestamp > now() - INTERVAL 30 DAY', 'the statement at the cursor, whole');

    // Linked now: an update takes the whole file, even with part of it selected.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(1, 0, doc.lineCount, 0), '-- Pageviews\nSELECT event FROM events\nWHERE timestamp > now() - INTERVAL 30 DAY\n');
    await vscode.workspace.applyEdit(edit);
    select('INTERVAL 30');
    hooks.queueConfirmAnswers(true);
    assert.equal(await vscode.commands.executeCommand('hogql.updateInsight', { uri: doc.uri.toString() }), true);
    const asked = hooks.askedConfirmations();
    assert.doesNotMatch(asked[asked.length - 1]!, /with this query\?\s*INTERVAL 30$/);
    assert.equal((await api(`/api/projects/${project.id}/insights/${saved!.id}/`)).body.query.source.query, '-- Pageviews\nSELECT event FROM events\nWHERE timestamp > now() - INTERVAL 30 DAY');
  });

  it('refuses to save or update a query PostHog’s parser rejects, and sends nothing', async () => {
    const doc = await openFile('insight-invalid.hogql', 'SELECT event FROM events WHERE (');
    const before = await logLength();
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('hogql.saveAsInsight', { uri: doc.uri.toString(), name: 'Invalid (vscode test)' })),
      /parser rejects/,
    );
    assert.deepEqual(await writesSince(before), []);
  });
});
