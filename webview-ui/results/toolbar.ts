// The header bar above the grid: tabs, result stats, filter box, copy/export actions, the running /
// error / cancelled status with Cancel, "Load more", what sort and filter act on ("Sort all on the
// server"), the 50k-rows note and the executed HogQL.
import { rowsToCome, type ExportFormat, type ResultInfo } from '../../src/results/protocol';
import { formatBytes, formatCount, formatDuration } from '../../src/results/format';
import { POSTHOG_MAX_ROWS } from '../../src/results/limits';
import { button, debounce, el } from './dom';
import type { Tab } from './state';


export type CopyFormat = 'tsv' | 'json' | 'markdown';

export interface ToolbarEvents {
  filter(text: string): void;
  tab(tab: Tab): void;
  copy(format: CopyFormat): void;
  export(format: ExportFormat, target: 'file' | 'newDocument'): void;
  /** Export every row of the query (past what the grid holds), fetched again in pages. */
  exportFull(): void;
  loadMore(): void;
  cancel(): void;
  /** Re-run the query sorted on the server by the column sorted here. */
  sortOnServer(): void;
}

export class Toolbar {
  readonly root = el('div', 'toolbar');
  private readonly tabs = new Map<Tab, HTMLButtonElement>();
  private readonly stats = el('span', 'stats');
  readonly filterInput = el('input', 'filter');
  private readonly status = el('div', 'status');
  private readonly statusText = el('span', 'status-text');
  private readonly cancelBtn: HTMLButtonElement;
  private readonly loadMoreBtn: HTMLButtonElement;
  private readonly limitNote = el('span', 'limit-note');
  /** Sort and filter act on the loaded rows only: says so when the result has more. */
  private readonly scopeNote = el('span', 'scope-note');
  private readonly sortServerBtn: HTMLButtonElement;
  private readonly query = el('details', 'query');
  private readonly queryText = el('pre', 'query-text');
  private readonly errorView = el('div', 'error-view');
  private readonly actionsBox: HTMLElement;

  constructor(private readonly events: ToolbarEvents) {
    const bar = el('div', 'bar');
    const tablist = el('div', 'tabs');
    tablist.setAttribute('role', 'tablist');
    for (const [tab, label] of [['table', 'Table'], ['chart', 'Chart']] as const) {
      const b = button(label, `Show the ${label.toLowerCase()}`, () => events.tab(tab), 'tab');
      b.setAttribute('role', 'tab');
      b.dataset.tab = tab;
      this.tabs.set(tab, b);
      tablist.append(b);
    }
    this.filterInput.type = 'search';
    this.filterInput.placeholder = 'Filter rows…';
    this.filterInput.setAttribute('aria-label', 'Filter rows');
    const onFilter = debounce((v: string) => events.filter(v), 150);
    this.filterInput.addEventListener('input', () => onFilter(this.filterInput.value));
    this.actionsBox = this.actions();
    bar.append(tablist, this.stats, el('span', 'spacer'), this.filterInput, this.actionsBox);
    this.cancelBtn = button('Cancel', 'Cancel the running query', () => events.cancel(), 'btn cancel');
    this.loadMoreBtn = button('Load more', 'Fetch the next page of rows', () => events.loadMore(), 'btn load-more');
    this.sortServerBtn = button('Sort all on the server', 'Run the query again with ORDER BY on this column, so all rows are sorted', () => events.sortOnServer(), 'btn sort-server');
    this.status.append(this.statusText, this.cancelBtn, this.loadMoreBtn, this.scopeNote, this.sortServerBtn, this.limitNote);
    const summary = el('summary', undefined, 'Query');
    this.query.append(summary, this.queryText);
    this.root.append(bar, this.status, this.errorView, this.query);
    this.clear();
  }

  private actions(): HTMLElement {
    const box = el('div', 'actions');
    const e = this.events;
    const copyTip = (f: string): string => `Copy the selection (or, with one cell selected, every shown row) as ${f}`;
    box.append(
      button('Copy', copyTip('TSV'), () => e.copy('tsv'), 'btn copy-tsv'),
      button('JSON', copyTip('JSON'), () => e.copy('json'), 'btn copy-json'),
      button('Markdown', copyTip('Markdown'), () => e.copy('markdown'), 'btn copy-markdown'),
      button('CSV ↗', 'Open the whole result as CSV in a new editor', () => e.export('csv', 'newDocument'), 'btn export-csv'),
      button('Export…', 'Save the whole result as CSV to a file', () => e.export('csv', 'file'), 'btn export-file'),
      button('Export All…', 'Export every row of the query, past what the grid holds, to CSV, JSON Lines or JSON (fetched from PostHog in pages)', () => e.exportFull(), 'btn export-full'),
    );
    return box;
  }

  setTab(tab: Tab): void {
    for (const [t, b] of this.tabs) {
      b.setAttribute('aria-selected', String(t === tab));
      b.classList.toggle('active', t === tab);
    }
  }

