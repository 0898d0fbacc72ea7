/**
 * Offline semantic checks against the vocabulary. Everything here is a WARNING:
 * unknown tables, unknown fields of known tables, unknown functions and wrong
 * argument counts. Nothing is reported where we cannot be sure (unknown tables
 * in scope, placeholders, JSON properties, lambda arguments, aliases, CTE columns).
 */
import type { Call, Field, Ident, Problem, SelectLike } from './ast';
import { mapped, objectArray } from './arrays';
import { parse } from './parse';
import { buildScopes, resolveChain, type Resolution, type Scope } from './scopes';
import { runSteps, type Steps } from './slices';
import { suggestion } from './suggest';
import { walk } from './visit';
import { getVocabulary, type FunctionInfo } from './vocabulary';

export interface CheckOptions {
  /**
   * The project's own table names (its data-warehouse views when signed in): accepted as tables,
   * and offered in "Did you mean" hints.
   */
  knownTables?: readonly string[];
}

/** Names accepted as calls though they are syntax rather than vocabulary functions. */
const SYNTAX_CALLS = new Set(['COLUMNS', 'columns']);

function warn(message: string, start: number, end: number, code: string, fix?: string): Problem {
  return { message, start, end, severity: 'warning', code, ...(fix !== undefined ? { fix } : {}) };
}

/** Semantic warnings for one parsed statement. */
export function checkQuery(query: SelectLike, text: string, opts: CheckOptions = {}): Problem[] {
  return checkQueryTables(query, text, opts).problems;
}

/**
 * `checkQuery`, and whether the statement names a table PostHog's vocabulary does not know (its
 * warnings then depend on `knownTables`).
 */
export function checkQueryTables(query: SelectLike, text: string, opts: CheckOptions = {}): { problems: Problem[]; unknownTables: boolean } {
  return runSteps(checkQuerySteps(query, text, opts));
}

/**
 * `checkQueryTables` in steps (see `Steps`): the scopes, then each scope's tables and expressions,
 * then the joins. The problems come in the same order either way.
 */
export function* checkQuerySteps(query: SelectLike, text: string, opts: CheckOptions = {}): Steps<{ problems: Problem[]; unknownTables: boolean }> {
  const out: Problem[] = [];
  const known = new Set(opts.knownTables ?? []);
  let unknownTables = false;
  for (const scope of buildScopes(query, text)) {
    yield;
    unknownTables ||= scope.tables.some((t) => t.kind === 'unknown' || (t.kind === 'function' && !t.table));
    checkTables(scope, known, out);
    checkExpressions(scope, known, out);
  }
  yield;
  checkJoinConstraints(query, out);
  return { problems: out, unknownTables };
}

/**
 * `a JOIN b` with neither `ON` nor `USING`: PostHog's grammar accepts it (`joinConstraintClause?`),
 * so it is no syntax problem, but only CROSS (and PASTE) joins go without a condition in ClickHouse.
 */
function checkJoinConstraints(query: SelectLike, out: Problem[]): void {
  walk(query, (n) => {
    if (n.kind === 'JoinItem' && n.joinType && !n.constraint && !UNCONSTRAINED_JOIN.test(n.joinType)) {
      out.push(warn('This join has no `ON` or `USING` condition', n.start, n.end, 'join-constraint'));
    }
  });
}

const UNCONSTRAINED_JOIN = /^(CROSS|PASTE) JOIN$/;

/**
 * Syntax problems plus semantic warnings for a whole document, sorted by position. A statement with
 * any syntax problem gets no vocabulary warning: where our parser is unsure of the tree, a mis-parse
 * would turn into a false "Unknown table" (issue #15).
 */
export function diagnose(text: string, opts: CheckOptions = {}): Problem[] {
  const r = parse(text);
  const all = [...r.problems];
  for (const s of r.statements) if (s.problems.length === 0) all.push(...checkQuery(s.query, text, opts));
  return all.sort((a, b) => a.start - b.start);
}

/**
 * An unknown table is reported only as a likely typo of a name we know (PostHog's tables, the
 * statement's CTEs, the project's views): any other name may be one of the project's views (when
 * not signed in, or not loaded yet) or data-warehouse tables (never listed here), and a false
 * warning costs more than a missed one. Signed in, PostHog's own check reports truly unknown tables.
 */
function checkTables(scope: Scope, known: Set<string>, out: Problem[]): void {
  const vocab = getVocabulary();
  for (const t of scope.tables) {
    const table = t.item.table;
    if (t.kind === 'unknown' && table.kind === 'TableRef' && !known.has(t.name) && t.name !== '') {
      const candidates = [...vocab.tables.map((x) => x.name), ...scope.ctes.keys(), ...known];
      const s = suggestion(t.name, candidates);
      if (s.fix !== undefined) out.push(warn(`Unknown table \`${t.name}\`.${s.hint}`, table.start, table.end, 'unknown-table', s.fix));
    }
    if (t.kind === 'function' && table.kind === 'Call' && !t.table && !known.has(t.name)) {
      out.push(warn(`Unknown table function \`${t.name}\`.`, table.name.start, table.name.end, 'unknown-table'));
    }
  }
}

