// The results view controller: routes host messages to the model and the views, and user actions
// back to the host. Holds no data of its own beyond the model and the persisted view state.
import { assertNever, rowsToCome, type Cell, type ResultPayload, type ToView } from '../../src/results/protocol';
import { loadedScopeNote } from '../../src/results/serverSort';
import { emptyPanelState, reducePanel, type PanelEvent, type PanelState } from '../../src/results/state';
import { post } from './api';
import { ChartView } from './chart';
import { formatBlock, selectionBlock, viewBlock } from './clipboard';
import { debounce, el } from './dom';
import { Grid } from './grid';
import { ROW_HEIGHT } from './layout';
import { LimitBannerView } from './limitBannerView';
import { GridModel } from './model';
import { diffWithPin, marksOf } from './diffMarks';
import { PinBar, restoredText } from './pinView';
import type { Pin } from '../../src/results/snapshot';
import { renderNaiveTable } from './naive';
import { RenderMarks } from './renderMarks';
import { SaveWhenSettled } from './scrollSave';
import type { Pos } from './selection';
import type { Tab, ViewState } from './state';
import { Toolbar, type CopyFormat } from './toolbar';
import { Viewer } from './viewer';

/** Where a tab's view state persists (webview-ui/results/panel.ts keeps one per tab). */
export interface ViewStore {
  load(): ViewState;
  save(state: ViewState): void;
}

/** One result tab of the panel: its own model, grid, chart, header and view state. */
export class App {
  private readonly model = new GridModel();
  private readonly state: ViewState;
  private readonly toolbar: Toolbar;
  private readonly grid: Grid;
  private readonly viewer: Viewer;
  private readonly chart: ChartView;
  private readonly banner: LimitBannerView;
  private readonly pinBar: PinBar;
  /** The pinned result this tab's runs are compared with (the host owns it; issue #17). */
  private pin: Pin | undefined;
  /** Over a result restored after a window reload: how much of it was saved. */
  private readonly restoredNote = el('div', 'restored-note');
  private readonly main = el('div', 'main');
  private readonly tablePane = el('div', 'pane table-pane');
  private readonly chartPane = el('div', 'pane chart-pane');
  private readonly empty = el('div', 'empty', 'Run a HogQL query to see results here.');
  /** Shown over the previous result while a new query runs. */
  private readonly staleNote = el('div', 'stale-note', 'Previous result: a new query is running.');
  /** Epoch ms at which the host posted the latest result (transport metadata, for latency figures). */
  sentAt: number | undefined;
  /** The run state shared with the host (src/results/state.ts): what the panel shows. */
  private run: PanelState = emptyPanelState();
  /** The saved scroll position, re-applied as a streamed result grows tall enough for it. */
  private pendingScroll: { top: number; left: number } | undefined;
  /** `appendRows` (a loaded page) that came while a streamed result was still arriving: after it. */
  private heldPages: { queryId: string; rows: Cell[][]; hasMore: boolean }[] = [];
  private readonly saveSoon = debounce(() => this.store.save(this.state), 200);
  private readonly scrollSave = new SaveWhenSettled(
    () => this.store.save(this.state),
    (cb) => requestAnimationFrame(cb),
  );
  /** The result was laid out while this tab was hidden (detached): measured again when shown. */
  private measuredHidden = false;
  private readonly copyListener = (e: ClipboardEvent): void => this.onCopyEvent(e);
  private readonly marks: RenderMarks;

