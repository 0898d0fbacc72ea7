// Drawing the series of a chart on a canvas: line (per-pixel min/max decimation), area (the line
// filled down to zero), scatter (a dot per point), bar (grouped) and stacked bar (positive values
// stacked up, negative down, per y axis).
import type { ChartKind } from '../../src/results/chartSettings';
import type { ChartData } from './chartData';

export interface Plot {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A y axis: its extent and where a value goes on the canvas. */
export interface Axis {
  lo: number;
  hi: number;
  yOf: (v: number) => number;
}

export interface DrawInput {
  d: ChartData;
  plot: Plot;
  type: ChartKind;
  colors: string[];
  /** The y mapping of series `s` (its axis). */
  yOf: (s: number) => (v: number) => number;
}

export function xPos(v: number, x0: number, x1: number, plot: Plot): number {
  return x1 === x0 ? plot.x + plot.w / 2 : plot.x + ((v - x0) / (x1 - x0)) * plot.w;
}

/** Where point `i` is on the x axis. */
function xAtOf(d: ChartData, plot: Plot): (i: number) => number {
  const n = d.x.length;
  const x0 = d.x[0];
  const x1 = d.x[n - 1];
  return (i) => (d.xKind === 'category' ? plot.x + ((i + 0.5) / n) * plot.w : xPos(d.x[i], x0, x1, plot));
}

export function drawSeries(ctx: CanvasRenderingContext2D, input: DrawInput): void {
  const { d, type } = input;
  if (type === 'stackedBar') return drawStacked(ctx, input);
  d.series.forEach((s, i) => {
    const yOf = input.yOf(i);
    const color = input.colors[i];
    if (type === 'bar') drawBars(ctx, input, i, yOf, color);
    else if (type === 'scatter') drawDots(ctx, d, s.values, input.plot, yOf, color);
    else drawLine(ctx, d, s.values, input.plot, yOf, color, type === 'area');
  });
}

function drawLine(ctx: CanvasRenderingContext2D, d: ChartData, ys: Float64Array, plot: Plot, yOf: (v: number) => number, color: string, fill: boolean): void {
  const n = d.x.length;
  const xAt = xAtOf(d, plot);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.5;
  const zero = Math.min(plot.y + plot.h, Math.max(plot.y, yOf(0)));
  // one run of finite values at a time: a gap (NULL) ends the line (and the area under it)
  let run: { start: number; end: number } | undefined;
  const end = (): void => {
    if (!run) return;
    if (fill) {
      ctx.lineTo(run.end, zero);
      ctx.lineTo(run.start, zero);
      ctx.closePath();
      ctx.globalAlpha = 0.25;
      ctx.fill();
      ctx.globalAlpha = 1;
    }
    ctx.stroke();
    run = undefined;
  };
  // Per-pixel decimation: within one pixel column draw first → min → max → last.
  let px = Number.NaN;
  let mn = 0;
  let mx = 0;
  let last = 0;
  const flush = (): void => {
    if (Number.isNaN(px)) return;
    ctx.lineTo(px, yOf(mn));
    ctx.lineTo(px, yOf(mx));
    ctx.lineTo(px, yOf(last));
  };
  for (let i = 0; i < n; i++) {
    const v = ys[i];
    if (!Number.isFinite(v)) {
      flush();
      px = Number.NaN;
      end();
      continue;
    }
    const x = Math.round(xAt(i));
    if (x === px) {
      if (v < mn) mn = v;
      if (v > mx) mx = v;
      last = v;
      continue;
    }
    flush();
    if (run) ctx.lineTo(x, yOf(v));
    else {
      ctx.beginPath();
      ctx.moveTo(x, yOf(v));
      run = { start: x, end: x };
    }
    run.end = x;
    px = x;
    mn = mx = last = v;
  }
  flush();
  end();
}

function drawDots(ctx: CanvasRenderingContext2D, d: ChartData, ys: Float64Array, plot: Plot, yOf: (v: number) => number, color: string): void {
  const xAt = xAtOf(d, plot);
  ctx.fillStyle = color;
  for (let i = 0; i < d.x.length; i++) {
    const v = ys[i];
    if (Number.isFinite(v)) ctx.fillRect(Math.round(xAt(i)) - 2, Math.round(yOf(v)) - 2, 4, 4);
  }
}

/** Where the bars of point `i` start and how wide the slot for them is. */
function barSlot(d: ChartData, plot: Plot, k: number): { w: number; left: (i: number) => number } {
  const n = d.x.length;
  const slot = plot.w / n;
  const w = Math.max(1, (slot * 0.8) / k);
  const xAt = xAtOf(d, plot);
  return { w, left: (i) => (d.xKind === 'category' ? plot.x + i * slot + slot * 0.1 : xAt(i) - (w * k) / 2) };
}

function drawBars(ctx: CanvasRenderingContext2D, input: DrawInput, s: number, yOf: (v: number) => number, color: string): void {
  const { d, plot } = input;
  const k = d.series.length;
  const { w, left } = barSlot(d, plot, k);
  const zero = yOf(0);
  ctx.fillStyle = color;
  const ys = d.series[s].values;
  for (let i = 0; i < d.x.length; i++) {
    const v = ys[i];
    if (!Number.isFinite(v)) continue;
    const y = yOf(v);
    ctx.fillRect(left(i) + s * w, Math.min(y, zero), w, Math.max(1, Math.abs(zero - y)));
  }
}

/** Stacked bars: one bar per point and axis, the series stacked in order (positive up, negative down). */
function drawStacked(ctx: CanvasRenderingContext2D, input: DrawInput): void {
  const { d, plot } = input;
  const right = d.series.some((s) => s.axis === 'right');
  const groups = right ? 2 : 1;
  const { w, left } = barSlot(d, plot, groups);
  const n = d.x.length;
  const base = { left: { pos: new Float64Array(n), neg: new Float64Array(n) }, right: { pos: new Float64Array(n), neg: new Float64Array(n) } };
  d.series.forEach((s, si) => {
    const yOf = input.yOf(si);
    const side = s.axis === 'right' ? 'right' : 'left';
    const acc = base[side];
    const offset = side === 'right' ? w : 0;
    ctx.fillStyle = input.colors[si];
    for (let i = 0; i < n; i++) {
      const v = s.values[i];
      if (!Number.isFinite(v) || v === 0) continue;
      const from = v > 0 ? acc.pos[i] : acc.neg[i];
      const to = from + v;
      if (v > 0) acc.pos[i] = to;
      else acc.neg[i] = to;
      const y0 = yOf(from);
      const y1 = yOf(to);
      ctx.fillRect(left(i) + offset, Math.min(y0, y1), w, Math.max(1, Math.abs(y1 - y0)));
    }
  });
}
