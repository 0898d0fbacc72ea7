/**
 * Documents linked to SQL insights. The link itself is the document's first line (see
 * insightHeader.ts), so it survives reloads and travels in git; what the file cannot say is kept
 * here: the insight's name and numeric id once known, and — in workspace state — the insight's
 * `last_modified_at` when this workspace last pulled or pushed it, so a push over a newer version
 * in PostHog warns first.
 */
import * as vscode from 'vscode';
import { linkKey, parseHeader, type HeaderLink } from './insightHeader';
import { queryHash, type SyncBase } from './syncStatus';

export interface InsightLink extends HeaderLink {
  /** Known once the insight was opened, saved, pulled or pushed in this session. */
  insightId?: number;
  name?: string;
}

interface Known {
  insightId?: number;
  name: string;
}

const VERSIONS_KEY = 'hogql.insightVersions';
/** The hash of the query at the last pull or push (syncStatus.ts), so Sync Folder tells "changed here". */
const HASHES_KEY = 'hogql.syncedQueryHashes';
const MAX_VERSIONS = 500;

export { linkKey };

export class InsightLinks implements vscode.Disposable {
  private readonly known = new Map<string, Known>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when a name or id becomes known (the CodeLens shows the name). */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {}

  dispose(): void {
    this.emitter.dispose();
  }

  /** The insight `doc` is linked to (its first line), with what is known about it. */
  of(doc: vscode.TextDocument): InsightLink | undefined {
    if (doc.lineCount === 0) return undefined;
    const header = parseHeader(doc.lineAt(0).text);
    if (!header) return undefined;
    return { ...header, ...this.known.get(linkKey(header)) };
  }

  /** `of` for the open document at `uri`. */
  ofUri(uri: string): InsightLink | undefined {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    return doc && this.of(doc);
  }

  /**
   * Records the insight's (or view's) name and id, and the version this workspace now holds: PostHog's
   * version (an insight's `last_modified_at`, a view's `latest_history_id`) and, when given, the query
   * the file and PostHog now share (after a pull or a push).
   */
  async remember(link: HeaderLink, insight: { id?: number; name: string; lastModifiedAt?: string | null; query?: string }): Promise<void> {
    this.known.set(linkKey(link), { ...(insight.id !== undefined ? { insightId: insight.id } : {}), name: insight.name });
    if (insight.lastModifiedAt) await this.record(VERSIONS_KEY, linkKey(link), insight.lastModifiedAt);
    if (insight.query !== undefined) await this.record(HASHES_KEY, linkKey(link), queryHash(insight.query));
    this.emitter.fire();
  }

  private async record(stateKey: string, key: string, value: string): Promise<void> {
    const all = { ...this.state.get<Record<string, string>>(stateKey) };
    delete all[key]; // re-added last: the oldest entries go first
    all[key] = value;
    const keys = Object.keys(all);
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_VERSIONS))) delete all[k];
    await this.state.update(stateKey, all);
  }

  /** What this workspace recorded at its last pull or push of `link`, if anything. */
  base(link: HeaderLink): SyncBase | undefined {
    const version = this.syncedVersion(link);
    const hash = this.state.get<Record<string, string>>(HASHES_KEY)?.[linkKey(link)];
    return version || hash ? { ...(version ? { version } : {}), ...(hash ? { hash } : {}) } : undefined;
  }

  /** The insight's `last_modified_at` when this workspace last pulled or pushed it. */
  syncedVersion(link: HeaderLink): string | undefined {
    return this.state.get<Record<string, string>>(VERSIONS_KEY)?.[linkKey(link)];
  }
}
