/**
 * "Find References" of a feature flag: every flag call with that key in the workspace's SDK files,
 * shown in VS Code's References view. Files come from VS Code's file search (`findFiles`, which
 * honours `files.exclude` and search excludes; `findTextInFiles` is still proposed API in 1.100),
 * bounded; each is read once, skipped unless its text holds the key, then scanned.
 */
import * as vscode from 'vscode';
import { lineStarts, positionAt } from '../language/hogql/text';
import { mayHaveSdkCalls } from './gate';
import { showInReferencesView } from './referencesView';
import { scan } from './scan/scan';
import type { SdkLanguage } from './scan/types';

const GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py,go,rb}';
const EXCLUDE = '**/{node_modules,.git,dist,out,build,vendor,.venv,venv,__pycache__}/**';
const MAX_FILES = 20_000;
const MAX_BYTES = 2_000_000;
const PARALLEL = 16;

const LANG_BY_EXT: Readonly<Record<string, SdkLanguage>> = { py: 'python', go: 'go', rb: 'ruby' };
const langOf = (path: string): SdkLanguage => LANG_BY_EXT[path.slice(path.lastIndexOf('.') + 1)] ?? 'js';

/** The flag calls with `key` in one file's text. */
export function referencesIn(uri: vscode.Uri, text: string, key: string): vscode.Location[] {
  if (!text.includes(key)) return [];
  return flagUsesIn(uri, text).filter((u) => u.key === key).map((u) => u.at);
}

/** Every flag call with a literal key in one file's text. */
export function flagUsesIn(uri: vscode.Uri, text: string): { key: string; at: vscode.Location }[] {
  if (!mayHaveSdkCalls(text)) return [];
  const result = scan(text, langOf(uri.path));
  const lines = lineStarts(text);
  const pos = (offset: number): vscode.Position => {
    const at = positionAt(lines, offset);
    return new vscode.Position(at.line, at.character);
  };
  return result.flags.filter((f) => !!f.key?.value).map((f) => ({ key: f.key!.value!, at: new vscode.Location(uri, new vscode.Range(pos(f.key!.contentStart), pos(f.key!.contentEnd))) }));
}

/** Calls `each` with the text of every SDK file of the workspace (open documents as edited), bounded. */
async function forEachSdkFile(each: (uri: vscode.Uri, text: string) => void, token?: vscode.CancellationToken): Promise<void> {
  const uris = await vscode.workspace.findFiles(GLOB, EXCLUDE, MAX_FILES, token);
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < uris.length && !token?.isCancellationRequested) {
      const uri = uris[next++];
      let text = open.get(uri.toString())?.getText();
      if (text === undefined) {
        const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
        if (!stat || stat.size > MAX_BYTES) continue;
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      }
      each(uri, text);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

const byPlace = (a: vscode.Location, b: vscode.Location): number => a.uri.toString().localeCompare(b.uri.toString()) || a.range.start.compareTo(b.range.start);

export async function findFlagReferences(key: string, token?: vscode.CancellationToken): Promise<vscode.Location[]> {
  const out: vscode.Location[] = [];
  await forEachSdkFile((uri, text) => out.push(...referencesIn(uri, text, key)), token);
  return out.sort(byPlace);
}

/** Every literal flag key used in the workspace's SDK files, with its uses in order. */
export async function allFlagUses(token?: vscode.CancellationToken): Promise<Map<string, vscode.Location[]>> {
  const out = new Map<string, vscode.Location[]>();
  await forEachSdkFile((uri, text) => {
    for (const u of flagUsesIn(uri, text)) out.set(u.key, [...(out.get(u.key) ?? []), u.at]);
  }, token);
  for (const list of out.values()) list.sort(byPlace);
  return out;
}

/** "Find References in Code" of a flag: its uses in the References view; what was found, for callers. */
export async function showFlagReferences(key: string): Promise<{ uri: string; line: number }[]> {
  const found = await vscode.window.withProgress({ location: { viewId: 'hogql.flags' }, title: `Finding uses of ${key}` }, (_, token) => findFlagReferences(key, token));
  if (found.length === 0) void vscode.window.showInformationMessage(`No uses of feature flag “${key}” in this workspace's TypeScript, JavaScript, Python, Go or Ruby files.`);
  else if (!(await showInReferencesView(`Flag ${key}`, found))) {
    await vscode.commands.executeCommand('editor.action.showReferences', found[0].uri, found[0].range.start, found);
  }
  return found.map((l) => ({ uri: l.uri.toString(), line: l.range.start.line }));
}
