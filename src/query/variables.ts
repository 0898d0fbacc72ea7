/**
 * SQL variables (`{variables.code_name}`) for a run, pure (no `vscode`).
 *
 * How PostHog's web SQL editor sends them (PostHog/posthog frontend/src/queries/nodes/
 * DataVisualization/Components/Variables/variablesLogic.ts, commit 006d0bfb, read 2026-12): it adds
 * each `{variables.x}` of the query whose code name exists in the project, and `HogQLQuery.variables`
 * is a map keyed by the variable's id, each entry `{variableId, code_name, value, isNull}`; an
 * edited value is typed by the variable's type (`convertValueToCorrectType`): Number → `Number(v)`,
 * Boolean → `v.toLowerCase() === 'true'`, others as text. The server inlines the value as a
 * constant, or the stored default when `value` is absent (posthog/hogql/variables.py). Here the
 * value is always sent (it starts from the default), and never `isNull`.
 */
import { placeholders } from './target';

/** A variable as the runner needs it (the API's InsightVariable fits). */
export interface RunVariable {
  id: string;
  code_name: string;
  name: string;
  type: string;
  default_value?: unknown;
  values?: readonly string[];
  is_multi?: boolean | null;
}

export interface SentVariable {
  variableId: string;
  code_name: string;
  value: unknown;
}

/** The `{variables.x}` code names of a query, in order, unique. */
export function variableNames(query: string): string[] {
  const names = placeholders(query)
    .map((p) => p.name)
    .filter((n) => n.startsWith('variables.') && n.split('.').length === 2)
    .map((n) => n.slice('variables.'.length));
  return [...new Set(names)];
}

/** Text typed or picked → the value sent, typed as the web editor types it. */
export function typedValue(type: string, text: string): unknown {
  if (type === 'Number') return Number(text);
  if (type === 'Boolean') return text === 'true';
  return text;
}

/** An error message for text that is not a number (undefined when it is one). */
export function numberProblem(text: string): string | undefined {
  return text.trim() !== '' && Number.isFinite(Number(text)) ? undefined : 'Enter a number, e.g. 42 or 3.5.';
}

/** An error message for text that is not a date `YYYY-MM-DD` (optionally with ` HH:MM[:SS]`). */
export function dateProblem(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  const hint = 'Enter a date as YYYY-MM-DD, optionally with a time: 2026-01-31 or 2026-01-31 14:00:00.';
  if (!m) return hint;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const parts = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  return parts.every((p, i) => p === [y, mo, d, h, mi, s][i]) ? undefined : hint;
}

/** The value to start a prompt from: the last one used for the document, else the server's default. */
export function startingValue(v: RunVariable, remembered: unknown): unknown {
  return remembered !== undefined ? remembered : v.default_value;
}

/** A value as text for an input box (`''` for none). */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * `HogQLQuery.variables` for the names a query uses: one entry per known variable, keyed by id.
 * Unknown names are left out (PostHog then answers "Variable x is missing from query").
 */
export function variablesPayload(names: readonly string[], known: readonly RunVariable[], values: Readonly<Record<string, unknown>>): Record<string, SentVariable> {
  const out: Record<string, SentVariable> = {};
  for (const name of names) {
    const v = known.find((k) => k.code_name === name);
    if (!v) continue;
    out[v.id] = { variableId: v.id, code_name: v.code_name, value: name in values ? values[name] : v.default_value };
  }
  return out;
}
