/** Go to Definition, Find References, document highlights and rename for CTE names and aliases (hogql/references.ts). */
import * as vscode from 'vscode';
import { toRange } from './convert';
import { renameEdits, symbolAt } from './hogql/references';

export class NavigationProvider implements vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.DocumentHighlightProvider, vscode.RenameProvider {
  provideDefinition(doc: vscode.TextDocument, pos: vscode.Position): vscode.Location | undefined {
    const s = symbolAt(doc.getText(), doc.offsetAt(pos));
    return s && new vscode.Location(doc.uri, toRange(doc, s.definition));
  }

  provideReferences(doc: vscode.TextDocument, pos: vscode.Position, context: vscode.ReferenceContext): vscode.Location[] {
    const s = symbolAt(doc.getText(), doc.offsetAt(pos));
    if (!s) return [];
    const ranges = context.includeDeclaration ? s.occurrences : s.occurrences.filter((r) => r.start !== s.definition.start);
    return ranges.map((r) => new vscode.Location(doc.uri, toRange(doc, r)));
  }

  provideDocumentHighlights(doc: vscode.TextDocument, pos: vscode.Position): vscode.DocumentHighlight[] {
    const s = symbolAt(doc.getText(), doc.offsetAt(pos));
    if (!s) return [];
    return s.occurrences.map((r) => new vscode.DocumentHighlight(toRange(doc, r), r.start === s.definition.start ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read));
  }

  prepareRename(doc: vscode.TextDocument, pos: vscode.Position): vscode.Range {
    const offset = doc.offsetAt(pos);
    const s = symbolAt(doc.getText(), offset);
    const here = s?.occurrences.find((r) => r.start <= offset && offset <= r.end);
    if (!s || !here) throw new Error('Only CTE names, table aliases and column aliases can be renamed.');
    return toRange(doc, here);
  }

  provideRenameEdits(doc: vscode.TextDocument, pos: vscode.Position, newName: string): vscode.WorkspaceEdit {
    const r = renameEdits(doc.getText(), doc.offsetAt(pos), newName.trim());
    if ('error' in r) throw new Error(r.error);
    const edit = new vscode.WorkspaceEdit();
    for (const e of r.edits) edit.replace(doc.uri, toRange(doc, e.range), e.text);
    return edit;
  }
}
