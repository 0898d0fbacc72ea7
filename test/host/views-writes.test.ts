// Sidebar writes against the emulator: each asks in a modal (answered through the test seam),
// confirm → the change is in the emulator (read back over HTTP), cancel → no write request;
// read-only mode refuses; a key without the write scope gets the scope named; capture sends
// an event with the project key that is then queryable with HogQL.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emulator, signInToEmulator, signOutAll } from './support';
import { answer, api, asked, children, childrenWhen, clearRequests, hogql, nodeOf, requests, setSetting, writes } from './viewsSupport';
import { waitFor } from '../support/waitFor';

interface Flag {
  id: number;
  key: string;
  active: boolean;
  deleted: boolean;
  filters: { groups: { rollout_percentage: number | null }[] };
}

describe('views: writes behind confirmations', function () {
  this.timeout(90_000);
  const pid = () => emulator().projects[0]!.id;
  const pname = () => emulator().projects[0]!.name;
  const flagByKey = async (key: string): Promise<Flag | undefined> => ((await api(`/api/projects/${pid()}/feature_flags/?search=${encodeURIComponent(key)}`)).results as Flag[]).find((f) => f.key === key);
  const KEY = `vscode-host-${Date.now()}`;

  before(async () => {
    await signOutAll();
    await signInToEmulator(pid());
    await asked();
  });
  after(async () => {
    await setSetting('readOnly', undefined);
    await signOutAll();
  });

  it('disables a flag from its row after the modal, and the row turns inactive', async () => {
    const before = await flagByKey('checkout-v2');
    assert.equal(before?.active, true);
    await vscode.commands.executeCommand('hogql.flags.filter', { text: 'checkout-v2' });
    const c = await children('flags');
    const id = `flag:${pid()}:${before!.id}`;
    assert.equal(c.items.find((i) => i.id === id)?.contextValue, 'flag.active');
    await answer(true);
    assert.equal(await vscode.commands.executeCommand('hogql.flags.disable', nodeOf(c, id)), true);
    const [q] = await asked();
    assert.equal(q?.message, `Disable flag “checkout-v2” in project ${pname()}?`);
    assert.match(q!.detail, /stops being served/);
    assert.equal((await flagByKey('checkout-v2'))?.active, false);
    const row = (await childrenWhen('flags', (x) => x.items.find((i) => i.id === id)?.contextValue === 'flag.inactive', 'the row to turn inactive')).items.find((i) => i.id === id)!;
    assert.equal(row.icon, 'circle-slash');
    assert.match(row.description, /^off · /);
  });

  it('cancel writes nothing', async () => {
    const c = await children('flags');
    const node = c.nodes[c.items.findIndex((i) => i.label === 'checkout-v2')];
    await clearRequests();
    await answer(false);
    assert.equal(await vscode.commands.executeCommand('hogql.flags.enable', node), false);
    assert.match((await asked())[0]!.message, /^Enable flag “checkout-v2” in project /);
    assert.deepEqual(await writes(), []);
    assert.equal((await flagByKey('checkout-v2'))?.active, false);
    await answer(true);
    assert.equal(await vscode.commands.executeCommand('hogql.flags.enable', { key: 'checkout-v2' }), true);
    assert.equal((await flagByKey('checkout-v2'))?.active, true);
    await vscode.commands.executeCommand('hogql.flags.clearFilter');
  });

  it('creates a flag with key, name and rollout; an invalid key is refused before any request', async () => {
    await clearRequests();
    await assert.rejects(() => Promise.resolve(vscode.commands.executeCommand('hogql.flags.create', { key: 'bad key!', name: 'x', rollout: 10 })), /letters, numbers/);
    assert.deepEqual(await writes(), []);
    await answer(false);
    assert.equal(await vscode.commands.executeCommand('hogql.flags.create', { key: KEY, name: 'From the host test', rollout: 40 }), undefined);
    assert.deepEqual(await writes(), []);
    await answer(true);
    await vscode.commands.executeCommand('hogql.flags.create', { key: KEY, name: 'From the host test', rollout: 40 });
    assert.equal((await asked()).at(-1)!.message, `Create flag “${KEY}” in project ${pname()}?`);
    const f = await flagByKey(KEY);
    assert.ok(f, 'the flag exists in the emulator');
    assert.equal(f.active, true);
    assert.equal(f.filters.groups[0]!.rollout_percentage, 40);
    assert.deepEqual((await writes()).map((w) => `${w.method} ${w.path} ${w.status}`), [`POST /api/projects/${pid()}/feature_flags/ 201`]);
  });

  it('a duplicate flag key is refused before the description, rollout and confirmation', async () => {
    await clearRequests();
    const before = (await asked()).length;
    await assert.rejects(
      () => Promise.resolve(vscode.commands.executeCommand('hogql.flags.create', { key: 'dark-mode', name: 'dup', rollout: 10 })),
      (e: Error) => new RegExp(`already exists in project ${pname()}`).test(e.message),
    );
    assert.equal((await asked()).length, before, 'no confirmation was asked');
    assert.deepEqual(await writes(), []);
  });

  it('edits the rollout percentage', async () => {
    await answer(true);
    assert.equal(await vscode.commands.executeCommand('hogql.flags.editRollout', { key: KEY, rollout: '70%' }), true);
    assert.match((await asked()).at(-1)!.message, new RegExp(`^Set the rollout of flag “${KEY}” to 70% in project `));
    assert.equal((await flagByKey(KEY))?.filters.groups[0]!.rollout_percentage, 70);
  });

  it('deletes softly (PATCH deleted: true, never DELETE, which PostHog answers with 405)', async () => {
    const f = (await flagByKey(KEY))!;
    await clearRequests();
    await answer(true);
    assert.equal(await vscode.commands.executeCommand('hogql.flags.delete', { key: KEY }), true);
    assert.match((await asked()).at(-1)!.message, new RegExp(`^Delete flag “${KEY}”`));
    assert.deepEqual((await writes()).map((w) => `${w.method} ${w.path}`), [`PATCH /api/projects/${pid()}/feature_flags/${f.id}/`]);
    assert.equal(await flagByKey(KEY), undefined, 'gone from the list');
    assert.equal((await api(`/api/projects/${pid()}/feature_flags/${f.id}/`)).deleted, true);
  });

  it('copies the key and a posthog-js check', async () => {
    assert.equal(await vscode.commands.executeCommand('hogql.flags.copyKey', { key: 'dark-mode' }), 'dark-mode');
    // (The clipboard itself is not read back: in the headless browser reading it waits for a permission prompt.)
    const snippet = await vscode.commands.executeCommand<string>('hogql.flags.copySnippet', { key: 'dark-mode' });
    assert.match(snippet!, /posthog\.isFeatureEnabled\('dark-mode'\)/);
  });

  it('creates an annotation with date and scope', async () => {
    const content = `Deployed from the host test ${Date.now()}`;
    await answer(true);
    await vscode.commands.executeCommand('hogql.annotations.create', { content, date: '2024-05-01 12:30', scope: 'project' });
    const q = (await asked()).at(-1)!;
    assert.match(q.message, /^Create annotation “Deployed from the host test \d+” in project /);
    assert.equal(q.detail, `It marks 1 May 2024, 12:30 UTC on the graphs of project ${pname()}.`, 'the date for people, not ISO (#14)');
    const found = ((await api(`/api/projects/${pid()}/annotations/?search=${encodeURIComponent(content)}`)).results as { content: string; date_marker: string; scope: string }[])[0];
    assert.equal(found?.date_marker, '2024-05-01T12:30:00.000Z');
    assert.equal(found?.scope, 'project');
    const rows = await childrenWhen('annotations', (x) => x.items.some((i) => i.label === content), 'the new annotation in the view');
    assert.ok(rows.items.find((i) => i.label === content)!.description.startsWith('2024-05-01 12:30'));
  });

  it('read-only mode refuses every write without sending anything', async () => {
    await setSetting('readOnly', true);
    try {
      await clearRequests();
      const refused = /Read-only mode is on/;
      await assert.rejects(() => Promise.resolve(vscode.commands.executeCommand('hogql.flags.disable', { key: 'dark-mode' })), refused);
      await assert.rejects(() => Promise.resolve(vscode.commands.executeCommand('hogql.flags.create', { key: 'ro-flag', name: '', rollout: 1 })), refused);
      await assert.rejects(() => Promise.resolve(vscode.commands.executeCommand('hogql.annotations.create', { content: 'x', date: '2024-01-01', scope: 'project' })), refused);
      await assert.rejects(() => Promise.resolve(vscode.commands.executeCommand('hogql.captureEvent', { event: 'x', distinctId: 'y', properties: {} })), refused);
      assert.deepEqual(await writes(), []);
      assert.deepEqual(await asked(), [], 'not even asked');
    } finally {
      await setSetting('readOnly', undefined);
    }
  });

  it('a key without feature_flag:write gets the missing scope named', async () => {
    const ro = emulator().keys.find((k) => !k.scopes.includes('*') && k.scopes.includes('feature_flag:read'));
    assert.ok(ro, 'the emulator has a read-only key');
    await signInToEmulator(pid(), ro.key);
    try {
      await answer(true);
      await assert.rejects(
        () => Promise.resolve(vscode.commands.executeCommand('hogql.flags.disable', { key: 'dark-mode' })),
        (e: Error) => /lacks the 'feature_flag:write' scope/.test(e.message),
      );
      assert.equal((await flagByKey('dark-mode'))?.active, true);
    } finally {
      await signOutAll();
      await signInToEmulator(pid());
    }
  });

  it('captures an event with the project key (not the personal key); it is then queryable', async () => {
    const event = `vscode host capture ${Date.now()}`;
    await clearRequests();
    await answer(true);
    const r = await vscode.commands.executeCommand<{ sent: boolean; ingestionUrl: string }>('hogql.captureEvent', { event, distinctId: 'host-test-user', properties: '{"plan": "pro"}' });
    assert.equal(r?.sent, true);
    assert.equal(r?.ingestionUrl, emulator().url, 'a self-hosted instance ingests on its own URL');
    const q = (await asked()).at(-1)!;
    assert.equal(q.message, `Send event “${event}” for distinct id “host-test-user” to project ${pname()}?`);
    assert.ok(q.detail.includes(emulator().projects[0]!.apiToken.slice(-4)) && !q.detail.includes(emulator().personalKey.slice(-8)));
    const capture = (await requests()).filter((x) => x.path === '/i/v0/e/');
    assert.equal(capture.length, 1);
    assert.equal(capture[0]!.keyHint ?? null, null, 'no Authorization header on capture');
    const rows = await waitFor(async () => {
      const res = await hogql(pid(), `select distinct_id, properties.plan from events where event = '${event}'`);
      return res.length > 0 && res;
    }, 20_000, 'the captured event in HogQL');
    assert.deepEqual(rows, [['host-test-user', 'pro']]);
  });

  it('refuses a personal key for capture and explains the two kinds of key', async () => {
    await clearRequests();
    await assert.rejects(
      () => Promise.resolve(vscode.commands.executeCommand('hogql.captureEvent', { event: 'x', distinctId: 'y', properties: {}, projectKey: emulator().personalKey })),
      (e: Error) => /personal API key \(phx_…\)/.test(e.message) && /two kinds of key/.test(e.message) && !e.message.includes(emulator().personalKey),
    );
    assert.deepEqual((await requests()).filter((x) => x.path === '/i/v0/e/'), []);
  });
});
