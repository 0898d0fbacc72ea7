/**
 * Code-intelligence diagnostics of one scanned document: unknown flag keys, event names that look
 * like a typo of a known event, a personal `phx_` key given to an SDK's init, and a posthog-js
 * `api_host` that is not PostHog's without `ui_host`. Their quick fixes are in actions.ts.
 */
import * as vscode from 'vscode';
import { isPostHogHost, likelyTypoOf } from './checks';
import { overlapLeftToOfficial } from './coexist';
import type { Definitions } from './definitions';
import type { ScanResult } from './scan/types';
import { isPersonalKey } from './status';

export const DIAGNOSTIC_SOURCE = 'PostHog';

export type DiagnosticCode = 'unknown-flag' | 'event-typo' | 'personal-key-in-init' | 'host-without-ui-host';

/** A diagnostic with what its quick fix needs (VS Code hands diagnostics back to code actions). */
export class CodeIntelDiagnostic extends vscode.Diagnostic {
  constructor(range: vscode.Range, message: string, severity: vscode.DiagnosticSeverity, code: DiagnosticCode, readonly data: { key?: string; suggestion?: string; insertAt?: number } = {}) {
    super(range, message, severity);
    this.source = DIAGNOSTIC_SOURCE;
    this.code = code;
  }
}

export function diagnosticsOf(doc: vscode.TextDocument, result: ScanResult, defs: Definitions | undefined): vscode.Diagnostic[] {
  const range = (s: number, e: number): vscode.Range => new vscode.Range(doc.positionAt(s), doc.positionAt(e));
  const out: vscode.Diagnostic[] = [];
  if (defs && !overlapLeftToOfficial()) {
    for (const f of result.flags) {
      const key = f.key?.value;
      if (key === undefined || key === '' || defs.flags.has(key)) continue;
      out.push(new CodeIntelDiagnostic(range(f.key!.start, f.key!.end), `Feature flag "${key}" is not in this PostHog project.`, vscode.DiagnosticSeverity.Information, 'unknown-flag', { key }));
    }
  }
  if (defs) {
    for (const c of result.captures) {
      const name = c.event?.value;
      const suggestion = name === undefined ? undefined : likelyTypoOf(name, defs.events);
      if (!suggestion) continue;
      const message = `Event "${name}" is not in this PostHog project: did you mean "${suggestion}"?`;
      out.push(new CodeIntelDiagnostic(range(c.event!.start, c.event!.end), message, vscode.DiagnosticSeverity.Warning, 'event-typo', { suggestion }));
    }
  }
  for (const init of result.inits) {
    const token = init.token?.value;
    if (token !== undefined && isPersonalKey(token)) {
      const message = 'This is a personal API key (phx_…): SDKs need the project API key (phc_…), and a personal key must never ship in code.';
      out.push(new CodeIntelDiagnostic(range(init.token!.start, init.token!.end), message, vscode.DiagnosticSeverity.Warning, 'personal-key-in-init'));
    }
    // posthog-js only: its `ui_host` is where links and the toolbar go when `api_host` is a proxy
    if (init.method === 'init' && init.hostOption === 'api_host' && init.host?.value !== undefined && !init.uiHost && !isPostHogHost(init.host.value)) {
      const message = `api_host "${init.host.value}" is not a PostHog host: if it is a reverse proxy, set ui_host to your PostHog app (https://us.posthog.com or https://eu.posthog.com), or the toolbar and links go to the proxy.`;
      out.push(new CodeIntelDiagnostic(range(init.host.start, init.host.end), message, vscode.DiagnosticSeverity.Information, 'host-without-ui-host', { insertAt: init.host.end }));
    }
  }
  return out;
}
