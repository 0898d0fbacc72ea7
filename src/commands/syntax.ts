import * as vscode from 'vscode';

/** What PostHog's parser said about a query (`hogql.checkSyntax`, run in the parser worker). */
export type SyntaxVerdict = { kind: 'ok' } | { kind: 'error'; error: { message: string } } | { kind: 'timeout' } | { kind: 'crashed' };

/**
 * PostHog's parser on `text`, asked through the internal `hogql.checkSyntax` command (the language
 * bundle owns the worker). Undefined when the language features could not answer.
 */
export async function parserVerdict(text: string): Promise<SyntaxVerdict | undefined> {
  return vscode.commands.executeCommand<SyntaxVerdict | undefined>('hogql.checkSyntax', { text });
}
