/**
 * The results panel's tabs: one per statement (issue #14 item 9). Pure (no `vscode`, no DOM): the
 * host (`src/webview/resultsPanel.ts`) decides with it which tab a run lands in and which tabs go
 * over the limit; the webview only shows what the host says.
 *
 * A tab is keyed by (document, statement). "The same statement" (docs/results-tabs.md):
 * 1. a tab of the same document whose statement has the same normalised text (whitespace runs
 *    collapsed, trailing `;` dropped) — wherever the statement has moved in the file;
 * 2. else the tab of the same document at the same statement index, when its text is no longer
 *    any statement of the document (the statement was edited and re-run: it replaces its tab);
 * 3. else a new tab, added at the end of the strip.
 */
import { visible } from './visible';

/** A tab as the webview shows it: its label (short statement text) and tooltip (full statement). */
export interface TabInfo {
  id: string;
  label: string;
  title: string;
}

/** Where a run comes from: its document, the statement's index there and its text. */
export interface StatementRef {
  /** Document URI (or any key of a result source that is no document: one tab for all its runs). */
  doc: string;
  /** Index of the statement in the document; -1 when the text is no whole statement of it. */
  index: number;
  text: string;
  /** The normalised texts of the document's statements now (for rule 2 above). */
  statements: readonly string[];
}

/** A statement's text for comparing: whitespace runs as one space, no trailing `;`. */
export function normalizeStatement(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\s*;+$/, '');
}

export const LABEL_CHARS = 32;
const TITLE_CHARS = 2_000;

/** The tab's label: the statement's first words, invisible and bidi characters as `[U+XXXX]`. */
export function tabLabel(text: string, max = LABEL_CHARS): string {
  const shown = visible(normalizeStatement(text));
  if (shown.length <= max) return shown;
  const cut = shown.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // an escape such as [U+202E] is never cut in half
  let head = space > max / 2 ? cut.slice(0, space) : cut;
  const open = head.lastIndexOf('[U+');
  if (open >= 0 && head.indexOf(']', open) < 0) head = head.slice(0, open);
  return `${head.trimEnd()}…`;
}

/** The tab's tooltip: the whole statement (lines kept), made visible, capped. */
export function tabTitle(text: string): string {
  const shown = visible(text.trim(), true);
  return shown.length <= TITLE_CHARS ? shown : `${shown.slice(0, TITLE_CHARS)}…`;
}

interface Entry {
  id: string;
  doc: string;
  index: number;
  norm: string;
  used: number;
}

/** The tabs of one panel, in strip order, with the statement each stands for. */
export class TabSet {
  private entries: Entry[] = [];
  private seq = 0;
  private clock = 0;

  constructor(private readonly prefix = 'tab') {}

  /** The tab `ref` lands in (existing or new), marked as used last. */
  place(ref: StatementRef): { id: string; created: boolean } {
    const norm = normalizeStatement(ref.text);
    const same = this.entries.find((e) => e.doc === ref.doc && e.norm === norm);
    const edited = same ?? this.entries.find((e) => e.doc === ref.doc && ref.index >= 0 && e.index === ref.index && !ref.statements.includes(e.norm));
    const entry = edited ?? { id: `${this.prefix}-${++this.seq}`, doc: ref.doc, index: ref.index, norm, used: 0 };
    if (!edited) this.entries.push(entry);
    Object.assign(entry, { index: ref.index, norm, used: ++this.clock });
    return { id: entry.id, created: !edited };
  }

  /** Puts back tab `id` (restored after a window reload) at the end of the strip, as a run of `ref`. */
  adopt(id: string, ref: StatementRef): void {
    if (this.entries.some((e) => e.id === id)) return;
    this.entries.push({ id, doc: ref.doc, index: ref.index, norm: normalizeStatement(ref.text), used: ++this.clock });
    const n = id.startsWith(`${this.prefix}-`) ? Number(id.slice(this.prefix.length + 1)) : NaN;
    if (Number.isInteger(n) && n > this.seq) this.seq = n;
  }

  remove(id: string): void {
    this.entries = this.entries.filter((e) => e.id !== id);
  }

  /** Tab ids in strip order. */
  ids(): string[] {
    return this.entries.map((e) => e.id);
  }

  /**
   * The tabs to drop so that at most `max` remain: least recently run first, never one `keep`
   * says to keep (the active tab, running ones). Fewer when the kept ones alone are over `max`.
   */
  overLimit(max: number, keep: (id: string) => boolean): string[] {
    const extra = this.entries.length - Math.max(1, max);
    if (extra <= 0) return [];
    return this.entries
      .filter((e) => !keep(e.id))
      .sort((a, b) => a.used - b.used)
      .slice(0, extra)
      .map((e) => e.id);
  }

  /** The tab to show when `id` closes: the one after it, else the one before, else none. */
  neighbour(id: string): string | undefined {
    const i = this.entries.findIndex((e) => e.id === id);
    if (i < 0) return undefined;
    return (this.entries[i + 1] ?? this.entries[i - 1])?.id;
  }
}
