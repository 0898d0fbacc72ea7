// The grid's data model: the result, its classified columns, and the view (row indices after sort
// and filter). No DOM: the renderer asks it for text by view position.
import type { Cell, Column, ResultPayload } from '../../src/results/protocol';
import { buildSearchIndex, filterRows } from '../../src/results/filter';
import { displayText, isExpandable, MAX_CELL_CHARS, rawText, truncate, ZonedFormatter } from '../../src/results/format';
import { sortedIndices, type SortDirection } from '../../src/results/sort';
import { cellLink, cohortIdKind, columnLinkKind, timestampColumn, type CellLink, type LinkKind } from '../../src/results/links';
import { classifyType, isNumericKind, type ColumnType } from '../../src/results/types';
import { visible } from '../../src/results/visible';
import type { ColumnBatch } from '../../src/results/wireColumns';
import type { DiffMarks } from './diffMarks';
import { ColumnStore } from './columnStore';

export interface ModelColumn extends Column {
  info: ColumnType;
  numeric: boolean;
  /** Its values are person uuids or distinct ids ("Save as Static Cohort", src/results/links.ts). */
  cohort: boolean;
  /** The kind of id its name and type say it holds (`columnLinkKind`, `null`: none): kept, not parsed per cell. */
  linkKind: Exclude<LinkKind, 'url'> | null;
}

export interface Sort {
  col: number;
  dir: SortDirection;
}

/** Text of a cell as the grid draws it. */
export interface CellView {
  text: string;
  isNull: boolean;
  /** Full value has more than the cell shows (JSON, long or multi-line text). */
  expandable: boolean;
  /** Tooltip: the full value when the shown text differs from it (a zoned date, a shortened float). */
  title?: string;
  /** Where the cell leads (Ctrl/Cmd+click, context menu): src/results/links.ts. */
  link?: CellLink;
}

/** The shown result: its `rows` are the model's column store (a count; `rows.row(i)` makes a row). */
export type ModelResult = Omit<ResultPayload, 'rows'> & { rows: ColumnStore };

export class GridModel {
  result: ModelResult | undefined;
  columns: ModelColumn[] = [];
  /** The result's rows, by column (columnStore.ts). */
  rows = new ColumnStore();
  zone = new ZonedFormatter('UTC');
  sort: Sort | undefined;
  filter = '';
  /** Row indices in sort order (all rows). */
  private order: Uint32Array = new Uint32Array(0);
  /** Row indices shown: `order` filtered. */
  view: Uint32Array = new Uint32Array(0);
  private search: string[] | undefined;
  /** The row's event timestamp column (for event links), or -1. */
  private timestampCol = -1;
  /** What changed since the pinned result (issue #17), by index into `rows`; none without a pin. */
  marks: DiffMarks | undefined;

  setResult(result: ResultPayload): void {
    const rows = new ColumnStore();
    rows.append(result.rows);
    this.adopt(result, rows);
  }

  private adopt(result: ResultPayload | ModelResult, rows: ColumnStore): void {
    this.result = { ...result, rows };
    this.rows = rows;
    this.columns = result.columns.map((c) => {
      const info = classifyType(c.type);
      return { ...c, info, numeric: isNumericKind(info.kind), cohort: cohortIdKind(c) !== undefined, linkKind: columnLinkKind(c.name, c.type) ?? null };
    });
    this.timestampCol = timestampColumn(result.columns);
    this.marks = undefined;
    this.zone = new ZonedFormatter(result.timezone ?? 'UTC');
    this.sort = undefined;
    this.filter = '';
    this.search = undefined;
    this.order = identity(this.rows.length);
    this.view = this.order;
  }

  /** A streamed result ended: `result` (no rows) describes it; the rows received, sort and filter stay. */
  finish(result: ResultPayload): void {
    const { rows, sort, filter } = this;
    this.adopt({ ...result, totalRows: rows.length }, rows);
    if (sort) this.setSort(sort);
    if (filter) this.setFilter(filter);
  }

  /** No result (the last run failed or was cancelled): nothing to draw, copy or export. */
  clear(): void {
    this.result = undefined;
    this.marks = undefined;
    this.rows = new ColumnStore();
    this.columns = [];
    this.sort = undefined;
    this.filter = '';
    this.search = undefined;
    this.order = new Uint32Array(0);
    this.view = this.order;
  }

