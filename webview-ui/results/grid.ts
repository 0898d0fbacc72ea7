// The virtual grid: a scroller holding a full-size sizer, a sticky header and only the rows (and
// columns) that intersect the viewport. Rows are absolutely positioned (`top`, see fillRow) and
// recycled: on a vertical scroll only the rows that enter the viewport are filled. Text only, via
// text nodes' `data`; a refill writes only what changed (cellWrites.ts).
import { CellWriter } from './cellWrites';
import { el, setText } from './dom';
import { attachHeaderEvents, headerCell } from './header';
import { attachGridInput, type GridInputEvents } from './gridInput';
import { autoWidth, columnOffsets, columnRange, HEADER_HEIGHT, ROW_HEIGHT, rowNumberWidth, rowRange, scrollToShow, type Range } from './layout';
import type { GridModel } from './model';
import { Selection, type Pos } from './selection';
import { LINK_LABELS, type CellLink } from '../../src/results/links';
import { visible } from '../../src/results/visible';
import { MAX_CELL_CHARS, rawText, truncate } from '../../src/results/format';

export interface GridEvents extends GridInputEvents {
  sort(col: number): void;
  /** A column was resized by the user (persist it). */
  resized(col: number, width: number): void;
  scrolled(top: number, left: number): void;
}

interface RowEl {
  el: HTMLDivElement;
  num: HTMLDivElement;
  /**
   * Cells of the column range the row was built for: `cells[i]` is column `first + i`. An array,
   * not a Map: iterating a Map's entries made an array per cell per scroll frame (issue #21).
   */
  cells: CellWriter<HTMLDivElement>[];
  /** The diff mark the row shows ('' for none). */
  mark: string;
  first: number;
  /** Layout generation the cells were built for. */
  gen: number;
}

const FOCUS_ID = 'grid-focus-cell';
const DIFF_SIGN = { added: '+', changed: '~' } as const;
const DIFF_WORDS = { added: 'Added since the pinned result', changed: 'Changed since the pinned result' } as const;
const MODIFIER = /Mac/.test(navigator.platform) ? 'Cmd' : 'Ctrl';
const LINK_TITLES = new Map(Object.entries(LINK_LABELS).map(([kind, label]) => [kind, `${label}: ${MODIFIER}+click`]));
const EXPAND_TITLE = 'Enter or double-click to open the cell viewer';
/** A cell's class by its flags (NUM | NULL | …): made once each, not concatenated per cell. */
const FLAGS = [' num', ' null', ' expandable', ' link', ' last', ' diff-changed'];
const CELL_CLASSES = Array.from({ length: 1 << FLAGS.length }, (_, f) => 'cell' + FLAGS.filter((_, i) => f & (1 << i)).join(''));

/**
 * The cell's `data-vscode-context` (VS Code's webview context menus, `webview/context` in
 * package.json): keys the menus' `when` clauses test and the commands receive as their argument.
 * Merged with the grid root's (`hogqlQueryId`).
 */
function cellContext(model: GridModel, col: number, link: CellLink | undefined): string {
  const c = model.columns[col];
  const ctx: Record<string, string | boolean> = { webviewSection: 'cell', hogqlColumn: c.name };
  if (c.cohort) ctx.hogqlCohortColumn = true;
  if (link) {
    ctx.hogqlLink = link.kind;
    ctx.hogqlLinkValue = link.value;
    if (link.timestamp !== undefined) ctx.hogqlLinkTimestamp = link.timestamp;
  }
  return JSON.stringify(ctx);
}

export class Grid {
  readonly root = el('div', 'grid-scroll');
  private readonly sizer = el('div', 'grid-sizer');
  private readonly header = el('div', 'grid-header');
  private readonly corner = el('div', 'hcorner', '#');
  private readonly body = el('div', 'grid-body');
  readonly selection = new Selection(0, 0);
  private widths: number[] = [];
  private offsets: Float64Array = new Float64Array(1);
  private rnWidth = 40;
  private rows = new Map<number, RowEl>();
  private free: RowEl[] = [];
  private cols: Range = { start: 0, end: 0 };
  private headerCols: Range = { start: -1, end: -1 };
  /** Bumped when column positions or the column range change: rows then rebuild their cells. */
  private gen = 0;
  private contexts: { columns: GridModel['columns'] | undefined; byCol: string[] } = { columns: undefined, byCol: [] };
  private measureCtx: CanvasRenderingContext2D | undefined;
  /** The texts the last `measureWidths` measured, and their widths in `font`. */
  private textWidths: { font: string; widths: Map<string, number> } = { font: '', widths: new Map() };