  constructor(
    readonly root: HTMLElement,
    private readonly store: ViewStore,
    private readonly tabId: string,
  ) {
    this.state = store.load();
    this.marks = new RenderMarks(root);
    this.toolbar = new Toolbar({
      filter: (text) => this.setFilter(text),
      tab: (tab) => this.setTab(tab),
      copy: (format) => this.copyButton(format),
      export: (format, target) => this.model.result && post({ kind: 'export', queryId: this.model.result.queryId, format, target }),
      exportFull: () => this.model.result && post({ kind: 'exportFull', queryId: this.model.result.queryId }),
      loadMore: () => this.loadMore(),
      cancel: () => this.run.phase === 'running' && this.run.queryId !== undefined && post({ kind: 'cancel', queryId: this.run.queryId }),
      sortOnServer: () => this.sortOnServer(),
    });
    this.grid = new Grid(this.model, {
      sort: (col) => this.cycleSort(col),
      resized: (col, width) => {
        this.state.widths[this.model.columns[col].name] = width;
        this.store.save(this.state);
      },
      scrolled: (top, left) => {
        this.scrollSave.scrolled();
        if (this.pendingScroll) return; // a shorter re-post of the result clamped it: not the user's
        this.state.scrollTop = top;
        this.state.scrollLeft = left; // saved when the scroll ends (below)
      },
      openViewer: (pos) => this.viewer.show(pos),
      openLink: (pos) => {
        const link = this.model.link(pos.row, pos.col);
        if (link) post({ kind: 'openLink', link });
      },
      focusMoved: (pos: Pos) => this.viewer.isOpen && this.viewer.show(pos),
      escape: () => this.viewer.close(),
    });
    this.viewer = new Viewer(this.model, {
      copy: (text) => post({ kind: 'copy', text }),
      openInEditor: (text, json) => post({ kind: 'openCellInEditor', text, language: json ? 'json' : 'plaintext' }),
      closed: () => this.grid.root.focus(),
    });
    this.chart = new ChartView(this.model, { type: this.state.chartType }, (choice) => {
      this.state.chartType = choice.type;
      this.saveSoon();
      const r = this.model.result;
      if (!r) return;
      r.chart = choice;
      post({ kind: 'chartChoice', queryId: r.queryId, choice });
    });
    this.banner = new LimitBannerView({
      loadMore: () => this.loadMore(),
      raiseLimit: () => this.model.result && post({ kind: 'runWithLimit', queryId: this.model.result.queryId }),
    });
    this.pinBar = new PinBar({
      pin: () => this.model.result && post({ kind: 'pin', tabId: this.tabId, queryId: this.model.result.queryId }),
      unpin: () => post({ kind: 'unpin', tabId: this.tabId }),
      chooseKeys: () => post({ kind: 'pinKeys', tabId: this.tabId }),
    });
    this.restoredNote.hidden = true;
    this.tablePane.append(this.grid.root, this.viewer.root);
    this.chartPane.append(this.chart.root);
    this.main.append(this.empty);
    this.staleNote.hidden = true;
    root.dataset.phase = this.run.phase;
    root.append(this.toolbar.root, this.pinBar.root, this.restoredNote, this.banner.root, this.staleNote, this.main);
    this.toolbar.setTab(this.state.tab);
    document.addEventListener('copy', this.copyListener);
    // Hiding the panel tears this page down at once, with no event a save could still get out in:
    // the scroll position is saved as soon as a scroll settles (scrollSave.ts; after a debounce, a
    // scroll just before switching tabs was lost).
    this.grid.root.addEventListener('scrollend', () => this.scrollSave.ended());
  }

  /** The tab is shown again (its panel re-attached): the grid scrolls back where it was. */
  shown(): void {
    if (this.run.resultId === undefined || this.model.result?.devRenderer === 'naive') return;
    // a result that came while the tab was hidden was measured without the page's font
    if (this.measuredHidden) this.grid.reset(this.grid.measureWidths(this.state.widths));
    this.measuredHidden = false;
    if (this.state.tab !== 'table') return;
    this.grid.render();
    this.grid.root.scrollTo(this.state.scrollLeft, this.state.scrollTop);
  }

  /** The tab closed: its rows are released and it stops listening. */
  dispose(): void {
    document.removeEventListener('copy', this.copyListener);
    this.clearResult();
    this.root.remove();
  }

  /** The host pinned (or unpinned) this tab's result: the grid's marks and the pin bar follow. */
  setPin(pin: Pin | undefined): void {
    this.pin = pin;
    this.updateDiff();
    if (this.model.result && this.model.result.devRenderer !== 'naive') this.grid.reset(this.grid.measureWidths(this.state.widths));
  }

