// HogQL editing that teaches (#20): completion before FROM, function docs in signature help and
// hover, navigation and rename of CTEs and aliases, keyword docs — in the real extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { api, emulator, openFile, signInToEmulator, signOutAll } from './support';

let fileNo = 0;
const openDoc = (content: string): Promise<vscode.TextDocument> => openFile(`language-teach-${process.pid}-${++fileNo}.hogql`, content);

/** Completion items at the `|` of `text` (the bar is removed). */
async function complete(text: string): Promise<vscode.CompletionItem[]> {
  const at = text.indexOf('|');
  const doc = await openDoc(text.replace('|', ''));
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(at));
  return list.items;
}
const label = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);

async function emulatorNames(type: 'event' | 'person'): Promise<string[]> {
  const res = await api(`/api/projects/${emulator().projects[0]!.id}/property_definitions/?type=${type}&limit=500`);
  assert.equal(res.status, 200);
  return (res.body as { results: { name: string }[] }).results.map((p) => p.name);
}

describe('language teach: completion before FROM', function () {
  this.timeout(60_000);
  before(async () => {
    await signOutAll();
    await signInToEmulator();
  });
  after(signOutAll);

  it('completes event properties after `SELECT properties.$br` with no FROM yet, marked as such', async () => {
    const props = await emulatorNames('event');
    const dollar = props.find((p) => p.startsWith('$b')) ?? props.find((p) => p.startsWith('$') && p.length > 3);
    assert.ok(dollar, 'a $-property exists in the emulator data');
    const items = await complete(`SELECT properties.${dollar.slice(0, 3)}|`);
    const item = items.find((i) => label(i) === dollar);
    assert.ok(item, `${dollar} among ${items.slice(0, 10).map(label).join()}`);
    assert.match(item.detail ?? '', /event property \(as if FROM events: no FROM yet\)/);
  });

  it('completes person properties after `person.properties.` and events fields with no FROM', async () => {
    const person = await emulatorNames('person');
    const items = await complete('SELECT person.properties.|');
    assert.ok(items.length > 0 && items.every((i) => person.includes(label(i))), items.slice(0, 10).map(label).join());
    const fields = await complete('SELECT tim|');
    const ts = fields.find((i) => label(i) === 'timestamp');
    assert.match(ts?.detail ?? '', /events, no FROM yet/);
  });

  it('refines once a FROM is typed: properties of persons, not events', async () => {
    const person = await emulatorNames('person');
    const items = await complete('SELECT properties.| FROM persons');
    assert.ok(items.length > 0 && items.every((i) => person.includes(label(i))) && !items.some((i) => /no FROM/.test(i.detail ?? '')));
  });

  it('offers an alias name after AS and types inside CAST', async () => {
    assert.ok((await complete('SELECT properties.$browser AS |')).some((i) => label(i) === 'browser'));
    assert.ok((await complete('SELECT CAST(event AS |)')).some((i) => label(i) === 'DateTime64'));
  });
});

/** Signature help at the `|` of `text`: the label and the active parameter's text. */
async function signature(text: string): Promise<{ label: string; active: string; docs: string }> {
  const doc = await openDoc(text.replace('|', ''));
  const help = await vscode.commands.executeCommand<vscode.SignatureHelp>('vscode.executeSignatureHelpProvider', doc.uri, doc.positionAt(text.indexOf('|')), '(');
  const sig = help?.signatures[help.activeSignature];
  assert.ok(sig, `signature help for ${text}`);
  const p = sig.parameters[help.activeParameter]?.label;
  const active = Array.isArray(p) ? sig.label.slice(p[0], p[1]) : String(p);
  const docs = typeof sig.documentation === 'string' ? sig.documentation : sig.documentation?.value ?? '';
  return { label: sig.label, active, docs };
}

async function hoverText(text: string, at: string): Promise<string> {
  const doc = await openDoc(text);
  const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(text.indexOf(at) + 1));
  return hs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
}

