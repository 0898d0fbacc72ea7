// The project's data-warehouse views are tables to the offline checks and to completion: a view's
// name draws no "Unknown table" warning, signed in or not, and a typo of one is told (its fix names
// the view). PostHog's own server check is off here, so only the offline checks speak.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { api, emulator, openFile, signInToEmulator, signOutAll } from './support';

let fileNo = 0;
const openDoc = (content: string): Promise<vscode.TextDocument> => openFile(`language-views-${process.pid}-${++fileNo}.hogql`, content);
const project = () => emulator().projects[0]!.id;
const settings = () => vscode.workspace.getConfiguration('hogql');

/** `sesions` is one letter from PostHog's `sessions`: without the project's views it reads as a typo. */
const VIEW = 'sesions';

/** Our unknown-table warnings once the offline checks answered (line 0 is always a typo of `events`). */
async function tableWarnings(doc: vscode.TextDocument, what: string): Promise<string[]> {
  const warnings = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'hogql' && d.code === 'unknown-table');
  await waitFor(() => warnings().some((d) => d.range.start.line === 0), 20_000, `${what}: the warning on line 0`);
  return warnings().map((d) => `${d.range.start.line}: ${d.message}`).sort();
}

const labels = (list: vscode.CompletionList) => list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));

describe("language: the project's views are tables", function () {
  this.timeout(90_000);

  before(async () => {
    await signOutAll();
    await settings().update('diagnostics.server', false, vscode.ConfigurationTarget.Global);
    // POST is an upsert by name in PostHog: a rerun finds the view as it was
    const res = await api(`/api/projects/${project()}/warehouse_saved_queries/`, { method: 'POST', body: JSON.stringify({ name: VIEW, query: { kind: 'HogQLQuery', query: 'SELECT session_id FROM sessions' } }) });
    assert.ok(res.status === 200 || res.status === 201, JSON.stringify(res.body));
  });

  after(async () => {
    await settings().update('diagnostics.server', undefined, vscode.ConfigurationTarget.Global);
    await signOutAll();
  });

  it('signed out: no "Unknown table" on a name that may be a view; a likely typo still warns', async () => {
    const doc = await openDoc('SELECT 1 FROM evnts;\nSELECT count() FROM daily_signups_by_plan;\nSELECT 1 FROM a JOIN b ON a.x = b.x');
    assert.deepEqual(await tableWarnings(doc, 'signed out'), ['0: Unknown table `evnts`. Did you mean `events`?']);
  });

  it("signed in: the project's views are known (no typo warning on a view's name) and a typo of one names it", async () => {
    await signInToEmulator(project());
    const doc = await openDoc(`SELECT 1 FROM evnts;\nSELECT 1 FROM ${VIEW};\nSELECT 1 FROM sesionz`);
    // the views load in the background after the sign-in: the checks run again when they arrive
    const found = await waitFor(async () => {
      const w = await tableWarnings(doc, 'signed in');
      return w.some((m) => m.startsWith('2:') && m.includes(`\`${VIEW}\``)) ? w : undefined;
    }, 30_000, 'the typo of the view named');
    assert.deepEqual(found, ['0: Unknown table `evnts`. Did you mean `events`?', `2: Unknown table \`sesionz\`. Did you mean \`${VIEW}\`?`]);
  });

  it('signed in: completion after FROM offers the views, marked as views', async () => {
    const text = 'SELECT 1 FROM ';
    const doc = await openDoc(text);
    const list = await waitFor(async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(text.length));
      return labels(l).includes(VIEW) ? l : undefined;
    }, 20_000, 'the view offered');
    const item = list.items.find((i) => i.label === VIEW)!;
    assert.equal(item.detail, 'view');
    assert.ok(labels(list).includes('events'), "PostHog's tables too");
  });
});
