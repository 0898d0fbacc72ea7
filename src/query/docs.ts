import * as vscode from 'vscode';
import { Disposable } from '../ui/lifecycle';
import { InsightLinks } from './insightLink';
import { InsightLinkLensProvider } from '../ui/insightLens';
import { ScratchDocs } from '../ui/scratchDocs';

/** Scheme of the read-only documents "Compare" opens: an insight's query as PostHog holds it. */
export const REMOTE_SCHEME = 'hogql-posthog';

/**
 * The documents the query features own, registered at activation (issue #21): links to SQL
 * insights (their first line's lens, the `hogql.insightLinked` context key), the read-only texts
 * "Compare" shows and the scratch documents. What runs queries (src/query/service.ts) is built on
 * first use, in the features bundle, and takes these.
 */
export class QueryDocs extends Disposable {
  /** Documents linked to SQL insights (their first line), with the names and versions known. */
  readonly insightLinks: InsightLinks;
  /** Read-only texts shown by "Compare" (an insight's query in PostHog), by URI. */
  readonly remoteTexts = new Map<string, string>();
  /** Documents the extension creates (insights' queries, history entries): see ui/scratchDocs.ts. */
  readonly scratch: ScratchDocs;

  constructor(extension: Pick<vscode.ExtensionContext, 'workspaceState'>) {
    super();
    this.insightLinks = new InsightLinks(extension.workspaceState);
    this.disposables.push(this.insightLinks);
    this.scratch = ScratchDocs.register(this.disposables);
    const lens = new InsightLinkLensProvider(this.insightLinks, this.insightLinks.onDidChange);
    this.disposables.push(vscode.languages.registerCodeLensProvider({ language: 'hogql' }, lens));
    this.disposables.push(vscode.workspace.registerTextDocumentContentProvider(REMOTE_SCHEME, { provideTextDocumentContent: (uri) => this.remoteTexts.get(uri.toString()) ?? '' }));
    // `hogql.insightLinked` tells menus whether the active editor is linked to an insight (its first line).
    vscode.window.onDidChangeActiveTextEditor(() => this.updateInsightContext(), undefined, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.some((c) => c.range.start.line === 0)) this.updateInsightContext();
    }, undefined, this.disposables);
  }

  /** Sets `hogql.insightLinked` for the active editor (activation calls it once, just after). */
  updateInsightContext(): void {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'hogql.insightLinked', !!doc && !!this.insightLinks.of(doc));
  }
}
