// The demo bootstrap extension (demo/bootstrap/extension.js, installed by `npm run demo` and by UI
// sessions that sign in): it signs in, then opens the welcome query when the workspace has it.
// A workspace without welcome.hogql (the UI tests' fixture workspace) must not end in an error
// notification: it used to say "could not sign in to the local PostHog: cannot open …welcome.hogql"
// though the sign-in had worked. VS Code's API is played by a small fake over a real folder.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS extension
const { bootstrap } = require('../../../demo/bootstrap/extension.js') as { bootstrap: (vscode: unknown, env: Record<string, string | undefined>) => Promise<void> };

interface Seen { commands: string[]; opened: string[]; errors: string[]; warnings: string[] }

/** The parts of `vscode` the bootstrap uses, over the real folder `dir`; `signIn` fails when told. */
function fakeVscode(dir: string | undefined, signInFails = false) {
  const seen: Seen = { commands: [], opened: [], errors: [], warnings: [] };
  const vscode = {
    Uri: { joinPath: (base: { fsPath: string }, ...parts: string[]) => ({ fsPath: join(base.fsPath, ...parts) }) },
    commands: {
      executeCommand: async (id: string) => {
        seen.commands.push(id);
        if (signInFails) throw new Error('connection refused');
      },
    },
    workspace: {
      workspaceFolders: dir ? [{ uri: { fsPath: dir } }] : undefined,
      fs: { stat: async (uri: { fsPath: string }) => statSync(uri.fsPath) },
      // as VS Code: opening a file that is not there throws "cannot open file:///…"
      openTextDocument: async (uri: { fsPath: string }) => {
        statSync(uri.fsPath);
        return { uri };
      },
    },
    window: {
      showTextDocument: async (doc: { uri: { fsPath: string } }) => void seen.opened.push(doc.uri.fsPath),
      showErrorMessage: (m: string) => void seen.errors.push(m),
      showWarningMessage: (m: string) => void seen.warnings.push(m),
    },
  };
  return { vscode, seen };
}

describe('demo bootstrap: sign in, then open the welcome query if there is one', () => {
  const signIn = JSON.stringify({ host: 'http://127.0.0.1:1', key: 'phx_demo', projectId: 1 });
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hogql-bootstrap-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens welcome.hogql after signing in (the demo workspace has it)', async () => {
    writeFileSync(join(dir, 'welcome.hogql'), 'SELECT 1');
    const { vscode, seen } = fakeVscode(dir);
    await bootstrap(vscode, { HOGQL_DEMO_SIGNIN: signIn });
    assert.deepEqual(seen, { commands: ['hogql.signIn'], opened: [join(dir, 'welcome.hogql')], errors: [], warnings: [] });
  });

  it('signs in without any message when the workspace has no welcome.hogql', async () => {
    const { vscode, seen } = fakeVscode(dir);
    await bootstrap(vscode, { HOGQL_DEMO_SIGNIN: signIn });
    assert.deepEqual(seen, { commands: ['hogql.signIn'], opened: [], errors: [], warnings: [] });
  });

  it('opens the file a session asks for, and says so (a warning, not a sign-in error) when it is missing', async () => {
    writeFileSync(join(dir, 'other.hogql'), 'SELECT 2');
    const { vscode, seen } = fakeVscode(dir);
    await bootstrap(vscode, { HOGQL_DEMO_SIGNIN: signIn, HOGQL_DEMO_OPEN: 'other.hogql' });
    assert.deepEqual(seen.opened, [join(dir, 'other.hogql')]);
    const missing = fakeVscode(dir);
    await bootstrap(missing.vscode, { HOGQL_DEMO_SIGNIN: signIn, HOGQL_DEMO_OPEN: 'gone.hogql' });
    assert.deepEqual([missing.seen.opened, missing.seen.errors], [[], []]);
    assert.match(missing.seen.warnings.join('\n'), /gone\.hogql/);
  });

  it('tells a failed sign-in as before, and does nothing without HOGQL_DEMO_SIGNIN', async () => {
    writeFileSync(join(dir, 'welcome.hogql'), 'SELECT 1');
    const failing = fakeVscode(dir, true);
    await bootstrap(failing.vscode, { HOGQL_DEMO_SIGNIN: signIn });
    assert.deepEqual(failing.seen.opened, []);
    assert.match(failing.seen.errors.join('\n'), /could not sign in to the local PostHog: connection refused/);
    const idle = fakeVscode(dir);
    await bootstrap(idle.vscode, {});
    assert.deepEqual(idle.seen, { commands: [], opened: [], errors: [], warnings: [] });
  });
});