  /** Shows a result's figures and actions; `shown` is the row count after filtering. */
  setResult(r: ResultInfo, shown: number): void {
    this.setResultActions(true);
    this.updateRows(r, shown);
    this.query.hidden = !r.query;
    this.queryText.textContent = r.query ?? '';
    this.status.hidden = !r.hasMore && !this.limitNote.textContent;
  }

  /** More rows of a streamed result arrived: counts and Load more only (the status line stays). */
  updateRows(r: ResultInfo, shown: number): void {
    this.updateStats(r, shown);
    // "Load more" fetches from the end of the result: only once a streamed one is whole
    this.loadMoreBtn.hidden = !r.hasMore || rowsToCome(r) > 0;
  }

  /** Row counts and figures only (after filtering or appending). */
  updateStats(r: ResultInfo, shown: number): void {
    const total = r.rows.length;
    const parts = [
      r.streaming
        ? `${formatCount(total)} rows received…`
        : rowsToCome(r) > 0
        ? `${formatCount(total)} of ${formatCount(r.totalRows ?? 0)} rows received…`
        : shown === total
          ? `${formatCount(total)} row${total === 1 ? '' : 's'}`
          : `${formatCount(shown)} of ${formatCount(total)} rows`,
      `${r.columns.length} column${r.columns.length === 1 ? '' : 's'}`,
      formatDuration(r.elapsedMs),
    ];
    if (r.rowsRead !== undefined) parts.push(`${formatCount(r.rowsRead)} rows read`);
    if (r.bytesRead !== undefined) parts.push(`${formatBytes(r.bytesRead)} read`);
    this.stats.textContent = parts.join(' · ');
    this.limitNote.textContent = total >= POSTHOG_MAX_ROWS
      ? `PostHog returns at most ${formatCount(POSTHOG_MAX_ROWS)} rows per query; aggregate or page with LIMIT/OFFSET to see more.`
      : '';
  }

  /**
   * What sort and filter act on: `note` (empty when they act on the whole result), and "Sort all on
   * the server" when `serverSort`.
   */
  setScope(note: string, serverSort: boolean): void {
    this.scopeNote.textContent = note;
    this.scopeNote.hidden = !note;
    this.sortServerBtn.hidden = !serverSort;
  }

  /**
   * No current result on screen (a query runs over a stale one, or failed, or was cancelled): the
   * header shows no figures, and nothing to filter, copy, export or page.
   */
  clearResult(): void {
    this.stats.textContent = '';
    this.limitNote.textContent = '';
    this.loadMoreBtn.hidden = true;
    this.setScope('', false);
    this.setResultActions(false);
  }

  /** Filter, copy and export act on a current result only. */
  setResultActions(shown: boolean): void {
    this.filterInput.hidden = !shown;
    this.actionsBox.hidden = !shown;
  }

  /** The running state: message, elapsed and rows read, and Cancel when the host can cancel it. */
  setLoading(message: string, query?: string, cancellable = true): void {
    this.errorView.hidden = true;
    this.status.hidden = false;
    this.status.className = 'status loading';
    this.statusText.textContent = message;
    this.cancelBtn.hidden = !cancellable;
    this.loadMoreBtn.disabled = true;
    if (query !== undefined) {
      this.query.hidden = false;
      this.queryText.textContent = query;
    }
  }

  setProgress(elapsedMs: number, rowsRead?: number, bytesRead?: number): void {
    const parts = [`Running… ${formatDuration(elapsedMs)}`];
    if (rowsRead !== undefined) parts.push(`${formatCount(rowsRead)} rows read`);
    if (bytesRead !== undefined) parts.push(`${formatBytes(bytesRead)} read`);
    this.setLoading(parts.join(' · '));
  }

  setError(message: string, details?: string): void {
    this.endRun();
    const head = el('div', 'error-message', message);
    head.setAttribute('role', 'alert');
    const nodes: HTMLElement[] = [head];
    if (details) {
      const d = el('details', 'error-details');
      d.append(el('summary', undefined, 'Details'), el('pre', undefined, details));
      nodes.push(d);
    }
    this.errorView.replaceChildren(...nodes);
    this.errorView.hidden = false;
  }

  setCancelled(): void {
    this.endRun();
    this.status.hidden = false;
    this.status.className = 'status cancelled';
    this.statusText.textContent = 'Query cancelled.';
  }

  private endRun(): void {
    this.cancelBtn.hidden = true;
    this.loadMoreBtn.disabled = false;
    this.statusText.textContent = '';
    this.status.className = 'status';
  }

  /** Back to the idle state (a result arrived). */
  clear(): void {
    this.endRun();
    this.errorView.hidden = true;
    this.errorView.replaceChildren();
    this.status.hidden = true;
    this.loadMoreBtn.hidden = true;
    this.setScope('', false);
    this.query.hidden = true;
  }
}
