/**
 * Feature flag commands: toggle, create, edit rollout, soft delete (PATCH `deleted: true`; PostHog
 * answers DELETE with 405), copy key, copy a posthog-js snippet. Every write asks in a modal naming
 * the flag, the project and the effect, and is refused in read-only mode.
 *
 * Arguments: a flag row, or from scripts/tests a plain object `{id}` / `{key}` (plus `rollout`,
 * `name`, `active`, `condition` to skip the prompts; the confirmation is still asked).
 */
import * as vscode from 'vscode';
import type { ActiveSession } from '../auth/session';
import type { FeatureFlag } from '../api/resources/flags';
import type { Ctx } from '../ctx';
import { conditionLines, flagSnippet, newFlagBody, parseRollout, validateNewFlagKey, withRollout } from '../views/flagLogic';
import { oneLine } from '../views/format';
import { FlagNode } from '../views/nodes/flagNode';
import type { Sidebar } from '../views/sidebar';
import { assertWritable, confirmWrite } from '../ui/confirm';
import type { CommandTable } from '../ui/registry';
import { sessionOrStop } from './session';

interface FlagArgs {
  id?: number;
  key?: string;
  name?: string;
  rollout?: number | string;
  active?: boolean;
  condition?: number;
}

interface Resolved {
  session: ActiveSession;
  flag: FeatureFlag;
  node: FlagNode | undefined;
}


async function resolveFlag(ctx: Ctx, arg: unknown): Promise<Resolved> {
  const session = await sessionOrStop(ctx, 'manage feature flags');
  if (arg instanceof FlagNode) {
    if (arg.projectId !== session.projectId) throw new Error('This flag belongs to another project; refresh the Feature Flags view.');
    return { session, flag: arg.item, node: arg };
  }
  const a = (arg ?? {}) as FlagArgs;
  const { client, projectId } = session;
  if (typeof a.id === 'number') return { session, flag: await client.flags.get(projectId, a.id), node: undefined };
  if (typeof a.key === 'string') {
    const page = await client.flags.page(projectId, 0, 100, { filters: { search: a.key } });
    const flag = page.results.find((f) => f.key === a.key);
    if (!flag) throw new Error(`No feature flag with key ${a.key} in project ${oneLine(session.projectName, 150)}.`);
    return { session, flag, node: undefined };
  }
  throw new Error('Pick a feature flag in the Feature Flags view.');
}

/** After a write: update the row in place when we have it, else reload the view. */
function applied(sidebar: Sidebar, r: Resolved, updated: FeatureFlag | undefined): void {
  if (r.node && updated && !updated.deleted) {
    r.node.item = updated;
    sidebar.tree('flags').changed(r.node);
  } else sidebar.refresh('flags');
}

async function toggle(ctx: Ctx, sidebar: Sidebar, arg: unknown, want?: boolean): Promise<boolean> {
  assertWritable('toggling a feature flag');
  const r = await resolveFlag(ctx, arg);
  const explicit = want ?? (arg instanceof FlagNode ? undefined : (arg as FlagArgs | undefined)?.active);
  const active = typeof explicit === 'boolean' ? explicit : !r.flag.active;
  const verb = active ? 'Enable' : 'Disable';
  const effect = active ? `It is served again by its release conditions (${conditionLines(r.flag).length || 'none'}).` : 'It stops being served at once; its release conditions are kept.';
  if (!(await confirmWrite(`${verb} flag “${oneLine(r.flag.key, 150)}” in project ${oneLine(r.session.projectName, 150)}?`, effect, `${verb} Flag`))) return false;
  const updated = await r.session.client.flags.update(r.session.projectId, r.flag.id, { active });
  applied(sidebar, r, updated);
  return true;
}

async function ask(
  title: string,
  value: string,
  validate: (v: string) => string | undefined | Promise<string | undefined>,
  prompt?: string,
): Promise<string | undefined> {
  return vscode.window.showInputBox({ title, value, prompt, ignoreFocusOut: true, validateInput: (v) => validate(v) });
}

