// PostHog code intelligence (issue #19) in the real host against the emulator's flags and events:
// completion of flag keys and event names, hover, inline status, diagnostics and the Run CodeLens,
// in TypeScript, Python, Go and Ruby files of the workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { emulatorList, openFile } from './codeIntelSupport';
import { signInToEmulator, signOutAll } from './support';

interface Flag { key: string; active: boolean; deleted?: boolean }

/** A hover's text as the user reads it (appendText escapes spaces as &nbsp; and punctuation with \\). */
const hoverText = (hs: vscode.Hover[]) =>
  hs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
const labels = (list: vscode.CompletionList) => list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
const completeAt = (doc: vscode.TextDocument, offset: number) =>
  vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(offset), "'");
const ours = (doc: vscode.TextDocument, code?: string) => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'PostHog' && (!code || d.code === code));

describe('codeIntel: PostHog in your code', function () {
  this.timeout(90_000);
  let flags: Flag[];
  let known: Flag;
  let events: string[];

  before(async () => {
    await signOutAll();
    await signInToEmulator();
    flags = (await emulatorList<Flag>('feature_flags/')).filter((f) => !f.deleted);
    events = [...new Set((await emulatorList<{ name: string }>('event_definitions/')).map((e) => e.name))];
    known = flags.find((f) => f.active)!;
    assert.ok(known && events.length > 0, 'the emulator has an active flag and events');
  });

  it('completes flag keys inside isFeatureEnabled(\' and event names inside capture(\' in TypeScript', async () => {
    const text = `import posthog from 'posthog-js'\nposthog.isFeatureEnabled('')\nposthog.capture('')\n`;
    const doc = await openFile('ts', text);
    const flagList = await completeAt(doc, text.indexOf("('") + 2);
    assert.deepEqual(labels(flagList).filter((l) => flags.some((f) => f.key === l)).sort(), flags.map((f) => f.key).sort());
    const eventList = await completeAt(doc, text.lastIndexOf("('") + 2);
    const got = new Set(labels(eventList));
    for (const e of events) assert.ok(got.has(e), `event ${e} offered`);
    // not inside a call of ours: nothing of ours
    const outside = await completeAt(doc, 3);
    assert.ok(!labels(outside).includes(known.key));
  });

  it('hovers a flag key with its status, and says when a key is not in PostHog', async () => {
    const text = `posthog.getFeatureFlag('${known.key}')\nposthog.getFeatureFlag('no-such-flag-${process.pid}')\n`;
    const doc = await openFile('ts', text);
    const hover = async (at: number) => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at));
      return hoverText(hs);
    };
    const first = await hover(text.indexOf(known.key) + 1);
    assert.match(first, /PostHog feature flag/);
    assert.match(first, /Status: (enabled|rollout)/);
    assert.match(await hover(text.indexOf('no-such-flag') + 2), /Not in PostHog/);
  });

  it('shows the inline status after flag calls, and none with hogql.codeIntel.inlineStatus off', async () => {
    const missing = `missing-flag-${process.pid}`;
    const text = `if (posthog.isFeatureEnabled('${known.key}')) {}\nconst x = useFeatureFlagEnabled("${missing}")\n`;
    const doc = await openFile('tsx', text);
    const shown = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<{ line: number; text: string }[]>('hogql.codeIntel.inlineStatusOf', doc.uri.toString());
      return s.length === 2 ? s : undefined;
    }, 20_000, 'two inline statuses');
    assert.equal(shown[0]!.line, 0);
    assert.match(shown[0]!.text, new RegExp(`^${known.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (enabled|rollout)`));
    assert.deepEqual(shown[1], { line: 1, text: `${missing}: not in PostHog` });
    const cfg = vscode.workspace.getConfiguration('hogql');
    await cfg.update('codeIntel.inlineStatus', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(async () => (await vscode.commands.executeCommand<unknown[]>('hogql.codeIntel.inlineStatusOf', doc.uri.toString())).length === 0, 20_000, 'no inline status');
    } finally {
      await cfg.update('codeIntel.inlineStatus', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('flags an unknown key (Information) and a phx_ token in init (Warning), not known keys', async () => {
    const text = `posthog.isFeatureEnabled('${known.key}')\nposthog.isFeatureEnabled('nope-${process.pid}')\nposthog.init('phx_notarealkey', { api_host: 'https://us.i.posthog.com' })\n`;
    const doc = await openFile('js', text);
    const unknown = await waitFor(() => ours(doc, 'unknown-flag')[0], 20_000, 'the unknown-flag diagnostic');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(unknown.range.start.line, 1);
    assert.equal(ours(doc, 'unknown-flag').length, 1);
    const key = await waitFor(() => ours(doc, 'personal-key-in-init')[0], 20_000, 'the phx_ diagnostic');
    assert.equal(key.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(doc.getText(key.range), "'phx_notarealkey'");
  });

  const others: [string, string, (key: string) => string][] = [
    ['py', 'python', (k) => `import posthog\nif posthog.feature_enabled('${k}', 'u1'):\n    pass\n`],
    ['go', 'go', (k) => `package main\n// posthog-go\nfunc f() { client.IsFeatureEnabled(posthog.FeatureFlagPayload{Key: "${k}", DistinctId: "u1"}) }\n`],
    ['rb', 'ruby', (k) => `require 'posthog'\nposthog.is_feature_enabled('${k}', 'u1')\n`],
    ['go', 'go', (k) => `package main\n// posthog-go\nvar payload = posthog.FeatureFlagPayload{Key: "${k}", DistinctId: "u1"}\n`],
    ['rb', 'ruby', (k) => `require 'posthog'\nif posthog.is_feature_enabled '${k}', 'u1'\nend\n`],
  ];
  for (const [ext, language, source] of others) {
    it(`completes, hovers, checks and shows the inline status of flag keys in ${language} (${source('k').split('\n').find((l) => /['"]k['"]/.test(l))!.trim().slice(0, 40)})`, async () => {
      const missing = `absent-${language}-${process.pid}`;
      const doc = await openFile(ext, source(missing));
      assert.equal(doc.languageId, language);
      const at = doc.getText().indexOf(missing);
      const list = await completeAt(doc, at);
      assert.ok(labels(list).includes(known.key), `${known.key} offered in ${language}`);
      const d = await waitFor(() => ours(doc, 'unknown-flag')[0], 20_000, `the unknown-flag diagnostic in ${language}`);
      assert.equal(doc.getText(d.range).slice(1, -1), missing);
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 1));
      assert.match(hoverText(hs), /Not in PostHog/);
      const shown = await waitFor(async () => {
        const st = await vscode.commands.executeCommand<{ line: number; text: string }[]>('hogql.codeIntel.inlineStatusOf', doc.uri.toString());
        return st.length ? st : undefined;
      }, 20_000, `the inline status in ${language}`);
      assert.deepEqual(shown, [{ line: doc.positionAt(at).line, text: `${missing}: not in PostHog` }]);
    });
  }

  it('puts a Run CodeLens above a hogql tagged template and runs it into the results panel', async () => {
    const text = 'import { hogql } from "./q"\nconst q = hogql`SELECT 1 AS one`\nconst d = hogql`SELECT ${x}`\n';
    const doc = await openFile('ts', text);
    const lenses = await waitFor(async () => {
      const ls = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      const run = ls.filter((l) => l.command?.command === 'hogql.runQuery');
      return run.length ? run : undefined;
    }, 20_000, 'a Run CodeLens');
    assert.equal(lenses.length, 1, 'only the template without substitutions');
    assert.equal(lenses[0]!.range.start.line, 1);
    const outcome = await vscode.commands.executeCommand<{ kind: string; payload?: { rows: unknown[][] } }>('hogql.runQuery', ...(lenses[0]!.command!.arguments ?? []));
    assert.equal(outcome?.kind, 'done');
    assert.deepEqual(outcome?.payload?.rows, [[1]]);
  });

  it('puts a Run CodeLens above a `# hogql` string in Python and runs it', async () => {
    const doc = await openFile('py', "import posthog\n# hogql\nq = '''SELECT 2 AS two'''\n");
    const lens = await waitFor(async () => {
      const ls = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return ls.find((l) => l.command?.command === 'hogql.runQuery');
    }, 20_000, 'a Run CodeLens in Python');
    assert.equal(lens.range.start.line, 2);
    const outcome = await vscode.commands.executeCommand<{ kind: string; payload?: { rows: unknown[][] } }>('hogql.runQuery', ...(lens.command!.arguments ?? []));
    assert.equal(outcome?.kind, 'done');
    assert.deepEqual(outcome?.payload?.rows, [[2]]);
  });

  const personalKeyInits: [string, string][] = [
    ['py', "from posthog import Posthog\nclient = Posthog('phx_notarealkey', host='https://us.i.posthog.com')\n"],
    ['go', 'package main\n// posthog-go\nfunc f() { client, _ := posthog.NewWithConfig("phx_notarealkey", posthog.Config{Endpoint: "https://eu.i.posthog.com"}) }\n'],
    ['rb', "require 'posthog'\nposthog = PostHog::Client.new(api_key: 'phx_notarealkey', host: 'https://eu.i.posthog.com')\n"],
  ];
  for (const [ext, text] of personalKeyInits) {
    it(`warns about a phx_ key given to the SDK's init (${ext})`, async () => {
      const doc = await openFile(ext, text);
      const d = await waitFor(() => ours(doc, 'personal-key-in-init')[0], 20_000, `the phx_ diagnostic (${ext})`);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(doc.getText(d.range).slice(1, -1), 'phx_notarealkey');
    });
  }
});
