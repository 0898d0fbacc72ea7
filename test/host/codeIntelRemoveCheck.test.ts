// "Remove the check" (issue #19) in the real host against the emulator's flags: on the check of a
// fully rolled-out flag the refactoring keeps the enabled branch, on an inactive one the disabled
// branch, in TypeScript, Python, Go and Ruby; the edit needs confirmation, so it waits in VS Code's
// refactor preview (unticked: the user ticks it, then applies).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { signInToEmulator, signOutAll } from './support';
import { emulatorList, openFile } from './codeIntelSupport';

interface Flag { key: string; active: boolean; deleted?: boolean; updated_at: string; filters: { groups: { properties?: unknown[]; rollout_percentage?: number | null }[]; multivariate?: { variants: unknown[] } | null } }

const rolledOut = (f: Flag) =>
  f.active && !f.filters.multivariate?.variants?.length && f.filters.groups.length > 0 &&
  f.filters.groups.every((g) => !g.properties?.length) && f.filters.groups.some((g) => (g.rollout_percentage ?? 100) === 100);

/**
 * The "Remove the check" refactorings at `offset`, once the project's flags are loaded: as VS Code
 * asks for them, and as the provider made them (a test hook: the edit's needsConfirmation survives).
 */
async function removals(doc: vscode.TextDocument, offset: number): Promise<vscode.CodeAction[]> {
  const at = doc.positionAt(offset);
  const listed = await waitFor(async () => {
    let list: vscode.CodeAction[];
    try {
      list = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at), vscode.CodeActionKind.RefactorRewrite.value);
    } catch (e) {
      if ((e as Error).message === 'Canceled') return undefined;
      throw e;
    }
    const ours = list.filter((a) => a.title.startsWith('Remove the check'));
    return ours.length ? ours : undefined;
  }, 20_000, 'a "Remove the check" refactoring');
  const made = (await vscode.commands.executeCommand<vscode.CodeAction[]>('hogql.codeIntel.codeActionsAt', doc.uri.toString(), offset)).filter((a) => a.title.startsWith('Remove the check'));
  assert.deepEqual(made.map((a) => a.title), listed.map((a) => a.title));
  return made;
}

/**
 * Applies `edit` and answers the refactor preview with `command` (asked again until the preview has
 * it). An edit that needs confirmation shows there unticked: applied without a tick, nothing changes.
 */
async function throughPreview(edit: vscode.WorkspaceEdit, command: 'refactorPreview.apply' | 'refactorPreview.discard'): Promise<boolean> {
  let result: boolean | undefined;
  void vscode.workspace.applyEdit(edit).then((r) => (result = r));
  return waitFor(async () => {
    if (result !== undefined) return { result };
    await vscode.commands.executeCommand(command);
    return result === undefined ? undefined : { result };
  }, 10_000, `the refactor preview to take ${command}`).then((r) => r.result);
}

/** The same edits without their metadata: what applies once the user has ticked them in the preview. */
function withoutMetadata(edit: vscode.WorkspaceEdit): vscode.WorkspaceEdit {
  const plain = new vscode.WorkspaceEdit();
  for (const [uri, edits] of edit.entries()) plain.set(uri, edits);
  return plain;
}

/** The titles of the "Remove the check" refactorings VS Code lists at `offset` (now, no waiting). */
async function removeTitlesAt(doc: vscode.TextDocument, offset: number): Promise<string[]> {
  const at = doc.positionAt(offset);
  const list = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at), vscode.CodeActionKind.RefactorRewrite.value);
  return list.filter((a) => a.title.startsWith('Remove the check')).map((a) => a.title);
}