/** Every flag key of the project (flag keys are unique per project); undefined when they cannot be listed. */
async function takenKeys(ctx: Ctx, session: ActiveSession): Promise<Set<string> | undefined> {
  try {
    const flags = await session.client.flags.list(session.projectId, { signal: AbortSignal.timeout(15_000), pageSize: 200 }).toArray({ max: 10_000 });
    return new Set(flags.map((f) => f.key));
  } catch (e) {
    ctx.log.warn(`could not list the flag keys to check a new key: ${(e as Error).message}`);
    return undefined;
  }
}

/** What the user typed so far: a refused create asks again with it filled in. */
interface FlagDraft {
  key: string;
  name: string;
  rollout: string;
}

async function create(ctx: Ctx, sidebar: Sidebar, arg: unknown): Promise<FeatureFlag | undefined> {
  assertWritable('creating a feature flag');
  const session = await sessionOrStop(ctx, 'manage feature flags');
  const a = (arg ?? {}) as FlagArgs;
  const taken = takenKeys(ctx, session);
  let draft: FlagDraft = { key: '', name: '', rollout: '100' };
  for (;;) {
    const keyProblem = async (v: string): Promise<string | undefined> => validateNewFlagKey(v, await taken, session.projectName);
    const key = a.key ?? (await ask('New feature flag: key', draft.key, keyProblem, 'Letters, numbers, - and _; used in code'));
    if (key === undefined) return undefined;
    const bad = await keyProblem(key);
    if (bad) throw new Error(`Invalid flag key "${key}": ${bad}`);
    const name = a.name ?? (await ask(`New feature flag ${key}: description`, draft.name, () => undefined, 'Optional'));
    if (name === undefined) return undefined;
    const rolloutText = a.rollout ?? (await ask(`New feature flag ${key}: rollout %`, draft.rollout, (v) => (parseRollout(v).ok ? undefined : 'Enter a whole percentage from 0 to 100.')));
    if (rolloutText === undefined) return undefined;
    const rollout = parseRollout(rolloutText);
    if (!rollout.ok) throw new Error(rollout.message);
    draft = { key, name, rollout: String(rolloutText) };
    const ok = await confirmWrite(`Create flag “${key}” in project ${oneLine(session.projectName, 150)}?`, `The flag is created enabled, for ${rollout.value}% of all users.`, 'Create Flag');
    if (!ok) return undefined;
    try {
      const flag = await session.client.flags.create(session.projectId, newFlagBody(key, name, rollout.value));
      sidebar.refresh('flags');
      return flag;
    } catch (e) {
      // A refusal (the key was taken meanwhile, a server rule) keeps what was typed: ask again with it.
      const interactive = a.key === undefined || a.name === undefined || a.rollout === undefined;
      if (!interactive || !(e instanceof Error) || (e as { status?: number }).status !== 400) throw e;
      void vscode.window.showWarningMessage(`PostHog refused the flag: ${e.message} Your entries are kept; change them and confirm again.`);
    }
  }
}

async function pickCondition(flag: FeatureFlag, given: number | undefined): Promise<number | undefined | null> {
  const lines = conditionLines(flag);
  if (given !== undefined) {
    if (!Number.isInteger(given) || given < 0 || given >= Math.max(lines.length, 1)) throw new Error(`Flag ${oneLine(flag.key, 150)} has no condition ${given + 1}.`);
    return given;
  }
  if (lines.length <= 1) return undefined;
  const pick = await vscode.window.showQuickPick(
    [{ label: 'All conditions', index: undefined as number | undefined }, ...lines.map((l, i) => ({ label: oneLine(l, 300), index: i }))],
    { title: `Rollout of ${oneLine(flag.key, 150)}: which release condition?` },
  );
  return pick ? pick.index : null;
}

