import * as vscode from 'vscode';
import type { InsightLink } from '../query/insightLink';

/**
 * Line 1 of a document linked to a SQL insight (opened from the Insights view, or saved as one):
 * "Linked to insight “Name” (abc123) · Update Insight · Open in PostHog".
 */
export class InsightLinkLensProvider implements vscode.CodeLensProvider {
  constructor(
    private readonly links: ReadonlyMap<string, InsightLink>,
    readonly onDidChangeCodeLenses: vscode.Event<void>,
  ) {}

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const uri = doc.uri.toString();
    const link = this.links.get(uri);
    if (!link) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const args = [{ uri }];
    return [
      new vscode.CodeLens(top, { title: `$(link) Linked to insight “${link.name}” (${link.shortId})`, command: '', tooltip: `Project ${link.projectId} on ${link.host}` }),
      new vscode.CodeLens(top, { title: 'Update Insight', command: 'hogql.updateInsight', arguments: args, tooltip: 'Save this query to the insight (asks first)' }),
      new vscode.CodeLens(top, { title: 'Open in PostHog', command: 'hogql.openInsightInPostHog', arguments: args }),
    ];
  }
}
