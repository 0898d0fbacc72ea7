import * as vscode from 'vscode';
import type { ResultsLocation } from './webview/resultsColumn';

/**
 * The only reader of the extension's settings (`hogql.*`): typed getters, sane bounds, and one
 * change event filtered to our section. Everything else asks this module.
 */
const SECTION = 'hogql';

function get<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration(SECTION).get<T>(key, fallback);
}

const clamp = (v: number, min: number, max: number): number => (Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : min);

export interface HttpSettings {
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  bodyTimeoutMs: number;
  /** VS Code's own proxy settings, passed to the API client. */
  proxy: string | undefined;
  proxyStrictSSL: boolean;
  noProxy: string[];
}

const VIEW_DEFAULTS = ['insights', 'flags', 'cohorts', 'recordings', 'dashboards', 'experiments', 'surveys', 'actions', 'annotations', 'persons', 'schema'];

export interface DiagnosticsSettings {
  enabled: boolean;
  debounceMs: number;
  parserTimeoutMs: number;
  /** PostHog's parser's caches on disk (snapshot and verdicts, src/language/syntax/parserCache.ts). */
  parserCache: boolean;
  vocabularyWarnings: boolean;
  /** HogQLMetadata checks on the server when signed in. */
  server: boolean;
  serverDebounceMs: number;
}

