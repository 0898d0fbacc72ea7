// Issue #14 (items 11–13): the sidebar without surprises, against the emulator. "Open in PostHog"
// and "Open Replay" open a URL that keeps the object's path under code-server's port proxy (the
// host runs in code-server, the emulator on localhost); a recording click selects and expands it;
// sign-out leaves no stale count or filter on any view; experiments, surveys, actions, annotations
// and recordings expand to their details; insights and annotations are edited and deleted behind
// confirmations, each write one PATCH.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emulator, signInToEmulator, signOutAll } from './support';
import { answer, api, asked, children, childrenWhen, clearRequests, nodeOf, viewState, writes } from './viewsSupport';

const sidebar = (args: Record<string, unknown>) => vscode.commands.executeCommand('hogql.test.sidebar', args) as Thenable<unknown>;
const opened = async (): Promise<string[]> => (await sidebar({ op: 'opened' })) as string[];

describe('views: the sidebar without surprises (#14)', function () {
  this.timeout(120_000);
  const pid = () => emulator().projects[0]!.id;
  const pname = () => emulator().projects[0]!.name;
  const label = (c: { items: { label: string }[] }) => c.items.map((i) => i.label);

  before(async () => {
    await signOutAll();
    await signInToEmulator(pid());
    await asked();
    await sidebar({ op: 'captureOpen', on: true });
  });
  after(async () => {
    await sidebar({ op: 'captureOpen', on: false });
    await signOutAll();
  });

  /** The URL survives the browser side: resolving it again for the remote side changes nothing. */
  const assertSurvives = async (url: string, path: string): Promise<void> => {
    const u = new URL(url);
    assert.ok(u.pathname.endsWith(path), `${url} keeps ${path}`);
    const again = await vscode.env.asExternalUri(vscode.Uri.parse(url));
    assert.equal(new URL(again.toString(true)).href, u.href, 'asExternalUri leaves the URL as it is');
    const base = await vscode.env.asExternalUri(vscode.Uri.parse(`${new URL(emulator().url).origin}/`));
    assert.ok(url.startsWith(base.toString(true).replace(/\/$/, '')), `${url} goes through the forwarded origin ${base.toString(true)}`);
  };

  it('"Open in PostHog" opens the flag’s page with its path, through the port proxy', async () => {
    await vscode.commands.executeCommand('hogql.flags.filter', { text: 'checkout-v2' });
    try {
      const c = await children('flags');
      const i = c.items.findIndex((x) => x.label === 'checkout-v2');
      const node = c.nodes[i] as { item: { id: number } };
      await opened();
      const url = await vscode.commands.executeCommand<string>('hogql.views.openInPostHog', node);
      assert.deepEqual(await opened(), [url]);
      await assertSurvives(url!, `/project/${pid()}/feature_flags/${node.item.id}`);
    } finally {
      await vscode.commands.executeCommand('hogql.flags.clearFilter');
    }
  });

  it('a recording click selects and expands it; "Open Replay" opens the replay with its path', async () => {
    const c = await children('recordings');
    const rec = c.items.find((x) => x.contextValue === 'recording')!;
    assert.equal(rec.command, '', 'no command on click');
    assert.ok(rec.collapsible, 'it expands to its details');
    const details = await children('recordings', [rec.id]);
    assert.deepEqual(label(details).slice(0, 3), ['Person', 'Distinct id', 'Started']);
    assert.match(details.items.find((d) => d.label === 'Started')!.description, /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC$/);
    assert.ok(details.items.every((d) => d.contextValue === 'detail'));
    const node = nodeOf(c, rec.id) as { item: { id: string } };
    await opened();
    const url = await vscode.commands.executeCommand<string>('hogql.recordings.open', node);
    assert.deepEqual(await opened(), [url]);
    await assertSurvives(url!, `/project/${pid()}/replay/${node.item.id}`);
  });

  it('experiments, surveys, actions and annotations expand to their details', async () => {
    const ex = await children('experiments');
    const running = ex.items.find((x) => x.contextValue === 'experiment.running')!;
    const exd = label(await children('experiments', [running.id]));
    assert.deepEqual(exd.slice(0, 3), ['Status', 'Feature flag', 'Started']);
    assert.ok(exd.includes('Metric') && exd.some((l) => l.startsWith('Variant ')), exd.join(', '));
    const sv = await children('surveys');
    const nps = sv.items.find((x) => x.label === 'NPS survey')!;
    const svd = await children('surveys', [nps.id]);
    assert.equal(svd.items.find((d) => d.label === 'Question 1')?.description, 'How likely are you to recommend Hedgebox to a friend? (rating)');
    assert.equal(svd.items.find((d) => d.label === 'Type')?.description, 'popover');
    const ac = await children('actions');
    const pricing = ac.items.find((x) => x.label === 'Viewed pricing')!;
    assert.deepEqual((await children('actions', [pricing.id])).items.map((d) => `${d.label}: ${d.description}`), ['Step: $pageview · url contains /pricing', 'Description: Pricing pageviews']);
    const an = await children('annotations');
    const hn = an.items.find((x) => x.label.startsWith('Launched on'))!;
    const and = await children('annotations', [hn.id]);
    assert.deepEqual(label(and), ['Text', 'Date', 'Scope', 'Created by', 'Created']);
    assert.equal(and.items[2]!.description, 'organization');
    for (const [view, c] of [['experiments', ex], ['surveys', sv], ['actions', ac], ['annotations', an]] as const) {
      const url = await vscode.commands.executeCommand<string>('hogql.views.openInPostHog', c.nodes[0]);
      assert.match(url!, new RegExp(`/project/${pid()}/\\S+`), `${view} opens its page`);
    }
    await opened();
  });

  describe('writes behind confirmations', () => {
    let insight: { id: number; name: string };
    let annotation: { id: number; content: string };
    const stamp = Date.now();

    before(async () => {
      insight = await api(`/api/projects/${pid()}/insights/`, 'POST', { name: `Host test insight ${stamp}`, saved: true, query: { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query: 'select 1' } } });
      annotation = await api(`/api/projects/${pid()}/annotations/`, 'POST', { content: `Host test annotation ${stamp}`, date_marker: '2026-12-05T14:03:00Z', scope: 'project' });
    });

    const patches = async (): Promise<string[]> => (await writes()).map((w) => `${w.method} ${w.path} ${w.status}`);

    it('renames an insight: one PATCH, the modal names insight and project, the row updates', async () => {
      await clearRequests();
      await answer(false);
      assert.equal(await vscode.commands.executeCommand('hogql.insights.rename', { id: insight.id, name: 'Renamed' }), false);
      assert.deepEqual(await patches(), [], 'cancel writes nothing');
      await answer(true);
      assert.equal(await vscode.commands.executeCommand('hogql.insights.rename', { id: insight.id, name: `Renamed ${stamp}` }), true);
      assert.equal((await asked()).at(-1)!.message, `Rename insight “Host test insight ${stamp}” to “Renamed ${stamp}” in project ${pname()}?`);
      assert.deepEqual(await patches(), [`PATCH /api/projects/${pid()}/insights/${insight.id}/ 200`]);
      assert.equal((await api(`/api/projects/${pid()}/insights/${insight.id}/`)).name, `Renamed ${stamp}`);
      await vscode.commands.executeCommand('hogql.insights.filter', { text: `${stamp}` });
      await childrenWhen('insights', (c) => c.items.some((i) => i.label === `Renamed ${stamp}`), 'the renamed row');
    });

    it('favourites and unfavourites an insight (menus follow the state)', async () => {
      await clearRequests();
      await answer(true);
      assert.equal(await vscode.commands.executeCommand('hogql.insights.favorite', { id: insight.id }), true);
      assert.equal((await asked()).at(-1)!.message, `Add insight “Renamed ${stamp}” to the favourites of project ${pname()}?`);
      assert.equal((await api(`/api/projects/${pid()}/insights/${insight.id}/`)).favorited, true);
      const row = await childrenWhen('insights', (c) => c.items.some((i) => i.contextValue === 'insight.sql.favorite'), 'the favourite row');
      assert.equal(row.items[0]!.icon, 'star-full');
      await answer(true);
      assert.equal(await vscode.commands.executeCommand('hogql.insights.unfavorite', { id: insight.id }), true);
      assert.equal((await api(`/api/projects/${pid()}/insights/${insight.id}/`)).favorited, false);
      assert.deepEqual(await patches(), [`PATCH /api/projects/${pid()}/insights/${insight.id}/ 200`, `PATCH /api/projects/${pid()}/insights/${insight.id}/ 200`]);
      await childrenWhen('insights', (c) => c.items.some((i) => i.contextValue === 'insight.sql'), 'the row no longer a favourite');
    });

    it('deletes an insight softly (PATCH deleted: true) and it leaves the view', async () => {
      await clearRequests();
      await answer(true);
      assert.equal(await vscode.commands.executeCommand('hogql.insights.delete', { id: insight.id }), true);
      const q = (await asked()).at(-1)!;
      assert.equal(q.message, `Delete insight “Renamed ${stamp}” in project ${pname()}?`);
      assert.match(q.detail, /restored/);
      assert.deepEqual(await patches(), [`PATCH /api/projects/${pid()}/insights/${insight.id}/ 200`]);
      assert.equal((await api(`/api/projects/${pid()}/insights/${insight.id}/`)).deleted, true);
      await childrenWhen('insights', (c) => !c.items.some((i) => i.label === `Renamed ${stamp}`), 'the row gone');
      await vscode.commands.executeCommand('hogql.insights.clearFilter');
    });

    it('edits an annotation’s text and date: one PATCH, dates for people in the modal', async () => {
      await clearRequests();
      await answer(true);
      assert.equal(await vscode.commands.executeCommand('hogql.annotations.edit', { id: annotation.id, content: `Edited ${stamp}`, date: '2026-12-06 09:30' }), true);
      const q = (await asked()).at(-1)!;
      assert.equal(q.message, `Change annotation “Host test annotation ${stamp}” in project ${pname()}?`);
      assert.equal(q.detail, `Text: “Edited ${stamp}”. Date: 6 Dec 2026, 09:30 UTC (was 5 Dec 2026, 14:03 UTC).`);
      assert.deepEqual(await patches(), [`PATCH /api/projects/${pid()}/annotations/${annotation.id}/ 200`]);
      const stored = await api(`/api/projects/${pid()}/annotations/${annotation.id}/`);
      assert.deepEqual([stored.content, stored.date_marker], [`Edited ${stamp}`, '2026-12-06T09:30:00.000Z']);
      await childrenWhen('annotations', (c) => c.items.some((i) => i.label === `Edited ${stamp}`), 'the edited row');
      await clearRequests();
      assert.equal(await vscode.commands.executeCommand('hogql.annotations.edit', { id: annotation.id, content: `Edited ${stamp}`, date: '2026-12-06 09:30' }), false, 'no change: nothing asked or sent');
      assert.deepEqual(await patches(), []);
    });

    it('deletes an annotation softly after a modal naming it and the project', async () => {
      await clearRequests();
      await answer(true);
      assert.equal(await vscode.commands.executeCommand('hogql.annotations.delete', { id: annotation.id }), true);
      assert.equal((await asked()).at(-1)!.message, `Delete annotation “Edited ${stamp}” in project ${pname()}?`);
      assert.deepEqual(await patches(), [`PATCH /api/projects/${pid()}/annotations/${annotation.id}/ 200`]);
      assert.equal((await api(`/api/projects/${pid()}/annotations/${annotation.id}/`)).deleted, true);
      await childrenWhen('annotations', (c) => !c.items.some((i) => i.label === `Edited ${stamp}`), 'the row gone');
    });
  });

  describe('sign-out', () => {
    it('sign-out leaves no count, filter or message on any view, loaded or not', async () => {
      await signInToEmulator(pid());
      await children('flags');
      await children('insights');
      await vscode.commands.executeCommand('hogql.cohorts.filter', { text: 'power' });
      await children('cohorts');
      assert.match((await viewState('flags')).description, /^\d+ of \d+$/);
      assert.notEqual((await viewState('insights')).description, '');
      assert.equal((await viewState('cohorts')).message, 'Filter: “power”');
      await signOutAll();
      for (const view of ['flags', 'insights', 'cohorts']) {
        const s = await viewState(view);
        assert.deepEqual([s.description, s.message, s.filter], ['', '', ''], `${view} after sign-out: ${JSON.stringify(s)}`);
      }
    });
  });
});
