// Issue #13 end to end in the real VS Code host, against a hostile imitation of PostHog
// (test/support/hostile.mjs, not the emulator): what the Insights and Feature Flags trees render.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HOSTILE_KEY, HOSTILE_PROJECT, INSIGHT_COUNT, startHostile } from '../support/hostile.mjs';
import { signOutAll } from './support';
import { children, childrenWhen, plain, viewState } from './viewsSupport';

describe('views: a hostile server (issue #13)', function () {
  this.timeout(60_000);
  let server: { url: string; close(): Promise<void> };

  before(async () => {
    await signOutAll();
    server = await startHostile();
    await vscode.commands.executeCommand('hogql.signIn', { host: server.url, key: HOSTILE_KEY, projectId: HOSTILE_PROJECT });
  });
  after(async () => {
    await signOutAll();
    await server?.close();
  });

  it('insights whose name is a number or an object fall back (derived_name, then "Untitled insight …"), not an empty tree', async () => {
    const c = await children('insights');
    const rows = c.items.filter((i) => i.contextValue.startsWith('insight'));
    assert.equal(rows.length, 50, JSON.stringify(c.items.slice(0, 3)));
    assert.equal(rows[0]!.label, 'Untitled insight s00001');
    assert.equal(rows[1]!.label, 'Derived pageviews');
  });

  it('a name with U+202E shows a visible [U+202E], never the raw override', async () => {
    const row = (await children('insights')).items.find((i) => i.id.endsWith(':3'))!;
    assert.equal(row.label, 'invoice[U+202E]txt.exe');
    assert.ok(!/[\u202a-\u202e\u2066-\u2069]/.test(row.label + row.tooltip));
  });

  it('ids repeated across pages are shown once; the header stays "N of M" with N ≤ M', async () => {
    const first = await children('insights');
    await vscode.commands.executeCommand('hogql.views.loadMore', first.nodes.at(-1));
    const c = await childrenWhen('insights', (x) => x.items.length > 51, 'the second page');
    const ids = c.items.filter((i) => i.contextValue.startsWith('insight')).map((i) => i.id);
    assert.equal(new Set(ids).size, ids.length, 'no repeated id');
    assert.equal(ids.length, INSIGHT_COUNT);
    assert.match((await viewState('insights')).description, new RegExp(`^${INSIGHT_COUNT} of ${INSIGHT_COUNT}$`));
  });

  it('a flag whose name (description) is an object shows compact JSON, not "[object Object]"', async () => {
    const [flag] = (await children('flags')).items;
    assert.ok(flag, 'the flag is listed');
    assert.equal(flag.label, 'beta');
    assert.match(flag.description, /\{"note":"hi"\}/);
    assert.ok(!`${flag.description} ${plain(flag.tooltip)}`.includes('[object Object]'));
  });
});
