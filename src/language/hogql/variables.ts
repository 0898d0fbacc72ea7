/**
 * `{variables.code_name}`: PostHog's SQL variables in HogQL text. Token-level (works on
 * unfinished text), pure. PostHog resolves them by `code_name` (posthog/hogql/variables.py).
 */
import type { Token } from './lexer';
import type { Range } from './text';

/** What the editor knows of a project's variable (a subset of the API's InsightVariable). */
export interface SqlVariable {
  code_name: string;
  name: string;
  type: string;
  default_value?: unknown;
  values?: readonly string[];
}

export interface VariableRef {
  name: string;
  /** The whole `{variables.name}` (to `name`'s end when `}` is missing). */
  range: Range;
  nameRange: Range;
}

const isOp = (t: Token | undefined, text: string): boolean => t?.kind === 'op' && t.text === text;
const isVariablesWord = (t: Token | undefined): boolean => t?.kind === 'ident' && t.text === 'variables';

/** The `{variables.x}` whose `{`, `variables`, `.`, `x` or `}` token holds `offset`. */
export function variableAt(tokens: readonly Token[], offset: number): VariableRef | undefined {
  const i = tokens.findIndex((t) => t.start <= offset && (offset < t.end || (offset === t.end && t.kind === 'ident')));
  if (i < 0) return undefined;
  for (let open = Math.max(0, i - 4); open <= i; open++) {
    const ref = refAt(tokens, open);
    if (ref && ref.range.start <= tokens[i].start && tokens[i].end <= ref.range.end) return ref;
  }
  return undefined;
}

function refAt(tokens: readonly Token[], open: number): VariableRef | undefined {
  const [brace, word, dot, name, close] = tokens.slice(open, open + 5);
  if (!isOp(brace, '{') || !isVariablesWord(word) || !isOp(dot, '.') || name?.kind !== 'ident') return undefined;
  if (word.start !== brace.end || dot.start !== word.end || name.start !== dot.end) return undefined;
  const end = isOp(close, '}') ? close.end : name.end;
  return { name: name.text, range: { start: brace.start, end }, nameRange: { start: name.start, end: name.end } };
}

/** The code names of every `{variables.x}` in `tokens`, unique, in order. */
export function variableNamesIn(tokens: readonly Token[]): string[] {
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const ref = refAt(tokens, i);
    if (ref) out.add(ref.name);
  }
  return [...out];
}

/**
 * `HogQLQuery.variables` / `HogQLMetadata.variables` naming the known variables `names` uses,
 * without values (the server takes each one's default): how a statement is checked as it will run.
 */
export function variablesForCheck(names: readonly string[], known: readonly (SqlVariable & { id: string })[]): Record<string, { variableId: string; code_name: string }> {
  const out: Record<string, { variableId: string; code_name: string }> = {};
  for (const name of names) {
    const v = known.find((k) => k.code_name === name);
    if (v) out[v.id] = { variableId: v.id, code_name: v.code_name };
  }
  return out;
}

/**
 * Completion after `{variables.` (the `.` is `dotIdx`): the name to replace and whether a `}`
 * already follows it. Undefined when the `.` is not that of `{variables.`.
 */
export function variableCompletion(text: string, tokens: readonly Token[], dotIdx: number, range: Range): { closed: boolean } | undefined {
  const dot = tokens[dotIdx];
  const word = tokens[dotIdx - 1];
  const brace = tokens[dotIdx - 2];
  if (!isOp(dot, '.') || !isVariablesWord(word) || !isOp(brace, '{')) return undefined;
  if (word.start !== brace.end || dot.start !== word.end) return undefined;
  return { closed: text.slice(range.end).trimStart().startsWith('}') };
}

/** The default value as shown: JSON for strings and lists, else its text; `none` when absent. */
export function defaultText(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'none';
  return typeof value === 'string' || Array.isArray(value) ? JSON.stringify(value) : String(value);
}

/** One line about a variable: `List · default "$pageview"`. */
export function variableDetail(v: SqlVariable): string {
  return `${v.type} · default ${defaultText(v.default_value)}`;
}

/** Plain text lines for a hover on `{variables.x}` (shown as text, never as Markdown). */
export function variableHoverLines(name: string, v: SqlVariable | undefined, loaded: boolean): string[] {
  if (!v) {
    return [`SQL variable ${name}`, loaded ? `Not a variable of this project: PostHog will answer "Variable ${name} is missing from query".` : 'The project\'s variables are not loaded (sign in to see them).'];
  }
  const lines = [`SQL variable ${v.code_name} — ${v.name}`, variableDetail(v)];
  if (v.values?.length) lines.push(`Values: ${v.values.map((x) => JSON.stringify(x)).join(', ')}`);
  return lines;
}

/**
 * Server messages about a `{variables.x}` that the runner fills (a variable of the project):
 * metadata checks a statement without values, so PostHog reports every variable as missing.
 */
const VARIABLE_MESSAGE = [
  /^Variable ([A-Za-z_$][\w$]*) is missing from query/,
  /^Unresolved placeholder: \{variables\.([A-Za-z_$][\w$]*)\}/,
  /^Placeholder \{variables\.([A-Za-z_$][\w$]*)\} is not available/,
];

/** The variable a server message is about, if it is one of the messages above. */
export function variableOfMessage(message: string): string | undefined {
  for (const re of VARIABLE_MESSAGE) {
    const m = re.exec(message);
    if (m) return m[1];
  }
  return undefined;
}
