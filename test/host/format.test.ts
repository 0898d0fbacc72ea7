// HogQL formatting in the real extension host (issue #18): Format Document and Format Selection
// through VS Code's own commands, and the `hogql.format.*` settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import messy from '../fixtures/format/messy.hogql';
import formatted from '../fixtures/format/messy.formatted.hogql';
import { waitFor } from '../support/waitFor';

let fileNo = 0;
async function openDoc(content: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  const uri = vscode.Uri.joinPath(folder, `format-${process.pid}-${++fileNo}.hogql`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.equal(doc.languageId, 'hogql');
  return vscode.window.showTextDocument(doc);
}

describe('language: formatting', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await vscode.workspace.getConfiguration('hogql').update('format.keywordCase', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Format Document gives the expected text, comments, placeholders, lambdas and tags kept', async () => {
    const editor = await openDoc(messy);
    await vscode.commands.executeCommand('editor.action.formatDocument');
    await waitFor(() => editor.document.getText() === formatted, 20_000, 'the formatted fixture');
  });

  it('Format Selection formats only the statement under the selection', async () => {
    const editor = await openDoc('select  1 from t;\nselect a,b from t;\nselect  3 from t;\n');
    const line = editor.document.lineAt(1).range;
    editor.selection = new vscode.Selection(line.start, line.end);
    await vscode.commands.executeCommand('editor.action.formatSelection');
    await waitFor(() => editor.document.getText() === 'select  1 from t;\nSELECT a, b\nFROM t;\nselect  3 from t;\n', 20_000, 'one statement formatted');
  });

  it('follows hogql.format.keywordCase', async () => {
    await vscode.workspace.getConfiguration('hogql').update('format.keywordCase', 'lower', vscode.ConfigurationTarget.Global);
    const editor = await openDoc('SELECT a FROM t WHERE a AND b');
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', editor.document.uri, { tabSize: 4, insertSpaces: true });
    assert.ok(edits && edits.length > 0, 'edits');
    const we = new vscode.WorkspaceEdit();
    we.set(editor.document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(we));
    assert.equal(editor.document.getText(), 'select a\nfrom t\nwhere a and b');
  });
});
