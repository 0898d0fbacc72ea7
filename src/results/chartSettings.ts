/**
 * The chart a user chose for a result (x column, series, type, right axis per series), and its
 * mapping to and from PostHog's own shape for a SQL insight, so a saved insight opens the same in
 * PostHog and an insight opened here draws as it does there. Pure: no `vscode`, no DOM (the host
 * and the webview both import it).
 *
 * PostHog's shape (PostHog/posthog frontend/src/queries/schema/schema-general.ts, read 2026-12-06:
 * `DataVisualizationNode`, `ChartSettings`, `ChartAxis`, `ChartSettingsDisplay`; and
 * frontend/src/types.ts `ChartDisplayType`):
 *
 *     { kind: 'DataVisualizationNode', source: HogQLQuery, display?: ChartDisplayType,
 *       chartSettings?: { xAxis?: { column }, yAxis?: [{ column, settings?: { formatting?,
 *         display?: { color?, label?, trendLine?, yAxisPosition?: 'left' | 'right',
 *                     displayType?: 'auto' | 'line' | 'bar' } } }],
 *         leftYAxisSettings?, rightYAxisSettings?, stackBars100?, seriesBreakdownColumn?,
 *         goalLines?, showLegend?, showTotalRow?, … } }
 *
 * `display` for charts: ActionsLineGraph, ActionsBar, ActionsUnstackedBar, ActionsStackedBar,
 * ActionsAreaGraph (ActionsTable is the table). PostHog has no scatter display for SQL insights:
 * a scatter is saved as ActionsLineGraph (it opens as a line there) — the one type that does not
 * round-trip.
 */

export const CHART_KINDS = ['line', 'bar', 'stackedBar', 'area', 'scatter'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export const CHART_KIND_LABELS: Record<ChartKind, string> = { line: 'Line', bar: 'Bar', stackedBar: 'Stacked bar', area: 'Area', scatter: 'Scatter' };

export type YAxisSide = 'left' | 'right';

export interface SeriesChoice {
  column: string;
  axis: YAxisSide;
}

/**
 * What the user chose. `x` and `series` absent: picked automatically from the result
 * (webview-ui/results/chartData.ts); a name that is not a column of the result is ignored there.
 */
export interface ChartChoice {
  type: ChartKind;
  x?: string;
  series?: SeriesChoice[];
}

export const MAX_CHOSEN_SERIES = 8;
const MAX_NAME = 500;

const DISPLAY_OF: Record<ChartKind, string> = {
  line: 'ActionsLineGraph',
  bar: 'ActionsBar',
  stackedBar: 'ActionsStackedBar',
  area: 'ActionsAreaGraph',
  scatter: 'ActionsLineGraph',
};

const KIND_OF: Record<string, ChartKind> = {
  ActionsLineGraph: 'line',
  ActionsLineGraphCumulative: 'line',
  ActionsBar: 'bar',
  ActionsUnstackedBar: 'bar',
  ActionsBarValue: 'bar',
  ActionsStackedBar: 'stackedBar',
  ActionsAreaGraph: 'area',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v !== '' && v.length <= MAX_NAME;

/** A well-formed choice from untrusted input (a webview message, workspace state), else `undefined`. */
export function sanitizeChartChoice(raw: unknown): ChartChoice | undefined {
  if (!isObject(raw) || !(CHART_KINDS as readonly unknown[]).includes(raw.type)) return undefined;
  const out: ChartChoice = { type: raw.type as ChartKind };
  if (raw.x !== undefined) {
    if (!isName(raw.x)) return undefined;
    out.x = raw.x;
  }
  if (raw.series !== undefined) {
    if (!Array.isArray(raw.series) || raw.series.length > MAX_CHOSEN_SERIES) return undefined;
    const series: SeriesChoice[] = [];
    for (const s of raw.series) {
      if (!isObject(s) || !isName(s.column) || !(s.axis === 'left' || s.axis === 'right')) return undefined;
      if (!series.some((t) => t.column === s.column)) series.push({ column: s.column, axis: s.axis });
    }
    out.series = series;
  }
  return out;
}

/** PostHog's `display` for a chart type. */
export function displayOf(type: ChartKind): string {
  return DISPLAY_OF[type];
}

/**
 * The `display` and `chartSettings` of a DataVisualizationNode for `choice`, merged into
 * `previous` chart settings (what PostHog holds: goal lines, formatting, axis settings are kept;
 * a series keeps its other display settings when it stays).
 */
export function toPostHog(choice: ChartChoice, previous?: unknown): { display: string; chartSettings: Record<string, unknown> } {
  const prev = isObject(previous) ? previous : {};
  const settings: Record<string, unknown> = { ...prev };
  if (choice.x !== undefined) settings.xAxis = { ...(isObject(prev.xAxis) ? prev.xAxis : {}), column: choice.x };
  if (choice.series !== undefined) {
    const old = Array.isArray(prev.yAxis) ? prev.yAxis.filter(isObject) : [];
    settings.yAxis = choice.series.map((s) => {
      const was = old.find((a) => a.column === s.column);
      const wasSettings = was && isObject(was.settings) ? was.settings : {};
      const wasDisplay = isObject(wasSettings.display) ? wasSettings.display : {};
      return { ...(was ?? {}), column: s.column, settings: { ...wasSettings, display: { ...wasDisplay, yAxisPosition: s.axis } } };
    });
  }
  if (choice.type !== 'stackedBar') delete settings.stackBars100;
  return { display: displayOf(choice.type), chartSettings: settings };
}

/**
 * A DataVisualizationNode's chart as a choice: `undefined` when it shows a table (or is not one) and
 * names no axes. Lenient: unknown fields are ignored, malformed axes skipped.
 */
export function fromPostHog(query: unknown): ChartChoice | undefined {
  if (!isObject(query) || query.kind !== 'DataVisualizationNode') return undefined;
  const kind = typeof query.display === 'string' ? KIND_OF[query.display] : undefined;
  const cs = isObject(query.chartSettings) ? query.chartSettings : {};
  const x = isObject(cs.xAxis) && isName(cs.xAxis.column) ? cs.xAxis.column : undefined;
  const series: SeriesChoice[] = [];
  for (const a of Array.isArray(cs.yAxis) ? cs.yAxis : []) {
    if (!isObject(a) || !isName(a.column) || series.some((s) => s.column === a.column)) continue;
    const display = isObject(a.settings) && isObject(a.settings.display) ? a.settings.display : {};
    series.push({ column: a.column, axis: display.yAxisPosition === 'right' ? 'right' : 'left' });
  }
  if (!kind && x === undefined && series.length === 0) return undefined;
  const out: ChartChoice = { type: kind ?? 'line' };
  if (x !== undefined) out.x = x;
  if (series.length > 0) out.series = series.slice(0, MAX_CHOSEN_SERIES);
  return out;
}

/**
 * The key a choice is kept under for a document's statement: the document and the statement's text
 * without its leading comment lines (an insight link header, a title), whitespace runs collapsed,
 * no trailing `;`. The same statement anywhere in the file keeps its chart.
 */
export function chartKey(doc: string, statement: string): string {
  const lines = statement.replace(/^\uFEFF/, '').split(/\r?\n/);
  let i = 0;
  while (i < lines.length && (lines[i].trim() === '' || lines[i].trim().startsWith('--'))) i++;
  const body = lines.slice(i).join('\n').replace(/\s+/g, ' ').trim().replace(/\s*;+$/, '');
  return `${doc}\n${body}`;
}
