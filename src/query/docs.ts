import * as vscode from 'vscode';
import { Disposable } from '../ui/lifecycle';
import { InsightLinks } from './insightLink';
import { InsightLinkLensProvider } from '../ui/insightLens';
import { ScratchDocs } from '../ui/scratchDocs';

/** Scheme of the read-only documents "Compare" opens: an insight's query as PostHog holds it. */
export const REMOTE_SCHEME = 'hogql-posthog';

/**
 * The documents the query features own, from activation on (issue #21): links to SQL insights
 * (their first line's lens, the `hogql.insightLinked` context key), the read-only texts "Compare"
 * shows and the scratch documents. What runs queries (src/query/service.ts) is built on first use,
 * in the features bundle, and takes these. Nothing here registers inside activate(): `start` runs
 * just after it (or on first use), `registerLens` with the first HogQL document.
 */
export class QueryDocs extends Disposable {
  /** Documents linked to SQL insights (their first line), with the names and versions known. */
  readonly insightLinks: InsightLinks;
  /** Read-only texts shown by "Compare" (an insight's query in PostHog), by URI. */
  readonly remoteTexts = new Map<string, string>();
  private scratchDocs: ScratchDocs | undefined;
  private lens = false;

  constructor(extension: Pick<vscode.ExtensionContext, 'workspaceState'>) {
    super();
    this.insightLinks = this.register(new InsightLinks(extension.workspaceState));
  }

  /** Documents the extension creates (insights' queries, history entries): see ui/scratchDocs.ts. */
  get scratch(): ScratchDocs {
    return this.start();
  }

  /** Registers the scratch file systems and the "Compare" texts, and keeps `hogql.insightLinked` (once). */
  start(): ScratchDocs {
    if (this.scratchDocs) return this.scratchDocs;
    this.scratchDocs = ScratchDocs.register(this.disposables);
    this.disposables.push(vscode.workspace.registerTextDocumentContentProvider(REMOTE_SCHEME, { provideTextDocumentContent: (uri) => this.remoteTexts.get(uri.toString()) ?? '' }));
    // `hogql.insightLinked` tells menus whether the active editor is linked to an insight (its first line).
    vscode.window.onDidChangeActiveTextEditor(() => this.updateInsightContext(), undefined, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.some((c) => c.range.start.line === 0)) this.updateInsightContext();
    }, undefined, this.disposables);
    this.updateInsightContext();
    return this.scratchDocs;
  }

  /** The lens on a linked document's first line (registered once, with the first HogQL document). */
  registerLens(): void {
    if (this.lens) return;
    this.lens = true;
    const lens = new InsightLinkLensProvider(this.insightLinks, this.insightLinks.onDidChange);
    this.disposables.push(vscode.languages.registerCodeLensProvider({ language: 'hogql' }, lens));
  }

  private updateInsightContext(): void {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'hogql.insightLinked', !!doc && !!this.insightLinks.of(doc));
  }
}
