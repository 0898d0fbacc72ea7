/**
 * The 7-day volume CodeLens above `capture` calls: one HogQL query per file for all its literal
 * event names, cached per file for a few minutes and only rerun when the file's set of event names
 * changes (after a pause, so typing a name does not query per keystroke). Each lens opens the
 * HogQL behind its number in a `.hogql` editor.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { stringLiteral } from '../views/schemaText';
import { fileNameOf } from '../ui/scratchDocs';
import type { DocumentScans } from './documents';

const FRESH_MS = 5 * 60_000;
const SETTLE_MS = 800;
const MAX_EVENTS = 200;

/** The HogQL of one event's count (what a lens opens). */
export const eventCountQuery = (event: string): string =>
  `-- ${event.replace(/[\r\n]+/g, ' ')}: events in the last 7 days\nSELECT count() AS events\nFROM events\nWHERE event = ${stringLiteral(event)}\n  AND timestamp > now() - INTERVAL 7 DAY`;

/** The one query per file: each event's count in the last 7 days. */
export const fileCountsQuery = (events: readonly string[]): string =>
  `SELECT event, count() AS events FROM events WHERE timestamp > now() - INTERVAL 7 DAY AND event IN (${events.map(stringLiteral).join(', ')}) GROUP BY event`;

interface Entry {
  key: string;
  at: number;
  counts: Map<string, number> | undefined;
  timer?: NodeJS.Timeout;
  abort?: AbortController;
}

export class VolumeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  /** Queries sent per document URI (for tests: one per file). */
  readonly queries = new Map<string, number>();

  constructor(private readonly ctx: Ctx, private readonly scans: DocumentScans, private readonly enabled: () => boolean) {}

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.enabled()) return [];
    const captures = (this.scans.of(doc)?.captures ?? []).filter((c) => c.event?.value);
    if (captures.length === 0) return [];
    const events = [...new Set(captures.map((c) => c.event!.value!))].sort().slice(0, MAX_EVENTS);
    const uri = doc.uri.toString();
    const entry = this.entries.get(uri);
    const key = events.join('\u0000');
    if (!entry || entry.key !== key || Date.now() - entry.at > FRESH_MS) this.schedule(uri, key, events, entry);
    const counts = this.entries.get(uri)?.counts ?? entry?.counts;
    if (!counts) return [];
    return captures.flatMap((c) => {
      const n = counts.get(c.event!.value!);
      if (n === undefined && !events.includes(c.event!.value!)) return [];
      const at = doc.positionAt(c.nameStart);
      return [new vscode.CodeLens(new vscode.Range(at.line, 0, at.line, 0), {
        title: n === undefined ? '$(graph) … in 7 days' : `$(graph) ${n.toLocaleString('en-US')} event${n === 1 ? '' : 's'} in 7 days`,
        command: 'hogql.codeIntel.openEventQuery',
        arguments: [{ event: c.event!.value! }],
        tooltip: 'Open the HogQL behind this count',
      })];
    });
  }

  /** Queries the file's counts once its set of event names has settled; the lenses refresh after. */
  private schedule(uri: string, key: string, events: string[], old: Entry | undefined): void {
    if (old?.key === key && old.timer) return;
    clearTimeout(old?.timer);
    old?.abort?.abort();
    const entry: Entry = { key, at: Date.now(), counts: old?.counts };
    entry.timer = setTimeout(() => void this.fetch(uri, entry, events), old ? SETTLE_MS : 0);
    this.entries.set(uri, entry);
  }

  private async fetch(uri: string, entry: Entry, events: string[]): Promise<void> {
    entry.timer = undefined;
    const session = await this.ctx.session.active();
    if (!session || this.entries.get(uri) !== entry) return;
    entry.abort = new AbortController();
    this.queries.set(uri, (this.queries.get(uri) ?? 0) + 1);
    const abort = entry.abort;
    const timeout = setTimeout(() => abort.abort(new Error('timed out after 30 s')), 30_000);
    try {
      const res = await session.client.query.run(session.projectId, fileCountsQuery(events), { signal: abort.signal });
      const counts = new Map<string, number>(events.map((e) => [e, 0]));
      for (const row of res.results ?? []) counts.set(String(row[0]), Number(row[1]));
      entry.counts = counts;
      entry.at = Date.now();
      this.emitter.fire();
    } catch (e) {
      if (this.entries.get(uri) === entry) this.ctx.log.warn(`[codeIntel] could not count events for the CodeLens: ${(e as Error).message}`);
    } finally {
      clearTimeout(timeout);
    }
  }

  forget(uri: string): void {
    const e = this.entries.get(uri);
    clearTimeout(e?.timer);
    e?.abort?.abort();
    this.entries.delete(uri);
  }

  /** Opens one event's count query in a `.hogql` editor. */
  async openQuery(event: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: 'hogql-query', path: `/event-volume/${fileNameOf(event)}.hogql` });
    return this.ctx.docs.scratch.show(uri, `${eventCountQuery(event)}\n`);
  }

  dispose(): void {
    for (const uri of [...this.entries.keys()]) this.forget(uri);
    this.emitter.dispose();
  }
}
