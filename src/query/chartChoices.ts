import type * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { chartKey, sanitizeChartChoice, type ChartChoice } from '../results/chartSettings';

const KEY = 'hogql.chartChoices';
/** Statements whose chart is kept per workspace; the least recently chosen go first past it. */
export const CHART_CHOICES_CAP = 500;

/**
 * The chart chosen for each statement of each document (src/results/chartSettings.ts `chartKey`),
 * kept in workspace state: a re-run, a reload or "Save as Insight" finds it again. Used by the
 * features bundle only (results tabs, insight commands), so the activation bundle carries no chart
 * code: get it with `chartChoices(ctx)`.
 */
export class ChartChoices {
  constructor(private readonly state: vscode.Memento) {}

  private all(): Record<string, unknown> {
    const raw = this.state.get<unknown>(KEY);
    return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  }

  get(doc: string, statement: string): ChartChoice | undefined {
    return this.byKey(chartKey(doc, statement));
  }

  byKey(key: string): ChartChoice | undefined {
    return sanitizeChartChoice(this.all()[key]);
  }

  set(doc: string, statement: string, choice: ChartChoice): Thenable<void> {
    return this.setByKey(chartKey(doc, statement), choice);
  }

  setByKey(key: string, choice: ChartChoice): Thenable<void> {
    const { [key]: _old, ...rest } = this.all();
    const entries = Object.entries({ ...rest, [key]: choice });
    return this.state.update(KEY, Object.fromEntries(entries.slice(-CHART_CHOICES_CAP)));
  }
}

const byState = new WeakMap<vscode.Memento, ChartChoices>();

/** The extension's chart choices (one per workspace state). */
export function chartChoices(ctx: Pick<Ctx, 'extension'>): ChartChoices {
  const state = ctx.extension.workspaceState;
  let found = byState.get(state);
  if (!found) byState.set(state, (found = new ChartChoices(state)));
  return found;
}
