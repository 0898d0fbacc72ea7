// Every sidebar view against the emulator: first page, children, open actions, web URLs, HTML in
// names rendered as plain text, and the Schema view inserting names into a HogQL editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emulator, signInToEmulator, signOutAll } from './support';
import { api, children, childrenWhen, clearRequests, plain, requests, type Children } from './viewsSupport';

const call = <T>(node: unknown, method: string): T => (node as Record<string, () => T>)[method]!();

describe('views: every resource view', function () {
  this.timeout(120_000);
  const pid = () => emulator().projects[0]!.id;
  const web = (path: string) => `${emulator().url}/project/${pid()}/${path}`;

  before(async () => {
    await signOutAll();
    await signInToEmulator(pid());
  });
  after(signOutAll);

  it('insights: favourites first, then saved; kind and change as description; names as plain text', async () => {
    const c = await children('insights');
    const favs = (await api(`/api/projects/${pid()}/insights/?favorited=true&saved=true&basic=true`)).results as { id: number }[];
    assert.ok(favs.length > 0);
    const stars = c.items.slice(0, favs.length);
    assert.ok(stars.every((i) => i.icon === 'star-full' && i.color === 'charts.yellow'), 'favourites come first');
    assert.ok(c.items.slice(favs.length).every((i) => i.icon !== 'star-full'), 'then the others');
    assert.equal(new Set(c.items.map((i) => i.id)).size, c.items.length, 'no favourite twice');
    assert.ok(!c.items.some((i) => i.label === '$autocapture count'), 'unsaved insights are left out');
    const html = c.items.find((i) => i.label === 'Add-to-cart <b>funnel</b> & "drop-off"');
    assert.ok(html, 'the HTML name is the literal label');
    assert.ok(!html.tooltip.includes('<b>') && plain(html.tooltip).includes('Add-to-cart <b>funnel</b>'), `tooltip escaped: ${html.tooltip}`);
    const sql = c.items.find((i) => i.label === 'Top pages (SQL)')!;
    assert.match(sql.description, /^SQL · /);
    assert.equal(sql.contextValue, 'insight.sql.favorite');
    assert.equal(sql.command, 'hogql.insights.open');
  });

  it('opens a SQL insight as HogQL in an editor linked to the insight', async () => {
    const c = await children('insights');
    const i = c.items.findIndex((x) => x.label === 'Top pages (SQL)');
    const node = c.nodes[i];
    const item = (node as { item: { id: number; short_id: string } }).item;
    const r = await vscode.commands.executeCommand<{ kind: string; uri: string }>('hogql.insights.open', node);
    assert.equal(r?.kind, 'sql');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), r!.uri);
    assert.equal(editor.document.languageId, 'hogql');
    assert.equal(editor.document.lineAt(0).text, `-- posthog: insight ${item.short_id} on project ${pid()} of ${emulator().url}`, 'the link is the first line');
    assert.match(editor.document.lineAt(1).text, /^SELECT properties\.\$pathname AS path/);
    const link = (await vscode.commands.executeCommand('hogql.test.sidebar', { op: 'insightLink', uri: r!.uri })) as Record<string, unknown>;
    assert.deepEqual({ id: link.insightId, short: link.shortId, pid: link.projectId, host: link.host }, { id: item.id, short: item.short_id, pid: pid(), host: emulator().url });
    assert.equal(call(node, 'webUrl'), web(`insights/${item.short_id}`));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens a trends insight: computed with refresh=blocking, shown as a table', async () => {
    const c = await children('insights');
    const node = c.nodes[c.items.findIndex((x) => x.label === 'Daily pageviews')];
    await clearRequests();
    const r = await vscode.commands.executeCommand<{ kind: string; rows: number; columns: string[] }>('hogql.insights.open', node);
    assert.equal(r?.kind, 'table');
    assert.deepEqual(r!.columns, ['series', 'date', 'value']);
    assert.ok(r!.rows > 0);
    assert.ok((await requests()).some((x) => /\/insights\/\d+\/$/.test(x.path) && /refresh=blocking/.test(x.query)));
  });

  it('flags: state icons and colours, rollout/variants, conditions as children, URL and key', async () => {
    const find = async (key: string) => {
      await vscode.commands.executeCommand('hogql.flags.filter', { text: key });
      const c = await children('flags');
      const i = c.items.findIndex((x) => x.label === key);
      assert.ok(i >= 0, key);
      return { item: c.items[i]!, node: c.nodes[i] };
    };
    try {
      const on = await find('new-onboarding');
      assert.deepEqual([on.item.icon, on.item.color, on.item.contextValue], ['pass-filled', 'testing.iconPassed', 'flag.active']);
      assert.equal(on.item.description, '50% rollout · New onboarding flow');
      const id = (on.node as { item: { id: number } }).item.id;
      assert.equal(call(on.node, 'webUrl'), web(`feature_flags/${id}`));
      assert.equal(await vscode.commands.executeCommand('hogql.views.copyId', on.node), 'new-onboarding');
      const off = (await find('file-previews')).item;
      assert.deepEqual([off.icon, off.color, off.contextValue], ['circle-slash', 'disabledForeground', 'flag.inactive']);
      const xss = (await find('checkout-v2')).item;
      assert.ok(xss.description.endsWith('Checkout <b>v2</b> & "beta"'), xss.description);
      assert.ok(!xss.tooltip.includes('<b>') && plain(xss.tooltip).includes('Checkout <b>v2</b> & "beta"'));
      const mv = (await find('pricing-page-test')).item;
      assert.match(mv.description, /2 variants: control 50%, test 50%/);
      assert.deepEqual((await children('flags', [mv.id])).items.map((k) => k.label), ['Condition 1: 100% of all users', 'control — 50%', 'test — 50%']);
      const sso = (await find('enterprise-sso')).item;
      assert.deepEqual((await children('flags', [sso.id])).items.map((k) => k.label), ['Condition 1: 100% of users where plan = enterprise']);
    } finally {
      await vscode.commands.executeCommand('hogql.flags.clearFilter');
    }
  });

  it('cohorts: size, static/dynamic; children are a page of persons', async () => {
    const c = await children('cohorts');
    assert.ok(c.items.length > 0);
    for (const i of c.items) assert.match(i.description, /(persons?|size unknown) · (static|dynamic)/);
    const script = c.items.find((i) => plain(i.tooltip).includes('<script>alert(1)</script>'));
    assert.ok(script && !script.tooltip.includes('<script>'), 'the <script> description is escaped');
    const withPeople = c.items.find((i) => /^[1-9]\d* persons?/.test(i.description))!;
    const kids = await children('cohorts', [withPeople.id]);
    const persons = kids.items.filter((k) => k.contextValue === 'person');
    const n = Number(/^(\d+)/.exec(withPeople.description)![1]);
    assert.equal(persons.length, Math.min(n, 50));
    assert.equal(kids.items.at(-1)!.contextValue === 'loadMore', n > 50);
  });

  it('recordings: duration, person, start; pages with has_next and Load more', async () => {
    await clearRequests();
    const c = await children('recordings');
    const recs = c.items.filter((i) => i.contextValue === 'recording');
    assert.ok(recs.length > 0 && recs.length <= 50);
    assert.match(recs[0]!.description, /^\d+(s|m \d+s|h \d+m) · /);
    assert.match(plain(recs[0]!.tooltip), /\d+ clicks · \d+ key presses · \d+ console errors/);
    assert.equal(recs[0]!.command, '', 'a click selects and expands (Open Replay is a menu action)');
    const node = c.nodes[0];
    assert.equal(call(node, 'webUrl'), web(`replay/${(node as { item: { id: string } }).item.id}`));
    if (c.items.at(-1)!.contextValue === 'loadMore') {
      await vscode.commands.executeCommand('hogql.views.loadMore', c.nodes.at(-1));
      const more = await childrenWhen('recordings', (x) => x.items.filter((i) => i.contextValue === 'recording').length > 50, 'the second page');
      assert.equal(new Set(more.items.map((i) => i.id)).size, more.items.length);
      assert.ok((await requests()).some((r) => r.path.endsWith('/session_recordings/') && /offset=50/.test(r.query)));
    }
  });

  it('dashboards: children are their insights', async () => {
    const c = await children('dashboards');
    const d = c.items.find((i) => i.label === 'Revenue')!;
    assert.ok(d, 'the seeded Revenue dashboard');
    assert.ok(!d.tooltip.includes('<b>'));
    const kids = await children('dashboards', [d.id]);
    assert.ok(kids.items.length > 0);
    assert.ok(kids.items.every((k) => k.contextValue.startsWith('insight') && k.id.startsWith(`${d.id}/insight:`)));
  });

  const simpleView = async (view: string, kind: RegExp): Promise<Children> => {
    const c = await children(view);
    assert.ok(c.items.length > 0, `${view} has rows`);
    for (const i of c.items) assert.match(i.contextValue, kind);
    return c;
  };

  it('experiments, surveys, actions, annotations: status, type, flag, date', async () => {
    const ex = await simpleView('experiments', /^experiment\.(draft|running|complete|archived)$/);
    assert.ok(ex.items.some((i) => /^(draft|running|complete|archived) · flag [\w-]+/.test(i.description)));
    const sv = await simpleView('surveys', /^survey\./);
    assert.ok(sv.items.some((i) => i.label === 'Feedback <b>widget</b>' && / · widget · /.test(i.description)));
    await simpleView('actions', /^action$/);
    const an = await simpleView('annotations', /^annotation$/);
    assert.ok(an.items.some((i) => i.label === 'Launched on <b>Hacker News</b> & "Product Hunt"' && /organization/.test(i.description)));
    const node = ex.nodes[0];
    assert.equal(call(node, 'webUrl'), web(`experiments/${(node as { item: { id: number } }).item.id}`));
  });

  it('persons: server-side search by email; properties as children', async () => {
    const person = ((await api(`/api/projects/${pid()}/persons/?limit=20`)).results as { properties: Record<string, unknown>; distinct_ids: string[] }[]).find((p) => typeof p.properties.email === 'string')!;
    const email = person.properties.email as string;
    await clearRequests();
    await vscode.commands.executeCommand('hogql.persons.filter', { text: email });
    const c = await children('persons');
    assert.equal(c.items[0]!.label, email);
    assert.ok((await requests()).some((r) => r.path.endsWith('/persons/') && r.query.includes(`search=${encodeURIComponent(email)}`)));
    const props = await children('persons', [c.items[0]!.id]);
    assert.equal(props.items.find((p) => p.label === 'email')?.description, email);
    assert.equal(call(c.nodes[0], 'webUrl'), web(`person/${encodeURIComponent(person.distinct_ids[0]!)}`));
    await vscode.commands.executeCommand('hogql.persons.clearFilter');
  });

  it('schema: HogQL tables and fields, events and properties; click inserts at the cursor', async () => {
    const root = await children('schema');
    assert.deepEqual(root.items.map((i) => i.label), ['HogQL tables', 'Events', 'Event properties', 'Person properties']);
    const tables = await children('schema', [root.items[0]!.id]);
    const events = tables.items.find((t) => t.label === 'events')!;
    const fields = await children('schema', [root.items[0]!.id, events.id]);
    assert.ok(fields.items.some((f) => f.label === 'timestamp'));
    const defs = await children('schema', [root.items[1]!.id]);
    const pageview = defs.items.findIndex((d) => d.label === '$pageview');
    assert.ok(pageview >= 0);
    const doc = await vscode.workspace.openTextDocument({ language: 'hogql', content: 'select count() from events where event = ' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(doc.positionAt(doc.getText().length), doc.positionAt(doc.getText().length));
    assert.equal(await vscode.commands.executeCommand('hogql.schema.insert', defs.nodes[pageview]), true);
    assert.equal(doc.getText(), "select count() from events where event = '$pageview'");
    const props = await children('schema', [root.items[2]!.id]);
    const browser = props.nodes[props.items.findIndex((p) => p.label === '$browser')];
    await vscode.commands.executeCommand('hogql.schema.insert', browser);
    assert.equal(doc.getText(), "select count() from events where event = '$pageview'properties.$browser");
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('hogql.schema.filter', { text: 'pathname' });
    const filtered = await children('schema');
    const eventProps = await children('schema', [filtered.items[2]!.id]);
    assert.ok(eventProps.items.length > 0 && eventProps.items.every((p) => /pathname/i.test(p.label)));
    await vscode.commands.executeCommand('hogql.schema.clearFilter');
  });
});
