// What the chart plots: the numeric columns against a time column when there is one, else the first
// column (number or category).
// Pure (no DOM), unit-tested in Node.
import type { ChartChoice, YAxisSide } from '../../src/results/chartSettings';
import type { Cell } from '../../src/results/protocol';
import { asTable, type CellTable } from '../../src/results/table';
import { parseDateTime, rawText } from '../../src/results/format';
import type { ColumnType } from '../../src/results/types';
import { isNumericKind } from '../../src/results/types';

export interface ChartColumn {
  name: string;
  info: ColumnType;
}

export type XKind = 'time' | 'number' | 'category';

export interface Series {
  name: string;
  /** One value per point; NaN where the cell is NULL or not a number. */
  values: Float64Array;
  /** The y axis it is drawn against (absent: left). */
  axis?: YAxisSide;
}

export interface ChartData {
  xName: string;
  xKind: XKind;
  /** Epoch ms (time), the number (number) or the point index (category). */
  x: Float64Array;
  /** Category labels (category x only). */
  labels: string[];
  series: Series[];
  /** Points dropped because of `maxCategories`. */
  dropped: number;
}

export const MAX_SERIES = 8;

/** The number a numeric cell stands for (exact strings become their nearest double). */
export function toNumber(v: Cell): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return Number.NaN;
}

function xValue(v: Cell, kind: XKind): number {
  if (kind === 'number') return toNumber(v);
  if (typeof v !== 'string') return Number.NaN;
  return parseDateTime(v.length === 10 ? `${v}T00:00:00Z` : v)?.epochMs ?? Number.NaN;
}

const isTime = (c: ChartColumn): boolean => c.info.kind === 'date' || c.info.kind === 'datetime';

/** The result's rows: arrays, or read cell by cell (the grid's column store, src/results/table.ts). */
type Rows = readonly (readonly Cell[])[] | CellTable;

/** A cell as a category or series label (a missing cell reads as NULL, as the row arrays' did). */
const cellLabel = (v: Cell | undefined): string => (v === null ? 'NULL' : rawText(v ?? null));

/** A text column whose values are all ISO dates (a trends insight's `date`, which PostHog sends as text). */
function textualDates(rows: CellTable, col: number): boolean {
  let seen = 0;
  for (let i = 0; i < Math.min(200, rows.length); i++) {
    const v = rows.cell(i, col) ?? null;
    if (v === null) continue;
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(xValue(v, 'time'))) return false;
    seen++;
  }
  return seen > 0;
}

/** How column `index` is read as an x axis: time, number or category. */
export function xKindOf(columns: readonly ChartColumn[], rows: Rows, index: number): XKind {
  const c = columns[index];
  if (isTime(c) || ((c.info.kind === 'string' || c.info.kind === 'unknown') && textualDates(asTable(rows), index))) return 'time';
  return isNumericKind(c.info.kind) ? 'number' : 'category';
}

/**
 * The x column: the chosen one when it is a column, else the first Date/DateTime column, else the
 * first text column of ISO dates, else the first column.
 */
export function pickX(columns: readonly ChartColumn[], cells: Rows, chosen?: string): { index: number; kind: XKind } {
  const rows = asTable(cells);
  const named = chosen === undefined ? -1 : columns.findIndex((c) => c.name === chosen);
  if (named >= 0) return { index: named, kind: xKindOf(columns, rows, named) };
  const typed = columns.findIndex(isTime);
  if (typed >= 0) return { index: typed, kind: 'time' };
  const textual = columns.findIndex((c, i) => (c.info.kind === 'string' || c.info.kind === 'unknown') && textualDates(rows, i));
  if (textual >= 0) return { index: textual, kind: 'time' };
  return { index: 0, kind: isNumericKind(columns[0].info.kind) ? 'number' : 'category' };
}

/**
 * Long to wide: when several rows share an x (a trends insight with many series, one row per
 * series and day), one series per label of the first text column, values by x (NaN where missing).
 */
function splitByLabel(x: number[], idx: number[], rows: CellTable, ys: YColumn[], labelCol: number): { x: number[]; series: Series[] } {
  const xs = [...new Set(x)];
  const at = new Map(xs.map((v, i) => [v, i]));
  const groups = new Map<string, Float64Array[]>();
  idx.forEach((r, k) => {
    const label = cellLabel(rows.cell(r, labelCol));
    let g = groups.get(label);
    if (!g) groups.set(label, (g = ys.map(() => new Float64Array(xs.length).fill(Number.NaN))));
    ys.forEach(({ i }, s) => (g[s][at.get(x[k])!] = toNumber(rows.cell(r, i) ?? null)));
  });
  const series = [...groups].flatMap(([label, vals]) => ys.map(({ c, axis }, s) => ({ name: ys.length > 1 ? `${label} · ${c.name}` : label, values: vals[s], ...(axis === 'right' ? { axis } : {}) })));
  return { x: xs, series: series.slice(0, MAX_SERIES) };
}

interface YColumn {
  c: ChartColumn;
  i: number;
  axis?: YAxisSide;
}

/** The y columns: the chosen series that are columns of the result (other than x), else every other numeric column. */
function pickY(columns: readonly ChartColumn[], xi: number, choice: ChartChoice | undefined): YColumn[] {
  if (choice?.series && choice.series.length > 0) {
    const chosen = choice.series.flatMap((s) => {
      const i = columns.findIndex((c) => c.name === s.column);
      return i < 0 || i === xi ? [] : [{ c: columns[i], i, ...(s.axis === 'right' ? { axis: s.axis } : {}) }];
    });
    if (chosen.length > 0) return chosen.slice(0, MAX_SERIES);
  }
  return columns.map((c, i) => ({ c, i })).filter(({ c, i }) => i !== xi && isNumericKind(c.info.kind)).slice(0, MAX_SERIES);
}

