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
