/**
 * What code intelligence shows in open editors without being asked: the inline status after each
 * flag call (decorations, `hogql.codeIntel.inlineStatus`) and diagnostics (see diagnostics.ts). Refreshed debounced after edits, on opening a
 * document, and when the project's definitions arrive or change.
 */
import * as vscode from 'vscode';
import { disposeAll } from '../ui/lifecycle';
import { config } from '../config';
import type { DefinitionCache, Definitions } from './definitions';
import type { DocumentScans } from './documents';
import type { ScanResult } from './scan/types';
import { overlapLeftToOfficial } from './coexist';
import { diagnosticsOf } from './diagnostics';
import { flagStatus, linkedExperiments } from './status';

/** How long after the last edit a document is scanned again (decorations, diagnostics). */
const DEBOUNCE_MS = 150;

/** When a document's inline status was last refreshed (epoch ms), for the benchmark (scripts/bench/codeIntelWorkspace.ts). */
export interface RefreshTiming {
  version: number;
  /** The refresh began (the debounce fired) and ended (decorations set). */
  startedAt: number;
  doneAt: number;
  /** The host process's CPU time over the refresh (the wall time on a busy machine is mostly waiting for a core). */
  cpuMs: number;
  /** DEBOUNCE_MS, for the benchmark's report. */
  debounceMs: number;
}

/** The one reader of `hogql.codeIntel.*` (src/config.ts is outside this feature's files for now). */
export function inlineStatusEnabled(): boolean {
  return config.codeIntelInlineStatus();
}

export class EditorState implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 1.5em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
  });
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('hogql.codeIntel');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The inline texts shown per document, for the internal `hogql.codeIntel.inlineStatusOf` command. */
  private readonly shown = new Map<string, { line: number; text: string }[]>();
  private readonly timings = new Map<string, RefreshTiming>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly scans: DocumentScans, private readonly defs: DefinitionCache) {
    this.disposables.push(this.decoration, this.diagnostics);
    const w = vscode.workspace;
    w.onDidChangeTextDocument((e) => this.schedule(e.document), undefined, this.disposables);
    w.onDidOpenTextDocument((d) => this.schedule(d), undefined, this.disposables);
    w.onDidCloseTextDocument((d) => this.forget(d), undefined, this.disposables);
    vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll(), undefined, this.disposables);
    w.onDidChangeConfiguration((e) => e.affectsConfiguration('hogql.codeIntel') && this.refreshAll(), undefined, this.disposables);
    defs.onDidChange(() => this.refreshAll(), undefined, this.disposables);
    this.refreshAll();
  }

  /** Recomputes every open document (after a change of what is shown, e.g. the coexistence setting). */
  refreshOpen(): void {
    this.refreshAll();
  }

  inlineStatusOf(uri: string): { line: number; text: string }[] {
    return this.shown.get(uri) ?? [];
  }

  refreshTimingOf(uri: string): RefreshTiming | undefined {
    return this.timings.get(uri);
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); void this.refresh(doc); }, DEBOUNCE_MS));
  }

  private refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) void this.refresh(doc);
  }

  private forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.shown.delete(key);
    this.timings.delete(key);
    this.diagnostics.delete(doc.uri);
    this.scans.forget(doc);
  }

  private async refresh(doc: vscode.TextDocument): Promise<void> {
    const startedAt = Date.now();
    const cpu = process.cpuUsage();
    const result = this.scans.of(doc);
    if (!result) {
      this.diagnostics.delete(doc.uri);
      return;
    }
    const version = doc.version;
    const defs = result.flags.length || result.captures.length ? (this.defs.peek() ?? (await this.defs.get())) : this.defs.peek();
    if (doc.isClosed || doc.version !== version) return;
    this.diagnostics.set(doc.uri, diagnosticsOf(doc, result, defs));
    this.decorate(doc, result, defs);
    const used = process.cpuUsage(cpu);
    this.timings.set(doc.uri.toString(), { version, startedAt, doneAt: Date.now(), cpuMs: (used.user + used.system) / 1000, debounceMs: DEBOUNCE_MS });
  }

  private decorate(doc: vscode.TextDocument, result: ScanResult, defs: Definitions | undefined): void {
    const uri = doc.uri.toString();
    const on = inlineStatusEnabled() && !!defs && !overlapLeftToOfficial();
    const items: { line: number; text: string; range: vscode.Range }[] = [];
    if (on) {
      for (const f of result.flags) {
        if (f.key?.value === undefined) continue;
        const end = doc.positionAt(f.end);
        const flag = defs.flags.get(f.key.value);
        items.push({ line: end.line, text: `${f.key.value}: ${flagStatus(flag, linkedExperiments(flag, defs.experiments)).text}`, range: new vscode.Range(end, end) });
      }
    }
    this.shown.set(uri, items.map(({ line, text }) => ({ line, text })));
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== uri) continue;
      editor.setDecorations(this.decoration, items.map((i) => ({ range: i.range, renderOptions: { after: { contentText: `● ${i.text}` } } })));
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    disposeAll(this.disposables);
  }
}
