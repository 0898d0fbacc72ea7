// The sidebar's tree machinery against the emulator, through the Feature Flags view: lazy first
// page, "Load more…", server-side filter, refresh, error node with Retry, project switch with
// stale answers dropped, signed-out and disabled states.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { emulator, signInToEmulator, signOutAll } from './support';
import { addFault, api, children, childrenWhen, clearFaults, clearRequests, heldRequests, releaseHeld, requests, setSetting, viewState } from './viewsSupport';

const flagRequests = async (pid: number) => (await requests()).filter((r) => r.method === 'GET' && r.path === `/api/projects/${pid}/feature_flags/`);

describe('views: paging, filter, refresh, errors, project switch (Feature Flags)', function () {
  this.timeout(90_000);
  let pid: number;
  let total: number;

  before(async () => {
    await signOutAll();
    await clearFaults();
  });
  after(async () => {
    await clearFaults();
    await vscode.commands.executeCommand('hogql.flags.clearFilter');
    await signOutAll();
  });

  it('shows nothing while signed out (the welcome view), without calling PostHog', async () => {
    await clearRequests();
    for (const view of ['flags', 'insights', 'cohorts', 'schema']) assert.deepEqual((await children(view)).items, [], view);
    assert.deepEqual((await requests()).filter((r) => !r.path.startsWith('/_emulator')), []);
  });

  it('loads the first page only, lazily, with "Load more…" and the count', async () => {
    pid = emulator().projects[0]!.id;
    await signInToEmulator(pid);
    total = (await api(`/api/projects/${pid}/feature_flags/?limit=1`)).count;
    await clearRequests();
    const c = await children('flags');
    const flags = c.items.filter((i) => i.contextValue.startsWith('flag.'));
    assert.equal(flags.length, 50);
    const more = c.items.at(-1)!;
    assert.equal(more.contextValue, 'loadMore');
    assert.equal(more.label, 'Load more…');
    assert.ok(total > 100, `the emulator seeds more than two pages (${total})`);
    assert.equal(more.description, `50 of ${total}`);
    const log = await flagRequests(pid);
    assert.equal(log.length, 1, `one request for the first page: ${JSON.stringify(log)}`);
    assert.match(log[0]!.query, /limit=50/);
    assert.match(log[0]!.query, /offset=0/);
    assert.ok(!(await requests()).some((r) => r.path.includes('/cohorts/') || r.path.includes('/session_recordings/')), 'views not shown load nothing');
    assert.match((await viewState('flags')).description, new RegExp(`50 of ${total}`));
  });

  it('appends the next page on "Load more…" and keeps the rows already shown', async () => {
    const first = await children('flags');
    await vscode.commands.executeCommand('hogql.views.loadMore', first.nodes.at(-1));
    const c = await childrenWhen('flags', (x) => x.items.length > 51, 'the second page');
    const ids = c.items.filter((i) => i.contextValue.startsWith('flag.')).map((i) => i.id);
    assert.equal(ids.length, 100);
    assert.equal(new Set(ids).size, 100, 'no duplicates');
    assert.deepEqual(ids.slice(0, 50), first.items.slice(0, 50).map((i) => i.id));
    assert.equal(c.items.at(-1)!.description, `100 of ${total}`);
    assert.ok((await flagRequests(pid)).some((r) => /offset=50/.test(r.query)));
  });

  it('filters on the server (search) and shows the filter on the view', async () => {
    await clearRequests();
    await vscode.commands.executeCommand('hogql.flags.filter', { text: 'checkout' });
    const c = await children('flags');
    assert.ok(c.items.length > 0);
    assert.ok(c.items.some((i) => i.label === 'checkout-v2'));
    for (const i of c.items) assert.ok(/checkout/i.test(`${i.label} ${i.description}`), i.label);
    assert.ok((await flagRequests(pid)).some((r) => /search=checkout/.test(r.query)));
    const state = await viewState('flags');
    assert.equal(state.message, 'Filter: “checkout”');
    assert.match(state.description, /“checkout”/);
  });

  it('says when nothing matches the filter', async () => {
    await vscode.commands.executeCommand('hogql.flags.filter', { text: 'no-such-flag-anywhere' });
    const c = await children('flags');
    assert.equal(c.items.length, 1);
    assert.equal(c.items[0]!.label, 'No feature flags match “no-such-flag-anywhere”.');
    await vscode.commands.executeCommand('hogql.flags.clearFilter');
    assert.equal((await viewState('flags')).message, '');
    assert.equal((await children('flags')).items.length, 51);
  });

  it('refresh reloads from the first page', async () => {
    const before = await children('flags');
    await vscode.commands.executeCommand('hogql.views.loadMore', before.nodes.at(-1));
    await childrenWhen('flags', (x) => x.items.length > 51, 'the second page');
    await clearRequests();
    await vscode.commands.executeCommand('hogql.flags.refresh');
    const c = await children('flags');
    assert.equal(c.items.length, 51);
    const log = await flagRequests(pid);
    assert.equal(log.length, 1);
    assert.match(log[0]!.query, /offset=0/);
  });

  it('shows a failed load as an error node with the API error message, and Retry recovers', async () => {
    // GETs are retried 3 times on a 500, so the fault answers all three.
    await addFault({ mode: '500', count: 3, path: `/api/projects/${pid}/feature_flags/`, method: 'GET' });
    await vscode.commands.executeCommand('hogql.flags.refresh');
    const c = await children('flags');
    assert.equal(c.items.length, 1);
    const err = c.items[0]!;
    assert.equal(err.contextValue, 'error');
    assert.equal(err.label, 'PostHog had a server error (500). Try again in a moment.');
    assert.equal(err.icon, 'error');
    assert.equal(err.command, 'hogql.views.retry');
    await vscode.commands.executeCommand('hogql.views.retry', c.nodes[0]);
    const ok = await childrenWhen('flags', (x) => x.items.length === 51, 'the list after Retry');
    assert.equal(ok.items.at(-1)!.contextValue, 'loadMore');
  });

  it('keeps loaded rows when "Load more…" fails, with Retry at the end', async () => {
    const first = await children('flags');
    await addFault({ mode: '500', count: 3, path: `/api/projects/${pid}/feature_flags/`, method: 'GET' });
    await vscode.commands.executeCommand('hogql.views.loadMore', first.nodes.at(-1));
    const c = await childrenWhen('flags', (x) => x.items.at(-1)!.contextValue === 'error', 'the error node');
    assert.equal(c.items.length, 51);
    await vscode.commands.executeCommand('hogql.views.retry', c.nodes.at(-1));
    await childrenWhen('flags', (x) => x.items.length === 101, 'the second page after Retry');
  });

  it('switching project reloads every view and drops the old project’s late answer', async () => {
    const other = emulator().projects[1]!;
    const path = `/api/projects/${pid}/feature_flags/`;
    // The first project's next answer is held back until the switch is done. A fixed delay (a body
    // dribbled over 2.1 s) was outrun on a loaded machine: the switch (a secret read, two requests,
    // two state writes) took longer, the old answer was shown, and the test failed.
    await clearRequests();
    await addFault({ mode: 'hold', count: 1, path, method: 'GET' });
    await vscode.commands.executeCommand('hogql.flags.refresh');
    const late = children('flags');
    const held = await waitFor(async () => (await heldRequests()).find((r) => r.path === path), 20_000, 'the first project’s flags request to be held');
    assert.match(held.query, /offset=0/, `the view's first page is the request held: ${JSON.stringify(held)}`);
    assert.ok((await viewState('flags')).loading, 'the first project’s request in flight');
    await vscode.commands.executeCommand('hogql.switchProject', { projectId: other.id });
    await releaseHeld();
    const lateItems = (await late).items;
    assert.ok(!lateItems.some((i) => i.id.startsWith(`flag:${pid}:`)), 'the answer for the old project is dropped');
    const c = await childrenWhen('flags', (x) => x.items.length > 0 && x.items.every((i) => i.id.startsWith(`flag:${other.id}:`)), 'the other project’s flags');
    const count = (await api(`/api/projects/${other.id}/feature_flags/?limit=1`)).count;
    assert.equal(c.items.filter((i) => i.contextValue.startsWith('flag.')).length, Math.min(50, count));
    // Stays on the new project once the old answer has ended (sent, or its request abandoned).
    await waitFor(async () => (await requests()).some((r) => r.fault === 'hold'), 20_000, 'the held answer to end');
    const again = await children('flags');
    assert.ok(again.items.every((i) => !i.id.startsWith(`flag:${pid}:`)));
    await vscode.commands.executeCommand('hogql.switchProject', { projectId: pid });
    await childrenWhen('flags', (x) => x.items.length === 51 && x.items[0]!.id.startsWith(`flag:${pid}:`), 'the first project again');
  });

  it('loads nothing for a view left out of hogql.views.enabled', async () => {
    await setSetting('views.enabled', ['insights']);
    try {
      await clearRequests();
      const c = await children('flags');
      assert.equal(c.items.length, 1);
      assert.match(c.items[0]!.label, /hogql\.views\.enabled/);
      assert.deepEqual(await flagRequests(pid), []);
    } finally {
      await setSetting('views.enabled', undefined);
    }
    assert.equal((await children('flags')).items.length, 51);
  });
});
