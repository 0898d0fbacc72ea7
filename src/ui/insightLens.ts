import * as vscode from 'vscode';
import type { InsightLinks } from '../query/insightLink';

/**
 * Line 1 of a document linked to a SQL insight or a view (its `-- posthog: insight|view …` header):
 * "Linked to insight “Name” (abc123) · Pull · Push · Compare · Open in PostHog".
 */
export class InsightLinkLensProvider implements vscode.CodeLensProvider {
  constructor(
    private readonly links: InsightLinks,
    readonly onDidChangeCodeLenses: vscode.Event<void>,
  ) {}

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const link = this.links.of(doc);
    if (!link) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const args = [{ uri: doc.uri.toString() }];
    const noun = link.kind === 'view' ? 'view' : 'insight';
    const title = link.name ? `$(link) Linked to ${noun} “${link.name}” (${link.shortId})` : `$(link) Linked to ${noun} ${link.shortId}`;
    return [
      new vscode.CodeLens(top, { title, command: '', tooltip: `Project ${link.projectId} on ${link.host}` }),
      new vscode.CodeLens(top, { title: 'Pull', command: 'hogql.pullInsight', arguments: args, tooltip: `Replace this query with the ${noun}'s query in PostHog (undo with Ctrl/Cmd+Z)` }),
      new vscode.CodeLens(top, { title: 'Push', command: 'hogql.updateInsight', arguments: args, tooltip: `Save this query to the ${noun} in PostHog (asks first)` }),
      new vscode.CodeLens(top, { title: 'Compare', command: 'hogql.compareInsight', arguments: args, tooltip: `This file beside the ${noun}'s query in PostHog` }),
      new vscode.CodeLens(top, { title: 'Open in PostHog', command: 'hogql.openInsightInPostHog', arguments: args }),
    ];
  }
}
