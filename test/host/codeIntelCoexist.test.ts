// Coexistence with the official PostHog extension (issue #19): said once, and with
// hogql.codeIntel.leaveOverlapToOfficial the features both have are left to it, ours stay.
// The official extension cannot be installed here (no marketplace): a test-only command makes the
// extension behave as if it were.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { signInToEmulator, signOutAll, testHooks } from './support';
import { emulatorList, openFile, ours } from './codeIntelSupport';

const LEAVE = 'Leave Them to PostHog’s Extension';
const labels = (list: vscode.CompletionList) => list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));

describe('codeIntel: coexistence with the official PostHog extension', function () {
  this.timeout(90_000);

  before(async () => {
    await signOutAll();
    await signInToEmulator();
  });

  after(async () => {
    await vscode.commands.executeCommand('hogql.codeIntel.pretendOfficial', false);
    await vscode.workspace.getConfiguration('hogql').update('codeIntel.leaveOverlapToOfficial', undefined, vscode.ConfigurationTarget.Global);
  });

  it('says once that it is installed; "Leave" turns off the overlapping features only', async () => {
    const flag = (await emulatorList<{ key: string; deleted?: boolean; active: boolean }>('feature_flags/')).find((f) => !f.deleted && f.active)!;
    const missing = `coexist-missing-${process.pid}`;
    const text = `posthog.isFeatureEnabled('${flag.key}')\nposthog.isFeatureEnabled('${missing}')\nposthog.init('phx_notarealkey', { api_host: 'https://us.i.posthog.com' })\n`;
    const doc = await openFile('ts', text);
    await waitFor(() => ours(doc, 'unknown-flag').length === 1, 20_000, 'our unknown-flag warning first');
    const hooks = await testHooks();
    const before = hooks.shownMessages().length;
    hooks.queueMessageAnswers(LEAVE);
    await vscode.commands.executeCommand('hogql.codeIntel.pretendOfficial', true);
    const notices = hooks.shownMessages().slice(before).filter((m) => /official PostHog extension is installed/.test(m.message));
    assert.equal(notices.length, 1);
    assert.deepEqual(notices[0]!.actions, [LEAVE, 'Keep Both']);
    assert.equal(vscode.workspace.getConfiguration('hogql').get('codeIntel.leaveOverlapToOfficial'), true);
    await waitFor(() => ours(doc, 'unknown-flag').length === 0, 20_000, 'no unknown-flag warning of ours');
    assert.equal(ours(doc, 'personal-key-in-init').length, 1, 'the init check stays');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(text.indexOf(flag.key)), "'");
    assert.ok(!labels(list).includes(flag.key) || !list.items.some((i) => i.kind === vscode.CompletionItemKind.Constant), 'no flag keys of ours');
    const statuses = await vscode.commands.executeCommand<unknown[]>('hogql.codeIntel.inlineStatusOf', doc.uri.toString());
    assert.deepEqual(statuses, []);
    // said once: asking again shows nothing
    const count = hooks.shownMessages().length;
    await vscode.commands.executeCommand('hogql.codeIntel.pretendOfficial', true);
    assert.equal(hooks.shownMessages().length, count);
    // without the official extension, the setting changes nothing
    await vscode.commands.executeCommand('hogql.codeIntel.pretendOfficial', false);
    await waitFor(() => ours(doc, 'unknown-flag').length === 1, 20_000, 'our unknown-flag warning back');
  });
});