  constructor(
    private readonly model: GridModel,
    private readonly events: GridEvents,
  ) {
    this.root.tabIndex = 0;
    this.root.setAttribute('role', 'grid');
    this.root.setAttribute('aria-label', 'Query results');
    this.header.setAttribute('role', 'row');
    this.header.setAttribute('aria-rowindex', '1');
    this.corner.setAttribute('role', 'columnheader');
    this.corner.setAttribute('aria-colindex', '1');
    this.sizer.append(this.header, this.body);
    this.root.append(this.sizer);
    this.root.addEventListener(
      'scroll',
      () => {
        // read before render() writes: reading scrollTop after its writes forced a synchronous
        // style and layout pass inside every scroll handler (issue #21)
        const top = this.root.scrollTop;
        const left = this.root.scrollLeft;
        this.render(top, left);
        this.events.scrolled(top, left);
      },
      { passive: true },
    );
    new ResizeObserver(() => this.render()).observe(this.root);
    attachHeaderEvents(this.header, {
      sort: (c) => events.sort(c),
      selectColumn: (c, extend) => this.select(() => this.selection.selectCols(c, extend)),
      width: (c) => this.widths[c],
      resize: (c, w, done) => this.resizeColumn(c, w, done),
    });
    attachGridInput(this, events);
  }

  /** A new result or a new view (sort/filter): sizes, widths and every visible row are redone. */
  reset(widths: number[]): void {
    this.widths = widths;
    this.root.dataset.vscodeContext = JSON.stringify({ webviewSection: 'grid', hogqlQueryId: this.model.result?.queryId ?? '' });
    this.selection.resize(this.model.rowCount, this.model.columns.length);
    this.layout();
  }

  /** The view changed (sort, filter, appended rows) but the columns did not. */
  refresh(): void {
    this.selection.resize(this.model.rowCount, this.model.columns.length);
    this.layout();
  }

  /**
   * Rows were added to the result (streamed or loaded). Unsorted and unfiltered they land after
   * the shown ones, so the selection stays and so do the rows on screen: only the body grows, and
   * rows that come into range are filled (a full redraw for each streamed batch cost the page a
   * rebuild of every cell on screen and a layout, issue #21). `redraw`: the rows on screen changed
   * too (their diff marks). Sorted or filtered, positions moved and the selection collapses.
   */
  rowsAdded(redraw = false): void {
    if (this.model.sort || this.model.filter) {
      this.refresh();
      return;
    }
    this.selection.rows = this.model.rowCount;
    if (redraw) {
      this.layout();
      return;
    }
    this.body.style.height = `${this.model.rowCount * ROW_HEIGHT}px`;
    this.root.setAttribute('aria-rowcount', String(this.model.rowCount + 1));
    this.render();
  }

  columnWidth(col: number): number {
    return this.widths[col];
  }

  /**
   * Automatic widths from the header and a sample of rows, measured with the grid's font. Each
   * text's width is kept until the next measure: a streamed result is measured at its first paint
   * and again at its end (its column types known), mostly the same texts (issue #21: measuring
   * again was about half of what the end of a stream cost the page, 30-70 ms). `sampleRows`: how
   * many rows from the top are measured (a streamed result's first paint measures its first screen).
   */
  measureWidths(saved: Record<string, number>, sampleRows = 200): number[] {
    const ctx = (this.measureCtx ??= document.createElement('canvas').getContext('2d')!);
    const style = getComputedStyle(this.root);
    const font = `${style.fontSize} ${style.fontFamily}`;
    ctx.font = font;
    const known = this.textWidths.font === font ? this.textWidths.widths : new Map<string, number>();
    const widths = new Map<string, number>();
    const width = (text: string): number => {
      let w = widths.get(text) ?? known.get(text);
      if (w === undefined) w = ctx.measureText(text).width;
      widths.set(text, w);
      return w;
    };
    const sample = Math.min(this.model.rowCount, sampleRows);
    const r = this.model.result;
    // a streamed result is measured for all its rows, not the first ones that arrived
    // (two characters more for a diff's sign, "+ " or "~ ")
    this.rnWidth = rowNumberWidth(Math.max(r?.totalRows ?? 0, r?.rows.length ?? 0) * (this.model.marks ? 100 : 1), width('0'));
    const out = this.model.columns.map((c, col) => {
      const texts = [width(visible(c.name)) + 16, width(visible(c.type)) * 0.85];
      for (let r = 0; r < sample; r++) texts.push(width(this.model.cellView(r, col).text.slice(0, 60)));
      return saved[c.name] ?? autoWidth(texts);
    });
    this.textWidths = { font, widths };
    return out;
  }

