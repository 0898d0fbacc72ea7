// The Chart tab: numeric columns against a time column (else the first column), drawn on a canvas (no library: a line
// or bar chart with per-pixel min/max decimation draws 100k points in a few milliseconds). Colours
// come from the VS Code theme (`--vscode-charts-*`), read with getComputedStyle.
import type { Cell } from '../../src/results/protocol';
import { chartData, labelCenter, niceTicks, timeTicks, valueExtent, type ChartData } from './chartData';
import { button, el, themeColor } from './dom';
import type { GridModel } from './model';
import type { ChartType } from './state';
import { visible } from '../../src/results/visible';

const SERIES_VARS = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-red', '--vscode-charts-purple', '--vscode-charts-yellow'];
const FALLBACK = ['#3794ff', '#d18616', '#89d185', '#f14c4c', '#b180d7', '#cca700'];
const PAD = { left: 64, right: 16, top: 12, bottom: 40 };

interface Theme {
  fg: string;
  grid: string;
  font: string;
  series: string[];
}

function theme(): Theme {
  const style = getComputedStyle(document.body);
  return {
    fg: themeColor('--vscode-foreground', '#cccccc'),
    grid: themeColor('--vscode-editorWidget-border', themeColor('--vscode-panel-border', '#80808059')),
    font: `11px ${style.fontFamily}`,
    series: SERIES_VARS.map((v, i) => themeColor(v, FALLBACK[i])),
  };
}

const short = (v: number): string => (Math.abs(v) >= 1e6 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : String(Number(v.toPrecision(6))));

export class ChartView {
  readonly root = el('div', 'chart');
  private readonly canvas = el('canvas', 'chart-canvas');
  private readonly legend = el('div', 'chart-legend');
  private readonly message = el('div', 'chart-message');
  private readonly typeButtons = new Map<ChartType, HTMLButtonElement>();
  private data: ChartData | undefined;

  constructor(
    private readonly model: GridModel,
    private type: ChartType,
    onType: (t: ChartType) => void,
  ) {
    const controls = el('div', 'chart-controls');
    for (const t of ['line', 'bar'] as const) {
      const b = button(t === 'line' ? 'Line' : 'Bar', `Draw a ${t} chart`, () => {
        this.type = t;
        onType(t);
        this.draw();
      }, 'btn chart-type');
      b.dataset.type = t;
      this.typeButtons.set(t, b);
      controls.append(b);
    }
    controls.append(this.legend);
    this.canvas.setAttribute('role', 'img');
    this.root.append(controls, this.message, this.canvas);
    new ResizeObserver(() => this.draw()).observe(this.root);
  }

  /** Recomputes the data from the current view (sort and filter applied) and draws. */
  update(): void {
    const rows: Cell[][] = Array.from(this.model.view, (r) => this.model.rows[r]);
    const d = chartData(this.model.columns, rows);
    this.data = 'reason' in d ? undefined : d;
    this.message.textContent = 'reason' in d ? d.reason : d.dropped ? `Showing the first ${d.x.length} categories (${d.dropped} more not drawn).` : '';
    this.message.hidden = !this.message.textContent;
    this.message.classList.toggle('not-chartable', 'reason' in d);
    this.canvas.hidden = !this.data;
    this.draw();
  }

  draw(): void {
    for (const [t, b] of this.typeButtons) b.classList.toggle('active', t === this.type);
    const d = this.data;
    const rect = this.canvas.getBoundingClientRect();
    if (!d || rect.width === 0 || rect.height === 0) return;
    const t0 = performance.now();
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(rect.width * dpr);
    this.canvas.height = Math.round(rect.height * dpr);
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const th = theme();
    const plot = { x: PAD.left, y: PAD.top, w: rect.width - PAD.left - PAD.right, h: rect.height - PAD.top - PAD.bottom };
    const [lo, hi] = valueExtent(d.series);
    const yOf = (v: number): number => plot.y + plot.h - ((v - lo) / (hi - lo)) * plot.h;
    this.drawAxes(ctx, th, d, plot, lo, hi, yOf);
    const bar = this.type === 'bar';
    d.series.forEach((s, i) => (bar ? this.drawBars(ctx, d, i, plot, yOf, th.series[i % th.series.length]) : this.drawLine(ctx, d, s.values, plot, yOf, th.series[i % th.series.length])));
    this.renderLegend(d, th);
    this.canvas.setAttribute('aria-label', visible(`${this.type} chart of ${d.series.map((s) => s.name).join(', ')} by ${d.xName}`));
    this.root.dataset.drawMs = (performance.now() - t0).toFixed(1);
    this.root.dataset.points = String(d.x.length);
  }

