// Helpers shared by the code-intelligence host tests: SDK files in the workspace, the emulator's
// definitions read over its REST API, our diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { emulator } from './support';

let fileNo = 0;
// Each host test file is bundled with its own copy of this module: a per-copy tag keeps their names apart.
const tag = Math.random().toString(36).slice(2, 8);

/** Writes a file into the workspace folder (so workspace search finds it) and shows it. */
export async function openFile(ext: string, content: string, name = `codeintel-${process.pid}-${tag}-${++fileNo}`): Promise<vscode.TextDocument> {
  const uri = await writeFile(`${name}.${ext}`, content);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

export async function writeFile(path: string, content: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, path);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  return uri;
}

export async function emulatorList<T>(path: string): Promise<T[]> {
  const emu = emulator();
  const out: T[] = [];
  let url: string | null = `${emu.url}/api/projects/${emu.projects[0]!.id}/${path}${path.includes('?') ? '&' : '?'}limit=500`;
  while (url) {
    const res = await fetch(url, { headers: { authorization: `Bearer ${emu.personalKey}` } });
    assert.equal(res.status, 200, path);
    const body = (await res.json()) as { results: T[]; next: string | null };
    out.push(...body.results);
    url = body.next;
  }
  return out;
}

export const emulatorEvents = async (): Promise<string[]> => [...new Set((await emulatorList<{ name: string }>('event_definitions/')).map((e) => e.name))];

export const ours = (doc: vscode.TextDocument, code?: string): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'PostHog' && (!code || d.code === code));
