// PostHog code intelligence, issue #19 (second part), in the real host against the emulator:
// quick fixes (create an unknown flag, fix an event-name typo), SDK init checks and their fixes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { emulator, signInToEmulator, signOutAll } from './support';
import { answer, api, asked } from './viewsSupport';
import { emulatorEvents, openFile, ours } from './codeIntelSupport';

/** The quick fixes at `range`; a request canceled by a refresh of the document's markers is asked again. */
const actionsAt = (doc: vscode.TextDocument, range: vscode.Range) =>
  waitFor(async () => {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value);
    } catch (e) {
      if ((e as Error).message === 'Canceled') return undefined;
      throw e;
    }
  }, 10_000, 'the code actions');

async function applyFix(doc: vscode.TextDocument, d: vscode.Diagnostic, title: RegExp): Promise<void> {
  const actions = await waitFor(async () => {
    const list = (await actionsAt(doc, d.range)).filter((a) => title.test(a.title));
    return list.length ? list : undefined;
  }, 10_000, `a quick fix ${title}`);
  assert.equal(actions.length, 1, `one quick fix ${title}`);
  assert.ok(actions[0]!.edit, 'the fix is an edit');
  assert.ok(await vscode.workspace.applyEdit(actions[0]!.edit));
}

describe('codeIntel: quick fixes and SDK init checks', function () {
  this.timeout(90_000);
  let events: string[];
  const project = () => emulator().projects[0]!;

  before(async () => {
    await signOutAll();
    await signInToEmulator();
    events = await emulatorEvents();
  });

  it('offers "Create flag…" on an unknown key: a confirmed write naming key and project, then the key is known', async () => {
    const key = `created-from-code-${process.pid}`;
    const doc = await openFile('ts', `import posthog from 'posthog-js'\nif (posthog.isFeatureEnabled('${key}')) {}\n`);
    const d = await waitFor(() => ours(doc, 'unknown-flag')[0], 20_000, 'the unknown-flag diagnostic');
    const actions = (await actionsAt(doc, d.range)).filter((a) => /^Create flag/.test(a.title));
    assert.equal(actions.length, 1);
    const cmd = actions[0]!.command!;
    assert.equal(cmd.command, 'hogql.codeIntel.createFlag');
    assert.deepEqual(cmd.arguments, [{ key }]);
    await asked();
    await answer(true);
    // the prompts for description and rollout are answered by arguments, as the sidebar's tests do
    const flag = await vscode.commands.executeCommand<{ key: string }>(cmd.command, { ...(cmd.arguments![0] as object), name: 'from a quick fix', rollout: 25 });
    assert.equal(flag?.key, key);
    const q = await asked();
    assert.equal(q.length, 1);
    assert.ok(q[0]!.message.includes(key) && q[0]!.message.includes(project().name), q[0]!.message);
    const stored = (await api(`/api/projects/${project().id}/feature_flags/?search=${key}`)).results as { key: string }[];
    assert.deepEqual(stored.map((f) => f.key), [key]);
    await waitFor(() => ours(doc, 'unknown-flag').length === 0, 20_000, 'the diagnostic gone once the flag exists');
  });

  it('a refused confirmation creates nothing', async () => {
    const key = `not-created-${process.pid}`;
    await answer(false);
    assert.equal(await vscode.commands.executeCommand('hogql.codeIntel.createFlag', { key, name: '', rollout: 10 }), undefined);
    assert.deepEqual((await api(`/api/projects/${project().id}/feature_flags/?search=${key}`)).results, []);
  });

  const typoSources: [string, (e: string) => string][] = [
    ['ts', (e) => `posthog.capture('${e}', { plan: 'pro' })\n`],
    ['py', (e) => `import posthog\nposthog.capture('user-1', '${e}')\n`],
    ['go', (e) => `package main\n// posthog-go\nfunc f() { client.Enqueue(posthog.Capture{DistinctId: "u", Event: "${e}"}) }\n`],
    ['rb', (e) => `require 'posthog'\nposthog.capture(distinct_id: 'u', event: '${e}')\n`],
  ];
  for (const [ext, source] of typoSources) {
    it(`flags an event name that is a typo of a known event and fixes it (${ext})`, async () => {
      const real = events.filter((e) => e.length >= 8 && /^[\w$ .-]+$/.test(e)).sort((a, b) => b.length - a.length)[0]!;
      assert.ok(real, 'the emulator has a long event name');
      const typo = real.slice(0, 3) + real.slice(4);
      assert.ok(!events.includes(typo));
      const doc = await openFile(ext, source(typo) + source(real) + source(`zz-unrelated-${process.pid}`));
      const d = await waitFor(() => ours(doc, 'event-typo')[0], 20_000, 'the event-typo diagnostic');
      assert.equal(ours(doc, 'event-typo').length, 1, 'only the typo');
      assert.equal(doc.getText(d.range).slice(1, -1), typo);
      assert.ok(d.message.includes(real), d.message);
      await applyFix(doc, d, /^Change to/);
      assert.equal(doc.getText().split(real).length - 1, 2, 'the typo replaced by the event');
      await waitFor(() => ours(doc, 'event-typo').length === 0, 20_000, 'no typo left');
    });
  }

  it('replaces a phx_ key in init by the project API key', async () => {
    const doc = await openFile('js', `posthog.init('phx_notarealkey', { api_host: 'https://us.i.posthog.com' })\n`);
    const d = await waitFor(() => ours(doc, 'personal-key-in-init')[0], 20_000, 'the phx_ diagnostic');
    await applyFix(doc, d, /project API key/);
    assert.ok(doc.getText().includes(`'${project().apiToken}'`), doc.getText());
    await waitFor(() => ours(doc, 'personal-key-in-init').length === 0, 20_000, 'no phx_ diagnostic left');
  });

  it('asks for ui_host when posthog-js sends to a host that is not PostHog, and adds it', async () => {
    const text = [
      `posthog.init('phc_a', { api_host: 'https://e.example.com' })`,
      `posthog.init('phc_b', { api_host: 'https://e.example.com', ui_host: 'https://eu.posthog.com' })`,
      `posthog.init('phc_c', { api_host: 'https://eu.i.posthog.com' })`,
      '',
    ].join('\n');
    const doc = await openFile('ts', text);
    const d = await waitFor(() => ours(doc, 'host-without-ui-host')[0], 20_000, 'the ui_host diagnostic');
    assert.equal(ours(doc, 'host-without-ui-host').length, 1);
    assert.equal(d.range.start.line, 0);
    assert.equal(doc.getText(d.range), "'https://e.example.com'");
    await applyFix(doc, d, /ui_host: 'https:\/\/us\.posthog\.com'/);
    assert.equal(doc.lineAt(0).text, `posthog.init('phc_a', { api_host: 'https://e.example.com', ui_host: 'https://us.posthog.com' })`);
    await waitFor(() => ours(doc, 'host-without-ui-host').length === 0, 20_000, 'no ui_host diagnostic left');
  });
});
