/**
 * Ctrl/Cmd+click on a flag key: a document link on each literal key in a flag call, to the
 * `hogql.flags.reveal` command, which shows the flag's node in the Feature Flags view.
 */
import * as vscode from 'vscode';
import { overlapLeftToOfficial } from './coexist';
import type { DocumentScans } from './documents';

export class FlagLinks implements vscode.DocumentLinkProvider {
  constructor(private readonly scans: DocumentScans) {}

  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    const result = this.scans.of(doc);
    if (!result || overlapLeftToOfficial()) return [];
    const out: vscode.DocumentLink[] = [];
    for (const f of result.flags) {
      const key = f.key?.value;
      if (!key) continue;
      const range = new vscode.Range(doc.positionAt(f.key!.contentStart), doc.positionAt(f.key!.contentEnd));
      const link = new vscode.DocumentLink(range, vscode.Uri.parse(`command:hogql.flags.reveal?${encodeURIComponent(JSON.stringify([{ key }]))}`));
      link.tooltip = 'Show this flag in the PostHog Feature Flags view';
      out.push(link);
    }
    return out;
  }
}
