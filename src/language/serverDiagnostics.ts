/**
 * Server diagnostics: PostHog's HogQLMetadata for the statements that changed, when signed in.
 * Debounced more than the syntax check, one AbortController per statement (a stale request is
 * cancelled), sequential so the client's rate limiter is never flooded, skipped for statements
 * PostHog's parser already rejects (or cannot check), and paused after a 429. A `fix` becomes a
 * quick fix (see `codeActions.ts`).
 */
import * as vscode from 'vscode';
import { disposeAll } from '../ui/lifecycle';
import { loadApi } from '../apiLoader';
import { config } from '../config';
import type { Ctx } from '../ctx';
import type { ActiveSession } from '../auth/session';
import { isHogql, toRange, toSeverity } from './convert';
import type { SyntaxDiagnostics } from './diagnostics';
import { Lru } from './lru';
import { serverProblems, withoutKnownVariables, type ServerProblem } from './syntax/notices';
import type { NameCatalog } from './catalog';
import type { InsightVariable } from '../api/resources/variables';
import { lex } from './hogql/lexer';
import { variableNamesIn, variablesForCheck } from './hogql/variables';
import { documentStatementsInSlices, type StatementInfo } from './syntax/statements';
import { pauseWhile, unchanged } from './slices';

/** At most this many statements are validated per round; the rest wait for the next edit. */
const MAX_PER_ROUND = 10;
/** Skip a round instead of queueing when the limiter would make us wait longer than this. */
const MAX_LIMITER_WAIT_MS = 2_000;

type Relative = Omit<ServerProblem, 'start' | 'end'> & { start: number; end: number };

interface DocState {
  timer: NodeJS.Timeout | undefined;
  inFlight: Map<string, AbortController>;
}