export const config = {
  http(): HttpSettings {
    const http = vscode.workspace.getConfiguration('http');
    return {
      connectTimeoutMs: clamp(get('http.connectTimeoutSeconds', 10), 1, 300) * 1000,
      responseTimeoutMs: clamp(get('http.responseTimeoutSeconds', 30), 1, 600) * 1000,
      bodyTimeoutMs: clamp(get('http.bodyTimeoutSeconds', 60), 1, 600) * 1000,
      proxy: http.get<string>('proxy') || undefined,
      proxyStrictSSL: http.get<boolean>('proxyStrictSSL', true),
      noProxy: http.get<string[]>('noProxy', []),
    };
  },

  /** A project id pinned for this workspace (workspace setting), overriding the active connection's. */
  pinnedProjectId(): number | undefined {
    const v = get<number | null>('projectId', null);
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
  },

  /** Inline flag status after PostHog flag calls in code (`hogql.codeIntel.inlineStatus`). */
  codeIntelInlineStatus(): boolean {
    return get('codeIntel.inlineStatus', true);
  },

  /** Leave flag completion, hover, inline status and unknown-flag warnings to the official PostHog extension when it is installed. */
  codeIntelLeaveOverlapToOfficial(): boolean {
    return get('codeIntel.leaveOverlapToOfficial', false);
  },

  /** Days an inactive flag stays unchanged before the Stale Flags view lists it (`hogql.codeIntel.staleInactiveDays`). */
  codeIntelStaleInactiveDays(): number {
    const v = get<number>('codeIntel.staleInactiveDays', 30);
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 30;
  },

  /** VS Code's `search.exclude` (glob → true, false or a condition), which `workspace.findFiles` does not apply by itself. */
  searchExclude(): Record<string, unknown> {
    return vscode.workspace.getConfiguration('search').get<Record<string, unknown>>('exclude') ?? {};
  },

  /** The 7-day event count CodeLens above `capture` calls (`hogql.codeIntel.eventVolume`). */
  codeIntelEventVolume(): boolean {
    return get('codeIntel.eventVolume', true);
  },

  /** Where sign-in looks for a local PostHog (`hogql.localPostHogUrl`); undefined when turned off (empty). */
  localPostHogUrl(): string | undefined {
    const v = get<string>('localPostHogUrl', 'http://localhost:8010');
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  },

  /** Hides and refuses every write (toggle flag, create annotation, save insight, capture). */
  readOnly(): boolean {
    return get('readOnly', false);
  },

  /** Sidebar views that load data (`hogql.views.enabled`); the others show a note instead. */
  viewsEnabled(): string[] {
    const v = get<unknown>('views.enabled', VIEW_DEFAULTS);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [...VIEW_DEFAULTS];
  },

  /** Items per page in the sidebar's lists (`hogql.views.pageSize`, 10–200). */
  viewsPageSize(): number {
    return Math.round(clamp(get('views.pageSize', 50), 10, 200));
  },

  /** HogQL diagnostics (src/language/): PostHog's parser in a worker, offline checks, server checks. */
  diagnostics(): DiagnosticsSettings {
    return {
      enabled: get('diagnostics.enabled', true),
      debounceMs: clamp(get('diagnostics.debounceMs', 300), 0, 5_000),
      parserTimeoutMs: clamp(get('diagnostics.parserTimeoutMs', 2_000), 200, 60_000),
      parserCache: get('diagnostics.parserCache', true),
      vocabularyWarnings: get('diagnostics.vocabularyWarnings', true),
      server: get('diagnostics.server', true),
      serverDebounceMs: clamp(get('diagnostics.serverDebounceMs', 800), 100, 10_000),
    };
  },

  /** The query runner's settings (`hogql.query.*`, `hogql.results.reusePanel`). */
  query(): { codeLens: boolean; replaceRunning: boolean; reusePanel: boolean } {
    return {
      codeLens: get('query.codeLens', true),
      replaceRunning: get<string>('query.whenRunning', 'ask') === 'replace',
      reusePanel: get('results.reusePanel', false),
    };
  },

  /** "Export Full Result" (src/query/exportFlow.ts): CSV cells starting a formula written raw. */
  exportCsvRawFormulas(): boolean {
    return get<boolean>('export.csvRawFormulas', false) === true;
  },

  /** HogQL notebooks (`hogql.notebook.*`): whether outputs are saved in the file, and their size cap. */
  notebook(): { saveOutputs: boolean; maxOutputBytes: number } {
    return {
      saveOutputs: get<boolean>('notebook.saveOutputs', false) === true,
      maxOutputBytes: Math.round(clamp(get('notebook.maxOutputKB', 100), 1, 10_000) * 1024),
    };
  },

  /** Where a results panel opens (`hogql.results.location`); see src/webview/resultsColumn.ts. */
  resultsLocation(): ResultsLocation {
    const v = get<string>('results.location', 'beside');
    return v === 'active' || v === 'reuseLast' ? v : 'beside';
  },

  /** Result tabs a results panel keeps (`hogql.results.maxTabs`, one per statement); at least 1. */
  resultsMaxTabs(): number {
    const v = get<number>('results.maxTabs', 10);
    return typeof v === 'number' && Number.isFinite(v) ? Math.max(1, Math.floor(v)) : 10;
  },

  /** Whether completion offers the project's event and property names (fetched from PostHog). */
  completionProjectNames(): boolean {
    return get('completion.projectNames', true);
  },

  /** The HogQL formatter's options (`hogql.format.*`); the formatter bounds them again. */
  format(): { keywordCase: 'upper' | 'lower' | 'preserve'; indent: number; width: number } {
    const kc = get<string>('format.keywordCase', 'upper');
    return {
      keywordCase: kc === 'lower' || kc === 'preserve' ? kc : 'upper',
      indent: Math.round(clamp(get('format.indent', 4), 1, 8)),
      width: Math.round(clamp(get('format.width', 100), 20, 1_000)),
    };
  },

  /** Fires when any `hogql.*` or `http.proxy*` setting changes. */
  onDidChange(listener: (e: vscode.ConfigurationChangeEvent) => void, disposables: vscode.Disposable[]): void {
    vscode.workspace.onDidChangeConfiguration(
      (e) => {
        if (e.affectsConfiguration(SECTION) || e.affectsConfiguration('http.proxy') || e.affectsConfiguration('http.proxyStrictSSL')) listener(e);
      },
      undefined,
      disposables,
    );
  },
};
