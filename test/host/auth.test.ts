// Sign-in, project switch and sign-out against the local PostHog emulator, through the commands.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from '../support/waitFor';
import { emulator, logText, signInToEmulator, signOutAll, testHooks } from './support';

describe('auth: sign in, switch, sign out', function () {
  this.timeout(60_000);
  before(signOutAll);
  after(signOutAll);

  it('signs in with command arguments and keeps the key only in secret storage', async () => {
    const emu = emulator();
    const result = await signInToEmulator();
    assert.ok(result);
    assert.equal(result.projectId, emu.projects[0]!.id);
    assert.equal(result.projectName, emu.projects[0]!.name);
    assert.equal(result.host, emu.url);
    const hooks = await testHooks();
    assert.equal(await hooks.hasPersonalKey(result.connectionId), true, 'key stored in SecretStorage');
    const state = JSON.stringify(hooks.connections());
    assert.ok(state.includes(result.connectionId));
    assert.ok(!state.includes(emu.personalKey), 'no key in global state');
    const settings = JSON.stringify(vscode.workspace.getConfiguration('hogql'));
    assert.ok(!settings.includes(emu.personalKey), 'no key in settings');
  });

  it('logs its requests without the key', async () => {
    const emu = emulator();
    await waitFor(() => /GET \/api\/users\/@me\/ → 200/.test(logText()), 10_000, 'the sign-in requests in the PostHog log');
    const text = logText();
    assert.match(text, /GET \/api\/projects\/\?limit=\d+&offset=0 → 200 \(\d+ ms\)/);
    assert.ok(!text.includes(emu.personalKey), 'the log never holds the key');
    assert.ok(!text.includes(emu.personalKey.slice(4)), 'not even without its prefix');
  });

  it('writes the key to no file of the user data, settings or extension dirs', async () => {
    const emu = emulator();
    const run = process.env.HOGQL_TEST_RUN_DIR!;
    const hits: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        const st = statSync(p);
        if (st.isDirectory()) walk(p);
        else if (st.isFile() && st.size < 20_000_000 && readFileSync(p).includes(emu.personalKey)) hits.push(p);
      }
    };
    for (const d of ['ud', 'xdg', 'ws']) walk(join(run, d));
    assert.deepEqual(hits, []);
  });

  it('switches to another project of the same connection', async () => {
    const emu = emulator();
    const other = emu.projects[1]!;
    const result = await vscode.commands.executeCommand<{ projectId: number; projectName: string }>('hogql.switchProject', { projectId: other.id });
    assert.equal(result?.projectId, other.id);
    assert.equal(result?.projectName, other.name);
    const { list, active } = (await testHooks()).connections() as { list: { id: string; projectId: number }[]; active: string };
    assert.equal(list.find((c) => c.id === active)?.projectId, other.id);
  });

  it('refuses a project key (phc_) with an explanation, and saves nothing', async () => {
    const emu = emulator();
    const before = JSON.stringify((await testHooks()).connections());
    await assert.rejects(
      () => signInToEmulator(emu.projects[0]!.id, emu.projects[0]!.apiToken),
      (e: Error) => /project API key \(phc_…\)/.test(e.message) && /personal API key/i.test(e.message) && !e.message.includes(emu.projects[0]!.apiToken),
    );
    assert.equal(JSON.stringify((await testHooks()).connections()), before);
  });

  it('reports an unknown personal key as unauthorized', async () => {
    const emu = emulator();
    const bogus = 'phx_' + 'x'.repeat(40);
    await assert.rejects(() => signInToEmulator(emu.projects[0]!.id, bogus), (e: Error & { status?: number }) => e.status === 401);
  });

  it('names the missing scope when the key lacks one', async () => {
    const emu = emulator();
    const queryOnly = emu.keys.find((k) => k.scopes.length === 1 && k.scopes[0] === 'query:read');
    assert.ok(queryOnly, 'the emulator has a query:read-only key');
    await assert.rejects(
      () => signInToEmulator(emu.projects[0]!.id, queryOnly.key),
      (e: Error & { status?: number }) => e.status === 403 && /user:read/.test(e.message),
    );
  });

  it('signs out: the connection and its secret are gone', async () => {
    const hooks = await testHooks();
    const { active } = hooks.connections() as { active: string };
    assert.ok(active);
    assert.equal(await vscode.commands.executeCommand('hogql.signOut', active), true);
    assert.equal(await hooks.hasPersonalKey(active), false);
    assert.equal((hooks.connections() as { list: unknown[] }).list.length, 0);
  });
});

interface Logged {
  method: string;
  path: string;
  status: number;
  time: string;
  keyHint: string | null;
}

