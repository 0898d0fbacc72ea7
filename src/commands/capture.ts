/**
 * "PostHog: Capture Event": sends one event to the connection's ingestion host (US/EU `.i.`
 * hosts, or the self-hosted instance) with the project's public API key (`phc_…`), never the
 * personal key. The project key comes from SecretStorage, else from the project (`api_token`),
 * else from the user (checked with `checkKey(…, 'project')`), and is stored for next time.
 *
 * Scripted/test arguments: `{event, distinctId, properties, projectKey?}` (properties as an object
 * or JSON text); the confirmation is still asked.
 */
import * as vscode from 'vscode';
import type { ActiveSession } from '../auth/session';
import { checkKey } from '../auth/keyKind';
import type { Ctx } from '../ctx';
import { parseProperties, validateEventName } from '../views/format';
import { assertWritable, confirmWrite } from '../ui/confirm';
import { sessionOrStop } from './session';
import type { CommandTable } from '../ui/registry';

export const KEY_TYPES =
  'PostHog has two kinds of key. A personal API key (phx_…) is secret: it reads and changes your data through the private API and is what you signed in with. ' +
  'A project API key (phc_…) is public: it only sends events, and it is what capture needs. Find it in Project settings.';

interface CaptureArgs {
  event?: string;
  distinctId?: string;
  properties?: Record<string, unknown> | string;
  projectKey?: string;
}

const hint = (key: string): string => `${key.slice(0, 4)}…${key.slice(-4)}`;

async function storeKey(ctx: Ctx, s: ActiveSession, key: string): Promise<void> {
  await ctx.session.secrets.storeProjectKey(s.connection.id, s.projectId, key);
  const ids = s.connection.projectKeyIds ?? [];
  if (!ids.includes(s.projectId)) await ctx.session.store.update(s.connection.id, { projectKeyIds: [...ids, s.projectId] });
}

function checked(raw: string, s: ActiveSession): string {
  const r = checkKey(raw, 'project', s.client.hostInfo.baseUrl);
  if (!r.ok) throw new Error(`${r.message} ${KEY_TYPES}`);
  return r.cleaned;
}

async function askKey(s: ActiveSession): Promise<string | undefined> {
  const raw = await vscode.window.showInputBox({
    title: `Project API key of ${s.projectName} (phc_…)`,
    prompt: KEY_TYPES,
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => {
      const r = checkKey(v, 'project', s.client.hostInfo.baseUrl);
      return r.ok ? undefined : { message: r.message ?? 'Not a project API key.', severity: vscode.InputBoxValidationSeverity.Error };
    },
  });
  return raw === undefined ? undefined : checked(raw, s);
}

/** The project key to send with: given, stored, offered from the project, or typed. */
async function projectKey(ctx: Ctx, s: ActiveSession, given: string | undefined, scripted: boolean): Promise<string | undefined> {
  if (given !== undefined) {
    const key = checked(given, s);
    await storeKey(ctx, s, key);
    return key;
  }
  const stored = await ctx.session.secrets.projectKey(s.connection.id, s.projectId);
  if (stored) return stored;
  const token = (await s.client.projects.get(s.projectId).catch(() => undefined))?.api_token;
  const usable = token && checkKey(token, 'project').ok ? token : undefined;
  let key: string | undefined;
  if (usable && scripted) key = usable;
  else if (usable) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: `Use the project API key of ${s.projectName}`, description: hint(usable), key: usable },
        { label: 'Enter a project API key…', description: 'phc_…', key: undefined as string | undefined },
      ],
      { title: 'Capture Event: project API key', placeHolder: KEY_TYPES },
    );
    if (!pick) return undefined;
    key = pick.key ?? (await askKey(s));
  } else key = await askKey(s);
  if (key) await storeKey(ctx, s, key);
  return key;
}

async function askEvent(a: CaptureArgs, s: ActiveSession): Promise<{ event: string; distinctId: string; properties: Record<string, unknown> } | undefined> {
  const event = a.event ?? (await vscode.window.showInputBox({ title: 'Capture Event: event name', value: 'test event from VS Code', validateInput: validateEventName, ignoreFocusOut: true }));
  if (event === undefined) return undefined;
  const bad = validateEventName(event);
  if (bad) throw new Error(bad);
  const distinctId = a.distinctId ?? (await vscode.window.showInputBox({ title: 'Capture Event: distinct id', value: s.connection.userEmail ?? 'vscode-test-user', validateInput: (v) => (v.trim() ? undefined : 'Enter a distinct id.'), ignoreFocusOut: true }));
  if (distinctId === undefined) return undefined;
  if (!distinctId.trim()) throw new Error('The distinct id is empty.');
  let properties: Record<string, unknown>;
  if (a.properties && typeof a.properties === 'object') properties = a.properties;
  else {
    const text = a.properties ?? (await vscode.window.showInputBox({ title: 'Capture Event: properties (JSON object)', value: '{}', ignoreFocusOut: true, validateInput: (v) => { const r = parseProperties(v); return r.ok ? undefined : r.message; } }));
    if (text === undefined) return undefined;
    const r = parseProperties(text);
    if (!r.ok) throw new Error(r.message);
    properties = r.value;
  }
  return { event, distinctId, properties };
}

async function captureEvent(ctx: Ctx, arg: unknown): Promise<{ sent: boolean; ingestionUrl?: string }> {
  assertWritable('capturing an event');
  const s = await sessionOrStop(ctx, 'capture events');
  const a = (arg && typeof arg === 'object' ? arg : {}) as CaptureArgs;
  const scripted = arg !== undefined && Object.getPrototypeOf(arg) === Object.prototype;
  const key = await projectKey(ctx, s, a.projectKey, scripted);
  if (!key) return { sent: false };
  const e = await askEvent(a, s);
  if (!e) return { sent: false };
  const ingestionUrl = s.client.ingestionUrl;
  const ok = await confirmWrite(
    `Send event “${e.event}” for distinct id “${e.distinctId}” to project ${s.projectName}?`,
    `It goes to ${ingestionUrl} with the project API key ${hint(key)} and ${Object.keys(e.properties).length} properties. Captured events cannot be removed from the project's data.`,
    'Send Event',
  );
  if (!ok) return { sent: false };
  await s.client.capture.send(key, { event: e.event, distinctId: e.distinctId, properties: { ...e.properties, $lib: 'vscode-hogql' } });
  void vscode.window.showInformationMessage(`PostHog: sent “${e.event}” to ${s.projectName}.`);
  return { sent: true, ingestionUrl };
}

export function captureCommands(): CommandTable {
  return { captureEvent: (ctx) => (arg: unknown) => captureEvent(ctx, arg) };
}