describe('codeIntel: remove the check of a stale flag', function () {
  this.timeout(90_000);
  let done: Flag;
  let off: Flag;

  before(async () => {
    await signOutAll();
    await signInToEmulator();
    const flags = (await emulatorList<Flag>('feature_flags/')).filter((f) => !f.deleted);
    done = flags.find(rolledOut)!;
    // inactive and unchanged for more than hogql.codeIntel.staleInactiveDays (30 by default)
    off = flags.find((f) => !f.active && Date.now() - Date.parse(f.updated_at) > 31 * 86_400_000)!;
    assert.ok(done && off, 'the emulator has a rolled-out and an inactive flag');
  });

  it('keeps the enabled branch of a rolled-out flag (TypeScript)', async () => {
    const text = `import posthog from 'posthog-js'\nfunction f() {\n  if (posthog.isFeatureEnabled('${done.key}')) {\n    a();\n  } else {\n    b();\n  }\n}\n`;
    const doc = await openFile('ts', text);
    const [action, ...more] = await removals(doc, text.indexOf('isFeatureEnabled') + 2);
    assert.equal(more.length, 0);
    assert.equal(action!.title, `Remove the check of “${done.key}” (fully rolled out): keep the enabled branch`);
    // the user ticks the edit in the refactor preview (it needs confirmation, see the next test) and
    // applies it: here the same edit without its metadata is applied
    const plain = new vscode.WorkspaceEdit();
    for (const [uri, edits] of action!.edit!.entries()) plain.set(uri, edits);
    assert.equal(await vscode.workspace.applyEdit(plain), true);
    assert.equal(doc.getText(), `import posthog from 'posthog-js'\nfunction f() {\n  a();\n}\n`);
  });

  it('keeps the disabled branch of an inactive flag (Python conditional and if)', async () => {
    const text = `import posthog\nlabel = 'new' if posthog.feature_enabled('${off.key}', uid) else 'old'\nif not posthog.feature_enabled('${off.key}', uid):\n    legacy()\n`;
    const doc = await openFile('py', text);
    const [first] = await removals(doc, text.indexOf('feature_enabled') + 2);
    assert.equal(first!.title, `Remove the check of “${off.key}” (inactive): keep the disabled branch`);
    const [[uri, edits]] = first!.edit!.entries();
    assert.equal(uri!.toString(), doc.uri.toString());
    assert.deepEqual(edits!.map((e) => [doc.getText(e.range), e.newText]), [[`'new' if posthog.feature_enabled('${off.key}', uid) else 'old'`, `'old'`]]);
    const [second] = await removals(doc, text.lastIndexOf('feature_enabled') + 2);
    const [[, edits2]] = second!.edit!.entries();
    assert.deepEqual(edits2!.map((e) => e.newText), ['legacy()']);
  });

  it('keeps the enabled branch in Go, through the refactor preview; a bound SDK result is not offered', async () => {
    const payload = `posthog.FeatureFlagPayload{Key: "${done.key}", DistinctId: id}`;
    const bound = `\ton, err := client.IsFeatureEnabled(${payload})\n`;
    const text = `package main\n\nimport "github.com/posthog/posthog-go"\n\nfunc f(client Flags, id string) {\n\tif client.IsFeatureEnabled(${payload}) {\n\t\ta()\n\t} else {\n\t\tb()\n\t}\n${bound}}\n`;
    const doc = await openFile('go', text);
    assert.equal(doc.languageId, 'go');
    const [action, ...more] = await removals(doc, text.indexOf('IsFeatureEnabled') + 2);
    assert.equal(more.length, 0);
    assert.equal(action!.title, `Remove the check of “${done.key}” (fully rolled out): keep the enabled branch`);
    assert.equal(await throughPreview(action!.edit!, 'refactorPreview.discard'), false);
    assert.equal(doc.getText(), text);
    assert.equal(await vscode.workspace.applyEdit(withoutMetadata(action!.edit!)), true);
    assert.equal(doc.getText(), `package main\n\nimport "github.com/posthog/posthog-go"\n\nfunc f(client Flags, id string) {\n\ta()\n${bound}}\n`);
    // `on, err := …` (posthog-go returns (interface{}, error)) is refused: nothing offered on it
    assert.deepEqual(await removeTitlesAt(doc, doc.getText().indexOf('IsFeatureEnabled') + 2), []);
  });

  it('keeps the disabled branch in Ruby: unless/else, modifier and ternary', async () => {
    const text = `require 'posthog'\nunless posthog.is_feature_enabled('${off.key}', uid)\n  legacy\nelse\n  modern\nend\nnotify(uid) if posthog.is_feature_enabled '${off.key}', uid\nlabel = posthog.is_feature_enabled('${off.key}', uid) ? 'new' : 'old'\n`;
    const doc = await openFile('rb', text);
    assert.equal(doc.languageId, 'ruby');
    const [first] = await removals(doc, text.indexOf('is_feature_enabled') + 2);
    assert.equal(first!.title, `Remove the check of “${off.key}” (inactive): keep the disabled branch`);
    assert.equal(await throughPreview(first!.edit!, 'refactorPreview.discard'), false);
    assert.equal(doc.getText(), text);
    assert.equal(await vscode.workspace.applyEdit(withoutMetadata(first!.edit!)), true);
    const [modifier] = await removals(doc, doc.getText().indexOf('is_feature_enabled') + 2);
    assert.equal(await vscode.workspace.applyEdit(withoutMetadata(modifier!.edit!)), true);
    const [ternary] = await removals(doc, doc.getText().indexOf('is_feature_enabled') + 2);
    assert.equal(await vscode.workspace.applyEdit(withoutMetadata(ternary!.edit!)), true);
    assert.equal(doc.getText(), `require 'posthog'\nlegacy\nlabel = 'old'\n`);
  });

  it('waits in the refactor preview: discarded, or applied without the tick, it changes nothing', async () => {
    const text = `if (posthog.isFeatureEnabled('${done.key}')) {\n  a();\n}\n`;
    const doc = await openFile('ts', text);
    const [action] = await removals(doc, text.indexOf('isFeatureEnabled') + 2);
    // without needsConfirmation, applyEdit would apply at once and answer true
    assert.equal(await throughPreview(action!.edit!, 'refactorPreview.discard'), false);
    assert.equal(doc.getText(), text);
    assert.equal(await throughPreview(action!.edit!, 'refactorPreview.apply'), false);
    assert.equal(doc.getText(), text);
  });

  it('offers nothing on a flag that is still rolling out', async () => {
    const flags = (await emulatorList<Flag>('feature_flags/')).filter((f) => !f.deleted && f.active && !rolledOut(f));
    const text = `if (posthog.isFeatureEnabled('${flags[0]!.key}')) {\n  a();\n}\nif (posthog.isFeatureEnabled('${done.key}')) {\n  b();\n}\n`;
    const doc = await openFile('ts', text);
    // once the rolled-out one is offered the flags are loaded, then the live one must have none
    await removals(doc, text.lastIndexOf('isFeatureEnabled') + 2);
    const at = doc.positionAt(text.indexOf('isFeatureEnabled') + 2);
    const list = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at), vscode.CodeActionKind.RefactorRewrite.value);
    assert.deepEqual(list.filter((a) => a.title.startsWith('Remove the check')).map((a) => a.title), []);
  });
});
