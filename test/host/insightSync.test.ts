// `.hogql` files in sync with SQL insights (issue #18): the link is the file's first line, so a file
// written elsewhere (a clone, a reload) is linked; Pull, Push with the conflict warning, Compare.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { api, emulator, signInToEmulator, signOutAll, testHooks } from './support';

const sqlQuery = (q: string) => ({ kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query: q }, display: 'ActionsLineGraph' });

describe('.hogql files in sync with insights', function () {
  this.timeout(60_000);
  const project = () => emulator().projects[0]!;
  let insight: { id: number; short_id: string };
  let doc: vscode.TextDocument;
  const header = () => `-- posthog: insight ${insight.short_id} on project ${project().id} of ${emulator().url}`;
  const stored = async () => (await api(`/api/projects/${project().id}/insights/${insight.id}/`)).body;

  before(async () => {
    await signOutAll();
    await signInToEmulator(project().id);
    insight = (await api(`/api/projects/${project().id}/insights/`, { method: 'POST', body: JSON.stringify({ name: `Sync test ${process.pid}`, query: sqlQuery('SELECT 1 AS one'), saved: true }) })).body;
    // a file as it would come from git: nothing in memory says it is linked, only its first line
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, `sync-${process.pid}.hogql`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`${header()}\nSELECT 1 AS one\n`, 'utf8'));
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
  });

  after(async () => {
    for (const t of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
      const input = t.input;
      if ((input instanceof vscode.TabInputText && input.uri.toString() === doc.uri.toString()) || input instanceof vscode.TabInputTextDiff) await vscode.window.tabGroups.close(t);
    }
    await signOutAll();
  });

  it('is linked by its first line, with Pull, Push and Compare above it', async () => {
    const link = (await testHooks()).insightLink(doc.uri.toString()) as { shortId: string; projectId: number; host: string };
    assert.deepEqual({ ...link }, { shortId: insight.short_id, projectId: project().id, host: emulator().url });
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const commands = lenses.filter((l) => l.range.start.line === 0).map((l) => l.command?.command);
    for (const c of ['hogql.pullInsight', 'hogql.updateInsight', 'hogql.compareInsight', 'hogql.openInsightInPostHog']) assert.ok(commands.includes(c), `${c} in ${commands.join()}`);
  });

  it("pulls the insight's query from PostHog into the file, keeping the link line", async () => {
    await api(`/api/projects/${project().id}/insights/${insight.id}/`, { method: 'PATCH', body: JSON.stringify({ query: sqlQuery('SELECT 2 AS two') }) });
    const pulled = await vscode.commands.executeCommand<string>('hogql.pullInsight', { uri: doc.uri.toString() });
    assert.equal(pulled, 'SELECT 2 AS two');
    assert.equal(doc.getText(), `${header()}\nSELECT 2 AS two\n`);
  });

  it('pushes the file (chart settings kept), and warns before pushing over a newer version in PostHog', async () => {
    const hooks = await testHooks();
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(1, 0, doc.lineCount, 0), 'SELECT 3 AS three\n');
    await vscode.workspace.applyEdit(edit);
    hooks.queueConfirmAnswers(true);
    assert.equal(await vscode.commands.executeCommand('hogql.updateInsight', { uri: doc.uri.toString() }), true);
    assert.match(hooks.askedConfirmations().at(-1)!, /^Update the insight "Sync test/);
    const after = await stored();
    assert.deepEqual([after.query.source.query, after.query.display], ['SELECT 3 AS three', 'ActionsLineGraph']);

    // someone edits the insight in PostHog; then this file is pushed again
    await waitFor(async () => (await api(`/api/projects/${project().id}/insights/${insight.id}/`, { method: 'PATCH', body: JSON.stringify({ query: sqlQuery('SELECT 4 AS web_edit') }) })).body.last_modified_at !== after.last_modified_at, 5_000, 'a newer version in PostHog');
    const edit2 = new vscode.WorkspaceEdit();
    edit2.replace(doc.uri, new vscode.Range(1, 0, doc.lineCount, 0), 'SELECT 5 AS mine\n');
    await vscode.workspace.applyEdit(edit2);
    hooks.queueConfirmAnswers(false);
    assert.equal(await vscode.commands.executeCommand('hogql.updateInsight', { uri: doc.uri.toString() }), false);
    assert.match(hooks.askedConfirmations().at(-1)!, /was changed in PostHog since this workspace last pulled or pushed it/);
    assert.equal((await stored()).query.source.query, 'SELECT 4 AS web_edit', 'nothing pushed');
  });

  it("compares the file with PostHog's version in a diff editor", async () => {
    const left = await vscode.commands.executeCommand<string>('hogql.compareInsight', { uri: doc.uri.toString() });
    const diffInput = (): vscode.TabInputTextDiff | undefined => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    };
    const diff = await waitFor(diffInput, 10_000, 'the diff editor');
    assert.equal(diff.original.toString(), left);
    assert.equal(diff.modified.toString(), doc.uri.toString());
    const remote = await vscode.workspace.openTextDocument(vscode.Uri.parse(left));
    assert.equal(remote.getText(), `${header()}\nSELECT 4 AS web_edit\n`);
  });
});
