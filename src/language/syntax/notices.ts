/**
 * Maps HogQLMetadata notices (errors, warnings, notices with optional `fix`) of one statement onto
 * the document. Their `start`/`end` are code-point offsets into the statement text. Pure.
 */
import { codePointToUtf16, type Range } from '../hogql/text';
import type { Severity } from './statements';
import { variableOfMessage } from '../hogql/variables';

export interface Notice {
  message: string;
  start?: number;
  end?: number;
  fix?: string;
}

export interface ServerProblem extends Range {
  message: string;
  severity: Severity;
  /** Replacement text for the range, when the server suggests one. */
  fix?: string;
}

export interface MetadataLike {
  errors?: Notice[];
  warnings?: Notice[];
  notices?: Notice[];
}

function one(text: string, base: number, n: Notice, severity: Severity): ServerProblem {
  const hasRange = typeof n.start === 'number' && typeof n.end === 'number' && n.end >= n.start;
  const start = hasRange ? base + codePointToUtf16(text, n.start!) : base;
  const end = hasRange ? base + codePointToUtf16(text, n.end!) : base + text.length;
  const p: ServerProblem = { start, end: Math.max(start, end), message: String(n.message), severity };
  if (typeof n.fix === 'string') p.fix = n.fix;
  return p;
}

/**
 * `Placeholder {name} is not available…`: the metadata check knows no values, but the runner asks
 * for every `{name}` (and fills `{filters}`) before it runs, so that is not a problem of the query.
 * Dotted names are kept here: `{variables.x}` is PostHog's SQL variable, reported by name and
 * dropped by `withoutKnownVariables` only when x is one of the project's variables.
 */
const PLACEHOLDER_UNAVAILABLE = /^Placeholder \{([A-Za-z_$][\w$]*)\} is not available/;

export function filledByRunner(message: string): boolean {
  return PLACEHOLDER_UNAVAILABLE.test(message);
}

/** Every notice of a metadata response for the statement `text` at document offset `base`. */
export function serverProblems(text: string, base: number, m: MetadataLike): ServerProblem[] {
  return [
    ...(m.errors ?? []).map((n) => one(text, base, n, 'error')),
    ...(m.warnings ?? []).map((n) => one(text, base, n, 'warning')),
    ...(m.notices ?? []).map((n) => one(text, base, n, 'information')),
  ].filter((p) => !filledByRunner(p.message));
}

/**
 * Without the problems about `{variables.x}` where x is one of the project's variables (`known`):
 * metadata checks a statement with no variable values, so PostHog reports each as missing, but
 * the runner sends them. An unknown name keeps PostHog's message. `known` undefined (variables
 * not loaded) keeps everything.
 */
export function withoutKnownVariables<P extends { message: string }>(problems: readonly P[], known: ReadonlySet<string> | undefined): P[] {
  if (!known) return [...problems];
  return problems.filter((p) => {
    const name = variableOfMessage(p.message);
    return name === undefined || !known.has(name);
  });
}
