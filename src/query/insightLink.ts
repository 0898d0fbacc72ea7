/**
 * Documents linked to SQL insights. The link itself is the document's first line (see
 * insightHeader.ts), so it survives reloads and travels in git; what the file cannot say is kept
 * here: the insight's name and numeric id once known, and — in workspace state — the insight's
 * `last_modified_at` when this workspace last pulled or pushed it, so a push over a newer version
 * in PostHog warns first.
 */
import * as vscode from 'vscode';
import { parseHeader, type HeaderLink } from './insightHeader';

export interface InsightLink extends HeaderLink {
  /** Known once the insight was opened, saved, pulled or pushed in this session. */
  insightId?: number;
  name?: string;
}

interface Known {
  insightId: number;
  name: string;
}

const VERSIONS_KEY = 'hogql.insightVersions';
const MAX_VERSIONS = 500;

export const linkKey = (l: HeaderLink): string => `${l.host.replace(/\/+$/, '')}|${l.projectId}|${l.shortId}`;

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

  /** Records the insight's name and id, and the version this workspace now holds. */
  async remember(link: HeaderLink, insight: { id: number; name: string; lastModifiedAt?: string | null }): Promise<void> {
    this.known.set(linkKey(link), { insightId: insight.id, name: insight.name });
    if (insight.lastModifiedAt) {
      const all = { ...this.state.get<Record<string, string>>(VERSIONS_KEY), [linkKey(link)]: insight.lastModifiedAt };
      const keys = Object.keys(all);
      for (const k of keys.slice(0, Math.max(0, keys.length - MAX_VERSIONS))) delete all[k];
      await this.state.update(VERSIONS_KEY, all);
    }
    this.emitter.fire();
  }

  /** The insight's `last_modified_at` when this workspace last pulled or pushed it. */
  syncedVersion(link: HeaderLink): string | undefined {
    return this.state.get<Record<string, string>>(VERSIONS_KEY)?.[linkKey(link)];
  }
}
