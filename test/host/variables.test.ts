// SQL variables `{variables.x}` end to end against the emulator: completion of the project's
// variables, hover, typed pickers pre-filled with the server's defaults, runs that send them as
// PostHog's web editor does, and PostHog's own message for an unknown name.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { api, emulator, openFile, signInToEmulator, signOutAll } from './support';

interface Outcome {
  kind: 'done' | 'failed' | 'cancelled';
  payload?: { rows: unknown[][] };
  error?: Error & { status?: number; code?: string; serverDetail?: string };
}

interface Variable {
  id: string;
  code_name: string;
  type: string;
  default_value: unknown;
  values: string[] | null;
}

let fileNo = 0;
const openDoc = (content: string): Promise<vscode.TextDocument> => openFile(`variables-${process.pid}-${++fileNo}.hogql`, content);

async function emulatorCall<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await api(path, { method, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, json: res.body as T };
}

const project = () => emulator().projects[0]!.id;
/** The emulator's own answer to a HogQL query (no extension involved). */
async function direct(query: string, variables?: Record<string, unknown>): Promise<{ status: number; json: { results?: unknown[][]; detail?: string } }> {
  return emulatorCall('POST', `/api/projects/${project()}/query/`, { query: { kind: 'HogQLQuery', query, ...(variables ? { variables } : {}) } });
}

/** Runs `command` (`hogql.runQuery`) and accepts each prompt it opens (the pre-selected or pre-filled value) until it ends. */
async function runAccepting(args: Record<string, unknown>, command = 'hogql.runQuery'): Promise<Outcome | undefined> {
  let settled = false;
  const run = Promise.resolve(vscode.commands.executeCommand<Outcome | undefined>(command, args)).finally(() => (settled = true));
  await waitFor(
    async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    },
    30_000,
    'the run to end after accepting its prompts',
    100,
  );
  return run;
}

/** Hover contents as text (appendText escapes spaces and Markdown characters). */
const hoverText = (hs: vscode.Hover[]) =>
  hs
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\(.)/g, '$1');