/** Walks the expressions owned by this scope's SELECT (not nested SELECTs). */
function checkExpressions(scope: Scope, known: Set<string>, out: Problem[]): void {
  const lambdaParams: { names: Set<string>; start: number; end: number }[] = [];
  const tableCalls = new Set(scope.select.from.map((j) => j.table));
  const trusted = scope.tables.every((t) => t.kind !== 'unknown' || known.has(t.name));
  walk(scope.select, (node) => {
    if (node !== scope.select && node.kind === 'SelectQuery') return false;
    if (node.kind === 'Placeholder' || node.kind === 'Tag') return false;
    if (node.kind === 'Lambda') lambdaParams.push({ names: new Set(node.params.map((p) => p.name)), start: node.start, end: node.end });
    if (node.kind === 'Call' && !tableCalls.has(node)) checkCall(node, out);
    if (node.kind === 'Field' && trusted && !inLambda(node, lambdaParams)) checkField(scope, node, out);
    return true;
  });
}

function inLambda(field: Field, lambdas: { names: Set<string>; start: number; end: number }[]): boolean {
  // a loop, not `some` with a closure: this runs for every field of every check
  for (let i = 0; i < lambdas.length; i++) {
    const l = lambdas[i];
    if (l.names.has(field.parts[0].name) && field.start >= l.start && field.end <= l.end) return true;
  }
  return false;
}

function resolveUp(scope: Scope, names: string[]): Resolution {
  let r = resolveChain(scope, names);
  for (let s = scope.parent; s && r.kind === 'unknown'; s = s.parent) {
    const up = resolveChain(s, names);
    if (up.kind !== 'unknown') r = up;
  }
  return r;
}

/**
 * The names of a field's parts, or undefined when one is empty (a half-typed `a.`): an
 * `objectArray`, not `map`'s result, which deoptimized `checkField` and `resolveChain` (arrays.ts).
 */
export function fieldNames(parts: readonly Ident[]): string[] | undefined {
  if (parts.length === 0) return undefined;
  const names = objectArray<string>();
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i].name;
    if (name === '') return undefined;
    names.push(name);
  }
  return names;
}

function checkField(scope: Scope, field: Field, out: Problem[]): void {
  const names = fieldNames(field.parts);
  if (!names) return;
  const r = resolveUp(scope, names);
  const vocab = getVocabulary();
  if (r.kind === 'unknown') {
    const part = field.parts[r.qualifiedBy ? 1 : 0];
    const owners = mapped(r.tables, (t) => t.table?.name ?? t.alias ?? t.name);
    const candidates = r.tables.flatMap((t) => (t.table ? vocab.fieldsOf(t.table.name).map((f) => f.name) : t.columns ?? []));
    if (!r.qualifiedBy) candidates.push(...scope.aliases.keys());
    const where = owners.length === 1 ? ` on \`${owners[0]}\`` : ` in ${owners.map((o) => `\`${o}\``).join(', ')}`;
    const s = suggestion(part.name, candidates);
    out.push(warn(`Unknown field \`${part.name}\`${where}.${s.hint}`, part.start, part.end, 'unknown-field', s.fix));
    return;
  }
  if (r.kind === 'path' && r.target.kind === 'unknownField') {
    const part = field.parts[r.target.index + (r.qualified ? 1 : 0)];
    if (!part) return;
    const s = suggestion(part.name, vocab.fieldsOf(r.target.table.name).map((f) => f.name));
    out.push(warn(`Unknown field \`${part.name}\` on \`${r.target.table.name}\`.${s.hint}`, part.start, part.end, 'unknown-field', s.fix));
  }
}

function arityText(f: FunctionInfo): string {
  const min = f.min ?? 0;
  if (f.max === null || f.max === undefined) return `at least ${min} argument${min === 1 ? '' : 's'}`;
  if (min === f.max) return `${min} argument${min === 1 ? '' : 's'}`;
  return `${min} to ${f.max} arguments`;
}

function checkCall(call: Call, out: Problem[]): void {
  const vocab = getVocabulary();
  const name = call.name.name;
  if (name === '' || SYNTAX_CALLS.has(name)) return;
  const f = vocab.findFunction(name);
  if (!f) {
    const other = vocab.findFunctionAnyCase(name);
    const s = other ? { hint: ` Did you mean \`${other.name}\`? Function names are case-sensitive.`, fix: other.name } : suggestion(name, vocab.functions.map((x) => x.name));
    out.push(warn(`Unknown function \`${name}\`.${s.hint}`, call.name.start, call.name.end, 'unknown-function', s.fix));
    return;
  }
  if (f.arityUnknown) return;
  const n = call.args.length;
  const min = f.min ?? 0;
  const max = f.max ?? Infinity;
  if (n < min || n > max) {
    const end = call.rparen !== null ? call.rparen + 1 : call.end;
    out.push(warn(`\`${f.name}\` takes ${arityText(f)}, got ${n}.`, call.name.start, end, 'wrong-arity'));
  }
  if (call.params && f.minParams !== undefined) {
    const pn = call.params.length;
    if (pn < f.minParams || (f.maxParams !== undefined && pn > f.maxParams)) {
      const range = f.minParams === f.maxParams ? `${f.minParams}` : `${f.minParams} to ${f.maxParams ?? 'any'}`;
      out.push(warn(`\`${f.name}\` takes ${range} parameter${f.maxParams === 1 ? '' : 's'}, got ${pn}.`, call.name.start, call.name.end, 'wrong-arity'));
    }
  }
}

