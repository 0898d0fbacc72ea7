// The Chart tab: the chosen series (else the numeric columns) against the chosen x column (else a
// time column, else the first column), as a line, bar, stacked bar, area or scatter chart, each
// series on the left or the right y axis; drawn on a canvas (no library: per-pixel min/max
// decimation draws 100k points in a few milliseconds; see chartDraw.ts). Colours come from the
// VS Code theme (`--vscode-charts-*`), read with getComputedStyle.
import { CHART_KIND_LABELS, type ChartChoice, type SeriesChoice } from '../../src/results/chartSettings';
import { visible } from '../../src/results/visible';
import { chartData, labelCenter, niceTicks, pickX, seriesCandidates, timeTicks, valueExtent, type ChartData, type Series } from './chartData';
import { ChartControls } from './chartControls';
import { drawSeries, xPos, type Axis, type Plot } from './chartDraw';
import { el, themeColor } from './dom';
import type { GridModel } from './model';

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
  private readonly controls: ChartControls;
  private data: ChartData | undefined;
  private draws = 0;

  constructor(
    private readonly model: GridModel,
    initial: ChartChoice,
    onChoice: (c: ChartChoice) => void,
  ) {
    this.controls = new ChartControls(initial, (c) => {
      onChoice(c);
      this.update();
    });
    const bar = el('div', 'chart-controls');
    bar.append(this.controls.root, this.legend);
    this.canvas.setAttribute('role', 'img');
    this.root.append(bar, this.message, this.canvas);
    new ResizeObserver(() => this.draw()).observe(this.root);
  }

  get choice(): ChartChoice {
    return this.controls.value;
  }

  /** A choice from the host (the chart saved for this statement): shown on the next update. */
  setChoice(choice: ChartChoice): void {
    this.controls.setChoice(choice);
  }

  /** Recomputes the data from the current view (sort and filter applied) and draws. */
  update(): void {
    const rows = this.model.rows.view(this.model.view);
    const choice = this.controls.value;
    const d = chartData(this.model.columns, rows, 1000, choice);
    this.data = 'reason' in d ? undefined : d;
    const cols = this.model.columns;
    const shownX = this.data?.xName ?? (cols.length > 0 && rows.length > 0 ? cols[pickX(cols, rows, choice.x).index]?.name : undefined);
    const shownSeries = this.data ? shownSeriesOf(this.data, cols.map((c) => c.name)) : [];
    this.controls.render({ columns: cols.map((c) => c.name), numeric: seriesCandidates(cols), shownX, shownSeries });
    this.message.textContent = 'reason' in d ? d.reason : d.dropped ? `Showing the first ${d.x.length} categories (${d.dropped} more not drawn).` : '';
    this.message.hidden = !this.message.textContent;
    this.message.classList.toggle('not-chartable', 'reason' in d);
    this.canvas.hidden = !this.data;
    this.draw();
  }

  draw(): void {
    const d = this.data;
    const rect = this.canvas.getBoundingClientRect();
    if (!d || rect.width === 0 || rect.height === 0) return;
    const t0 = performance.now();
    const type = this.controls.value.type;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(rect.width * dpr);
    this.canvas.height = Math.round(rect.height * dpr);
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const th = theme();
    const hasRight = d.series.some((s) => s.axis === 'right');
    const plot = { x: PAD.left, y: PAD.top, w: rect.width - PAD.left - (hasRight ? PAD.left : PAD.right), h: rect.height - PAD.top - PAD.bottom };
    const stacked = type === 'stackedBar';
    const left = axisOf(d.series.filter((s) => s.axis !== 'right'), stacked, plot);
    const right = hasRight ? axisOf(d.series.filter((s) => s.axis === 'right'), stacked, plot) : undefined;
    this.drawAxes(ctx, th, d, plot, left, right);
    drawSeries(ctx, { d, plot, type, colors: d.series.map((_, i) => th.series[i % th.series.length]), yOf: (s) => (d.series[s].axis === 'right' && right ? right.yOf : left.yOf) });
    this.renderLegend(d, th);
    const names = d.series.map((s) => (s.axis === 'right' ? `${s.name} (right axis)` : s.name)).join(', ');
    this.canvas.setAttribute('aria-label', visible(`${CHART_KIND_LABELS[type].toLowerCase()} chart of ${names} by ${d.xName}`));
    Object.assign(this.root.dataset, { drawMs: (performance.now() - t0).toFixed(1), points: String(d.x.length), type, x: d.xName, series: d.series.map((s) => s.name).join('\n'), right: d.series.filter((s) => s.axis === 'right').map((s) => s.name).join('\n'), draws: String(++this.draws) });
  }

  private drawAxes(ctx: CanvasRenderingContext2D, th: Theme, d: ChartData, plot: Plot, left: Axis, right: Axis | undefined): void {
    ctx.font = th.font;
    ctx.strokeStyle = th.grid;
    ctx.fillStyle = th.fg;
    ctx.lineWidth = 1;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of niceTicks(left.lo, left.hi)) {
      const y = Math.round(left.yOf(t)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(plot.x, y);
      ctx.lineTo(plot.x + plot.w, y);
      ctx.stroke();
      ctx.fillText(short(t), plot.x - 6, y);
    }
    ctx.textAlign = 'left';
    for (const t of right ? niceTicks(right.lo, right.hi) : []) ctx.fillText(short(t), plot.x + plot.w + 6, right!.yOf(t));
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

  private renderLegend(d: ChartData, th: Theme): void {
    const items = d.series.map((s, i) => {
      const item = el('span', 'legend-item');
      const swatch = el('span', 'legend-swatch');
      swatch.style.backgroundColor = th.series[i % th.series.length];
      item.append(swatch, el('span', 'legend-name', visible(s.axis === 'right' ? `${s.name} (right)` : s.name)));
      return item;
    });
    this.legend.replaceChildren(...items);
  }
}

/** The series drawn now as a choice (a split trends series maps to no column and is left out). */
function shownSeriesOf(d: ChartData, columns: readonly string[]): SeriesChoice[] {
  return d.series.filter((s) => columns.includes(s.name)).map((s) => ({ column: s.name, axis: s.axis === 'right' ? 'right' : 'left' }));
}

function axisOf(series: Series[], stacked: boolean, plot: Plot): Axis {
  const [lo, hi] = valueExtent(series, stacked);
  return { lo, hi, yOf: (v) => plot.y + plot.h - ((v - lo) / (hi - lo)) * plot.h };
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