  private drawAxes(ctx: CanvasRenderingContext2D, th: Theme, d: ChartData, plot: Plot, lo: number, hi: number, yOf: (v: number) => number): void {
    ctx.font = th.font;
    ctx.strokeStyle = th.grid;
    ctx.fillStyle = th.fg;
    ctx.lineWidth = 1;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of niceTicks(lo, hi)) {
      const y = Math.round(yOf(t)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(plot.x, y);
      ctx.lineTo(plot.x + plot.w, y);
      ctx.stroke();
      ctx.fillText(short(t), plot.x - 6, y);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const n = d.x.length;
    const x0 = d.x[0];
    const x1 = d.x[n - 1];
    const count = Math.max(2, Math.floor(plot.w / 140));
    const time = d.xKind === 'time' ? timeTicks(x0, x1, count, (t) => this.model.zone.offsetMs(t)) : undefined;
    const ticks = d.xKind === 'category' ? categoryTicks(n, plot.w) : time ? time.ticks : niceTicks(x0, x1, count);
    for (const t of ticks) {
      const x = d.xKind === 'category' ? plot.x + ((t + 0.5) / n) * plot.w : xPos(t, x0, x1, plot);
      const label = d.xKind === 'category' ? visible(d.labels[t]) : time ? timeLabel(this.model.zone.format(t), time.step) : short(t);
      const text = label.length > 24 ? `${label.slice(0, 23)}…` : label;
      ctx.fillText(text, labelCenter(x, ctx.measureText(text).width, plot.x + plot.w + PAD.right), plot.y + plot.h + 6);
    }
    ctx.fillText(visible(d.xName), plot.x + plot.w / 2, plot.y + plot.h + 22);
  }

  private drawLine(ctx: CanvasRenderingContext2D, d: ChartData, ys: Float64Array, plot: Plot, yOf: (v: number) => number, color: string): void {
    const n = d.x.length;
    const x0 = d.x[0];
    const x1 = d.x[n - 1];
    const xAt = (i: number): number => (d.xKind === 'category' ? plot.x + ((i + 0.5) / n) * plot.w : xPos(d.x[i], x0, x1, plot));
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    let pen = false;
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
        pen = false;
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
      if (pen) ctx.lineTo(x, yOf(v));
      else ctx.moveTo(x, yOf(v));
      pen = true;
      px = x;
      mn = mx = last = v;
    }
    flush();
    ctx.stroke();
  }

  private drawBars(ctx: CanvasRenderingContext2D, d: ChartData, s: number, plot: Plot, yOf: (v: number) => number, color: string): void {
    const n = d.x.length;
    const k = d.series.length;
    const slot = plot.w / n;
    const w = Math.max(1, (slot * 0.8) / k);
    const zero = yOf(0);
    ctx.fillStyle = color;
    const ys = d.series[s].values;
    for (let i = 0; i < n; i++) {
      const v = ys[i];
      if (!Number.isFinite(v)) continue;
      const cx = d.xKind === 'category' ? plot.x + i * slot + slot * 0.1 + s * w : xPos(d.x[i], d.x[0], d.x[n - 1], plot) - (w * k) / 2 + s * w;
      const y = yOf(v);
      ctx.fillRect(cx, Math.min(y, zero), w, Math.max(1, Math.abs(zero - y)));
    }
  }

  private renderLegend(d: ChartData, th: Theme): void {
    const items = d.series.map((s, i) => {
      const item = el('span', 'legend-item');
      const swatch = el('span', 'legend-swatch');
      swatch.style.backgroundColor = th.series[i % th.series.length];
      item.append(swatch, el('span', 'legend-name', visible(s.name)));
      return item;
    });
    this.legend.replaceChildren(...items);
  }
}

interface Plot {
  x: number;
  y: number;
  w: number;
  h: number;
}

function xPos(v: number, x0: number, x1: number, plot: Plot): number {
  return x1 === x0 ? plot.x + plot.w / 2 : plot.x + ((v - x0) / (x1 - x0)) * plot.w;
}

/** A tick label no more precise than the tick step: dates for days, minutes for hours… */
function timeLabel(text: string, step: number): string {
  if (step >= 86_400_000) return text.slice(0, 10);
  if (step >= 60_000) return text.slice(5, 16);
  return text.slice(11, 19);
}

function categoryTicks(n: number, width: number): number[] {
  const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(width / 90))));
  const out: number[] = [];
  for (let i = 0; i < n; i += every) out.push(i);
  return out;
}