  appendRows(rows: Cell[][] | ColumnBatch): void {
    const start = this.rows.length;
    if (Array.isArray(rows)) this.rows.append(rows);
    else this.rows.appendColumns(rows);
    if (this.search) this.search.push(...this.searchTexts(start));
    this.resort();
  }

  get rowCount(): number {
    return this.view.length;
  }

  /** The row index (into `rows`) at a view position. */
  rowAt(viewRow: number): number {
    return this.view[viewRow];
  }

  /** The row at a view position is new since the pin, or differs from its pinned row. */
  rowMark(viewRow: number): 'added' | 'changed' | undefined {
    const m = this.marks;
    if (!m) return undefined;
    const i = this.view[viewRow];
    return m.added.has(i) ? 'added' : m.changed.has(i) ? 'changed' : undefined;
  }

  /** The pinned value of a cell that differs from it (`undefined`: it does not, or no pin). */
  pinnedValue(viewRow: number, col: number): { old: Cell } | undefined {
    const cols = this.marks?.changed.get(this.view[viewRow]);
    return cols?.has(col) ? { old: cols.get(col) ?? null } : undefined;
  }

  value(viewRow: number, col: number): Cell {
    return this.rows.cell(this.view[viewRow], col) ?? null;
  }

  /** Full display text of a cell (dates in the project timezone). */
  fullText(viewRow: number, col: number): string {
    const v = this.value(viewRow, col);
    return v === null ? 'NULL' : displayText(v, this.columns[col].info, this.zone);
  }

  /** Where a cell leads, if anywhere (src/results/links.ts). */
  link(viewRow: number, col: number): CellLink | undefined {
    const row = this.view[viewRow];
    const c = this.columns[col];
    if (row === undefined || !c) return undefined;
    return cellLink(c, this.rows.cell(row, col) ?? null, this.timestampCol >= 0 ? this.rows.cell(row, this.timestampCol) : undefined, c.linkKind);
  }

  cellView(viewRow: number, col: number): CellView {
    const v = this.value(viewRow, col);
    if (v === null) return { text: 'NULL', isNull: true, expandable: false };
    const info = this.columns[col].info;
    const full = displayText(v, info, this.zone);
    const expandable = isExpandable(v, info);
    // shown through `visible` (bidi and invisible characters as `[U+202E]`); copies use the raw value
    const view: CellView = { text: visible(truncate(full, MAX_CELL_CHARS), true), isNull: false, expandable };
    if ((info.kind === 'datetime' || info.kind === 'float') && typeof v !== 'object') {
      const raw = rawText(v);
      if (raw !== full) view.title = visible(raw);
    }
    const link = this.link(viewRow, col);
    if (link) view.link = link;
    return view;
  }

  setSort(sort: Sort | undefined): void {
    this.sort = sort;
    this.resort();
  }

  setFilter(filter: string): void {
    this.filter = filter;
    this.applyFilter();
  }

  private resort(): void {
    const s = this.sort;
    this.order = s ? sortedIndices(this.rows, s.col, this.columns[s.col].info, s.dir) : identity(this.rows.length);
    this.applyFilter();
  }

  private applyFilter(): void {
    if (!this.filter) {
      this.view = this.order;
      return;
    }
    this.search ??= this.searchTexts(0);
    this.view = filterRows(this.order, this.search, this.filter);
  }

  /** Searchable text per row: raw text, plus what the user sees where it differs (zoned date-times, floats). */
  private searchTexts(from: number): string[] {
    const cols = this.columns;
    return buildSearchIndex(
      this.rows,
      (v, c) => {
        const info = cols[c]?.info;
        if (info?.kind === 'float' && typeof v === 'number') return `${v} ${displayText(v, info, this.zone)}`;
        if (!info || info.kind !== 'datetime' || typeof v !== 'string') return typeof v === 'string' ? v : displayText(v, info ?? cols[0].info, this.zone);
        return `${v} ${displayText(v, info, this.zone)}`;
      },
      from,
    );
  }
}

function identity(n: number): Uint32Array {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}
