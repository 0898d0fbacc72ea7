/**
 * Format Document / Format Selection for HogQL (issue #18): the editor side of the pure formatter
 * in hogql/format/. Settings `hogql.format.*` are read through config.ts.
 */
import * as vscode from 'vscode';
import { config } from '../config';
import { formatHogQL, formatRange } from './hogql/format';

/** One edit replacing the whole text (VS Code reduces it to the lines that changed), or none. */
export function formatDocumentEdits(doc: vscode.TextDocument): vscode.TextEdit[] {
  const text = doc.getText();
  const formatted = formatHogQL(text, config.format());
  if (formatted === text) return [];
  return [vscode.TextEdit.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(text.length)), formatted)];
}

/** Edits formatting every statement the range touches. */
export function formatRangeEdits(doc: vscode.TextDocument, range: vscode.Range): vscode.TextEdit[] {
  const edits = formatRange(doc.getText(), doc.offsetAt(range.start), doc.offsetAt(range.end), config.format());
  return edits.map((e) => vscode.TextEdit.replace(new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text));
}
