/**
 * Entry point of the lazily loaded language bundle (`dist/language.js`): builds the providers and
 * services once, on first use (see register.ts). Nothing here runs during activation.
 */
import * as vscode from 'vscode';
import { disposeAll } from '../ui/lifecycle';
import type { Ctx } from '../ctx';
import { NameCatalog } from './catalog';
import { CompletionProvider } from './completion';
import { SyntaxDiagnostics } from './diagnostics';
import { HoverProvider } from './hover';
import { NavigationProvider } from './navigation';
import { OutlineProvider, SignatureProvider } from './outline';
import { MetadataFixes, ServerDiagnostics } from './serverDiagnostics';
import { TeamSnippets } from './teamSnippets';
import type { EarlyParser } from './syntax/workerStart';
import { lexInSlices } from './hogql/lexer';
import { splitStatements } from './hogql/split';
import type { Range } from './hogql/text';
import { pauseUnless } from './slices';

export { formatDocumentEdits, formatRangeEdits } from './formatting';

export interface LanguageFeatures extends vscode.Disposable {
  catalog: NameCatalog;
  syntax: SyntaxDiagnostics;
  server: ServerDiagnostics;
  completion: CompletionProvider;
  hover: HoverProvider;
  signature: SignatureProvider;
  navigation: NavigationProvider;
  outline: OutlineProvider;
  fixes: MetadataFixes;
  snippets: TeamSnippets;
}

/** `early`: PostHog's parser worker, when the activation bundle started it (register.ts). */
export function createLanguageFeatures(ctx: Ctx, early?: EarlyParser): LanguageFeatures {
  const catalog = new NameCatalog(ctx);
  const syntax = new SyntaxDiagnostics(ctx, early);
  const server = new ServerDiagnostics(ctx, syntax, catalog);
  const snippets = new TeamSnippets(ctx);
  const disposables: vscode.Disposable[] = [catalog, syntax, server, snippets];
  // The project's views are tables to the offline checks (dropped with the names on a session change).
  disposables.push(catalog.onDidChange((names) => syntax.setKnownTables(names?.views ?? [])));
  // The names load in the background now (if signed in) and again on a project switch.
  const loadNames = (): void =>
    void ctx.session.active().then((s) => {
      if (s) void catalog.get(s);
    });
  ctx.session.onDidChange(loadNames, undefined, disposables);
  loadNames();
  return {
    catalog, syntax, server,
    completion: new CompletionProvider(ctx, catalog),
    hover: new HoverProvider(ctx, catalog),
    signature: new SignatureProvider(),
    navigation: new NavigationProvider(),
    outline: new OutlineProvider(),
    fixes: new MetadataFixes(server, syntax),
    snippets,
    dispose: () => {
      disposeAll(disposables);
    },
  };
}

/**
 * The statements' ranges of a text for the Run lenses (src/query/codeLens.ts), lexed in slices: the
 * first lex of a big file runs before the JIT has warmed up. Undefined when `token` is cancelled.
 */
export async function statementRanges(text: string, token: vscode.CancellationToken): Promise<Range[] | undefined> {
  const lexed = await lexInSlices(text, pauseUnless(token));
  return lexed && splitStatements(text, lexed).map((s) => s.range);
}

/** The vocabulary, for views outside the language features (loaded with this bundle). */
export { getVocabulary } from './hogql/vocabulary';
export { limitShape } from './hogql/limitShape';