describe('SQL variables', function () {
  this.timeout(90_000);
  let vars: Variable[];
  const byCode = (code: string): Variable => vars.find((v) => v.code_name === code)!;

  before(async () => {
    await signOutAll();
    await signInToEmulator();
    vars = (await emulatorCall<{ results: Variable[] }>('GET', `/api/projects/${project()}/insight_variables/`)).json.results;
    assert.ok(byCode('event_name') && byCode('min_screen_width'), 'the emulator seeds its sample variables');
  });
  after(async () => {
    const mine = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && /variables-\d+-\d+\.hogql$/.test(t.input.uri.path));
    await vscode.window.tabGroups.close(mine);
    await signOutAll();
  });

  it('completes {variables. with the project\'s variables, type and default in the detail', async () => {
    const text = 'SELECT count() FROM events WHERE event = {variables.';
    const doc = await openDoc(text);
    const items = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(text.length), '.');
      return list.items.length ? list.items : undefined;
    }, 20_000, 'variable completions');
    const labels = items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepEqual([...labels].sort(), vars.map((v) => v.code_name).sort());
    const ev = items.find((i) => i.label === 'event_name')!;
    assert.equal(ev.detail, 'List · default "$pageview" (Event Name)');
    assert.equal((ev.insertText as string) ?? '', 'event_name}');
  });

  it('hovers {variables.x} with its type, default and values', async () => {
    const text = 'SELECT {variables.event_name}';
    const doc = await openDoc(text);
    const shown = await waitFor(async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(text.indexOf('event_name') + 2)));
      return /List/.test(t) ? t : undefined;
    }, 20_000, 'the variable hover');
    assert.match(shown, /default "\$pageview"/);
    assert.match(shown, /purchase/);
  });

  it('runs with a value: rows filtered by it, as the emulator answers the same filter directly', async () => {
    const doc = await openDoc('SELECT count() AS c FROM events WHERE event = {variables.event_name}');
    const out = await vscode.commands.executeCommand<Outcome>('hogql.runQuery', { uri: doc.uri.toString(), offset: 0, variables: { event_name: 'purchase' } });
    assert.equal(out?.kind, 'done', String(out?.error));
    const expected = await direct("SELECT count() AS c FROM events WHERE event = 'purchase'");
    assert.deepEqual(out.payload?.rows, expected.json.results);
    const pageviews = await direct("SELECT count() AS c FROM events WHERE event = '$pageview'");
    assert.notDeepEqual(out.payload?.rows, pageviews.json.results, 'a filter that changes the answer');
  });

  it('asks with the server\'s default pre-selected (List) and pre-filled (Number), and sends a number as a number', async () => {
    const doc = await openDoc('SELECT count() AS c, {variables.min_screen_width} + 1 AS w FROM events WHERE event = {variables.event_name}');
    const out = await runAccepting({ uri: doc.uri.toString(), offset: 0 });
    assert.equal(out?.kind, 'done', String(out?.error));
    const expected = await direct(`SELECT count() AS c, ${Number(byCode('min_screen_width').default_value) + 1} AS w FROM events WHERE event = '$pageview'`);
    assert.deepEqual(out.payload?.rows, expected.json.results);
    // Remembered for the document: the next run asks nothing.
    const again = await vscode.commands.executeCommand<Outcome>('hogql.runQuery', { uri: doc.uri.toString(), offset: 0 });
    assert.deepEqual(again?.payload?.rows, expected.json.results);
  });

  it('offers a Variables… CodeLens that asks again from the last value used in the file', async () => {
    const doc = await openDoc('SELECT 1 AS one;\n\nSELECT count() AS c FROM events WHERE event = {variables.event_name}');
    const first = await vscode.commands.executeCommand<Outcome>('hogql.runQuery', { uri: doc.uri.toString(), offset: doc.getText().indexOf('count'), variables: { event_name: 'purchase' } });
    assert.equal(first?.kind, 'done', String(first?.error));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const variables = lenses.filter((l) => l.command?.command === 'hogql.editQueryValues');
    assert.deepEqual(variables.map((l) => l.range.start.line), [2], 'only above the statement with a variable');
    const again = await runAccepting(variables[0]!.command!.arguments![0] as Record<string, unknown>, 'hogql.editQueryValues');
    assert.equal(again?.kind, 'done', String(again?.error));
    const purchases = await direct("SELECT count() AS c FROM events WHERE event = 'purchase'");
    assert.deepEqual(again.payload?.rows, purchases.json.results);
  });

  it('gives PostHog\'s message for an unknown variable name', async () => {
    const query = 'SELECT {variables.event_name}, {variables.evnt_name}';
    const doc = await openDoc(query);
    const out = await vscode.commands.executeCommand<Outcome>('hogql.runQuery', { uri: doc.uri.toString(), offset: 0, variables: { event_name: '$pageview' } });
    assert.equal(out?.kind, 'failed');
    const ev = byCode('event_name');
    const expected = await direct(query, { [ev.id]: { variableId: ev.id, code_name: ev.code_name, value: '$pageview' } });
    assert.equal(expected.status, 400);
    assert.equal(expected.json.detail, 'Variable evnt_name is missing from query. Did you mean: event_name?');
    assert.equal(out.error?.serverDetail, expected.json.detail);
    // On the document: the run's error, or the server check's own word for the same name.
    await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find((d) => /^Variable evnt_name is missing from query/.test(d.message)), 20_000, 'the error on the document');
  });

  it('server diagnostics warn about the unknown variable only', async () => {
    const doc = await openDoc('SELECT {variables.event_name} AS a, {variables.nope} AS b');
    const server = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'PostHog');
    const nope = await waitFor(() => server().find((d) => d.message.includes('nope')), 30_000, 'the server warning for {variables.nope}');
    assert.match(nope.message, /^Variable nope is missing from query/);
    assert.deepEqual(server().filter((d) => /event_name/.test(d.message)).map((d) => d.message), []);
  });
});
