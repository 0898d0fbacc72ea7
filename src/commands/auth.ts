import * as vscode from 'vscode';
import type { PostHogClient } from '../api/client';
import { personalKeysUrl } from '../api/keys';
import type { Project, User } from '../api/resources/identity';
import { apiIfLoaded, loadApi } from '../apiLoader';
import { promptForKey } from '../auth/keyPrompt';
import { checkKey } from '../auth/keyKind';
import type { Connection } from '../auth/connections';
import type { Ctx } from '../ctx';
import { notify } from '../ui/notify';
import { pickHost } from './hostPick';
import { projectItems, SIGN_IN_PROJECT_TITLE, SWITCH_PROJECT_TITLE } from './projectPick';
import type { CommandTable } from '../ui/registry';

/** Arguments for scripted sign-in (tests, scripts): no UI is shown when `host` and `key` are given. */
export interface SignInArgs {
  host: string;
  key: string;
  projectId?: number;
}

export interface SignInResult {
  connectionId: string;
  host: string;
  projectId: number;
  projectName: string;
}

/**
 * Asks for the personal API key in a password box that explains a project key (phc_) or a typo,
 * and checks it with PostHog before closing: a failure shows in the box (no toast to go stale).
 */
async function askAndVerifyKey(ctx: Ctx, host: string): Promise<{ key: string; verified: Verified } | undefined> {
  const web = loadApi().normalizeHost(host).baseUrl;
  const box = vscode.window.createInputBox();
  box.title = 'Sign in to PostHog (2/3): personal API key';
  box.prompt = `A personal API key (phx_…) from ${personalKeysUrl(web)} with at least user:read, project:read and query:read`;
  box.placeholder = 'phx_…';
  box.password = true;
  box.ignoreFocusOut = true;
  return promptForKey(box, {
    check: (v) => checkKey(v, 'personal', web),
    verify: (key, signal) => fetchIdentity(ctx.session.makeClient(host, key), signal),
    describe: (e) => {
      const api = apiIfLoaded();
      if (api && e instanceof api.AbortError) return undefined;
      ctx.log.warn(`sign-in check failed: ${api && e instanceof api.ApiError ? `${e.name}: ${e.userMessage}` : String(e)}`);
      return api && e instanceof api.ApiError ? e.userMessage : e instanceof Error ? e.message : String(e);
    },
    severity: { error: vscode.InputBoxValidationSeverity.Error, info: vscode.InputBoxValidationSeverity.Info },
  });
}

/** The projects the key can see, grouped by organisation. */
async function listProjects(client: PostHogClient, signal: AbortSignal): Promise<Project[]> {
  return client.projects.list({ signal }).toArray({ max: 1000 });
}

/**
 * Picks the project: the one given, else skip the picker when there is one, else ask. `current`:
 * the project in use when switching (the picker then has its own title and marks it).
 */
async function pickProject(me: User, projects: Project[], wanted?: number, current?: number): Promise<Project | undefined> {
  if (wanted !== undefined) {
    const found = projects.find((p) => p.id === wanted);
    if (!found) throw new (loadApi().ConfigError)(`Project ${wanted} is not among the projects this key can see (${projects.map((p) => p.id).join(', ') || 'none'}).`);
    return found;
  }
  if (projects.length === 1) return projects[0];
  if (projects.length === 0) throw new (loadApi().ConfigError)('This key can see no project. Check the key\'s project access in PostHog.');
  const orgNames = new Map(me.organizations.map((o) => [o.id, o.name]));
  const items = projectItems(projects, orgNames, current, me.team?.id);
  const title = current === undefined ? SIGN_IN_PROJECT_TITLE : SWITCH_PROJECT_TITLE;
  const pick = await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
  return pick?.project;
}

interface Verified {
  me: User;
  projects: Project[];
}

async function fetchIdentity(client: PostHogClient, signal: AbortSignal): Promise<Verified> {
  try {
    const me = await client.users.me({ signal });
    return { me, projects: await listProjects(client, signal) };
  } finally {
    void client.dispose(); // only used to check the key: the session builds its own
  }
}

/** Verifies the key against /api/users/@me/ and the project list, with progress and cancel. */
async function verify(ctx: Ctx, host: string, key: string): Promise<Verified> {
  const client = ctx.session.makeClient(host, key);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `PostHog: checking the key with ${loadApi().normalizeHost(host).baseUrl}…`, cancellable: true },
    (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return fetchIdentity(client, abort.signal);
    },
  );
}