export class ServerDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('hogql-server');
  /** Results per `project|statement text`, offsets relative to the statement. */
  private readonly cache = new Lru<string, Relative[]>(300);
  private readonly docs = new Map<string, DocState>();
  /** The problems with fixes currently shown, per document (for the quick fixes). */
  readonly fixes = new Map<string, { range: vscode.Range; message: string; fix: string }[]>();
  private pausedUntil = 0;
  private readonly disposables: vscode.Disposable[] = [this.collection];

  /** `connection|project` of the last check: whose answers `syntax.serverChecked` reports. */
  private project: string | undefined;
  /** The project's SQL variables, when a statement uses `{variables.…}` and they loaded. */
  private known: readonly InsightVariable[] | undefined;

  constructor(private readonly ctx: Ctx, private readonly syntax: SyntaxDiagnostics, private readonly catalog?: NameCatalog) {
    syntax.serverChecked = (text) => this.project !== undefined && this.cache.has(`${this.project}|${text}`);
    vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document), undefined, this.disposables);
    vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d), undefined, this.disposables);
    vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri), undefined, this.disposables);
    ctx.session.onDidChange(() => this.sessionChanged(), undefined, this.disposables);
    config.onDidChange(() => this.refreshAll(), this.disposables);
    this.refreshAll();
  }

  /** Another key, connection or project: nothing checked with the old one is kept or waited on. */
  private sessionChanged(): void {
    this.cache.clear();
    this.pausedUntil = 0;
    for (const st of this.docs.values()) {
      for (const ac of st.inFlight.values()) ac.abort();
      st.inFlight.clear();
    }
    this.refreshAll();
  }

  private refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private schedule(doc: vscode.TextDocument, delay = config.diagnostics().serverDebounceMs): void {
    if (!isHogql(doc)) return;
    const key = doc.uri.toString();
    const st = this.docs.get(key) ?? { timer: undefined, inFlight: new Map() };
    this.docs.set(key, st);
    clearTimeout(st.timer);
    st.timer = setTimeout(() => void this.run(doc, st).catch((e) => this.ctx.log.warn(`[hogql] server check failed: ${(e as Error).message}`)), delay);
  }

  private forget(uri: vscode.Uri): void {
    const st = this.docs.get(uri.toString());
    clearTimeout(st?.timer);
    for (const ac of st?.inFlight.values() ?? []) ac.abort();
    this.docs.delete(uri.toString());
    this.collection.delete(uri);
    this.fixes.delete(uri.toString());
  }

  private async run(doc: vscode.TextDocument, st: DocState): Promise<void> {
    const settings = config.diagnostics();
    const session = settings.enabled && settings.server ? await this.ctx.session.active() : undefined;
    if (!session || doc.isClosed) {
      this.collection.delete(doc.uri);
      this.fixes.delete(doc.uri.toString());
      if (this.project !== undefined) {
        this.project = undefined;
        this.syntax.schedule(doc, 0); // our warnings are back while the server cannot check
      }
      return;
    }
    const same = unchanged(doc);
    const statements = await documentStatementsInSlices(doc.getText(), pauseWhile(same));
    if (!statements) return;
    const project = `${session.connection.id}|${session.projectId}`;
    this.project = project;
    const wanted = new Set(statements.map((s) => s.text));
    for (const [text, ac] of st.inFlight) if (!wanted.has(text)) ac.abort();
    this.known = statements.some((s) => s.text.includes('{variables.')) ? await this.knownVariables(session) : undefined;
    this.publish(doc, statements, project);
    const todo = statements.filter((s) => !this.cache.has(`${project}|${s.text}`) && !st.inFlight.has(s.text)).slice(0, MAX_PER_ROUND);
    for (const s of todo) {
      if (!same()) return;
      if (!(await this.worthAsking(s))) continue;
      const problems = await this.ask(session, s, st);
      if (problems) this.cache.set(`${project}|${s.text}`, problems);
      if (same()) {
        this.publish(doc, statements, project);
        // The server's verdict replaces our vocabulary warnings for this statement.
        if (problems) this.syntax.schedule(doc, 0);
      }
    }
  }

  /** The project's SQL variables (loaded once with the catalog), or undefined. */
  private async knownVariables(session: ActiveSession): Promise<readonly InsightVariable[] | undefined> {
    const names = this.catalog ? await this.catalog.get(session) : undefined;
    return names?.variables;
  }

  /**
   * The statement's known variables, sent with the check (defaults from the server) so PostHog
   * checks it as it will run and reports an unknown name (it stops at the first missing one).
   */
  private get knownNames(): Set<string> | undefined {
    return this.known ? new Set(this.known.map((v) => v.code_name)) : undefined;
  }

  private checkVariables(text: string): { variables?: Record<string, unknown> } {
    if (!this.known || !text.includes('{variables.')) return {};
    const variables = variablesForCheck(variableNamesIn(lex(text).tokens), this.known);
    return Object.keys(variables).length ? { variables } : {};
  }

  /** Not when PostHog's parser rejects the statement, cannot check it, or it is too large. */
  private async worthAsking(s: StatementInfo): Promise<boolean> {
    if (s.limit) return false;
    const outcome = await this.syntax.outcome(s);
    return outcome?.kind === 'ok';
  }

  private async ask(session: ActiveSession, s: StatementInfo, st: DocState): Promise<Relative[] | undefined> {
    const path = `/api/projects/${session.projectId}/query/`;
    if (Date.now() < this.pausedUntil || session.client.estimateWait('POST', path, { query: { kind: 'HogQLMetadata' } }) > MAX_LIMITER_WAIT_MS) return undefined;
    const ac = new AbortController();
    st.inFlight.set(s.text, ac);
    try {
      const m = await session.client.query.metadata(session.projectId, s.text, { signal: ac.signal, ...this.checkVariables(s.text) });
      return serverProblems(s.text, 0, m);
    } catch (e) {
      if (e instanceof loadApi().RateLimitError) this.pausedUntil = Date.now() + (e.retryAfterMs ?? 10_000);
      if (!ac.signal.aborted) this.ctx.log.warn(`[hogql] HogQLMetadata failed: ${(e as Error).message}`);
      return undefined;
    } finally {
      if (st.inFlight.get(s.text) === ac) st.inFlight.delete(s.text);
    }
  }

  private publish(doc: vscode.TextDocument, statements: StatementInfo[], project: string): void {
    const diagnostics: vscode.Diagnostic[] = [];
    const fixes: { range: vscode.Range; message: string; fix: string }[] = [];
    for (const s of statements) {
      for (const p of withoutKnownVariables(this.cache.get(`${project}|${s.text}`) ?? [], this.knownNames)) {
        const range = toRange(doc, { start: s.range.start + p.start, end: s.range.start + p.end });
        const d = new vscode.Diagnostic(range, p.message, toSeverity(p.severity));
        d.source = 'PostHog';
        d.code = 'metadata';
        diagnostics.push(d);
        if (p.fix !== undefined) fixes.push({ range, message: p.message, fix: p.fix });
      }
    }
    this.collection.set(doc.uri, diagnostics);
    this.fixes.set(doc.uri.toString(), fixes);
  }

  dispose(): void {
    for (const key of [...this.docs.keys()]) this.forget(vscode.Uri.parse(key));
    disposeAll(this.disposables);
  }
}

/**
 * Quick fixes: HogQLMetadata's `fix` (replacement text for the notice's range) and our own
 * "did you mean" suggestions, one action per distinct replacement.
 */
export class MetadataFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly server: ServerDiagnostics,
    private readonly syntax: SyntaxDiagnostics,
  ) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context?: vscode.CodeActionContext): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    const key = doc.uri.toString();
    // Our suggestions only where a problem is shown (ours, or the server's in its place).
    const shown = (r: vscode.Range): boolean => !context || context.diagnostics.some((d) => d.range.intersection(r));
    const ours = (this.syntax.fixes.get(key) ?? []).filter((f) => shown(f.range));
    for (const f of [...(this.server.fixes.get(key) ?? []), ...ours]) {
      if (!f.range.intersection(range)) continue;
      const id = `${f.range.start.line}:${f.range.start.character}|${f.fix}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const action = new vscode.CodeAction(`Replace with \`${f.fix}\``, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, f.range, f.fix);
      action.isPreferred = true;
      out.push(action);
    }
    return out;
  }
}