  /** Diffs the result (the rows in so far) against the pin: marks for the grid, counts for the bar. */
  private updateDiff(): void {
    const r = this.model.result;
    const diff = diffWithPin(r, this.model.rows, this.pin);
    this.model.marks = diff && this.pin && r ? marksOf(diff, this.pin, r.columns) : undefined;
    this.pinBar.show(this.run.phase === 'result' ? r : undefined, this.pin, diff);
    this.root.dataset.diff = diff ? `+${diff.added.length} -${diff.removed.length} ~${diff.changed.size}` : '';
  }

  /** Moves the run state; false when the event is stale (a superseded query's) and must be dropped. */
  private transition(event: PanelEvent): boolean {
    const next = reducePanel(this.run, event);
    if (!next) return false;
    this.run = next;
    this.root.dataset.phase = next.phase;
    const stale = next.phase === 'running' && next.resultId !== undefined;
    this.main.classList.toggle('stale', stale);
    this.staleNote.hidden = !stale;
    return true;
  }

  onMessage(msg: ToView, receivedAt: number): void {
    if (!this.transition(msg)) return;
    switch (msg.kind) {
      case 'result':
        this.showResult(msg.result, receivedAt);
        return;
      case 'appendRows':
        this.appendRows(msg.queryId, msg.rows, msg.hasMore);
        return;
      case 'moreRows':
        this.moreRows(msg.queryId, msg.rows);
        return;
      case 'streamEnd':
        this.streamEnd(msg.queryId, msg.result);
        return;
      case 'loading':
        // the previous result stays below, marked stale; the header no longer describes it
        this.toolbar.clearResult();
        this.toolbar.setLoading(msg.message, msg.query);
        this.pinBar.show(undefined, undefined, undefined);
        return;
      case 'progress':
        this.toolbar.setProgress(msg.elapsedMs, msg.rowsRead, msg.bytesRead);
        return;
      case 'error':
        this.clearResult();
        this.toolbar.setError(msg.message, msg.details);
        return;
      case 'cancelled':
        this.clearResult();
        this.toolbar.setCancelled();
        return;
      default:
        assertNever(msg);
    }
  }

  /** A run failed or was cancelled: the previous result goes, so nothing looks like its data. */
  private clearResult(): void {
    this.model.clear();
    this.viewer.close();
    this.heldPages = [];
    this.pendingScroll = undefined;
    this.main.replaceChildren();
    this.banner.hide();
    this.restoredNote.hidden = true;
    this.updateDiff();
    this.toolbar.clearResult();
    this.marks.clear();
  }

  private showResult(result: ResultPayload, receivedAt: number): void {
    this.model.setResult(result);
    this.chart.setChoice(result.chart ?? { type: this.state.chartType });
    this.updateDiff();
    const note = restoredText(result);
    this.restoredNote.textContent = note ?? '';
    this.restoredNote.hidden = note === undefined;
    const same = this.state.queryId === result.queryId;
    if (!same) Object.assign(this.state, { queryId: result.queryId, sort: undefined, filter: '', scrollTop: 0, scrollLeft: 0 });
    const sortCol = this.state.sort ? this.model.columns.findIndex((c) => c.name === this.state.sort?.column) : -1;
    if (sortCol >= 0 && this.state.sort) this.model.setSort({ col: sortCol, dir: this.state.sort.dir });
    if (this.state.filter) this.model.setFilter(this.state.filter);
    this.toolbar.clear();
    this.toolbar.setResult(result, this.model.rowCount);
    this.banner.show(result.limitBanner);
    this.updateScope();
    this.toolbar.filterInput.value = this.state.filter;
    this.viewer.close();
    if (result.devRenderer === 'naive') {
      this.main.replaceChildren(renderNaiveTable(this.model));
    } else {
      // (already in place after a previous result: moving them out and back would restyle the page)
      if (this.main.firstChild !== this.tablePane || this.main.lastChild !== this.chartPane || this.main.childNodes.length !== 2) this.main.replaceChildren(this.tablePane, this.chartPane);
      // a result still arriving is measured on its first screen of rows now, on all its sample at its end
      this.grid.reset(this.grid.measureWidths(this.state.widths, result.streaming ? firstScreenRows() : undefined));
      this.measuredHidden = !this.root.isConnected;
      this.heldPages = [];
      this.pendingScroll = same && this.missingRows > 0 ? { top: this.state.scrollTop, left: this.state.scrollLeft } : undefined;
      if (same) this.grid.root.scrollTo(this.state.scrollLeft, this.state.scrollTop);
      // (the grid has just drawn its rows unless it scrolled back)
      this.setTab(this.state.tab, !same);
    }
    this.store.save(this.state);
    this.marks.painted(result, receivedAt, () => this.sentAt, () => this.markCompleteWhenWhole());
  }

