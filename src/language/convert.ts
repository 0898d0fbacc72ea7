/** Conversions between the pure core's UTF-16 offsets and `vscode` positions/ranges. */
import * as vscode from 'vscode';
import type { Range } from './hogql/text';
import type { Severity } from './syntax/statements';

export function toRange(doc: vscode.TextDocument, r: Range): vscode.Range {
  return new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end));
}

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

export const isHogql = (doc: vscode.TextDocument): boolean => doc.languageId === 'hogql';

/** Converts a `vscode.CancellationToken` into an `AbortSignal` once, at the edge. */
export function abortSignalOf(token: vscode.CancellationToken): AbortSignal {
  const ac = new AbortController();
  if (token.isCancellationRequested) ac.abort();
  else token.onCancellationRequested(() => ac.abort());
  return ac.signal;
}
