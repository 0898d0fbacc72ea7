// Helpers for host tests (they run inside the extension host).
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HogqlApi, TestHooks } from '../../src/extension';

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
export async function signOutAll(): Promise<void> {
  const hooks = await testHooks();
  for (const c of (hooks.connections() as { list: { id: string }[] }).list) await vscode.commands.executeCommand('hogql.signOut', c.id);
}
