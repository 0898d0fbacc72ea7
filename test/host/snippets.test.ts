// Team snippets (issue #18): `.posthog/snippets/*.hogql` files of the workspace in completion and
// "PostHog: Insert Team Snippet…", reloaded when a file changes.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';

const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
const snippetsDir = () => vscode.Uri.joinPath(folder(), '.posthog', 'snippets');
const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));

async function labelsAt(doc: vscode.TextDocument, offset: number): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(offset));
  return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet && i.detail?.startsWith('Team snippet'));
}
const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

describe('team snippets', function () {
  this.timeout(60_000);
  const mine = `dau_${process.pid}`;
  let doc: vscode.TextDocument;

  before(async () => {
    const uri = vscode.Uri.joinPath(folder(), `snippets-${process.pid}.hogql`);
    await write(uri, '\n');
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // the snippets are read once now, before their folder exists: what follows must come from the watcher
    await labelsAt(doc, 0);
    await vscode.workspace.fs.delete(snippetsDir(), { recursive: true }).then(undefined, () => {});
    await write(vscode.Uri.joinPath(snippetsDir(), `${mine}.hogql`), `-- name: Daily active users ${process.pid}\n-- description: Persons per day\n-- prefix: ${mine}\nSELECT toStartOfDay(timestamp) AS day, count(DISTINCT person_id) AS dau\nFROM events\nWHERE timestamp > now() - INTERVAL {days} DAY AND properties.$browser = {browser}\nGROUP BY day ORDER BY day\n`);
  });

  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), '.posthog'), { recursive: true }).then(undefined, () => {});
    for (const t of vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString())) await vscode.window.tabGroups.close(t);
    await vscode.workspace.fs.delete(doc.uri).then(undefined, () => {});
  });

  it('offers a snippet file in completion, with its placeholders as tab stops ($ kept as text)', async () => {
    const item = await waitFor(async () => (await labelsAt(doc, 0)).find((i) => label(i) === mine), 10_000, 'the snippet in completion');
    const body = (item.insertText as vscode.SnippetString).value;
    assert.ok(body.includes('${1:{days\\}}') && body.includes('${2:{browser\\}}'), body);
    assert.ok(body.includes('properties.\\$browser'), 'a $ in the query is escaped, not a snippet variable');
  });

  it('sees a new snippet file and a removed one without a reload', async () => {
    const extra = vscode.Uri.joinPath(snippetsDir(), `extra-${process.pid}.hogql`);
    await write(extra, `-- prefix: extra_${process.pid}\nSELECT 1`);
    await waitFor(async () => (await labelsAt(doc, 0)).some((i) => label(i) === `extra_${process.pid}`), 10_000, 'the new snippet');
    await vscode.workspace.fs.delete(extra);
    await waitFor(async () => !(await labelsAt(doc, 0)).some((i) => label(i) === `extra_${process.pid}`), 10_000, 'the removed snippet to go');
  });

  it('sees a snippet file the file watcher never reported (files.watcherExclude, or a watcher over its limit)', async () => {
    const files = vscode.workspace.getConfiguration('files');
    const before = files.inspect<Record<string, boolean>>('watcherExclude')?.workspaceValue;
    await files.update('watcherExclude', { ...before, '**/.posthog/**': true }, vscode.ConfigurationTarget.Workspace);
    const unseen = vscode.Uri.joinPath(snippetsDir(), `unseen-${process.pid}.hogql`);
    try {
      writeFileSync(unseen.fsPath, `-- prefix: unseen_${process.pid}\nSELECT 2`); // not through VS Code: only a watcher could tell
      await waitFor(async () => (await labelsAt(doc, 0)).some((i) => label(i) === `unseen_${process.pid}`), 15_000, 'the unreported snippet');
    } finally {
      await vscode.workspace.fs.delete(unseen).then(undefined, () => {});
      await files.update('watcherExclude', before, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('inserts a snippet at the cursor with "Insert Team Snippet"', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const name = await vscode.commands.executeCommand<string>('hogql.insertSnippet', { name: mine });
    assert.equal(name, `Daily active users ${process.pid}`);
    await waitFor(() => doc.getText().includes('INTERVAL {days} DAY'), 5_000, 'the inserted query');
    assert.ok(doc.getText().includes("properties.$browser = {browser}"), doc.getText());
  });

  it('is not offered after a dot, inside {variables. or in a string', async () => {
    for (const text of ['SELECT e. FROM events AS e', 'SELECT {variables. FROM events', "SELECT 'x"]) {
      const probe = await vscode.workspace.openTextDocument({ language: 'hogql', content: text });
      const at = text.includes('.') ? text.indexOf('.') + 1 : text.length;
      assert.deepEqual((await labelsAt(probe, at)).map(label), [], text);
    }
  });

  it('forgets the snippets of a deleted folder', async () => {
    await waitFor(async () => (await labelsAt(doc, 0)).some((i) => label(i) === mine), 10_000, 'the snippet');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), '.posthog'), { recursive: true });
    await waitFor(async () => !(await labelsAt(doc, 0)).some((i) => label(i) === mine), 10_000, 'the snippet to go with its folder');
  });
});
