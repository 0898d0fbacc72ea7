// Issue #17 against the emulator: the chart chosen for a statement is saved with its SQL insight in
// PostHog's own shape (DataVisualizationNode `display` + `chartSettings`), an update keeps what
// PostHog holds around it, and a pull restores PostHog's chart as the statement's choice; a query
// history entry reopens its last result without running the query again, and says so when its
// result is no longer kept.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { api, emulator, openFile, signInToEmulator, signOutAll, testHooks } from './support';

interface Entry {
  id: string;
  query: string;
  status: string;
  at: number;
  runs?: number;
}

/** The history entry of `query` (searched by `mark`), as the history view has it. */
async function entryOf(mark: string, query: string): Promise<Entry | undefined> {
  const found = (await vscode.commands.executeCommand<Entry[]>('hogql.history.filter', { text: mark })).find((e) => e.query === query);
  await vscode.commands.executeCommand('hogql.history.clearFilter');
  return found;
}

describe('charts saved with insights, history results reopened (issue #17)', function () {
  this.timeout(90_000);
  before(async () => {
    await signOutAll();
    await signInToEmulator();
  });
  after(signOutAll);

  it('saves the chosen chart in PostHog’s chartSettings, keeps PostHog’s extras on update, and restores PostHog’s chart on pull and open', async () => {
    const project = emulator().projects[0]!;
    const sql = `SELECT toStartOfDay(timestamp) AS day, count() AS n, uniq(distinct_id) AS users FROM events GROUP BY day ORDER BY day`;
    const doc = await openFile(`chart-insight-${process.pid}.hogql`, `${sql}\n`);
    const uri = doc.uri.toString();
    const hooks = await testHooks();
    const chosen = { type: 'stackedBar', x: 'day', series: [{ column: 'n', axis: 'left' }, { column: 'users', axis: 'right' }] };
    assert.deepEqual(hooks.chartChoice(uri, sql, chosen), chosen);

    hooks.queueConfirmAnswers(true);
    const saved = await vscode.commands.executeCommand<{ id: number; shortId: string }>('hogql.saveAsInsight', { uri, name: `Chart choice ${process.pid}` });
    assert.ok(saved?.id);
    const stored = (await api(`/api/projects/${project.id}/insights/${saved.id}/`)).body.query;
    assert.equal(stored.kind, 'DataVisualizationNode');
    assert.equal(stored.display, 'ActionsStackedBar');
    assert.deepEqual(stored.chartSettings, {
      xAxis: { column: 'day' },
      yAxis: [
        { column: 'n', settings: { display: { yAxisPosition: 'left' } } },
        { column: 'users', settings: { display: { yAxisPosition: 'right' } } },
      ],
    });

    // PostHog's side: goal lines and formatting added there, the chart turned into an area of users
    const fromPostHog = {
      ...stored,
      display: 'ActionsAreaGraph',
      chartSettings: { xAxis: { column: 'day' }, yAxis: [{ column: 'users', settings: { formatting: { suffix: ' people' }, display: { yAxisPosition: 'left' } } }], goalLines: [{ label: 'goal', value: 10 }] },
    };
    assert.equal((await api(`/api/projects/${project.id}/insights/${saved.id}/`, { method: 'PATCH', body: JSON.stringify({ query: fromPostHog }) })).status, 200);
    assert.equal(await vscode.commands.executeCommand('hogql.pullInsight', { uri }), stored.source.query);
    assert.deepEqual(hooks.chartChoice(uri, sql), { type: 'area', x: 'day', series: [{ column: 'users', axis: 'left' }] }, 'the pulled chart is the statement’s choice');

    // Update with a new choice: the choice replaces the chart, PostHog's goal lines and formatting stay
    hooks.chartChoice(uri, sql, { type: 'bar', x: 'day', series: [{ column: 'users', axis: 'right' }] });
    hooks.queueConfirmAnswers(true);
    assert.equal(await vscode.commands.executeCommand('hogql.updateInsight', { uri }), true);
    const updated = (await api(`/api/projects/${project.id}/insights/${saved.id}/`)).body.query;
    assert.equal(updated.display, 'ActionsBar');
    assert.deepEqual(updated.chartSettings, {
      xAxis: { column: 'day' },
      yAxis: [{ column: 'users', settings: { formatting: { suffix: ' people' }, display: { yAxisPosition: 'right' } } }],
      goalLines: [{ label: 'goal', value: 10 }],
    });
    await doc.save();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // Opening the insight from the sidebar: its editor draws PostHog's chart
    const opened = await vscode.commands.executeCommand<{ kind: string; uri: string }>('hogql.insights.open', { id: saved.id });
    assert.equal(opened?.kind, 'sql');
    assert.notEqual(opened.uri, uri);
    assert.deepEqual(hooks.chartChoice(opened.uri, sql), { type: 'bar', x: 'day', series: [{ column: 'users', axis: 'right' }] });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('reopens a history entry’s last result without running the query, and says when it is no longer kept', async () => {
    const mark = `reopen_${process.pid}`;
    const query = `SELECT number, rand() AS ${mark} FROM numbers(7)`;
    const doc = await openFile(`${mark}.hogql`, `${query}\n`);
    const ran = await vscode.commands.executeCommand<{ kind: string }>('hogql.runQuery', { uri: doc.uri.toString(), offset: 0 });
    assert.equal(ran?.kind, 'done');
    const entry = await waitFor(() => entryOf(mark, query), 10_000, 'the run in the history');
    const reopened = await vscode.commands.executeCommand<{ kind: string; rows: number; totalRows: number; panel: string }>('hogql.history.reopen', entry);
    assert.equal(reopened?.kind, 'reopened');
    assert.deepEqual([reopened.rows, reopened.totalRows], [7, 7]);
    const panelTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label === reopened.panel);
    await waitFor(() => panelTabs().length === 1, 10_000, `a results panel titled ${reopened.panel}: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(' | ')}`);
    await vscode.window.tabGroups.close(panelTabs());

    const hooks = await testHooks();
    hooks.queueMessageAnswers(undefined);
    const gone = await vscode.commands.executeCommand<{ kind: string; message: string }>('hogql.history.reopen', { ...entry, id: `evicted-${process.pid}` });
    assert.equal(gone?.kind, 'notKept');
    assert.match(gone.message, /no longer kept/);
    assert.ok(hooks.shownMessages().some((m) => m.message.includes('no longer kept') && m.actions.includes('Run Again')), 'the user is told, with a re-run offered');
    // every run of the extension is recorded in the history (a re-run of the same query folds into
    // its entry: a later start, a run count): the entry is as it was, so nothing ran
    assert.deepEqual(await entryOf(mark, query), entry, 'the query did not run again');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
