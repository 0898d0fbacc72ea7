// The light view state persisted with `vscode.setState`, so a hidden-and-restored panel comes back
// the same. Pure: it is validated on the way in, since it round-trips through VS Code.
import { CHART_KINDS, type ChartKind } from '../../src/results/chartSettings';
import type { SortDirection } from '../../src/results/sort';

export type Tab = 'table' | 'chart';
/** The chart type a tab draws when its result comes with no chosen chart. */
export type ChartType = ChartKind;

export interface ViewState {
  tab: Tab;
  chartType: ChartType;
  /** Column widths by column name (kept across queries). */
  widths: Record<string, number>;
  /** The query the rest belongs to: sort, filter and position are restored only for the same one. */
  queryId?: string;
  sort?: { column: string; dir: SortDirection };
  filter: string;
  scrollTop: number;
  scrollLeft: number;
}

export const initialState = (): ViewState => ({ tab: 'table', chartType: 'line', widths: {}, filter: '', scrollTop: 0, scrollLeft: 0 });

const num = (v: unknown, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);

/** Accepts what `getState` returned, keeping only well-formed fields. */
export function sanitizeState(raw: unknown): ViewState {
  const s = initialState();
  if (typeof raw !== 'object' || raw === null) return s;
  const r = raw as Record<string, unknown>;
  if (r.tab === 'chart' || r.tab === 'table') s.tab = r.tab;
  if ((CHART_KINDS as readonly unknown[]).includes(r.chartType)) s.chartType = r.chartType as ChartType;
  if (typeof r.widths === 'object' && r.widths !== null) {
    for (const [k, v] of Object.entries(r.widths)) if (num(v) > 0) s.widths[k] = num(v);
  }
  if (typeof r.queryId === 'string') s.queryId = r.queryId;
  const sort = r.sort as Record<string, unknown> | undefined;
  if (sort && typeof sort.column === 'string' && (sort.dir === 'asc' || sort.dir === 'desc')) s.sort = { column: sort.column, dir: sort.dir };
  if (typeof r.filter === 'string') s.filter = r.filter;
  s.scrollTop = num(r.scrollTop);
  s.scrollLeft = num(r.scrollLeft);
  return s;
}