  /** Rows of the shown result still to arrive (see `totalRows`). */
  private get missingRows(): number {
    return this.model.result ? rowsToCome(this.model.result) : 0;
  }

  /**
   * Rows were added to the shown result: the grid (selection kept when it can be); the diff with a
   * pin and the chart once no rows are missing (each is work over every row: not again for each
   * streamed batch, issue #21).
   */
  private rowsAdded(): void {
    const whole = this.missingRows === 0;
    const diffed = this.pin !== undefined && whole;
    if (diffed) this.updateDiff();
    this.grid.rowsAdded(diffed);
    if (this.state.tab === 'chart' && whole) this.chart.update();
  }

  /** The next chunk of a streamed result: shown as it arrives (sort and filter apply to it). */
  private moreRows(queryId: string, rows: Extract<ToView, { kind: 'moreRows' }>['rows']): void {
    const r = this.model.result;
    if (!r || r.queryId !== queryId || this.missingRows === 0) return;
    this.model.appendRows(rows);
    // a stale result (a new query runs) keeps growing below; the header stays the running one's
    if (this.run.phase === 'result') this.toolbar.updateRows(r, this.model.rowCount);
    this.rowsAdded();
    if (this.pendingScroll) {
      const { top, left } = this.pendingScroll;
      this.grid.root.scrollTo(left, top);
      if (this.missingRows === 0 || Math.abs(this.grid.root.scrollTop - top) < 1) this.pendingScroll = undefined;
    }
    if (this.missingRows === 0) {
      for (const p of this.heldPages.splice(0)) this.appendRows(p.queryId, p.rows, p.hasMore);
      this.marks.afterPaint(() => this.markCompleteWhenWhole());
    }
  }

  /**
   * A streamed result is whole: its full description (column types, timezone, hasMore…) replaces
   * the provisional one; the rows, sort, filter and scroll position stay.
   */
  private streamEnd(queryId: string, result: ResultPayload): void {
    const r = this.model.result;
    if (!r || r.queryId !== queryId || !r.streaming) return;
    this.model.finish(result);
    const whole = this.model.result!;
    if (this.run.phase === 'result') {
      this.toolbar.clear();
      this.toolbar.setResult(whole, this.model.rowCount);
    }
    this.banner.show(whole.limitBanner);
    if (whole.devRenderer !== 'naive') {
      const { scrollTop, scrollLeft } = this.grid.root;
      this.grid.reset(this.grid.measureWidths(this.state.widths));
      this.grid.root.scrollTo(scrollLeft, scrollTop);
    }
    this.rowsAdded();
    this.pendingScroll = undefined;
    for (const p of this.heldPages.splice(0)) this.appendRows(p.queryId, p.rows, p.hasMore);
    this.marks.afterPaint(() => this.markCompleteWhenWhole());
  }

  /** Once every row is in: `data-complete` (for tests and benchmarks) and a `rendered` with `complete`. */
  private markCompleteWhenWhole(): void {
    this.marks.completeWhenWhole(this.model.result, this.missingRows);
  }