async function signIn(ctx: Ctx, args?: SignInArgs): Promise<SignInResult | undefined> {
  const scripted = !!args?.host && !!args?.key;
  const host = scripted ? args.host : await pickHost();
  if (!host) return undefined;
  let key: string | undefined;
  let verified: Verified | undefined;
  if (scripted) {
    const check = checkKey(args.key, 'personal', loadApi().normalizeHost(host).baseUrl);
    if (!check.ok) throw new (loadApi().ConfigError)(check.message ?? 'This key cannot be used.');
    key = check.cleaned!;
    verified = await verify(ctx, host, key);
  } else {
    const asked = await askAndVerifyKey(ctx, host);
    if (!asked) return undefined;
    ({ key, verified } = asked);
  }
  const { me, projects } = verified;
  const project = await pickProject(me, projects, args?.projectId);
  if (!project) return undefined;
  const org = me.organizations.find((o) => o.id === String(project.organization)) ?? me.organization ?? undefined;
  const conn = await ctx.session.activate(
    {
      host: loadApi().normalizeHost(host).baseUrl,
      projectId: project.id,
      projectName: project.name,
      ...(org?.name ? { organizationName: org.name } : {}),
      userEmail: me.email,
    },
    key,
  );
  ctx.log.info(`signed in to ${conn.host} as ${me.email}, project ${project.name} (${project.id})`);
  if (!scripted) void notify('info', `Signed in to ${project.name} on ${conn.host}.`);
  return { connectionId: conn.id, host: conn.host, projectId: project.id, projectName: project.name };
}

/** Signs out of one connection (the active one, or the one given, or picked): deletes its secrets. */
async function signOut(ctx: Ctx, connectionId?: string): Promise<boolean> {
  const all = ctx.session.store.list();
  let conn: Connection | undefined = connectionId ? ctx.session.store.get(connectionId) : undefined;
  if (!conn && !connectionId) {
    if (all.length <= 1) conn = all[0];
    else {
      const pick = await vscode.window.showQuickPick(
        all.map((c) => ({ label: c.projectName, description: c.host, detail: c.userEmail, conn: c })),
        { title: 'PostHog: sign out of which connection?' },
      );
      conn = pick?.conn;
    }
  }
  if (!conn) {
    if (all.length === 0) void notify('info', 'You are not signed in.');
    return false;
  }
  await ctx.session.secrets.deleteConnection(conn.id, conn.projectKeyIds ?? []);
  await ctx.session.store.remove(conn.id);
  ctx.log.info(`signed out of ${conn.host} (${conn.projectName}); its key was deleted from secret storage`);
  return true;
}

type SwitchItem = vscode.QuickPickItem & { run?: () => Promise<unknown> };

/** Switches project or connection: saved connections, other projects of the active host, sign in/out. */
async function switchProject(ctx: Ctx, target?: { connectionId?: string; projectId?: number }): Promise<SignInResult | undefined> {
  const store = ctx.session.store;
  if (target?.connectionId || target?.projectId) return switchTo(ctx, target.connectionId ?? store.active()?.id, target.projectId);
  const active = store.active();
  const items: SwitchItem[] = [];
  for (const c of store.list()) {
    items.push({
      label: `${c.id === active?.id ? '$(check) ' : ''}${c.projectName}`,
      description: c.host,
      detail: c.userEmail ? `as ${c.userEmail}` : undefined,
      run: () => switchTo(ctx, c.id),
    });
  }
  if (active) items.push({ label: `$(list-unordered) Other projects on ${active.host}…`, run: () => switchTo(ctx, active.id, undefined, true) });
  items.push({ label: '$(add) Sign in to another PostHog…', run: () => signIn(ctx) });
  if (active) items.push({ label: '$(sign-out) Sign out…', run: () => signOut(ctx) });
  const pick = await vscode.window.showQuickPick(items, { title: 'PostHog: switch project or connection' });
  const out = await pick?.run?.();
  return out && typeof out === 'object' && 'projectId' in out ? (out as SignInResult) : undefined;
}

async function switchTo(ctx: Ctx, connectionId: string | undefined, projectId?: number, ask = false): Promise<SignInResult | undefined> {
  const conn = connectionId ? ctx.session.store.get(connectionId) : undefined;
  if (!conn) throw new (loadApi().ConfigError)('That connection no longer exists. Sign in again.');
  if (projectId === undefined && !ask) {
    await ctx.session.store.setActive(conn.id);
    return { connectionId: conn.id, host: conn.host, projectId: conn.projectId, projectName: conn.projectName };
  }
  const key = await ctx.session.secrets.personalKey(conn.id);
  if (!key) throw new (loadApi().ConfigError)(`The key for ${conn.host} is missing from secret storage. Sign in again.`);
  const { me, projects } = await verify(ctx, conn.host, key);
  const project = await pickProject(me, projects, projectId, conn.projectId);
  if (!project) return undefined;
  await ctx.session.store.update(conn.id, { projectId: project.id, projectName: project.name });
  await ctx.session.store.setActive(conn.id);
  ctx.log.info(`switched to project ${project.name} (${project.id}) on ${conn.host}`);
  return { connectionId: conn.id, host: conn.host, projectId: project.id, projectName: project.name };
}

export const authCommands: CommandTable = {
  signIn: (ctx) => (args?: SignInArgs) => signIn(ctx, args),
  signOut: (ctx) => (connectionId?: string) => signOut(ctx, typeof connectionId === 'string' ? connectionId : undefined),
  switchProject: (ctx) => (target?: { connectionId?: string; projectId?: number }) => switchProject(ctx, target),
};