  private layout(): void {
    this.offsets = columnOffsets(this.widths);
    const total = this.rnWidth + this.offsets[this.widths.length];
    this.sizer.style.width = `${total}px`;
    this.header.style.width = `${total}px`;
    this.body.style.height = `${this.model.rowCount * ROW_HEIGHT}px`;
    this.corner.style.width = `${this.rnWidth}px`;
    this.root.setAttribute('aria-rowcount', String(this.model.rowCount + 1));
    this.root.setAttribute('aria-colcount', String(this.widths.length + 1));
    this.releaseAll();
    this.headerCols = { start: -1, end: -1 };
    this.render();
  }

  private resizeColumn(col: number, width: number, done: boolean): void {
    this.widths[col] = width;
    this.layout();
    if (done) this.events.resized(col, width);
  }

  /** Brings the visible rows and columns up to date with the scroll position (read before any write). */
  render(scrollTop = this.root.scrollTop, scrollLeft = this.root.scrollLeft): void {
    const viewW = this.root.clientWidth - this.rnWidth;
    const viewH = this.root.clientHeight - HEADER_HEIGHT;
    const cols = columnRange(this.offsets, scrollLeft, viewW);
    if (cols.start !== this.cols.start || cols.end !== this.cols.end) {
      this.cols = cols;
      this.releaseAll();
    }
    if (cols.start !== this.headerCols.start || cols.end !== this.headerCols.end) this.renderHeader();
    const want = rowRange(scrollTop, viewH, this.model.rowCount);
    // Rows that scrolled out are refilled in place for the rows that scrolled in (moved by their
    // `top`): a scroll step then changes text, not the DOM tree.
    const left: RowEl[] = [];
    this.rows.forEach((r, i) => {
      if (i < want.start || i >= want.end) {
        left.push(r);
        this.rows.delete(i);
      }
    });
    for (let i = want.start; i < want.end; i++) {
      if (this.rows.has(i)) continue;
      const r = left.pop() ?? this.free.pop() ?? this.makeRow();
      this.fillRow(r, i);
      if (!r.el.parentNode) this.body.append(r.el);
      this.rows.set(i, r);
    }
    for (const r of left) this.release(r);
    this.updateActiveDescendant();
  }

  renderHeader(): void {
    this.headerCols = { ...this.cols };
    const cells: HTMLElement[] = [this.corner];
    for (let c = this.cols.start; c < this.cols.end; c++) {
      const h = headerCell(this.model.columns[c], c, this.model.sort);
      h.style.left = `${this.rnWidth + this.offsets[c]}px`;
      h.style.width = `${this.widths[c]}px`;
      if (this.selection.mode === 'cols' && this.selection.contains(0, c)) h.classList.add('sel');
      cells.push(h);
    }
    this.header.replaceChildren(...cells);
  }

  private makeRow(): RowEl {
    const row = el('div', 'row');
    row.setAttribute('role', 'row');
    const num = el('div', 'rownum');
    num.setAttribute('role', 'rowheader');
    num.setAttribute('aria-colindex', '1');
    num.style.width = `${this.rnWidth}px`;
    row.append(num);
    return { el: row, num, cells: [], first: 0, gen: -1, mark: '' };
  }

  private releaseAll(): void {
    this.gen++;
    for (const r of this.rows.values()) this.release(r);
    this.rows.clear();
  }

  /** Keeps a row for reuse (its cells are rebuilt if the layout changed meanwhile). */
  private release(r: RowEl): void {
    r.el.remove();
    this.free.push(r);
  }