  private appendRows(queryId: string, rows: Cell[][], hasMore: boolean): void {
    const r = this.model.result;
    if (!r || r.queryId !== queryId) return;
    if (this.missingRows > 0) {
      // a page loaded before the panel was re-shown: it goes after the rows still streaming in
      this.heldPages.push({ queryId, rows, hasMore });
      return;
    }
    r.hasMore = hasMore;
    this.banner.setMore(hasMore);
    this.model.appendRows(rows);
    this.toolbar.clear();
    this.toolbar.setResult(r, this.model.rowCount);
    this.updateScope();
    this.rowsAdded();
  }

  private loadMore(): void {
    const r = this.model.result;
    if (!r?.hasMore || !this.transition({ kind: 'loadMore', queryId: r.queryId })) return;
    this.toolbar.setLoading('Loading more rows…', undefined, false);
    post({ kind: 'loadMore', queryId: r.queryId, offset: r.rows.length });
  }

  private cycleSort(col: number): void {
    const cur = this.model.sort;
    const next = cur?.col !== col ? 'asc' : cur.dir === 'asc' ? 'desc' : undefined;
    this.model.setSort(next ? { col, dir: next } : undefined);
    this.state.sort = next ? { column: this.model.columns[col].name, dir: next } : undefined;
    this.store.save(this.state);
    this.updateScope();
    this.refreshView();
  }

  /** Sort and filter act on the loaded rows: the header says so while the result has more rows. */
  private updateScope(): void {
    const r = this.model.result;
    const more = r?.hasMore === true;
    const sorted = this.model.sort !== undefined;
    this.toolbar.setScope(more ? loadedScopeNote(this.model.rows.length, sorted, this.model.filter !== '') : '', more && sorted);
  }

  private sortOnServer(): void {
    const r = this.model.result;
    const s = this.model.sort;
    if (!r || !s) return;
    post({ kind: 'sortOnServer', queryId: r.queryId, column: this.model.columns[s.col].name, dir: s.dir });
  }

  private setFilter(text: string): void {
    this.model.setFilter(text);
    this.state.filter = text;
    this.store.save(this.state);
    if (this.model.result) this.toolbar.updateStats(this.model.result, this.model.rowCount);
    this.updateScope();
    this.refreshView();
  }

  private refreshView(): void {
    this.grid.refresh();
    if (this.state.tab === 'chart') this.chart.update();
  }

  /** Shows the table or the chart; `drawn`: the grid's rows on screen are up to date already. */
  private setTab(tab: Tab, drawn = false): void {
    this.state.tab = tab;
    this.toolbar.setTab(tab);
    this.tablePane.hidden = tab !== 'table';
    this.chartPane.hidden = tab !== 'chart';
    if (tab === 'chart') this.chart.update();
    else if (!drawn) this.grid.render();
    this.saveSoon();
  }

  /** Toolbar copy: the selection when more than one cell is selected, else every shown row. */
  private copyButton(format: CopyFormat): void {
    const s = this.grid.selection;
    const { block, header } = s.isMulti() ? selectionBlock(this.model, s) : { block: viewBlock(this.model), header: true };
    post({ kind: 'copy', text: formatBlock(block, format, header) });
  }

  /** Ctrl/Cmd+C (or Edit › Copy) in the grid: the selection as TSV, to the host and the event. */
  private onCopyEvent(e: ClipboardEvent): void {
    // the focus as seen from the grid's own tree (a notebook output draws the grid in a shadow root)
    const active = (this.root.getRootNode() as Document | ShadowRoot).activeElement;
    if (!this.grid.root.contains(active) || this.state.tab !== 'table' || this.model.rowCount === 0) return;
    const { block, header } = selectionBlock(this.model, this.grid.selection);
    const text = formatBlock(block, 'tsv', header);
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
    post({ kind: 'copy', text });
  }
}

/** Rows on one screen of the panel and the grid's overscan: what a first paint shows (no layout is read). */
function firstScreenRows(): number {
  return Math.ceil(window.innerHeight / ROW_HEIGHT) + 6;
}
