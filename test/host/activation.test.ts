// Runs inside the real extension host (code-server), against the extension installed from its .vsix.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import type { IdleStart } from '../../src/language/idleStart';
import { WORKER_WARM_UP } from '../../src/language/syntax/workerWarmUp';
import type { HogqlApi } from '../../src/extension';

const EXTENSION_ID = 'hogql-dev.vscode-hogql';

function extension(): vscode.Extension<{ activationMs: number; languageMs: number }> {
  const ext = vscode.extensions.getExtension<{ activationMs: number; languageMs: number }>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext;
}

describe('activation', () => {
  it('is installed from the packaged .vsix, not from the source tree', function () {
    if (process.env.HOGQL_DESKTOP) this.skip(); // test-electron loads the extension from the source folder
    const ext = extension();
    // code-server installs into <extensions-dir>/<publisher>.<name>-<version>
    assert.match(ext.extensionUri.fsPath, /[/\\]ext[/\\]hogql-dev\.vscode-hogql-\d+\.\d+\.\d+$/);
    assert.equal(ext.packageJSON.displayName, 'PostHog HogQL');
  });

  // Issue #21: without a package.json beside the bundles, Node reads the extension's 64 KiB manifest
  // to learn dist/*.js's module type while the host loads us (scripts/build.mjs writes this one).
  it('ships dist/package.json, so Node does not parse the manifest to load the bundle', () => {
    const file = join(extension().extensionUri.fsPath, 'dist', 'package.json');
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { type: 'commonjs' });
  });

  it('activates and reports its activation time', async () => {
    const api = await extension().activate();
    assert.equal(extension().isActive, true);
    assert.equal(typeof api.activationMs, 'number');
    assert.ok(api.activationMs >= 0 && api.activationMs < 2000, `activationMs ${api.activationMs}`);
    assert.ok(api.languageMs >= 0 && api.languageMs <= api.activationMs, `languageMs ${api.languageMs}`);
  });

  // Issue #21: the session is built just after activate() returns (afterActivation in
  // src/extension.ts), not on a command: with none run, its status bar item and the hogql.signedIn
  // key (the welcome views read it) are there once that work is done (`settled`). Later the idle
  // start of the language features builds it too, so the hook reports what was there at `settled`.
  it('shows its status bar item and sets hogql.signedIn just after activation, with no command run', async () => {
    type Shown = { statusText: string; statusCommand: string | undefined; signedIn: boolean | undefined };
    const api = (await extension().activate()) as unknown as { settled: Promise<unknown>; testHooks?: { shownWhenSettled(): Shown | undefined; connections(): { active?: string } } };
    assert.ok(api.testHooks, 'test hooks');
    await api.settled;
    const shown = api.testHooks.shownWhenSettled();
    assert.ok(shown, 'the session (status bar item, hogql.signedIn) exists when the work just after activation is done');
    const signedIn = api.testHooks.connections().active !== undefined;
    assert.equal(shown.signedIn, signedIn, 'hogql.signedIn');
    assert.equal(shown.statusCommand, signedIn ? 'hogql.switchProject' : 'hogql.signIn');
    assert.match(shown.statusText, signedIn ? /^\$\(graph-line\) / : /PostHog: Sign In/);
  });

  // Issue #21, s15: the manifest's `main` is a small entry point (src/main.ts) that requires the
  // activation bundle on a timer while the host waits for our storage, or in activate() if that timer
  // has not fired. Either way, when activate() returns the bundle is loaded and every command's proxy
  // and the notebook's serializer are registered (src/early.ts): a command run right at startup (the
  // one that activated us, or one from another extension) finds its proxy.
  it('has its bundle loaded and every command proxied when activate() returns (the entry point, src/main.ts)', async () => {
    assert.equal(extension().packageJSON.main, './dist/main.js');
    const api = (await extension().activate()) as unknown as HogqlApi;
    const { timeline, early } = api;
    assert.ok(timeline?.bundleLoad, 'the entry point required the bundle (timeline.bundleLoad)');
    assert.ok(timeline.bundleLoad.start >= timeline.bundleEnd, 'not while the host required the entry point');
    assert.ok(timeline.bundleLoad.end <= timeline.activateStart, 'the bundle loaded before activate() ran');
    assert.ok(early && early.end <= timeline.activateEnd, `the command proxies were made before activate() returned: ${JSON.stringify({ early, timeline })}`);
  });

  it('registers every command it contributes', async () => {
    const contributed: { command: string }[] = extension().packageJSON.contributes.commands;
    assert.ok(contributed.length > 0);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  // Issue #21: with the extension active and no HogQL document open (this host's workspace holds
  // sample.hogql; activation.test.js runs first, before any test opens one), PostHog's parser worker
  // starts and warms up at idle, so the first open's syntax check does not wait for it.
  it('starts and warms up PostHog\'s parser worker at idle when the workspace has a HogQL file', async function () {
    this.timeout(60_000);
    const api = (await extension().activate()) as unknown as { testHooks?: { parserIdleStart(): IdleStart | undefined } };
    assert.ok(api.testHooks, 'test hooks');
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.languageId === 'hogql').length, 0, 'no HogQL document is open when this test starts');
    const done = await waitFor(() => {
      const s = api.testHooks!.parserIdleStart();
      return s && s.state !== 'waiting' && s.state !== 'warming' ? s : undefined;
    }, 45_000, 'the idle start of the parser worker');
    assert.deepEqual(done, { state: 'warmed', pieces: WORKER_WARM_UP.length, ms: 'ms' in done ? done.ms : undefined });
    assert.ok('ms' in done && typeof done.ms === 'number' && done.ms > 0, JSON.stringify(done));
  });

  // Issue #21: a .hogqlnb file opens through the serializer's activation proxy (VS Code activates
  // the extension for onNotebook:hogql-notebook, then deserializes at once): the notebook code is in
  // the features bundle, which must load then. activation.test.js runs first in its host, before
  // anything loads the features bundle; the first assertion says so when that changes.
  it('opens a HogQL notebook before the features bundle is loaded', async function () {
    this.timeout(30_000);
    const api = (await extension().activate()) as unknown as { testHooks?: { featuresLoaded(load?: boolean): boolean } };
    assert.ok(api.testHooks, 'test hooks');
    assert.equal(api.testHooks.featuresLoaded(), false, 'the features bundle is still unloaded when this test starts');
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, `activation-${process.pid}.hogqlnb`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify({ cells: [{ kind: 'hogql', source: ['SELECT 1'] }] }), 'utf8'));
    try {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the notebook did not open within 15 s')), 15_000)));
      const nb = await Promise.race([vscode.workspace.openNotebookDocument(uri), deadline]).finally(() => clearTimeout(timer));
      assert.equal(nb.notebookType, 'hogql-notebook');
      assert.deepEqual(nb.getCells().map((c) => c.document.getText()), ['SELECT 1']);
      assert.equal(api.testHooks.featuresLoaded(), true, 'opening the notebook loaded the features bundle');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  // Issue #21: activation registers proxies; the commands' code (dist/features.js) loads on first use.
  it('proxies every command from activation on, so none fails before the features load', async () => {
    const api = (await extension().activate()) as unknown as { testHooks?: { featuresLoaded(load?: boolean): boolean; unproxiedCommands(): readonly string[] } };
    assert.ok(api.testHooks, 'test hooks');
    assert.equal(api.testHooks.featuresLoaded(true), true);
    assert.deepEqual([...api.testHooks.unproxiedCommands()], [], 'registered without an activation proxy');
    // and every hogql.* command registered now existed as a proxy (declared or internal)
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('hogql.'));
    const contributed = new Set<string>(extension().packageJSON.contributes.commands.map((c: { command: string }) => c.command));
    const internal = registered.filter((id) => !contributed.has(id));
    assert.ok(internal.includes('hogql.checkSyntax'), `internal commands: ${internal.join(', ')}`);
  });

  it('uses only hogql.* command ids (posthog.* belongs to the official extension)', () => {
    const ids: string[] = extension().packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual(ids.filter((id) => !id.startsWith('hogql.')), []);
  });
});

