// Views (PostHog's data warehouse saved queries) from .hogql files, and Sync Folder (issue #18):
// Save as View writes the link into the file's first line; Open View opens a view's HogQL linked to
// it; Pull, Push (with the newer-version warning) and Compare work as for insights; Sync Folder
// lists the linked files of a folder as in sync, ahead, behind or in conflict.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { api, closeAllEditorsReverting, emulator, openFile, signInToEmulator, signOutAll, testHooks } from './support';

const project = () => emulator().projects[0]!;
const views = () => `/api/projects/${project().id}/warehouse_saved_queries/`;
const hogql = (query: string) => ({ kind: 'HogQLQuery', query });
const root = () => vscode.workspace.workspaceFolders![0]!.uri;
const viewHeader = (id: string) => `-- posthog: view ${id} on project ${project().id} of ${emulator().url}`;

/** Someone edits the view in PostHog (with the history id PostHog asks for). */
async function webEdit(id: string, query: string): Promise<void> {
  const current = (await api(`${views()}${id}/`)).body;
  const res = await api(`${views()}${id}/`, { method: 'PATCH', body: JSON.stringify({ query: hogql(query), edited_history_id: current.latest_history_id }) });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

async function replaceQuery(doc: vscode.TextDocument, query: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(1, 0, doc.lineCount, 0), `${query}\n`);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('.hogql files and views', function () {
  this.timeout(90_000);
  const pid = process.pid;

  before(async () => {
    await signOutAll();
    await signInToEmulator(project().id);
  });

  after(async () => {
    await closeAllEditorsReverting();
    await signOutAll();
  });

  describe('Save as View, Open View, Pull, Push, Compare', () => {
    let doc: vscode.TextDocument;
    let id: string;

    it('refuses a name PostHog would refuse, before asking or sending anything', async () => {
      doc = await openFile(`view-${pid}.hogql`, '-- Events per name\nSELECT event, count() AS n FROM events GROUP BY event\n');
      const before = (await api(views())).body.count;
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('hogql.saveAsView', { uri: doc.uri.toString(), name: '1st view' })), /letters, digits/);
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('hogql.saveAsView', { uri: doc.uri.toString(), name: 'events' })), /PostHog table/);
      assert.equal((await api(views())).body.count, before, 'nothing created');
    });

    it('saves the query as a view after a confirmation naming the view and the project, and links the file to it', async () => {
      const hooks = await testHooks();
      hooks.queueConfirmAnswers(true);
      const saved = await vscode.commands.executeCommand<{ id: string; name: string }>('hogql.saveAsView', { uri: doc.uri.toString(), name: `events_by_name_${pid}` });
      assert.ok(saved, 'saved');
      id = saved.id;
      assert.match(hooks.askedConfirmations().at(-1)!, new RegExp(`^Create the view "events_by_name_${pid}" in project `));
      const stored = (await api(`${views()}${id}/`)).body;
      // the statement at the cursor, as for Save as Insight (its leading comment stays in the file only)
      assert.deepEqual([stored.name, stored.query], [`events_by_name_${pid}`, hogql('SELECT event, count() AS n FROM events GROUP BY event')]);
      assert.equal(doc.getText(), `${viewHeader(id)}\n-- Events per name\nSELECT event, count() AS n FROM events GROUP BY event\n`);
      const link = (await testHooks()).insightLink(doc.uri.toString()) as { kind?: string; shortId: string };
      assert.deepEqual([link.kind, link.shortId], ['view', id]);
    });

    it('will not overwrite another view of the same name (PostHog would, its POST is an upsert)', async () => {
      const other = await openFile(`view-dup-${pid}.hogql`, 'SELECT 1 AS one\n');
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('hogql.saveAsView', { uri: other.uri.toString(), name: `events_by_name_${pid}` })), /already has a view named/);
      assert.match((await api(`${views()}${id}/`)).body.query.query, /GROUP BY event/, 'unchanged');
    });

    it("opens a view's HogQL as a document linked to it", async () => {
      const uri = await vscode.commands.executeCommand<string>('hogql.openView', { id });
      const opened = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      assert.equal(opened.getText(), `${viewHeader(id)}\nSELECT event, count() AS n FROM events GROUP BY event\n`);
      assert.equal(opened.languageId, 'hogql');
      await vscode.window.showTextDocument(doc);
    });

    it("pulls the view's query from PostHog into the file", async () => {
      await webEdit(id, 'SELECT event FROM events LIMIT 5');
      const pulled = await vscode.commands.executeCommand<string>('hogql.pullInsight', { uri: doc.uri.toString() });
      assert.equal(pulled, 'SELECT event FROM events LIMIT 5');
      assert.equal(doc.getText(), `${viewHeader(id)}\nSELECT event FROM events LIMIT 5\n`);
    });

    it('pushes the file to the view, and warns before pushing over a newer version in PostHog', async () => {
      const hooks = await testHooks();
      await replaceQuery(doc, 'SELECT event FROM events LIMIT 6');
      hooks.queueConfirmAnswers(true);
      assert.equal(await vscode.commands.executeCommand('hogql.updateInsight', { uri: doc.uri.toString() }), true);
      assert.match(hooks.askedConfirmations().at(-1)!, new RegExp(`^Update the view "events_by_name_${pid}" in project`));
      assert.equal((await api(`${views()}${id}/`)).body.query.query, 'SELECT event FROM events LIMIT 6');

      await webEdit(id, 'SELECT event FROM events LIMIT 7');
      await replaceQuery(doc, 'SELECT event FROM events LIMIT 8');
      hooks.queueConfirmAnswers(false);
      assert.equal(await vscode.commands.executeCommand('hogql.updateInsight', { uri: doc.uri.toString() }), false);
      assert.match(hooks.askedConfirmations().at(-1)!, /was changed in PostHog since this workspace last pulled or pushed it/);
      assert.equal((await api(`${views()}${id}/`)).body.query.query, 'SELECT event FROM events LIMIT 7', 'nothing pushed');
    });

    it("compares the file with the view's query in a diff editor", async () => {
      const left = await vscode.commands.executeCommand<string>('hogql.compareInsight', { uri: doc.uri.toString() });
      const diff = await waitFor(() => {
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        return input instanceof vscode.TabInputTextDiff ? input : undefined;
      }, 10_000, 'the diff editor');
      assert.deepEqual([diff.original.toString(), diff.modified.toString()], [left, doc.uri.toString()]);
      assert.equal((await vscode.workspace.openTextDocument(vscode.Uri.parse(left))).getText(), `${viewHeader(id)}\nSELECT event FROM events LIMIT 7\n`);
    });
  });

  describe('Sync Folder', () => {
    const folder = () => vscode.Uri.joinPath(root(), `sync-folder-${pid}`);

    it('lists the linked files of a folder as in sync, ahead, behind or in conflict (unlinked files left out)', async () => {
      const insight = (await api(`/api/projects/${project().id}/insights/`, { method: 'POST', body: JSON.stringify({ name: `Folder ${pid}`, query: { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query: 'SELECT 1 AS one' } }, saved: true }) })).body;
      const made = async (name: string) => (await api(views(), { method: 'POST', body: JSON.stringify({ name: `${name}_${pid}`, query: hogql('SELECT 1 AS one') }) })).body.id as string;
      const [same, ahead, conflict] = [await made('f_same'), await made('f_ahead'), await made('f_conflict')];
      const files: Record<string, string> = {
        'same.hogql': `${viewHeader(same)}\nSELECT 1 AS one\n`,
        'nested/ahead.hogql': `${viewHeader(ahead)}\nSELECT 1 AS one\n`,
        'conflict.hogql': `${viewHeader(conflict)}\nSELECT 1 AS one\n`,
        'behind.hogql': `-- posthog: insight ${insight.short_id} on project ${project().id} of ${emulator().url}\nSELECT 1 AS one\n`,
        'plain.hogql': 'SELECT 2\n',
      };
      const docs: Record<string, vscode.TextDocument> = {};
      for (const [name, text] of Object.entries(files)) {
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), name), Buffer.from(text, 'utf8'));
        docs[name] = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), name));
        if (name !== 'plain.hogql') await vscode.commands.executeCommand('hogql.pullInsight', { uri: docs[name]!.uri.toString() });
      }
      await replaceQuery(docs['nested/ahead.hogql']!, 'SELECT 2 AS two');
      await replaceQuery(docs['conflict.hogql']!, 'SELECT 3 AS mine');
      await webEdit(conflict, 'SELECT 4 AS theirs');
      const patched = await api(`/api/projects/${project().id}/insights/${insight.id}/`, { method: 'PATCH', body: JSON.stringify({ query: { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query: 'SELECT 5 AS web' } } }) });
      assert.equal(patched.status, 200);

      const rows = await waitFor(async () => {
        const r = await vscode.commands.executeCommand<{ path: string; state: string }[]>('hogql.syncFolder', { folder: folder().toString(), pick: false });
        return r.length === 4 ? r : undefined;
      }, 20_000, 'the four linked files (the search index sees new files a moment later)');
      assert.deepEqual(
        rows.map((r) => [r.path, r.state]),
        [['behind.hogql', 'behind'], ['conflict.hogql', 'conflict'], ['nested/ahead.hogql', 'ahead'], ['same.hogql', 'inSync']],
      );
    });

    it('offers the files in a quick pick, conflicts first; Compare (first for a conflict) opens the diff', async () => {
      await closeAllEditorsReverting();
      // as from the explorer's context menu: the folder's Uri, and the list shown
      const done = Promise.resolve(vscode.commands.executeCommand('hogql.syncFolder', folder()));
      const diff = await waitFor(async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        return input instanceof vscode.TabInputTextDiff ? input : undefined;
      }, 20_000, 'the diff editor of the conflicting file');
      assert.equal(diff.modified.toString(), vscode.Uri.joinPath(folder(), 'conflict.hogql').toString());
      assert.match((await vscode.workspace.openTextDocument(diff.original)).getText(), /SELECT 4 AS theirs/);
      await done;
    });
  });
});