async function editRollout(ctx: Ctx, sidebar: Sidebar, arg: unknown): Promise<boolean> {
  assertWritable('changing a rollout');
  const r = await resolveFlag(ctx, arg);
  const a = (arg instanceof FlagNode ? {} : (arg ?? {})) as FlagArgs;
  const condition = await pickCondition(r.flag, a.condition);
  if (condition === null) return false;
  const current = r.flag.filters?.groups?.[condition ?? 0]?.rollout_percentage ?? 100;
  const text = a.rollout ?? (await ask(`Rollout of ${oneLine(r.flag.key, 150)} (%)`, String(current), (v) => (parseRollout(v).ok ? undefined : 'Enter a whole percentage from 0 to 100.')));
  if (text === undefined) return false;
  const pct = parseRollout(text);
  if (!pct.ok) throw new Error(pct.message);
  const which = condition === undefined ? 'every release condition' : `release condition ${condition + 1}`;
  const ok = await confirmWrite(`Set the rollout of flag “${oneLine(r.flag.key, 150)}” to ${pct.value}% in project ${oneLine(r.session.projectName, 150)}?`, `This changes ${which} (now ${current}%).`, 'Change Rollout');
  if (!ok) return false;
  const updated = await r.session.client.flags.update(r.session.projectId, r.flag.id, { filters: withRollout(r.flag, pct.value, condition) });
  applied(sidebar, r, updated);
  return true;
}

async function softDelete(ctx: Ctx, sidebar: Sidebar, arg: unknown): Promise<boolean> {
  assertWritable('deleting a feature flag');
  const r = await resolveFlag(ctx, arg);
  const ok = await confirmWrite(
    `Delete flag “${oneLine(r.flag.key, 150)}” in project ${oneLine(r.session.projectName, 150)}?`,
    'The flag stops being served and disappears from the list. PostHog keeps it as deleted, so it can be restored there.',
    'Delete Flag',
  );
  if (!ok) return false;
  await r.session.client.flags.softDelete(r.session.projectId, r.flag.id);
  applied(sidebar, r, undefined);
  return true;
}

async function copy(ctx: Ctx, arg: unknown, what: 'key' | 'snippet'): Promise<string> {
  const flag = arg instanceof FlagNode ? arg.item : (await resolveFlag(ctx, arg)).flag;
  const text = what === 'key' ? flag.key : flagSnippet(flag);
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(what === 'key' ? `Copied flag key ${oneLine(flag.key, 150)}` : `Copied a posthog-js check for ${oneLine(flag.key, 150)}`, 3000);
  return text;
}

/** Ctrl/Cmd+click on a flag key in code: the flag's row in the Feature Flags view, selected. */
async function reveal(ctx: Ctx, sidebar: Sidebar, arg: unknown): Promise<boolean> {
  const r = await resolveFlag(ctx, arg);
  const shown = await sidebar.tree('flags').revealRow(r.flag.key, `flag:${r.session.projectId}:${r.flag.id}`);
  if (!shown) void vscode.window.showInformationMessage(`Feature flag ${oneLine(r.flag.key, 150)} is not listed in the Feature Flags view (check the hogql.views.enabled setting).`);
  return shown;
}

export function flagCommands(sidebar: Sidebar): CommandTable {
  return {
    'flags.toggle': (ctx) => (arg: unknown) => toggle(ctx, sidebar, arg),
    'flags.enable': (ctx) => (arg: unknown) => toggle(ctx, sidebar, arg, true),
    'flags.disable': (ctx) => (arg: unknown) => toggle(ctx, sidebar, arg, false),
    'flags.create': (ctx) => (arg: unknown) => create(ctx, sidebar, arg),
    'flags.editRollout': (ctx) => (arg: unknown) => editRollout(ctx, sidebar, arg),
    'flags.delete': (ctx) => (arg: unknown) => softDelete(ctx, sidebar, arg),
    'flags.copyKey': (ctx) => (arg: unknown) => copy(ctx, arg, 'key'),
    'flags.copySnippet': (ctx) => (arg: unknown) => copy(ctx, arg, 'snippet'),
    'flags.reveal': (ctx) => (arg: unknown) => reveal(ctx, sidebar, arg),
  };
}
