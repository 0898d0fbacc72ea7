// PostHog code intelligence, issue #19 (second part), in the real host against the emulator:
// Ctrl/Cmd+click on a flag key reveals the flag in the sidebar; "Find References" of a flag lists
// its uses in the workspace in the References view; the 7-day volume CodeLens above capture calls.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { emulator, signInToEmulator, signOutAll } from './support';
import { children, hogql, nodeOf } from './viewsSupport';
import { emulatorEvents, emulatorList, openFile, writeFile } from './codeIntelSupport';

interface Flag { id: number; key: string; active: boolean; deleted?: boolean }
interface Found { uri: string; line: number }

describe('codeIntel: navigation and volume', function () {
  this.timeout(90_000);
  let flag: Flag;
  const project = () => emulator().projects[0]!;

  before(async () => {
    await signOutAll();
    await signInToEmulator();
    flag = (await emulatorList<Flag>('feature_flags/')).find((f) => !f.deleted && f.active)!;
    assert.ok(flag);
  });

  after(async () => {
    await vscode.commands.executeCommand('hogql.flags.clearFilter');
  });

  const linkLines: [string, (k: string) => string][] = [
    ['ts', (k) => `posthog.getFeatureFlag('${k}')`],
    ['py', (k) => `posthog.get_feature_flag('${k}', 'u1')`],
    ['go', (k) => `var p = posthog.FeatureFlagPayload{Key: "${k}", DistinctId: "u1"}`],
    ['rb', (k) => `posthog.get_feature_flag '${k}', 'u1'`],
  ];
  for (const [ext, line] of linkLines) {
    it(`links a flag key to its node in the sidebar (${ext})`, async () => {
      const doc = await openFile(ext, `import posthog\n${line(flag.key)}\n`);
      const links = await waitFor(async () => {
        const ls = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
        return ls.length ? ls : undefined;
      }, 20_000, 'a document link');
      assert.equal(links.length, 1);
      assert.equal(doc.getText(links[0]!.range), flag.key);
      const target = links[0]!.target!;
      assert.equal(target.scheme, 'command');
      assert.equal(target.path, 'hogql.flags.reveal');
      const args = JSON.parse(decodeURIComponent(target.query)) as unknown[];
      assert.equal(await vscode.commands.executeCommand(target.path, ...args), true);
      // the tree reports its new selection a moment after the reveal resolved
      const sidebar = () => vscode.commands.executeCommand<{ filter: string; selection: string[] }>('hogql.test.sidebar', { op: 'view', view: 'flags' });
      const state = await waitFor(async () => {
        const s = await sidebar();
        return s.selection.length ? s : undefined;
      }, 10_000, 'the flag selected in the sidebar').catch(async () => sidebar());
      assert.equal(state.filter, flag.key);
      assert.deepEqual(state.selection, [`flag:${project().id}:${flag.id}`]);
    });
  }

  it('finds every use of a flag in the workspace and shows them in the References view', async () => {
    const key = `ref-flag-${process.pid}`;
    const ts = await writeFile(`refs-${process.pid}/a.ts`, `// posthog\nif (posthog.isFeatureEnabled('${key}')) {}\nconst v = useFeatureFlagVariantKey("${key}")\nconst other = '${key}'\n`);
    const py = await writeFile(`refs-${process.pid}/deep/b.py`, `import posthog\n\nposthog.feature_enabled('${key}', 'u')\nposthog.feature_enabled('${key}-not', 'u')\n`);
    await writeFile(`refs-${process.pid}/c.md`, `posthog.isFeatureEnabled('${key}')\n`);
    // a posthog-go payload built apart from its call, a Ruby call without parentheses, a reversed comparison
    await writeFile(`refs-${process.pid}/d.go`, `package main\n\nvar p = posthog.FeatureFlagPayload{Key: "${key}", DistinctId: "u"}\n`);
    await writeFile(`refs-${process.pid}/e.rb`, `require 'posthog'\nif posthog.is_feature_enabled '${key}', 'u'\nend\n`);
    await writeFile(`refs-${process.pid}/f.tsx`, `// posthog\nconst on = 'test' === useFeatureFlagVariantKey('${key}')\n`);
    const found = await vscode.commands.executeCommand<Found[]>('hogql.flags.findReferences', { key });
    const rel = (f: Found) => `${vscode.Uri.parse(f.uri).path.split(`refs-${process.pid}/`)[1]}:${f.line}`;
    assert.deepEqual(found.map(rel).sort(), ['a.ts:1', 'a.ts:2', 'd.go:2', 'deep/b.py:2', 'e.rb:1', 'f.tsx:1']);
    assert.ok(found.some((f) => f.uri === ts.toString()) && found.some((f) => f.uri === py.toString()));
    const refs = vscode.extensions.getExtension<{ getInput(): { title: string } | undefined }>('vscode.references-view');
    assert.ok(refs, 'the References view extension is built in');
    const input = await waitFor(() => refs.exports?.getInput(), 10_000, 'the References view input');
    assert.match(input.title, new RegExp(key));
  });

  it('finds references from the sidebar node of a flag', async () => {
    await vscode.commands.executeCommand('hogql.flags.clearFilter');
    const id = `flag:${project().id}:${flag.id}`;
    const c = await waitFor(async () => {
      const r = await children('flags');
      return r.items.some((i) => i.id === id) ? r : undefined;
    }, 20_000, 'the flag listed');
    const file = await writeFile(`node-refs-${process.pid}.rb`, `require 'posthog'\nposthog.is_feature_enabled('${flag.key}', 'u')\n`);
    const found = await vscode.commands.executeCommand<Found[]>('hogql.flags.findReferences', nodeOf(c, id));
    assert.ok(found.some((f) => f.uri === file.toString() && f.line === 1), JSON.stringify(found));
  });

  it('puts the 7-day count above capture calls from one query, and opens that HogQL', async () => {
    const events = await emulatorEvents();
    const [a, b] = [events[0]!, events[1]!];
    const doc = await openFile('ts', `posthog.capture('${a}')\nposthog.capture('${b}', { x: 1 })\nposthog.capture('${a}')\n`);
    const lenses = await waitFor(async () => {
      const ls = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      const counts = ls.filter((l) => /in 7 days/.test(l.command?.title ?? ''));
      return counts.length === 3 ? counts : undefined;
    }, 30_000, 'three volume CodeLenses');
    const expected = async (e: string) =>
      Number((await hogql(project().id, `SELECT count() FROM events WHERE event = '${e}' AND timestamp > now() - INTERVAL 7 DAY`))[0]![0]);
    const titleOf = (line: number) => lenses.find((l) => l.range.start.line === line)!.command!.title;
    for (const [line, e] of [[0, a], [1, b], [2, a]] as const) {
      const n = await expected(e);
      assert.match(titleOf(line), new RegExp(`\\b${n.toLocaleString('en-US').replace(/,/g, ',?')} events? in 7 days`), `line ${line}: ${titleOf(line)}`);
    }
    const open = lenses[0]!.command!;
    assert.equal(open.command, 'hogql.codeIntel.openEventQuery');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(open.command, ...(open.arguments ?? []));
    assert.equal(editor.document.languageId, 'hogql');
    assert.match(editor.document.getText(), new RegExp(`event = '${a.replace(/[$]/g, '\\$')}'`));
    const counts = await vscode.commands.executeCommand<number>('hogql.codeIntel.volumeQueries', doc.uri.toString());
    assert.equal(counts, 1, 'one query for the file');
  });

  const captures: [string, (e: string) => string][] = [
    ['py', (e) => `import posthog\nposthog.capture('user-1', '${e}')\n`],
    ['go', (e) => `package main\n// posthog-go\nfunc f() { client.Enqueue(posthog.Capture{DistinctId: "u", Event: "${e}"}) }\n`],
    ['rb', (e) => `require 'posthog'\nposthog.capture(distinct_id: 'u', event: '${e}')\n`],
  ];
  for (const [ext, source] of captures) {
    it(`puts the 7-day count above capture calls (${ext})`, async () => {
      const e = (await emulatorEvents())[0]!;
      const doc = await openFile(ext, source(e));
      const lens = await waitFor(async () => {
        const ls = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
        return ls.find((l) => /in 7 days/.test(l.command?.title ?? ''));
      }, 30_000, `a volume CodeLens in ${ext}`);
      const n = Number((await hogql(project().id, `SELECT count() FROM events WHERE event = '${e}' AND timestamp > now() - INTERVAL 7 DAY`))[0]![0]);
      assert.equal(lens.range.start.line, doc.getText().split('\n').findIndex((l) => l.includes(e)));
      assert.match(lens.command!.title, new RegExp(`\\b${n.toLocaleString('en-US').replace(/,/g, ',?')} events? in 7 days`));
    });
  }
});