describe('walkthrough', () => {
  interface Step {
    id: string;
    description: string;
    media: { markdown?: string };
    completionEvents?: string[];
  }
  const steps = (): Step[] => extension().packageJSON.contributes.walkthroughs[0].steps;

  it('links only to commands that exist, completes on events that can happen, and ships its pages', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const views = new Set(Object.values(extension().packageJSON.contributes.views as Record<string, { id: string }[]>).flat().map((v) => v.id));
    assert.ok(steps().length >= 5);
    for (const step of steps()) {
      const links = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]!);
      assert.ok(links.length > 0, `${step.id} has a button`);
      for (const id of links) assert.ok(registered.has(id), `${step.id}: command ${id} exists`);
      for (const ev of step.completionEvents ?? []) {
        const [kind, arg] = ev.split(':');
        if (kind === 'onCommand') assert.ok(registered.has(arg!), `${step.id}: ${ev}`);
        else if (kind === 'onView') assert.ok(views.has(arg!), `${step.id}: ${ev}`);
        else assert.fail(`${step.id}: unexpected completion event ${ev}`);
      }
      const page = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension().extensionUri, step.media.markdown!));
      assert.match(Buffer.from(page).toString('utf8'), /^# \S/, `${step.media.markdown} is in the package`);
    }
  });

  it('opens in the workbench', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#start`, false);
    const tab = await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.isActive && /welcome|walkthrough/i.test(t.label)), 10_000, 'the walkthrough tab');
    await vscode.window.tabGroups.close(tab);
  });
});

describe('hogql language', () => {
  it('gives .hogql documents the hogql language id', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'sample.hogql'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'hogql');
  });

  it('is a known language of the host', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('hogql'));
  });
});

describe('commands', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('PostHog: Open Results Panel opens the results webview', async () => {
    const result = await vscode.commands.executeCommand<{ title: string }>('hogql.openResultsPanel');
    assert.equal(result?.title, 'PostHog Results');
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const tab = await waitFor(() => tabs().find((t) => t.label === 'PostHog Results'), 5000, 'the results tab').catch(() => {
      assert.fail(`no results tab; tabs: ${tabs().map((t) => t.label).join(', ')}`);
    });
    assert.ok(tab.input instanceof vscode.TabInputWebview);
    assert.match((tab.input as vscode.TabInputWebview).viewType, /hogql\.results$/);
  });

  it('PostHog: Show Output shows the PostHog log channel', async () => {
    // A plain-object argument makes the command wrapper (src/ui/registry.ts) rethrow a failure
    // to the caller; without one it would only show a toast and resolve, and this test could not fail.
    await vscode.commands.executeCommand('hogql.showOutput', {});
    const shown = () => vscode.window.visibleTextEditors.map((e) => decodeURIComponent(e.document.uri.toString()));
    await waitFor(() => shown().some((u) => u.startsWith('output:') && /PostHog/.test(u)), 5000, 'the PostHog output channel').catch(() => {
      assert.fail(`not shown; visible editors: ${shown().join(', ')}`);
    });
  });
});