async function admin(path: string, method = 'GET', body?: unknown): Promise<any> {
  const emu = emulator();
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${emu.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** The emulator's hint for a key (`phx_…ab12`), as its request log shows it. */
const hintOf = (key: string): string => `${key.slice(0, 4)}…${key.slice(-4)}`;
const apiRequests = async (): Promise<Logged[]> => ((await admin('/_emulator/requests')).requests as Logged[]).filter((r) => r.path.startsWith('/api/'));

describe('auth: a key switch is atomic (issue #13 item 4)', function () {
  this.timeout(90_000);
  before(signOutAll);
  after(async () => {
    await admin('/_emulator/faults', 'DELETE');
    await signOutAll();
  });

  it('after signing in with another key, every request carries the new key and the names load again', async () => {
    const emu = emulator();
    const project = emu.projects[0]!;
    const keyA = emu.personalKey;
    const keyB = emu.keys.find((k) => k.key !== keyA && k.scopes.includes('event_definition:read') && k.scopes.includes('user:read'))?.key;
    assert.ok(keyB, 'the emulator has a second key that can sign in and read the names');
    // Key A's names load on sign-in (when the language features are loaded) or once completion asks
    // for them; either way its person property list hangs in flight: the fault is set before both.
    await admin('/_emulator/faults', 'POST', { mode: 'hang', count: 1, path: `/api/projects/${project.id}/property_definitions` });
    await signInToEmulator(project.id, keyA);
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const uri = vscode.Uri.joinPath(folder, `auth-switch-${process.pid}.hogql`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from("SELECT count() FROM events WHERE event = ''", 'utf8'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const complete = () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(doc.getText().length - 1));
    await complete();
    const definitions = `/api/projects/${project.id}/event_definitions`;
    await waitFor(async () => (await apiRequests()).some((r) => r.path.startsWith(definitions) && r.keyHint === hintOf(keyA)), 20_000, "key A's event names");
    await waitFor(async () => (await admin('/_emulator/faults')).faults.length === 0, 20_000, 'a names request of key A to hang in flight');
    await vscode.commands.executeCommand('hogql.test.sidebar', { op: 'children', view: 'flags', path: [] });

    await signInToEmulator(project.id, keyB);
    const switched = Date.now();

    await complete();
    await vscode.commands.executeCommand('hogql.test.sidebar', { op: 'children', view: 'flags', path: [] });
    const after = async () => (await apiRequests()).filter((r) => Date.parse(r.time) >= switched);
    await waitFor(async () => (await after()).some((r) => r.path.startsWith(definitions) && r.keyHint === hintOf(keyB)), 20_000, "the names loaded again with key B");
    await waitFor(async () => (await after()).some((r) => r.path.startsWith(`/api/projects/${project.id}/feature_flags`)), 20_000, 'the flags tree loaded again');
    const stale = (await after()).filter((r) => r.keyHint !== hintOf(keyB));
    assert.deepEqual(stale.map((r) => `${r.method} ${r.path} ${r.keyHint}`), [], 'no request left with key A after the switch returned');
  });
});

describe('auth: a server 429 shows its countdown and a Retry (issue #13 item 12)', function () {
  this.timeout(60_000);
  before(signOutAll);
  // Server checks (HogQLMetadata) post to the same path: off, so every POST logged is a run.
  before(() => vscode.workspace.getConfiguration('hogql').update('diagnostics.server', false, vscode.ConfigurationTarget.Global));
  after(async () => {
    await vscode.workspace.getConfiguration('hogql').update('diagnostics.server', undefined, vscode.ConfigurationTarget.Global);
    await admin('/_emulator/faults', 'DELETE');
    await signOutAll();
  });

  it("Retry counts down the server's Retry-After, then runs the query again", async () => {
    const emu = emulator();
    const project = emu.projects[0]!;
    await signInToEmulator(project.id);
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const uri = vscode.Uri.joinPath(folder, `auth-429-${process.pid}.hogql`);
    await vscode.workspace.fs.writeFile(uri, Buffer.from('SELECT 42', 'utf8'));
    const hooks = await testHooks();
    const seen = hooks.shownMessages().length;
    await admin('/_emulator/faults', 'POST', { mode: '429', count: 1, retryAfter: 3, path: `/api/projects/${project.id}/query` });
    hooks.queueMessageAnswers('Retry');
    const queryPath = `/api/projects/${project.id}/query/`;
    const before = (await apiRequests()).filter((r) => r.method === 'POST' && r.path === queryPath).length;
    const out = await vscode.commands.executeCommand<{ kind: string; error?: { status: number; message: string } }>('hogql.runQuery', { uri: uri.toString(), offset: 0 });
    assert.equal(out?.kind, 'failed');
    assert.equal(out.error?.status, 429);
    const shown = () => hooks.shownMessages().slice(seen);
    const error = await waitFor(() => shown().find((m) => m.level === 'error'), 10_000, 'the rate-limit error');
    assert.equal(error.message, "PostHog's rate limit for this API key was reached. Try again in 3 s.");
    assert.ok(error.actions.includes('Retry'), error.actions.join(', '));
    const retried = await waitFor(async () => {
      const posts = (await apiRequests()).filter((r) => r.method === 'POST' && r.path === queryPath).slice(before);
      return posts.length >= 2 && posts[1]!.status < 300 ? posts : undefined;
    }, 20_000, 'the retried query to be accepted').catch(async (e: Error) => {
      throw new Error(`${e.message}; shown: ${JSON.stringify(shown())}; posts: ${JSON.stringify((await apiRequests()).filter((r) => r.path === queryPath))}`);
    });
    assert.equal(retried[0]!.status, 429);
    const waited = Date.parse(retried[1]!.time) - Date.parse(retried[0]!.time);
    assert.ok(waited >= 2_500, `the retry waited for the Retry-After (${waited} ms; ${JSON.stringify(shown())})`);
    const steps = shown().filter((m) => m.level === 'progress').map((m) => m.message);
    assert.ok(steps.some((s) => /retrying in [23] s/.test(s)), `a countdown was shown: ${steps.join(' | ')}`);
    // it counts down (a tick may be late on a loaded machine, so not every second need be shown)
    const seconds = steps.flatMap((s) => /retrying in (\d+) s/.exec(s)?.[1] ?? []).map(Number);
    assert.ok(seconds.length >= 2 && Math.min(...seconds) < seconds[0]!, `it counted down: ${steps.join(' | ')}`);
    assert.ok(steps.every((s) => /^PostHog's rate limit: retrying in \d s…$/.test(s)), steps.join(' | '));
  });
});
