/**
 * "Find References" of a feature flag: every flag call with that key in the workspace's SDK files,
 * shown in VS Code's References view. Which files, and how they are read fast, in workspaceFiles.ts;
 * each SDK file is scanned once per change for all its flag uses (the Stale Flags view needs them all).
 */
import * as vscode from 'vscode';
import { lineStarts, positionAt } from '../language/hogql/text';
import { mayHaveSdkCalls } from './gate';
import { showInReferencesView } from './referencesView';
import { scan } from './scan/scan';
import type { SdkLanguage } from './scan/types';
import { WorkspaceFiles } from './workspaceFiles';

const LANG_BY_EXT: Readonly<Record<string, SdkLanguage>> = { py: 'python', go: 'go', rb: 'ruby' };
const langOf = (path: string): SdkLanguage => LANG_BY_EXT[path.slice(path.lastIndexOf('.') + 1)] ?? 'js';

export interface FlagUse {
  key: string;
  at: vscode.Location;
}

/** Every flag call with a literal key in one file's text. */
export function flagUsesIn(uri: vscode.Uri, text: string): FlagUse[] {
  if (!mayHaveSdkCalls(text)) return [];
  const result = scan(text, langOf(uri.path));
  const lines = lineStarts(text);
  const pos = (offset: number): vscode.Position => {
    const at = positionAt(lines, offset);
    return new vscode.Position(at.line, at.character);
  };
  return result.flags.filter((f) => !!f.key?.value).map((f) => ({ key: f.key!.value!, at: new vscode.Location(uri, new vscode.Range(pos(f.key!.contentStart), pos(f.key!.contentEnd))) }));
}

/** Every SDK file's flag uses, kept per file by modification time and size (see workspaceFiles.ts). */
const uses = new WorkspaceFiles<FlagUse[]>((uri, text) => flagUsesIn(uri, text), []);

const byPlace = (a: vscode.Location, b: vscode.Location): number => a.uri.toString().localeCompare(b.uri.toString()) || a.range.start.compareTo(b.range.start);

export async function findFlagReferences(key: string, token?: vscode.CancellationToken): Promise<vscode.Location[]> {
  const out: vscode.Location[] = [];
  await uses.forEach((_, found) => {
    for (const u of found) if (u.key === key) out.push(u.at);
  }, token);
  return out.sort(byPlace);
}

/** Every literal flag key used in the workspace's SDK files, with its uses in order. */
export async function allFlagUses(token?: vscode.CancellationToken): Promise<Map<string, vscode.Location[]>> {
  const out = new Map<string, vscode.Location[]>();
  await uses.forEach((_, found) => {
    for (const u of found) {
      const list = out.get(u.key);
      if (list) list.push(u.at);
      else out.set(u.key, [u.at]);
    }
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
