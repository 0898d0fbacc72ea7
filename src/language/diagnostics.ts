/**
 * Syntax and offline diagnostics of `hogql` documents: per statement, debounced, PostHog's parser in
 * a worker thread (cached by statement text, with a timeout and a size cap), our parser's findings
 * when it cannot answer, and the vocabulary warnings. A broken statement never hides the others.
 */
import { join } from 'node:path';
import * as vscode from 'vscode';
import { disposeAll } from '../ui/lifecycle';
import { config } from '../config';
import type { Ctx } from '../ctx';
import { isHogql, toRange, toSeverity } from './convert';
import { ParserClient, type ParseOutcome } from './syntax/parserClient';
import { checkOrder, type Focus } from './syntax/order';
import { parserCacheFiles, removeParserCache } from './syntax/parserCache';
import type { EarlyParser } from './syntax/workerStart';
import { documentStatementsInSlices, LocalChecker, statementProblems, warmUp, type LangProblem, type StatementInfo } from './syntax/statements';
import { mapStepsInSlices } from './hogql/slices';
import { pauseWhile, unchanged } from './slices';

interface DocState {
  timer: NodeJS.Timeout | undefined;
  abort: AbortController | undefined;
  /** The statement texts of the last check. */
  texts?: ReadonlySet<string>;
}