/** The columns a user may pick as series: numeric ones. */
export function seriesCandidates(columns: readonly ChartColumn[]): string[] {
  return columns.filter((c) => isNumericKind(c.info.kind)).map((c) => c.name);
}

/**
 * Chart data for `rows` (in the order given), or the reason there is none. x is the chosen column
 * or the one `pickX` finds, y the chosen series or the other numeric columns. Time and number axes
 * are sorted by x and skip rows whose x is missing; categories keep the row order, up to
 * `maxCategories`.
 */
export function chartData(columns: readonly ChartColumn[], cells: Rows, maxCategories = 1000, choice?: ChartChoice): ChartData | { reason: string } {
  const rows = asTable(cells);
  if (columns.length < 2) return { reason: 'A chart needs at least two columns: one for the x axis, then numeric columns to plot.' };
  if (rows.length === 0) return { reason: 'No rows to chart.' };
  const { index: xi, kind: xKind } = pickX(columns, rows, choice?.x);
  const first = columns[xi];
  const ys = pickY(columns, xi, choice);
  if (ys.length === 0) return { reason: `No numeric columns to plot against “${first.name}”.` };
  let idx = Array.from({ length: rows.length }, (_, i) => i);
  let dropped = 0;
  let xs: number[];
  if (xKind === 'category') {
    dropped = Math.max(0, idx.length - maxCategories);
    idx = idx.slice(0, maxCategories);
    xs = idx.map((_, i) => i);
  } else {
    const raw = idx.map((i) => xValue(rows.cell(i, xi) ?? null, xKind));
    idx = idx.filter((i) => !Number.isNaN(raw[i])).sort((a, b) => raw[a] - raw[b] || a - b);
    if (idx.length === 0) return { reason: `The column “${first.name}” has no usable ${xKind === 'time' ? 'dates' : 'numbers'}.` };
    xs = idx.map((i) => raw[i]);
    const labelCol = columns.findIndex((c, i) => i !== xi && c.info.kind === 'string');
    if (labelCol >= 0 && new Set(xs).size < xs.length) {
      const wide = splitByLabel(xs, idx, rows, ys, labelCol);
      return { xName: first.name, xKind, x: Float64Array.from(wide.x), labels: [], series: wide.series, dropped };
    }
  }
  return {
    xName: first.name,
    xKind,
    x: Float64Array.from(xs),
    labels: xKind === 'category' ? idx.map((i) => cellLabel(rows.cell(i, xi))) : [],
    series: ys.map(({ c, i: col, axis }) => ({ name: c.name, values: Float64Array.from(idx, (r) => toNumber(rows.cell(r, col) ?? null)), ...(axis === 'right' ? { axis } : {}) })),
    dropped,
  };
}

/** About `count` round tick values covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

const SEC = 1000;
const TIME_STEPS = [1, 5, 15, 30, 60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400, 30 * 86400, 91 * 86400, 365 * 86400].map((s) => s * SEC);

/**
 * Round time ticks (whole seconds … years) covering [min, max] in epoch ms, aligned in the zone
 * whose offset at an instant is `offsetMs(t)`; `step` says how precise labels must be.
 */
export function timeTicks(min: number, max: number, count: number, offsetMs: (t: number) => number = () => 0): { ticks: number[]; step: number } {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min) return { ticks: Number.isFinite(min) ? [min] : [], step: 86400 * SEC };
  const raw = (max - min) / Math.max(1, count);
  const step = TIME_STEPS.find((s) => s >= raw) ?? TIME_STEPS[TIME_STEPS.length - 1];
  const off = offsetMs(min);
  const ticks: number[] = [];
  for (let t = Math.ceil((min + off) / step) * step - off; t <= max; t += step) ticks.push(t);
  return { ticks, step };
}

/**
 * Min and max of the finite values of all series (0 included, so bars start at the axis); with
 * `stacked`, of the sums of the positive and of the negative values at each point.
 */
export function valueExtent(series: readonly Series[], stacked = false): [number, number] {
  let lo = 0;
  let hi = 0;
  if (stacked && series.length > 0) {
    const { pos, neg } = stackTotals(series);
    for (const v of pos) if (v > hi) hi = v;
    for (const v of neg) if (v < lo) lo = v;
    return lo === hi ? [lo, lo + 1] : [lo, hi];
  }
  for (const s of series) {
    for (const v of s.values) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo === hi ? [lo, lo + 1] : [lo, hi];
}

/** A centred label's x, moved just enough to stay within [0, right] (the last tick is near the edge). */
export function labelCenter(x: number, width: number, right: number): number {
  if (width >= right) return x;
  return Math.min(Math.max(x, width / 2), right - width / 2);
}

/** At each point, the sum of the positive values and of the negative values of `series` (NaN as 0). */
export function stackTotals(series: readonly Series[]): { pos: Float64Array; neg: Float64Array } {
  const n = series[0]?.values.length ?? 0;
  const pos = new Float64Array(n);
  const neg = new Float64Array(n);
  for (const s of series) {
    for (let i = 0; i < n; i++) {
      const v = s.values[i];
      if (!Number.isFinite(v)) continue;
      if (v >= 0) pos[i] += v;
      else neg[i] += v;
    }
  }
  return { pos, neg };
}