describe('language teach: function docs', function () {
  this.timeout(60_000);
  before(signOutAll);

  it('signature help names the parameters, their types and the active one', async () => {
    const s = await signature("SELECT dateDiff('day', |");
    assert.match(s.label, /^dateDiff\(unit, startdate: Date .*, enddate: .*\) → Int64$/);
    assert.match(s.active, /^startdate: /);
    assert.match(s.docs, /Difference between two dates/);
    assert.match(s.docs, /\[Documentation\]\(https:\/\/clickhouse\.com\/docs\/sql-reference\/functions\/date-time-functions#datediff\)/);
  });

  it('signature help of combinators (countIf, sumIf, uniqMerge) and a parametric aggregate (quantile(0.9)(x))', async () => {
    const c = await signature('SELECT countIf(event, |) FROM events');
    assert.match(c.label, /^countIf\(\[expr: Expression\], cond: UInt8\)/);
    assert.equal(c.active, 'cond: UInt8');
    const sum = await signature("SELECT sumIf(|, event = 'x') FROM events");
    assert.match(sum.label, /^sumIf\(num: .*, cond: UInt8\)/);
    assert.match(sum.active, /^num: /);
    assert.match(sum.docs, /aggregate-functions\/reference\/sum\)/);
    assert.equal((await signature("SELECT sumIf(1, |) FROM events")).active, 'cond: UInt8');
    const merge = await signature('SELECT uniqMerge(|) FROM (SELECT uniqState(event) AS s FROM events)');
    assert.match(merge.label, /^uniqMerge\(state: AggregateFunction/);
    assert.match(merge.active, /^state: AggregateFunction/);
    const level = await signature('SELECT quantile(|');
    assert.equal(level.active, 'level: Float');
    const expr = await signature('SELECT quantile(0.9)(|) FROM events');
    assert.match(expr.label, /^quantile\(level: Float\)\(expr: /);
    assert.match(expr.active, /^expr: /);
  });

  it('hover shows the signature, description, example and docs link', async () => {
    const h = await hoverText('SELECT sumIf(1, event = \'x\') FROM events', 'sumIf');
    assert.match(h, /sumIf\(num: .*, cond: UInt8\)/);
    assert.match(h, /Sum of the values where the condition holds/);
    assert.match(h, /Example: `sumIf\(/);
    assert.match(h, /aggregate-functions\/reference\/sum\)/);
    const posthog = await hoverText('SELECT matchesAction(\'x\') FROM events', 'matchesAction');
    assert.match(posthog, /https:\/\/posthog\.com\/docs\/sql\/expressions/);
  });
});

describe('language teach: navigation and rename', function () {
  this.timeout(60_000);
  before(signOutAll);

  const q = 'WITH recent AS (SELECT event, count() AS total FROM events GROUP BY event ORDER BY total DESC)\nSELECT r.event, r.total FROM recent r WHERE r.total > 1';

  it('goes to the definition of a CTE and of a table alias, and finds their references', async () => {
    const doc = await openDoc(q);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, doc.positionAt(q.lastIndexOf('recent') + 1));
    const def = defs[0]!;
    const range = 'targetRange' in def ? def.targetRange : def.range;
    assert.equal(doc.getText(range), 'recent');
    assert.equal(doc.offsetAt(range.start), 5);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, doc.positionAt(q.indexOf('r.event')));
    assert.equal(refs.length, 4, 'r in the FROM and its three uses');
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, doc.positionAt(q.indexOf('total DESC')));
    assert.equal(highlights.length, 2, 'the column alias and its ORDER BY use');
  });

  it('renames a CTE and a column alias across the statement', async () => {
    const doc = await openDoc(q);
    const cte = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, doc.positionAt(5), 'latest');
    assert.ok(await vscode.workspace.applyEdit(cte));
    assert.equal(doc.getText(), q.replace(/recent/g, 'latest'));
    const text = doc.getText();
    const alias = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, doc.positionAt(text.indexOf('total DESC')), 'n');
    assert.ok(await vscode.workspace.applyEdit(alias));
    assert.equal(doc.getText(), text.replace('AS total', 'AS n').replace('BY total', 'BY n'));
    const renamed = doc.getText();
    const table = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, doc.positionAt(renamed.indexOf('r.event')), 'l');
    assert.ok(await vscode.workspace.applyEdit(table));
    assert.equal(doc.getText(), renamed.replace('latest r ', 'latest l ').replace(/\br\./g, 'l.'), 'the table alias and its three uses');
  });
});

/** One row of a HogQL query against the emulator, sent directly (the oracle, not the extension). */
async function emulatorRow(query: string): Promise<unknown[]> {
  const res = await api(`/api/projects/${emulator().projects[0]!.id}/query/`, { method: 'POST', body: JSON.stringify({ query: { kind: 'HogQLQuery', query } }) });
  assert.equal(res.status, 200);
  return (res.body as { results: unknown[][] }).results[0] ?? [];
}

async function queryPosts(): Promise<number> {
  const { requests } = (await api('/_emulator/requests', {}, emulator().adminToken)).body as { requests: { method: string; path: string }[] };
  return requests.filter((r) => r.method === 'POST' && /\/query\/?$/.test(r.path)).length;
}

describe('language teach: property and event hovers', function () {
  this.timeout(90_000);
  const hogql = () => vscode.workspace.getConfiguration('hogql');
  before(async () => {
    // no server syntax checks: every query request below is the hover's
    await hogql().update('diagnostics.server', false, vscode.ConfigurationTarget.Global);
    await signOutAll();
    await signInToEmulator();
  });
  after(async () => {
    await hogql().update('diagnostics.server', undefined, vscode.ConfigurationTarget.Global);
    await signOutAll();
  });

  /** Hovers until the usage line is in (the first hover may show it loading). */
  const settledHover = (text: string, at: string): Promise<string> =>
    waitFor(async () => {
      const h = await hoverText(text, at);
      return /loading…/.test(h) ? undefined : h;
    }, 30_000, `the usage in the hover of ${at}`, 200);

  it('an event property: its type, event property, recent values and last seen, from one query', async () => {
    const [value, ts] = await emulatorRow("SELECT properties.$browser, timestamp FROM events WHERE timestamp >= now() - INTERVAL 30 DAY AND isNotNull(properties.$browser) ORDER BY timestamp DESC LIMIT 1");
    const q = "SELECT properties.$browser FROM events WHERE event = '$pageview'";
    const before = await queryPosts();
    const h = await settledHover(q, '$browser');
    assert.match(h, /Event property `\$browser`/);
    assert.match(h, /Type: String/);
    assert.ok(h.includes(`Recent values: ${String(value)}`), h);
    assert.ok(h.includes(`last seen ${String(ts)}`), h);
    for (let i = 0; i < 3; i++) assert.equal(await hoverText(q, '$browser'), h);
    assert.equal((await queryPosts()) - before, 1, 'one query for the property, however often it is hovered');
    const noFrom = await hoverText('SELECT properties.$browser', '$browser');
    assert.ok(noFrom.includes(`Recent values: ${String(value)}`), `with no FROM yet, as if FROM events: ${noFrom}`);
  });

  it('a person property, with its own values', async () => {
    const [email] = await emulatorRow('SELECT person.properties.email, timestamp FROM events WHERE timestamp >= now() - INTERVAL 30 DAY AND isNotNull(person.properties.email) ORDER BY timestamp DESC LIMIT 1');
    const h = await settledHover('SELECT person.properties.email FROM events', 'email');
    assert.match(h, /Person property `email`/);
    assert.ok(h.includes(`Recent values: ${String(email)}`), h);
  });

  it("an event's 30-day volume", async () => {
    const [count] = await emulatorRow("SELECT count() FROM events WHERE event = '$pageview' AND timestamp >= now() - INTERVAL 30 DAY");
    const h = await settledHover("SELECT count() FROM events WHERE event = '$pageview'", '$pageview');
    assert.match(h, /Event `\$pageview`/);
    assert.ok(h.includes(`30-day volume: ${Number(count).toLocaleString('en-US')} events`), h);
  });
});

describe('language teach: keyword docs on hover', function () {
  this.timeout(60_000);
  before(signOutAll);

  it('documents PREWHERE, LIMIT BY, ARRAY JOIN, WITH TIES, a placeholder and a HogQLX tag, each with a link', async () => {
    const cases: [string, string, RegExp][] = [
      ["SELECT * FROM events PREWHERE event = 'x'", 'PREWHERE', /\*\*PREWHERE\*\*.*\n[\s\S]*select\/prewhere\)/],
      ['SELECT event FROM events ORDER BY timestamp DESC LIMIT 3 BY event', 'LIMIT', /\*\*LIMIT BY\*\*[\s\S]*select\/limit-by\)/],
      ['SELECT x FROM (SELECT [1, 2] AS arr) ARRAY JOIN arr AS x', 'ARRAY', /\*\*ARRAY JOIN\*\*[\s\S]*select\/array-join\)/],
      ['SELECT event FROM events ORDER BY event LIMIT 1 WITH TIES', 'TIES', /\*\*WITH TIES\*\*/],
      ['SELECT count() FROM events WHERE {filters}', 'filters', /\*\*\{filters\}\*\*[\s\S]*posthog\.com\/docs\/sql\)/],
      ['SELECT <Sparkline data={[1, 2]} />', 'Sparkline', /\*\*HogQLX tag\*\*/],
    ];
    for (const [text, at, re] of cases) assert.match(await hoverText(text, at), re, text);
  });
});
