// Helpers for host tests (they run inside the extension host).
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HogqlApi, TestHooks } from '../../src/extension';
import { waitFor } from '../support/waitFor';

export const EXTENSION_ID = 'hogql-dev.vscode-hogql';

export interface EmulatorInfo {
  url: string;
  personalKey: string;
  adminToken: string;
  projects: { id: number; name: string; apiToken: string }[];
  keys: { key: string; scopes: string[] }[];
}

/** The local PostHog started by the harness for this host run. */
export function emulator(): EmulatorInfo {
  const raw = process.env.HOGQL_TEST_EMULATOR;
  assert.ok(raw, 'HOGQL_TEST_EMULATOR is set by the host test harness');
  return JSON.parse(raw) as EmulatorInfo;
}

export async function hogqlApi(): Promise<HogqlApi> {
  const ext = vscode.extensions.getExtension<HogqlApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext.activate();
}

export async function testHooks(): Promise<TestHooks> {
  const hooks = (await hogqlApi()).testHooks;
  assert.ok(hooks, 'test hooks are enabled (HOGQL_TEST_HOOKS=1)');
  return hooks;
}

/** Text of the "PostHog" log channel's file (the extension host writes it under the run's logs). */
export function logText(): string {
  const run = process.env.HOGQL_TEST_RUN_DIR;
  assert.ok(run, 'HOGQL_TEST_RUN_DIR is set');
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, name.name);
      if (name.isDirectory()) walk(p);
      else if (name.name === 'PostHog.log' || /PostHog\.log$/.test(name.name)) found.push(p);
    }
  };
  const logs = join(run, 'ud', 'logs');
  if (existsSync(logs)) walk(logs);
  return found.map((f) => readFileSync(f, 'utf8')).join('\n');
}

/** Signs in to the emulator with command arguments (no UI); returns the command's result. */
export async function signInToEmulator(projectId = emulator().projects[0]!.id, key = emulator().personalKey) {
  return vscode.commands.executeCommand<{ connectionId: string; projectId: number; projectName: string; host: string }>('hogql.signIn', {
    host: emulator().url,
    key,
    projectId,
  });
}

/** Signs out of every saved connection. */
/**
 * Signs in to the emulator afresh, then runs `SELECT 1` in a document from `openProbe` until it
 * completes: a 429 with Retry-After left by another suite holds queries back for a while.
 */
export async function signInReadyToRun(openProbe: (text: string) => Promise<vscode.TextDocument>): Promise<void> {
  await signOutAll();
  await signInToEmulator();
  const probe = await openProbe('SELECT 1');
  await waitFor(
    async () => (await vscode.commands.executeCommand<{ kind: string } | undefined>('hogql.runQuery', { uri: probe.uri.toString(), offset: 0 }))?.kind === 'done',
    60_000,
    'a query to run',
    1_000,
  );
}

export async function signOutAll(): Promise<void> {
  const hooks = await testHooks();
  for (const c of (hooks.connections() as { list: { id: string }[] }).list) await vscode.commands.executeCommand('hogql.signOut', c.id);
}

/**
 * Closes every editor without a save prompt: `workbench.action.closeAllEditors` waits forever on
 * "Do you want to save…?" when an earlier test left an editor dirty (a full host run showed it).
 * Dirty text editors are reverted first; the rest are closed through the tab API.
 */
export async function closeAllEditorsReverting(): Promise<void> {
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    if (!tab.isDirty) continue;
    const input = tab.input;
    const uri = input instanceof vscode.TabInputText ? input.uri : input instanceof vscode.TabInputNotebook ? input.uri : undefined;
    if (!uri) continue;
    await vscode.commands.executeCommand('vscode.open', uri);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  const clean = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => !t.isDirty);
  if (clean.length) await vscode.window.tabGroups.close(clean);
}

/**
 * A request to the emulator's API (PostHog's routes or its `/_emulator/` admin ones) with the
 * personal key, or `token`: the status and the parsed body (null for 204 No Content).
 */
export async function api(path: string, init: RequestInit = {}, token = emulator().personalKey): Promise<{ status: number; body: any }> {
  const res = await fetch(`${emulator().url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

/** Writes `content` to `name` in the first workspace folder, opens it and shows it. */
export async function openFile(name: string, content: string, show: vscode.TextDocumentShowOptions = {}): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, show);
  return doc;
}
