/**
 * Quick fixes for the code-intelligence diagnostics: "Create flag…" for an unknown key (the
 * sidebar's flag creation, a confirmed write, through `hogql.codeIntel.createFlag`), the known event
 * for a typo, the project API key for a `phx_` key, `ui_host` for a proxy `api_host`. The
 * diagnostics are recomputed from the document's scan (those VS Code hands back lose their data).
 * And a refactoring on the check of a stale flag (fully rolled out, inactive, not in PostHog):
 * "Remove the check", keeping the live branch, shown in the refactor preview before it applies.
 */
import * as vscode from 'vscode';
import { config } from '../config';
import type { Ctx } from '../ctx';
import { regionOf, UI_HOSTS } from './checks';
import type { DefinitionCache } from './definitions';
import { CodeIntelDiagnostic, diagnosticsOf } from './diagnostics';
import type { DocumentScans } from './documents';
import { sdkLanguageOf } from './gate';
import { removeCheck } from './removeCheck';
import type { ScanResult } from './scan/types';
import { staleReason } from './stale';

const quoteOf = (doc: vscode.TextDocument, range: vscode.Range): string => doc.getText(range).charAt(0) || "'";

export class CodeIntelActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite],
  };

  constructor(private readonly ctx: Ctx, private readonly scans: DocumentScans, private readonly defs: DefinitionCache) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): Promise<vscode.CodeAction[]> {
    const result = this.scans.of(doc);
    if (!result) return [];
    const all = diagnosticsOf(doc, result, this.defs.peek()) as CodeIntelDiagnostic[];
    const out: vscode.CodeAction[] = [];
    for (const d of all.filter((x) => x.range.intersection(range))) {
      const action = await this.fixOf(doc, d);
      if (action) out.push(action);
      else if (d.code === 'host-without-ui-host') out.push(...this.uiHostFixes(doc, d));
    }
    out.push(...this.removeCheckActions(doc, range, result));
    return out;
  }

  /** "Remove the check" on a stale flag's boolean check under the cursor, with a preview. */
  private removeCheckActions(doc: vscode.TextDocument, range: vscode.Range, result: ScanResult): vscode.CodeAction[] {
    const defs = this.defs.peek();
    const lang = sdkLanguageOf(doc.languageId);
    if (!defs || !lang) return [];
    const out: vscode.CodeAction[] = [];
    const text = doc.getText();
    for (const call of result.flags) {
      const key = call.key?.value;
      if (key === undefined || !new vscode.Range(doc.positionAt(call.nameStart), doc.positionAt(call.end)).intersection(range)) continue;
      const reason = staleReason(defs.flags.get(key), { inactiveDays: config.codeIntelStaleInactiveDays() });
      if (!reason) continue;
      const enabled = reason === 'rolledOut';
      const r = removeCheck(text, lang, call, enabled);
      if (!r.ok) continue;
      const why = reason === 'rolledOut' ? 'fully rolled out' : reason === 'inactive' ? 'inactive' : 'not in PostHog';
      const a = new vscode.CodeAction(`Remove the check of “${key}” (${why}): keep the ${enabled ? 'enabled' : 'disabled'} branch`, vscode.CodeActionKind.RefactorRewrite);
      a.edit = new vscode.WorkspaceEdit();
      a.edit.replace(doc.uri, new vscode.Range(doc.positionAt(r.edit.start), doc.positionAt(r.edit.end)), r.edit.text, {
        needsConfirmation: true,
        label: `Remove the check of “${key}”`,
        description: `the flag is ${why}`,
      });
      out.push(a);
    }
    return out;
  }

  private async fixOf(doc: vscode.TextDocument, d: CodeIntelDiagnostic): Promise<vscode.CodeAction | undefined> {
    if (d.code === 'unknown-flag' && d.data.key !== undefined) {
      const a = new vscode.CodeAction(`Create flag “${d.data.key}” in PostHog…`, vscode.CodeActionKind.QuickFix);
      a.command = { command: 'hogql.codeIntel.createFlag', title: a.title, arguments: [{ key: d.data.key }] };
      a.diagnostics = [d];
      return a;
    }
    if (d.code === 'event-typo' && d.data.suggestion !== undefined) {
      const q = quoteOf(doc, d.range);
      return this.replace(doc, d, `Change to “${d.data.suggestion}”`, `${q}${d.data.suggestion}${q}`, true);
    }
    if (d.code === 'personal-key-in-init') {
      const token = await this.projectToken();
      if (!token) return undefined;
      const q = quoteOf(doc, d.range);
      return this.replace(doc, d, 'Use the project API key of the signed-in project (phc_…)', `${q}${token}${q}`, true);
    }
    return undefined;
  }

  private replace(doc: vscode.TextDocument, d: vscode.Diagnostic, title: string, text: string, preferred: boolean): vscode.CodeAction {
    const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    a.edit = new vscode.WorkspaceEdit();
    a.edit.replace(doc.uri, d.range, text);
    a.diagnostics = [d];
    a.isPreferred = preferred;
    return a;
  }

  /** `ui_host` after the `api_host` option, one fix per Cloud region (the signed-in region first). */
  private uiHostFixes(doc: vscode.TextDocument, d: CodeIntelDiagnostic): vscode.CodeAction[] {
    const at = doc.positionAt(d.data.insertAt ?? doc.offsetAt(d.range.end));
    const q = quoteOf(doc, d.range);
    const signedIn = this.ctx.session.store.active()?.host;
    const first = (signedIn && regionOf(signedIn)) || 'us';
    const regions = first === 'eu' ? (['eu', 'us'] as const) : (['us', 'eu'] as const);
    return regions.map((r, i) => {
      const a = new vscode.CodeAction(`Add ui_host: ${q}${UI_HOSTS[r]}${q}`, vscode.CodeActionKind.QuickFix);
      a.edit = new vscode.WorkspaceEdit();
      a.edit.insert(doc.uri, at, `, ui_host: ${q}${UI_HOSTS[r]}${q}`);
      a.diagnostics = [d];
      a.isPreferred = i === 0;
      return a;
    });
  }

  private async projectToken(): Promise<string | undefined> {
    const s = await this.ctx.session.active();
    if (!s) return undefined;
    const project = await s.client.projects.get(s.projectId, { signal: AbortSignal.timeout(10_000) }).catch((e: unknown) => {
      this.ctx.log.warn(`[codeIntel] could not read the project's API key: ${(e as Error).message}`);
      return undefined;
    });
    return project?.api_token ?? undefined;
  }
}
