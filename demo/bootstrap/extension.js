// Demo only: signs in to the local emulator through the extension's own scripted sign-in command
// (the same path tests use), so a new user lands in a signed-in workbench with sample data.
const vscode = require('vscode');

exports.activate = async function activate() {
  const raw = process.env.HOGQL_DEMO_SIGNIN;
  if (!raw) return;
  const { host, key, projectId } = JSON.parse(raw);
  try {
    await vscode.commands.executeCommand('hogql.signIn', { host, key, projectId });
    const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
    if (folder) {
      const file = process.env.HOGQL_DEMO_OPEN || 'welcome.hogql';
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, file));
      await vscode.window.showTextDocument(doc);
    }
  } catch (e) {
    vscode.window.showErrorMessage(`HogQL demo: could not sign in to the local PostHog: ${e && e.message}`);
  }
};
exports.deactivate = function deactivate() {};
