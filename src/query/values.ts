import * as vscode from 'vscode';
import type { HogQLFilters } from '../api/resources/query';
import { parseValue, placeholders, valueNames } from './target';
import { askVariable } from './variablePrompt';
import { startingValue, variableNames, variablesPayload, type RunVariable, type SentVariable } from './variables';

/**
 * Values for a query's placeholders, asked once per document and remembered (workspace state):
 * `{name}` → the query's `values`; `{filters}` → a date range; `{variables.x}` → the query's
 * `variables` (typed pickers, see variablePrompt.ts). "PostHog: Edit Query Values" asks again.
 */
const KEY = 'hogql.placeholderValues';

interface Remembered {
  values: Record<string, unknown>;
  dateFrom?: string;
  /** SQL variable values by code name. */
  variables?: Record<string, unknown>;
}

export interface Resolved {
  values: Record<string, unknown>;
  filters?: HogQLFilters;
  /** `HogQLQuery.variables`, when the query uses `{variables.x}` of the project. */
  variables?: Record<string, SentVariable>;
}

type Store = Record<string, Remembered>;

const DATE_RANGES: { label: string; from: string }[] = [
  { label: 'Last 24 hours', from: '-24h' },
  { label: 'Last 7 days', from: '-7d' },
  { label: 'Last 14 days', from: '-14d' },
  { label: 'Last 30 days', from: '-30d' },
  { label: 'Last 90 days', from: '-90d' },
  { label: 'Year to date', from: 'yStart' },
  { label: 'All time', from: 'all' },
];

export class PlaceholderValues {
  constructor(private readonly state: vscode.Memento) {}

  private all(): Store {
    return this.state.get<Store>(KEY) ?? {};
  }

  private remembered(doc: string): Remembered {
    return this.all()[doc] ?? { values: {} };
  }

  private async save(doc: string, r: Remembered): Promise<void> {
    await this.state.update(KEY, { ...this.all(), [doc]: r });
  }

  /** Remembers values for a document (scripted runs pass them instead of being asked). */
  async set(doc: string, values: Record<string, unknown>, variables?: Record<string, unknown>): Promise<void> {
    const r = this.remembered(doc);
    await this.save(doc, { ...r, values: { ...r.values, ...values }, ...(variables ? { variables: { ...r.variables, ...variables } } : {}) });
  }

  /**
   * Values for the query's `{variables.x}` that are among `known`: remembered ones, else asked
   * (from the last value or the server's default). Undefined when a prompt was cancelled.
   */
  private async variableValues(r: Remembered, query: string, known: readonly RunVariable[], ask: boolean): Promise<Record<string, unknown> | undefined> {
    const out: Record<string, unknown> = {};
    for (const name of variableNames(query)) {
      const v = known.find((k) => k.code_name === name);
      if (!v) continue; // PostHog answers for an unknown name
      const remembered = r.variables?.[name];
      if (!ask && remembered !== undefined) {
        out[name] = remembered;
        continue;
      }
      const value = await askVariable(v, startingValue(v, remembered));
      if (value === undefined) return undefined;
      out[name] = value;
    }
    return out;
  }

  /**
   * The `values`, `filters` and `variables` for `query`, asking only for what is not remembered
   * (or everything when `ask`). `known` is the project's SQL variables (needed only when the query
   * uses `{variables.x}`). `undefined` when the user cancelled a prompt.
   */
  async resolve(doc: string, query: string, ask = false, known: readonly RunVariable[] = []): Promise<Resolved | undefined> {
    const r = this.remembered(doc);
    const values: Record<string, unknown> = {};
    for (const name of valueNames(query)) {
      if (!ask && name in r.values) {
        values[name] = r.values[name];
        continue;
      }
      const previous = r.values[name];
      const typed = await vscode.window.showInputBox({
        title: `PostHog: value for {${name}}`,
        prompt: 'Numbers and true/false are sent as such; anything else as a string. Remembered for this file.',
        value: previous === undefined ? '' : String(previous),
        ignoreFocusOut: true,
      });
      if (typed === undefined) return undefined;
      values[name] = parseValue(typed);
    }
    let dateFrom = r.dateFrom;
    const needsFilters = placeholders(query).some((p) => p.name === 'filters');
    if (needsFilters && (ask || !dateFrom)) {
      const pick = await vscode.window.showQuickPick(
        DATE_RANGES.map((d) => ({ label: d.label, description: d.from, picked: d.from === dateFrom, from: d.from })),
        { title: 'PostHog: date range for {filters}', ignoreFocusOut: true },
      );
      if (!pick) return undefined;
      dateFrom = pick.from;
    }
    const vars = await this.variableValues(r, query, known, ask);
    if (!vars) return undefined;
    const asked = Object.keys(values).some((k) => !(k in r.values) || r.values[k] !== values[k]) || dateFrom !== r.dateFrom || Object.keys(vars).some((k) => r.variables?.[k] !== vars[k]);
    if (asked) await this.save(doc, { values: { ...r.values, ...values }, ...(dateFrom ? { dateFrom } : {}), variables: { ...r.variables, ...vars } });
    const out: Resolved = needsFilters && dateFrom ? { values, filters: { dateRange: { date_from: dateFrom, date_to: null } } } : { values };
    const payload = variablesPayload(variableNames(query), known, vars);
    if (Object.keys(payload).length) out.variables = payload;
    return out;
  }
}
