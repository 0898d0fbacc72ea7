// Demo only: signs in to the local emulator through the extension's own scripted sign-in command
// (the same path tests use), so a new user lands in a signed-in workbench with sample data, then
// opens the welcome query (or HOGQL_DEMO_OPEN) when the workspace has it: UI test sessions sign in
// the same way in a workspace without welcome.hogql, and that is no error.

/** `vscode` and `env` are parameters so that a unit test can play them (test/unit/demo/). */
async function bootstrap(vscode, env) {
  const raw = env.HOGQL_DEMO_SIGNIN;
  if (!raw) return;
  const { host, key, projectId } = JSON.parse(raw);
  try {
    await vscode.commands.executeCommand('hogql.signIn', { host, key, projectId });
  } catch (e) {
    vscode.window.showErrorMessage(`HogQL demo: could not sign in to the local PostHog: ${e && e.message}`);
    return;
  }
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (folder) await openIfThere(vscode, folder.uri, env.HOGQL_DEMO_OPEN);
}

/** Opens `asked` (default welcome.hogql) from the folder; only a file asked for by name is missed aloud. */
async function openIfThere(vscode, folder, asked) {
  const file = asked || 'welcome.hogql';
  const uri = vscode.Uri.joinPath(folder, file);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    if (asked) vscode.window.showWarningMessage(`HogQL demo: signed in, but there is no ${file} in the workspace to open.`);
    return;
  }
  try {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  } catch (e) {
    vscode.window.showWarningMessage(`HogQL demo: signed in, but could not open ${file}: ${e && e.message}`);
  }
}

exports.bootstrap = bootstrap;
exports.activate = () => bootstrap(require('vscode'), process.env);
exports.deactivate = function deactivate() {};
