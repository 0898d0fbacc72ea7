// The selection: a focused cell plus one rectangular range of cells, whole rows or whole columns,
// in VIEW coordinates (positions after sort and filter). Pure (no DOM), unit-tested in Node.

export interface Pos {
  row: number;
  col: number;
}

export type SelectionMode = 'cells' | 'rows' | 'cols';

export interface Bounds {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

export class Selection {
  anchor: Pos = { row: 0, col: 0 };
  focus: Pos = { row: 0, col: 0 };
  mode: SelectionMode = 'cells';

  constructor(
    public rows: number,
    public cols: number,
  ) {}

  /** New grid size: positions are clamped, the selection collapses to the focus. */
  resize(rows: number, cols: number): void {
    this.rows = rows;
    this.cols = cols;
    this.focus = this.clamp(this.focus);
    this.anchor = { ...this.focus };
    this.mode = 'cells';
  }

  clamp(p: Pos): Pos {
    return { row: Math.max(0, Math.min(this.rows - 1, p.row)), col: Math.max(0, Math.min(this.cols - 1, p.col)) };
  }

  /** Moves the focus; `extend` keeps the anchor (shift), otherwise the selection is the focus. */
  moveTo(p: Pos, extend = false, mode: SelectionMode = extend ? this.mode : 'cells'): void {
    this.focus = this.clamp(p);
    this.mode = mode;
    if (!extend) this.anchor = { ...this.focus };
  }

  selectRows(row: number, extend: boolean): void {
    this.moveTo({ row, col: extend ? this.focus.col : 0 }, extend && this.mode === 'rows', 'rows');
  }

  selectCols(col: number, extend: boolean): void {
    this.moveTo({ row: extend ? this.focus.row : 0, col }, extend && this.mode === 'cols', 'cols');
  }

  selectAll(): void {
    this.anchor = { row: 0, col: 0 };
    this.focus = this.clamp({ row: this.rows - 1, col: this.cols - 1 });
    this.mode = 'rows';
  }

  bounds(): Bounds {
    const b = {
      r0: Math.min(this.anchor.row, this.focus.row),
      r1: Math.max(this.anchor.row, this.focus.row),
      c0: Math.min(this.anchor.col, this.focus.col),
      c1: Math.max(this.anchor.col, this.focus.col),
    };
    if (this.mode === 'rows') return { ...b, c0: 0, c1: this.cols - 1 };
    if (this.mode === 'cols') return { ...b, r0: 0, r1: this.rows - 1 };
    return b;
  }

  contains(row: number, col: number): boolean {
    const b = this.bounds();
    return row >= b.r0 && row <= b.r1 && col >= b.c0 && col <= b.c1;
  }

  /** More than the focused cell is selected. */
  isMulti(): boolean {
    const b = this.bounds();
    return b.r1 > b.r0 || b.c1 > b.c0 || this.mode !== 'cells';
  }

  isFocus(row: number, col: number): boolean {
    return this.focus.row === row && this.focus.col === col;
  }
}
