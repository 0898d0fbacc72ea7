// The Stale Flags view (issue #19): flags used in the workspace's code that are fully rolled out,
// inactive or not in PostHog, grouped by reason, each use listed, against the emulator's flags.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { signInToEmulator, signOutAll } from './support';
import { emulatorList, writeFile } from './codeIntelSupport';

interface Flag { key: string; active: boolean; deleted?: boolean; filters: { groups: { properties?: unknown[]; rollout_percentage?: number | null }[]; multivariate?: { variants: unknown[] } | null } }
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
    const off = flags.find((f) => !f.active)!;
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
});
