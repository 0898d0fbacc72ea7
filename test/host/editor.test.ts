// Where things open (issue #14 item 8): a SQL insight opens in one editor named after it, with a
// "Linked to insight" CodeLens; history re-runs re-use the editor (and results panel) of the same
// query; neither document is untitled or dirty, so closing it asks nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { emulator, signInToEmulator, signOutAll, testHooks } from './support';
import { children } from './viewsSupport';

const tabsOf = (uri: vscode.Uri) =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());

async function closeDoc(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.tabGroups.close(tabsOf(doc.uri));
  await waitFor(() => tabsOf(doc.uri).length === 0, 10_000, 'the tab to close without a save prompt');
}

describe('editor: where insights and history open', function () {
  this.timeout(90_000);
  before(async () => {
    await signOutAll();
    await signInToEmulator(emulator().projects[0]!.id);
  });
  after(signOutAll);

  it('opens a SQL insight once, named after it, clean, with a "Linked to insight" CodeLens', async () => {
    const c = await children('insights');
    const node = c.nodes[c.items.findIndex((x) => x.label === 'Top pages (SQL)')];
    const short = (node as { item: { short_id: string } }).item.short_id;
    const first = await vscode.commands.executeCommand<{ kind: string; uri: string }>('hogql.insights.open', node);
    const second = await vscode.commands.executeCommand<{ kind: string; uri: string }>('hogql.insights.open', node);
    assert.equal(second?.uri, first?.uri, 'the same editor');
    const doc = vscode.window.activeTextEditor!.document;
    assert.equal(doc.uri.toString(), first!.uri);
    assert.equal(doc.uri.scheme, 'hogql-insight');
    assert.ok(doc.uri.path.endsWith('/Top pages (SQL).hogql'), doc.uri.path);
    assert.deepEqual([doc.isUntitled, doc.isDirty, doc.languageId], [false, false, 'hogql']);
    assert.equal(tabsOf(doc.uri).length, 1, 'one tab');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const top = lenses.filter((l) => l.range.start.line === 0).map((l) => l.command);
    assert.ok(top.some((x) => x?.title.includes(`Linked to insight “Top pages (SQL)” (${short})`)), JSON.stringify(top));
    assert.ok(top.some((x) => x?.command === 'hogql.updateInsight' && (x.arguments?.[0] as { uri: string }).uri === doc.uri.toString()));
    assert.ok(top.some((x) => x?.command === 'hogql.openInsightInPostHog'));
    await closeDoc(doc);
  });

  it('re-runs a history entry in the same editor and results panel each time, clean', async () => {
    const query = `SELECT 40 + 2 AS answer_${process.pid}`;
    const entry = { id: 'x', query, at: Date.now(), host: emulator().url, projectId: emulator().projects[0]!.id, projectName: 'P', status: 'done' };
    const a = await vscode.commands.executeCommand<{ kind: string }>('hogql.history.rerun', entry);
    assert.equal(a?.kind, 'done');
    const doc = vscode.window.activeTextEditor!.document;
    const b = await vscode.commands.executeCommand<{ kind: string }>('hogql.history.rerun', entry);
    assert.equal(b?.kind, 'done');
    assert.equal(vscode.window.activeTextEditor!.document.uri.toString(), doc.uri.toString(), 'the same editor');
    assert.deepEqual([doc.uri.scheme, doc.isUntitled, doc.isDirty], ['hogql-query', false, false]);
    assert.ok(doc.uri.path.endsWith(`/SELECT 40 + 2 AS answer_${process.pid}.hogql`), doc.uri.path);
    assert.equal(tabsOf(doc.uri).length, 1);
    const results = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.startsWith('Results:') && t.label.includes(`answer_${process.pid}`));
    assert.equal(results.length, 1, `one results tab: ${results.map((t) => t.label).join(', ')}`);
    await vscode.window.tabGroups.close(results);
    await closeDoc(doc);
  });

  it('searches the query history by words of the query (issue #17)', async () => {
    const mark = `hist_${process.pid}`;
    const project = emulator().projects[0]!;
    for (const q of [`SELECT 'apple' AS ${mark}_a`, `SELECT 'banana' AS ${mark}_b`]) {
      const r = await vscode.commands.executeCommand<{ kind: string }>('hogql.history.rerun', { id: q, query: q, at: Date.now(), host: emulator().url, projectId: project.id, projectName: project.name, status: 'done' });
      assert.equal(r?.kind, 'done');
    }
    type Entry = { query: string };
    const ours = (list: Entry[] | undefined): string[] => (list ?? []).map((e) => e.query).filter((q) => q.includes(mark));
    // the history is written after the run: wait for both entries
    await waitFor(async () => ours(await vscode.commands.executeCommand<Entry[]>('hogql.history.filter', { text: '' })).length === 2, 10_000, 'both runs in the history');
    assert.deepEqual(ours(await vscode.commands.executeCommand<Entry[]>('hogql.history.filter', { text: `BANANA ${mark}` })), [`SELECT 'banana' AS ${mark}_b`]);
    assert.deepEqual(ours(await vscode.commands.executeCommand<Entry[]>('hogql.history.filter', { text: `${mark} cherry` })), []);
    await vscode.commands.executeCommand('hogql.history.clearFilter');
    assert.equal(ours(await vscode.commands.executeCommand<Entry[]>('hogql.history.filter', { text: '' })).length, 2);
    // one at a time, looked up again each time: closing an editor may take its results tab with it
    for (let t; (t = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((x) => x.label.includes(mark))); ) await vscode.window.tabGroups.close(t);
  });

  it('opens a history entry in the open file that holds exactly that query', async () => {
    const query = `SELECT 7 AS seven_${process.pid}`;
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, `history-${process.pid}.hogql`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`${query}\n`, 'utf8'));
    const file = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(file);
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('hogql.history.open', { query, host: emulator().url, projectId: 1, status: 'done' });
    assert.equal(editor.document.uri.toString(), uri.toString());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('editor: Run while a query of the same file runs', function () {
  this.timeout(90_000);
  before(async () => {
    await signOutAll();
    await signInToEmulator(emulator().projects[0]!.id);
  });
  after(signOutAll);

  it('waits in a notification (no modal) and runs once the running query ends', async () => {
    const hooks = await testHooks();
    const text = 'SELECT count() FROM numbers(100000000000) WHERE cityHash64(number) % 7 = 3;\n\nSELECT 1 AS one;\n';
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, `running-${process.pid}.hogql`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const long = vscode.commands.executeCommand<{ kind: string }>('hogql.runQuery', { uri: uri.toString(), offset: 0 });
    await waitFor(() => hooks.progressReports().some((p) => p.key === uri.toString()), 20_000, 'the long query to run');
    const seen = hooks.shownMessages().length;
    const next = vscode.commands.executeCommand<{ kind: string; payload?: { rows: unknown[][] } }>('hogql.runQuery', { uri: uri.toString(), offset: text.indexOf('SELECT 1') });
    const waiting = await waitFor(() => hooks.shownMessages().slice(seen).find((m) => m.level === 'progress' && m.message.includes('A query from this file is still running.')), 10_000, 'the waiting notification');
    assert.deepEqual(waiting.actions, ['Cancel']);
    await vscode.commands.executeCommand('hogql.cancelQuery', uri.toString());
    assert.equal((await long)?.kind, 'cancelled');
    const out = await next;
    assert.equal(out?.kind, 'done', 'the new run went ahead once the old one ended');
    assert.deepEqual(out.payload?.rows, [[1]]);
    await vscode.window.tabGroups.close(tabsOf(uri));
  });
});