  private fillRow(r: RowEl, viewRow: number): void {
    // `top`, not a transform: a transform makes each row a stacking context, which traps the sticky
    // row number's z-index inside its row, so rows and row numbers interleave in paint order and
    // Chromium gave every row and every row number a composited layer of its own (~90 layers of
    // 3,690 px, layerized and committed every frame: issue #21's scroll row). With plain rows all
    // cells paint first, in the scroller's layer, and the row numbers above them share one layer.
    r.el.style.top = `${viewRow * ROW_HEIGHT}px`;
    r.el.setAttribute('aria-rowindex', String(viewRow + 2));
    r.el.dataset.row = String(viewRow);
    // pin-and-diff: the row number carries a sign (not colour alone) for an added or changed row
    const mark = this.model.rowMark(viewRow) ?? '';
    setText(r.num, mark ? `${DIFF_SIGN[mark]} ${viewRow + 1}` : String(viewRow + 1));
    if (mark !== r.mark) {
      r.mark = mark;
      if (mark) r.el.dataset.diff = mark;
      else delete r.el.dataset.diff;
      if (mark) r.num.title = DIFF_WORDS[mark];
      else r.num.removeAttribute('title');
    }
    if (r.gen !== this.gen) {
      r.num.style.width = `${this.rnWidth}px`;
      for (const c of r.cells) c.el.remove();
      r.cells.length = 0;
      r.first = this.cols.start;
      r.gen = this.gen;
      for (let c = this.cols.start; c < this.cols.end; c++) {
        const cell = el('div', 'cell');
        cell.setAttribute('role', 'gridcell');
        cell.setAttribute('aria-colindex', String(c + 2));
        cell.dataset.col = String(c);
        cell.style.left = `${this.rnWidth + this.offsets[c]}px`;
        cell.style.width = `${this.widths[c]}px`;
        const text = document.createTextNode('');
        cell.append(text);
        r.cells.push(new CellWriter(cell, text));
        r.el.append(cell);
      }
    }
    for (let i = 0; i < r.cells.length; i++) this.fillCell(r.cells[i], viewRow, r.first + i);
    this.markRow(r, viewRow);
  }

  private fillCell(cell: CellWriter<HTMLDivElement>, viewRow: number, col: number): void {
    const v = this.model.cellView(viewRow, col);
    const pinned = this.model.marks && this.model.pinnedValue(viewRow, col);
    const flags =
      (this.model.columns[col].numeric ? 1 : 0) |
      (v.isNull ? 2 : 0) |
      (v.expandable ? 4 : 0) |
      (v.link ? 8 : 0) |
      (col === this.model.columns.length - 1 ? 16 : 0) |
      (pinned ? 32 : 0);
    let title: string | undefined;
    if (pinned) title = `Changed since the pin; pinned value: ${pinned.old === null ? 'NULL' : visible(truncate(rawText(pinned.old), MAX_CELL_CHARS))}`;
    else if (v.title !== undefined) title = v.title;
    else if (v.link) title = LINK_TITLES.get(v.link.kind);
    else if (v.expandable) title = EXPAND_TITLE;
    const context = v.link ? cellContext(this.model, col, v.link) : this.plainContext(col);
    cell.show({ text: v.text, className: CELL_CLASSES[flags], title, context });
  }

  /** A cell's context menu keys when it holds no link: the same for a whole column, made once. */
  private plainContext(col: number): string {
    if (this.contexts.columns !== this.model.columns) this.contexts = { columns: this.model.columns, byCol: [] };
    return (this.contexts.byCol[col] ??= cellContext(this.model, col, undefined));
  }

  /** Selection and focus classes of one row's cells. */
  private markRow(r: RowEl, viewRow: number): void {
    const s = this.selection;
    const rowSelected = s.mode === 'rows' && s.contains(viewRow, 0);
    r.num.classList.toggle('sel', rowSelected);
    // the selection's bounds once per row, not twice per cell (each call makes an object)
    const b = s.isMulti() ? s.bounds() : undefined;
    const inRows = b !== undefined && viewRow >= b.r0 && viewRow <= b.r1;
    for (let i = 0; i < r.cells.length; i++) {
      const c = r.first + i;
      r.cells[i].mark(inRows && c >= b.c0 && c <= b.c1, s.isFocus(viewRow, c), FOCUS_ID);
    }
  }

  private updateActiveDescendant(): void {
    if (this.root.querySelector(`#${FOCUS_ID}`)) this.root.setAttribute('aria-activedescendant', FOCUS_ID);
    else this.root.removeAttribute('aria-activedescendant');
  }

  /** Applies a selection change and repaints selection classes. */
  select(change: () => void): void {
    change();
    this.rows.forEach((r, i) => this.markRow(r, i));
    this.renderHeader();
    this.updateActiveDescendant();
  }

  /** Scrolls so that a cell is fully visible (below the sticky header, right of the row numbers). */
  scrollToCell(p: Pos): void {
    const top = scrollToShow(this.root.scrollTop, this.root.clientHeight - HEADER_HEIGHT, p.row * ROW_HEIGHT, ROW_HEIGHT);
    const left = scrollToShow(this.root.scrollLeft, this.root.clientWidth - this.rnWidth, this.offsets[p.col], this.widths[p.col]);
    if (top !== this.root.scrollTop || left !== this.root.scrollLeft) {
      this.root.scrollTo(left, top);
      this.render();
    }
  }

  /** Rows that fit on one screen (for PageUp/PageDown). */
  pageRows(): number {
    return Math.max(1, Math.floor((this.root.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  }
}
