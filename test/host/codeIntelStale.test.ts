// The Stale Flags view (issue #19): flags used in the workspace's code that are fully rolled out,
// inactive for a long time (hogql.codeIntel.staleInactiveDays, 30 by default), deleted in PostHog or
// never created, grouped by reason, each use listed, against the emulator's flags.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emulator, signInToEmulator, signOutAll } from './support';
import { api } from './viewsSupport';
import { emulatorList, writeFile } from './codeIntelSupport';

interface Flag { id: number; key: string; active: boolean; deleted?: boolean; updated_at: string; filters: { groups: { properties?: unknown[]; rollout_percentage?: number | null }[]; multivariate?: { variants: unknown[] } | null } }
interface Row { label: string; description: string; children: Row[] }

/** Fully rolled out, judged here from the API's fields: active, every condition for everyone, one that reaches 100 %, no variants. */
const rolledOut = (f: Flag) =>
  f.active && !f.filters.multivariate?.variants?.length && f.filters.groups.length > 0 &&
  f.filters.groups.every((g) => !g.properties?.length) && f.filters.groups.some((g) => (g.rollout_percentage ?? 100) === 100);

describe('codeIntel: stale flags view', function () {
  this.timeout(120_000);

  before(async () => {
    await signOutAll();
    await signInToEmulator();
  });

  it('groups the stale flags used in code by reason, with each use', async () => {
    const flags = (await emulatorList<Flag>('feature_flags/')).filter((f) => !f.deleted);
    const done = flags.find(rolledOut)!;
    const off = flags.find((f) => !f.active && Date.now() - Date.parse(f.updated_at) > 31 * 86_400_000)!;
    const live = flags.find((f) => f.active && !rolledOut(f))!;
    assert.ok(done && off && live, 'the emulator has a rolled-out, an inactive and a partly rolled-out flag');
    const gone = `gone-flag-${process.pid}`;
    const dir = `stale-${process.pid}`;
    await writeFile(`${dir}/a.ts`, `// posthog\nif (posthog.isFeatureEnabled('${done.key}')) {}\nposthog.isFeatureEnabled('${off.key}')\nposthog.isFeatureEnabled('${live.key}')\n`);
    await writeFile(`${dir}/b.py`, `import posthog\nposthog.feature_enabled('${done.key}', 'u')\nposthog.feature_enabled('${gone}', 'u')\n`);
    await vscode.commands.executeCommand('hogql.staleFlags.refresh');
    const groups = await vscode.commands.executeCommand<Row[]>('hogql.codeIntel.staleFlags');
    const group = (label: string) => groups.find((g) => g.label === label);
    const flagRow = (label: string, key: string) => group(label)?.children.find((r) => r.label === key);
    const doneRow = flagRow('Fully rolled out', done.key);
    assert.ok(doneRow, JSON.stringify(groups.map((g) => [g.label, g.children.map((c) => c.label)])));
    assert.deepEqual(doneRow.children.map((u) => u.label).filter((l) => l.startsWith(dir)).sort(), [`${dir}/a.ts:2`, `${dir}/b.py:2`]);
    assert.ok(flagRow('Inactive', off.key)?.children.some((u) => u.label === `${dir}/a.ts:3`));
    assert.deepEqual(flagRow('Not in PostHog', gone)?.children.map((u) => u.label), [`${dir}/b.py:3`]);
    assert.ok(!groups.some((g) => g.children.some((r) => r.label === live.key)), 'a flag still rolling out is not stale');
  });

  it('lists an inactive flag only once unchanged for 30 days, and tells deleted flags from never-created ones', async () => {
    const base = `/api/projects/${emulator().projects[0]!.id}/feature_flags/`;
    const fresh = (await api(base, 'POST', { key: `off-today-${process.pid}`, name: 'inactive since today', active: false })) as Flag;
    const doomed = (await api(base, 'POST', { key: `doomed-${process.pid}`, name: 'deleted below', active: true })) as Flag;
    const never = `never-created-${process.pid}`;
    const dir = `stale-age-${process.pid}`;
    await writeFile(`${dir}/c.ts`, `// posthog\nposthog.isFeatureEnabled('${fresh.key}')\nposthog.isFeatureEnabled('${doomed.key}')\nposthog.isFeatureEnabled('${never}')\n`);
    // the flags are read (and their ids seen) before the deletion, as in a session that goes on
    await vscode.commands.executeCommand('hogql.staleFlags.refresh');
    await vscode.commands.executeCommand('hogql.codeIntel.staleFlags');
    await api(`${base}${doomed.id}/`, 'PATCH', { deleted: true });
    await vscode.commands.executeCommand('hogql.staleFlags.refresh');
    const groups = await vscode.commands.executeCommand<Row[]>('hogql.codeIntel.staleFlags');
    const keysOf = (label: string) => groups.find((g) => g.label === label)?.children.map((r) => r.label) ?? [];
    const shown = JSON.stringify(groups.map((g) => [g.label, g.children.map((c) => c.label)]));
    assert.ok(!groups.some((g) => g.children.some((r) => r.label === fresh.key)), `an inactive flag changed today is not stale: ${shown}`);
    assert.deepEqual(keysOf('Deleted in PostHog').filter((k) => k === doomed.key), [doomed.key], shown);
    assert.ok(keysOf('Not in PostHog').includes(never), shown);
    assert.ok(!keysOf('Not in PostHog').includes(doomed.key), shown);
  });
});
