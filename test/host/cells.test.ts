// Cells that lead somewhere (issue #17) against the emulator: "Save as Static Cohort" from a
// column of person ids or distinct ids asks in a modal naming the project, the cohort name and
// the row count, and the cohort then exists in the emulator with exactly those people; declined,
// nothing is written. Following a link opens the PostHog page of the result's project (captured
// through the open seam), and a link that does not hold (another scheme, a malformed id) opens
// nothing whatever the caller says.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emulator, signInToEmulator, signOutAll } from './support';
import { answer, api, asked, hogql, setSetting, writes, clearRequests } from './viewsSupport';

interface Outcome {
  kind: 'done' | 'failed' | 'cancelled';
  queryId: string;
}

let fileNo = 0;
async function runText(text: string): Promise<string> {
  const folder = vscode.workspace.workspaceFolders![0]!.uri;
  const uri = vscode.Uri.joinPath(folder, `cells-${process.pid}-${++fileNo}.hogql`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  const out = await vscode.commands.executeCommand<Outcome>('hogql.runQuery', { uri: uri.toString(), offset: 0 });
  assert.equal(out?.kind, 'done', `the query ran: ${text}`);
  return out.queryId;
}

const saveCohort = (args: Record<string, unknown>) => vscode.commands.executeCommand<{ id: number; name: string; count: number } | undefined>('hogql.results.saveAsStaticCohort', args);
const openLink = (args: Record<string, unknown>) => vscode.commands.executeCommand<string | undefined>('hogql.results.openCellLink', args);
const sidebarHook = (args: Record<string, unknown>) => vscode.commands.executeCommand<string[]>('hogql.test.sidebar', args);

describe('result cells: links and static cohorts', function () {
  this.timeout(120_000);
  const pid = () => emulator().projects[0]!.id;
  const pname = () => emulator().projects[0]!.name;
  const members = async (cohortId: number): Promise<string[]> =>
    ((await api(`/api/projects/${pid()}/cohorts/${cohortId}/persons/?limit=1000`)).results as { uuid: string }[]).map((p) => p.uuid).sort();

  before(async () => {
    await vscode.workspace.getConfiguration('hogql').update('diagnostics.server', false, vscode.ConfigurationTarget.Global);
    await signOutAll();
    await signInToEmulator(pid());
    await asked();
  });
  after(async () => {
    // the reveal tests opened the PostHog views: close them, so later suites start with no view shown
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await sidebarHook({ op: 'captureOpen', on: false });
    await setSetting('readOnly', undefined);
    await vscode.workspace.getConfiguration('hogql').update('diagnostics.server', undefined, vscode.ConfigurationTarget.Global);
    await signOutAll();
  });

  it('saves a column of person ids as a static cohort after a modal naming project, name and rows', async () => {
    const query = 'SELECT DISTINCT person_id FROM events ORDER BY person_id LIMIT 6';
    const expected = (await hogql(pid(), query)).map((r) => String(r[0])).sort();
    assert.equal(expected.length, 6);
    const queryId = await runText(query);
    const name = `Cells person ids ${process.pid}`;
    await answer(true);
    const created = await saveCohort({ hogqlQueryId: queryId, hogqlColumn: 'person_id', name });
    assert.ok(created, 'the cohort was created');
    const [q] = await asked();
    assert.ok(q, 'a confirmation was asked');
    assert.match(q.message, new RegExp(`“${name}”`));
    assert.ok(q.message.includes(`project ${pname()}`), q.message);
    assert.ok(q.message.includes('6 rows'), q.message);
    assert.match(q.detail, /^6 different person ids from column person_id, 6 rows/);
    assert.equal(q.action, 'Create Cohort');
    const cohort = (await api(`/api/projects/${pid()}/cohorts/${created.id}/`)) as { name: string; is_static: boolean; count: number };
    assert.equal(cohort.name, name);
    assert.equal(cohort.is_static, true);
    assert.equal(cohort.count, 6);
    assert.deepEqual(await members(created.id), expected);
  });

  it('resolves a column of distinct ids to their persons', async () => {
    const query = 'SELECT DISTINCT distinct_id FROM events ORDER BY distinct_id LIMIT 5';
    const ids = (await hogql(pid(), query)).map((r) => String(r[0]));
    const list = ids.map((d) => `'${d.replace(/'/g, "\\'")}'`).join(', ');
    const expected = (await hogql(pid(), `SELECT DISTINCT person_id FROM person_distinct_ids WHERE distinct_id IN (${list}) LIMIT 100`)).map((r) => String(r[0])).sort();
    assert.ok(expected.length > 0);
    const queryId = await runText(query);
    await answer(true);
    const created = await saveCohort({ hogqlQueryId: queryId, hogqlColumn: 'distinct_id', name: `Cells distinct ids ${process.pid}` });
    assert.ok(created);
    const [q] = await asked();
    assert.match(q!.detail, /^5 different distinct ids from column distinct_id, 5 rows/);
    assert.match(q!.detail, /Distinct ids are resolved to their persons first\./);
    assert.deepEqual(await members(created.id), expected);
  });

  it('declined, or in read-only mode, writes nothing', async () => {
    const queryId = await runText('SELECT DISTINCT person_id FROM events LIMIT 3');
    await clearRequests();
    await answer(false);
    assert.equal(await saveCohort({ hogqlQueryId: queryId, hogqlColumn: 'person_id', name: 'Never' }), undefined);
    assert.equal((await asked()).length, 1);
    await setSetting('readOnly', true);
    await assert.rejects(async () => saveCohort({ hogqlQueryId: queryId, hogqlColumn: 'person_id', name: 'Never' }), /Read-only/);
    await setSetting('readOnly', undefined);
    assert.deepEqual(await writes(), []);
    await assert.rejects(async () => saveCohort({ hogqlQueryId: queryId, hogqlColumn: 'nope', name: 'Never' }), /neither person ids nor distinct ids/);
  });

  it('opens the PostHog page of a linked id in the result project, and never a link that does not hold', async () => {
    const [row] = await hogql(pid(), 'SELECT uuid, timestamp, $session_id, person_id, distinct_id FROM events WHERE $session_id != \'\' ORDER BY timestamp LIMIT 1');
    const [uuid, timestamp, sessionId, personId, distinctId] = row!.map(String);
    const queryId = await runText('SELECT uuid, $session_id, person_id, distinct_id FROM events LIMIT 1');
    await sidebarHook({ op: 'captureOpen', on: true });
    const base = `/project/${pid()}`;
    const opened = async (args: Record<string, unknown>): Promise<string | undefined> => openLink({ hogqlQueryId: queryId, ...args });
    assert.match((await opened({ hogqlLink: 'session', hogqlLinkValue: sessionId }))!, new RegExp(`${base}/replay/${sessionId}$`));
    assert.match((await opened({ hogqlLink: 'person', hogqlLinkValue: personId }))!, new RegExp(`${base}/persons/${personId}$`));
    assert.match((await opened({ hogqlLink: 'distinctId', hogqlLinkValue: distinctId }))!, new RegExp(`${base}/person/${encodeURIComponent(distinctId!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    // no timestamp in the row: the host looks it up (PostHog's event page needs it)
    assert.ok((await opened({ hogqlLink: 'event', hogqlLinkValue: uuid }))!.endsWith(`${base}/events/${uuid}/${encodeURIComponent(timestamp!)}`));
    assert.equal(await opened({ hogqlLink: 'url', hogqlLinkValue: 'https://posthog.com/docs' }), 'https://posthog.com/docs');
    assert.deepEqual((await sidebarHook({ op: 'opened' })).length, 5);
    for (const bad of [
      { hogqlLink: 'url', hogqlLinkValue: 'javascript:alert(1)' },
      { hogqlLink: 'url', hogqlLinkValue: 'file:///etc/passwd' },
      { hogqlLink: 'url', hogqlLinkValue: 'vscode://settings' },
      { hogqlLink: 'session', hogqlLinkValue: '../../settings' },
      { hogqlLink: 'person', hogqlLinkValue: 'not-a-uuid' },
      { hogqlLink: 'command', hogqlLinkValue: 'workbench.action.quit' },
    ]) {
      assert.equal(await opened(bad), undefined, JSON.stringify(bad));
    }
    assert.deepEqual(await sidebarHook({ op: 'opened' }), []);
  });

  it('shows the flag, cohort or person of a cell selected in its sidebar view', async () => {
    const reveal = (args: Record<string, unknown>) => vscode.commands.executeCommand<string | undefined>('hogql.results.revealInSidebar', args);
    const view = async (name: string) => (await sidebarHook({ op: 'view', view: name })) as unknown as { filter: string };
    const listed = async (name: string) => ((await sidebarHook({ op: 'children', view: name })) as unknown as { items: { id: string }[] }).items.map((i) => i.id);
    try {
      const flag = ((await api(`/api/projects/${pid()}/feature_flags/?limit=1`)).results as { id: number; key: string }[])[0]!;
      assert.equal(await reveal({ hogqlLink: 'flag', hogqlLinkValue: String(flag.id) }), `flag:${pid()}:${flag.id}`);
      assert.equal((await view('flags')).filter, flag.key);
      assert.ok((await listed('flags')).includes(`flag:${pid()}:${flag.id}`));
      const cohort = ((await api(`/api/projects/${pid()}/cohorts/?limit=1`)).results as { id: number; name: string }[])[0]!;
      assert.equal(await reveal({ hogqlLink: 'cohort', hogqlLinkValue: String(cohort.id) }), `cohort:${pid()}:${cohort.id}`);
      assert.equal((await view('cohorts')).filter, cohort.name);
      const [[distinctId, personId]] = (await hogql(pid(), 'SELECT distinct_id, person_id FROM events ORDER BY timestamp LIMIT 1')) as [string, string][];
      assert.equal(await reveal({ hogqlLink: 'distinctId', hogqlLinkValue: distinctId }), `person:${pid()}:${personId}`);
      assert.ok((await listed('persons')).includes(`person:${pid()}:${personId}`));
      assert.equal(await reveal({ hogqlLink: 'person', hogqlLinkValue: personId }), `person:${pid()}:${personId}`);
      // a link that does not hold reveals nothing and leaves the filter alone
      assert.equal(await reveal({ hogqlLink: 'flag', hogqlLinkValue: '1/../2' }), undefined);
      assert.equal((await view('flags')).filter, flag.key);
    } finally {
      for (const v of ['flags', 'cohorts', 'persons']) await vscode.commands.executeCommand(`hogql.${v}.clearFilter`);
    }
  });
});
