// Workspace-wide code intelligence on a generated repository (issue #19, "Speed and size"; the
// same generator as scripts/bench/codeIntelWorkspace.ts, smaller): "Find References" of a flag and
// the Stale Flags view find every use in the workspace's TS/JS/Python/Go/Ruby files and none in
// the folders left out (node_modules, dist, vendor; files.exclude and search.exclude), and see files change.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { generateSdkRepo } from '../support/sdkRepo';
import { signInToEmulator, signOutAll } from './support';
import { writeFile } from './codeIntelSupport';

interface Found { uri: string; line: number }
interface Row { label: string; description: string; children: Row[] }

describe('codeIntel: references and stale flags in a generated workspace', function () {
  this.timeout(180_000);
  const dir = `repo-${process.pid}`;
  const flag = `ws-flag-${process.pid}`;
  const repo = generateSdkRepo({ files: 400, excludedFiles: 60, flag, sdkEvery: 10, largeEvery: 100 });
  const rel = (f: Found): string => `${vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri), false)}:${f.line}`;
  const find = async (): Promise<string[]> => (await vscode.commands.executeCommand<Found[]>('hogql.flags.findReferences', { key: flag })).map(rel).sort();
  const staleUses = async (): Promise<string[]> => {
    await vscode.commands.executeCommand('hogql.staleFlags.refresh');
    const groups = await vscode.commands.executeCommand<Row[]>('hogql.codeIntel.staleFlags');
    const row = groups.find((g) => g.label === 'Not in PostHog')?.children.find((r) => r.label === flag);
    // a use row reads `path:line` with a 1-based line
    return (row?.children ?? []).map((u) => u.label.replace(/:(\d+)$/, (_, n: string) => `:${Number(n) - 1}`)).sort();
  };

  before(async () => {
    await signOutAll();
    await signInToEmulator();
    for (const f of repo.files) await writeFile(`${dir}/${f.path}`, f.text);
    // a generated folder hidden by the user's files.exclude: its uses are not references either
    await vscode.workspace.getConfiguration('files').update('exclude', { [`**/${dir}/generated`]: true }, vscode.ConfigurationTarget.Workspace);
    await writeFile(`${dir}/generated/client.ts`, `import posthog from 'posthog-js'\nposthog.isFeatureEnabled('${flag}')\n`);
    // and one hidden by search.exclude (VS Code's search leaves it out; findFiles alone would not)
    await vscode.workspace.getConfiguration('search').update('exclude', { [`**/${dir}/fixtures`]: true }, vscode.ConfigurationTarget.Workspace);
    await writeFile(`${dir}/fixtures/recorded.py`, `import posthog\nposthog.feature_enabled('${flag}', 'u')\n`);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('search').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('finds every use of a flag and none in the folders left out', async () => {
    assert.ok(repo.uses.length >= 20 && repo.excluded.length === 60, `uses ${repo.uses.length}`);
    const expected = repo.uses.map((u) => `${dir}/${u}`).sort();
    assert.deepEqual(await find(), expected);
  });

  it('lists the same uses in the Stale Flags view', async () => {
    assert.deepEqual(await staleUses(), repo.uses.map((u) => `${dir}/${u}`).sort());
  });

  it('sees a file change, a new file and an unsaved edit in an open editor', async () => {
    const [first, second] = [repo.uses[0]!.split(':')[0]!, repo.uses.at(-1)!.split(':')[0]!];
    const gone = repo.uses.filter((u) => u.startsWith(`${first}:`)).map((u) => `${dir}/${u}`);
    // the first file loses its uses on disk (same size: an mtime-only change must be seen too), while
    // VS Code holds it as a document (unmodified, as after the References view showed its lines):
    // the disk is the truth until the document is edited
    const firstUri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, dir, first);
    await vscode.workspace.openTextDocument(firstUri);
    const text = repo.files.find((f) => f.path === first)!.text;
    await writeFile(`${dir}/${first}`, text.replaceAll(flag, flag.replace(/^ws/, 'xx')));
    await writeFile(`${dir}/added.py`, `import posthog\nposthog.feature_enabled('${flag}', 'u')\n`);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, dir, second));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), `posthog.isFeatureEnabled('${flag}')\n`));
    try {
      const shifted = repo.uses.filter((u) => u.startsWith(`${second}:`)).map((u) => `${dir}/${second}:${Number(u.split(':')[1]) + 1}`);
      const kept = repo.uses.map((u) => `${dir}/${u}`).filter((u) => !gone.includes(u) && !u.startsWith(`${dir}/${second}:`));
      const expected = [...kept, ...shifted, `${dir}/${second}:0`, `${dir}/added.py:1`].sort();
      assert.deepEqual(await find(), expected);
      assert.deepEqual(await staleUses(), expected);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