export class SyntaxDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('hogql');
  /** PostHog's parser; replaced when `hogql.diagnostics.parserCache` changes (see replaceParser). */
  parser: ParserClient;
  /** Whether `parser` keeps its caches on disk (the setting when it was made). */
  private cacheOn = false;
  private readonly local = new LocalChecker();
  private disposed = false;
  /** Compiles our parser in small tasks before the first document is checked (see warmUp). */
  private readonly warm = warmUp(
    this.local,
    pauseWhile(() => !this.disposed),
  );
  private readonly docs = new Map<string, DocState>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were fully updated (all statements answered). */
  readonly onDidUpdate = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.emitter];
  /** Quick fixes ("did you mean") of the problems shown now, per document. */
  readonly fixes = new Map<string, { range: vscode.Range; fix: string }[]>();
  /**
   * True when PostHog's server check has answered for a statement's text: its verdict replaces our
   * vocabulary warnings for that statement (one problem, one entry). Set by ServerDiagnostics.
   */
  serverChecked: (text: string) => boolean = () => false;

  /** `early`: the parser worker the activation bundle started when the first HogQL document opened. */
  constructor(private readonly ctx: Ctx, early?: EarlyParser) {
    this.parser = this.newParser(early);
    // the caches turned off: what an earlier session left is deleted (nothing of this one writes them)
    if (!this.cacheOn) void removeParserCache(this.storage);
    // Built when the first HogQL document opens: the worker loads PostHog's parser meanwhile (or
    // did since the activation bundle started it), so the first syntax check does not wait for it
    // (issue #21: open → first diagnostics ≤ 100 ms).
    if (config.diagnostics().enabled) void this.parser.prestart();
    vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0), undefined, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document), undefined, this.disposables);
    vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri), undefined, this.disposables);
    config.onDidChange(() => (config.diagnostics().parserCache === this.cacheOn ? this.refreshAll() : void this.replaceParser()), this.disposables);
    this.refreshAll();
  }

  private get storage(): string {
    return this.ctx.extension.globalStorageUri.fsPath;
  }

  /** A parser client with its caches on disk as `hogql.diagnostics.parserCache` says (parserCache.ts). */
  private newParser(early?: EarlyParser, workerFile = join(__dirname, 'language', 'parser.worker.js')): ParserClient {
    const settings = config.diagnostics();
    this.cacheOn = settings.parserCache;
    const log = (m: string): void => this.ctx.log.info(`[hogql] ${m}`);
    return new ParserClient({ workerFile, timeoutMs: settings.parserTimeoutMs, log, early, ...parserCacheFiles(this.storage, this.cacheOn) });
  }

  /**
   * A new parser client in place of the current one, as a new session's (none of the old one's
   * outcomes; its caches read from disk, or none, as the setting says now); the documents are
   * checked again. When the caches are off, their files are deleted once the old client stopped.
   * `workerFile`: the test hook's (a later session whose worker cannot start).
   */
  async replaceParser(workerFile?: string): Promise<void> {
    const old = this.parser;
    this.parser = this.newParser(undefined, workerFile);
    if (config.diagnostics().enabled) void this.parser.prestart();
    this.refreshAll();
    await old.dispose();
    if (!this.cacheOn) await removeParserCache(this.storage);
  }

  /**
   * The project's own table names (its views): the documents with a statement whose warnings may
   * change (one naming a table outside PostHog's vocabulary) are checked again.
   */
  setKnownTables(names: readonly string[]): void {
    const stale = this.local.setKnownTables(names);
    if (stale.size === 0) return;
    for (const d of vscode.workspace.textDocuments) {
      const texts = this.docs.get(d.uri.toString())?.texts;
      if (texts && [...texts].some((t) => stale.has(t))) this.schedule(d, 0);
    }
  }

  private refreshAll(): void {
    this.parser.timeoutMs = config.diagnostics().parserTimeoutMs;
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  schedule(doc: vscode.TextDocument, delay = config.diagnostics().debounceMs): void {
    if (!isHogql(doc)) return;
    const key = doc.uri.toString();
    const st = this.docs.get(key) ?? { timer: undefined, abort: undefined };
    this.docs.set(key, st);
    clearTimeout(st.timer);
    st.timer = setTimeout(() => void this.run(doc), delay);
  }

  private forget(uri: vscode.Uri): void {
    const st = this.docs.get(uri.toString());
    clearTimeout(st?.timer);
    st?.abort?.abort();
    this.docs.delete(uri.toString());
    this.collection.delete(uri);
    this.fixes.delete(uri.toString());
  }

  /** PostHog's verdict for a statement, from the cache or the worker (undefined when aborted). */
  outcome(s: StatementInfo, signal?: AbortSignal): Promise<ParseOutcome | undefined> {
    return s.limit ? Promise.resolve(undefined) : this.parser.parse(s.text, signal);
  }

  private async run(doc: vscode.TextDocument): Promise<void> {
    const st = this.docs.get(doc.uri.toString());
    if (!st || doc.isClosed) return;
    st.abort?.abort();
    const abort = (st.abort = new AbortController());
    const settings = config.diagnostics();
    if (!settings.enabled) {
      this.collection.delete(doc.uri);
      return;
    }
    const version = doc.version;
    const same = unchanged(doc);
    const current = (): boolean => !abort.signal.aborted && same();
    const pause = pauseWhile(current);
    await this.warm;
    const statements = await documentStatementsInSlices(doc.getText(), pause);
    if (!statements) return;
    st.texts = new Set(statements.map((s) => s.text));
    const outcomes: (ParseOutcome | undefined)[] = statements.map((s) => (s.limit ? undefined : this.parser.cached(s.text)));
    const publish = (): void => {
      if (!current()) return;
      const fixes: { range: vscode.Range; fix: string }[] = [];
      const problems = statements.flatMap((s, i) => {
        const all = statementProblems(s, this.local.checkStatement(s), outcomes[i], settings.parserTimeoutMs, settings.vocabularyWarnings);
        for (const p of all) if (p.fix !== undefined) fixes.push({ range: toRange(doc, p), fix: p.fix });
        // Once the server answered for a statement, its problems are shown instead of our warnings
        // (our fixes stay available for the server's problem at the same place).
        return this.serverChecked(s.text) ? all.filter((p) => p.source !== 'hogql' || p.severity !== 'warning') : all;
      });
      this.collection.set(doc.uri, problems.map((p) => this.toDiagnostic(doc, p)));
      this.fixes.set(doc.uri.toString(), fixes);
    };
    // our parser and checks on the statements not cached yet, yielding between slices (SLICE_MS),
    // within a statement too (between the steps of its check)
    if (!(await mapStepsInSlices(statements, (s) => this.local.checkStatementSteps(s), pause))) return;
    publish();
    // the statement at the cursor first, then those on screen: one worker answers one at a time
    const order = checkOrder(statements.map((s) => s.range), focusOf(doc));
    const pending = order.filter((i) => !outcomes[i] && !statements[i].limit);
    await Promise.all(
      pending.map(async (i) => {
        outcomes[i] = await this.parser.parse(statements[i].text, abort.signal);
        publish();
      }),
    );
    if (!abort.signal.aborted && doc.version === version) this.emitter.fire(doc.uri);
  }

  private toDiagnostic(doc: vscode.TextDocument, p: LangProblem): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(doc, p), p.message, toSeverity(p.severity));
    d.source = p.source;
    d.code = p.code;
    return d;
  }

  dispose(): void {
    this.disposed = true;
    for (const st of this.docs.values()) {
      clearTimeout(st.timer);
      st.abort?.abort();
    }
    this.docs.clear();
    void this.parser.dispose();
    disposeAll(this.disposables);
  }
}

/** The cursor and visible ranges of the first editor showing `doc`, in document offsets. */
function focusOf(doc: vscode.TextDocument): Focus | undefined {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
  if (!editor) return undefined;
  const at = (p: vscode.Position): number => doc.offsetAt(p);
  return { cursor: at(editor.selection.active), visible: editor.visibleRanges.map((r) => ({ start: at(r.start), end: at(r.end) })) };
}
