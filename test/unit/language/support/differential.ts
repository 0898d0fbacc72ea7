/**
 * Differential comparison of our HogQL parser with PostHog's (@posthog/hogql-parser).
 * Shared by the differential test and scripts/bench/parser-differential.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node, SelectLike } from '../../../../src/language/hogql/ast';
import { parse, parseStatement } from '../../../../src/language/hogql/parse';
import { OffsetConverter } from '../../../../src/language/hogql/text';
import { walk } from '../../../../src/language/hogql/visit';

export const CORPUS_DIR = path.resolve(__dirname, '../../../fixtures/hogql/corpus');

export const POSTHOG_TESTS = path.resolve(__dirname, '../../../fixtures/hogql/posthog-parser-tests.txt');

/**
 * Statements from PostHog's own parser tests (fixture header: source, commit, licence).
 * `expr` records are wrapped as `select <expr>`: both parsers judge a whole statement.
 */
export function posthogTestInputs(file = POSTHOG_TESTS): Input[] {
  const out: Input[] = [];
  const records = fs.readFileSync(file, 'utf8').split(/^=== /m).slice(1);
  records.forEach((rec, i) => {
    const nl = rec.indexOf('\n');
    const [kind, ...name] = rec.slice(0, nl).split(' ');
    const body = rec.slice(nl + 1).replace(/\n$/, '');
    out.push({ id: `${name.join(' ')}#${i + 1}`, text: kind === 'expr' ? `select ${body}` : body });
  });
  return out;
}

/** What we compare: sorted lists so traversal order does not matter. */
export interface Summary {
  tables: string[];
  selects: string[];
  ctes: string[];
}

export interface Input {
  id: string;
  /** Text handed to both parsers (one statement, possibly with comments and a trailing `;`). */
  text: string;
}

export interface Outcome {
  id: string;
  text: string;
  accepted: boolean;
  /** Disagreements (empty = agree); only for accepted inputs. */
  diffs: string[];
  /** Number of problems our parser reported. */
  ourProblems: number;
  posthogError?: string;
}

type PHNode = { node?: string; [k: string]: unknown };
interface PostHogParser {
  parseSelect(text: string, isInternal?: boolean): string;
}

/** Loads PostHog's parser; call `reset()` after a WASM crash (the instance is then poisoned). */
export class PostHog {
  private instance: PostHogParser | undefined;

  async get(): Promise<PostHogParser> {
    if (!this.instance) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const create = require('@posthog/hogql-parser') as () => Promise<PostHogParser>;
      this.instance = await create();
    }
    return this.instance;
  }

  reset(): void {
    this.instance = undefined;
  }
}

/** Splits every corpus file into statement inputs with our splitter (chunk text incl. comments). */
export function corpusInputs(): Input[] {
  const out: Input[] = [];
  for (const file of fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.hogql')).sort()) {
    const text = fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8');
    parse(text).statements.forEach((s, i) => {
      out.push({ id: `${file}#${i + 1}`, text: text.slice(s.chunk.start, s.chunk.end) });
    });
  }
  return out;
}

function phChildren(v: unknown, visit: (n: PHNode) => void): void {
  if (Array.isArray(v)) v.forEach((x) => phChildren(x, visit));
  else if (v && typeof v === 'object') {
    const n = v as PHNode;
    if (typeof n.node === 'string') visit(n);
    for (const [k, x] of Object.entries(n)) if (k !== 'start' && k !== 'end') phChildren(x, visit);
  }
}

function phTableName(t: PHNode | null): string {
  if (!t) return '?';
  if (t.node === 'Field') return (t.chain as string[]).join('.');
  if (t.node === 'Placeholder') return '{placeholder}';
  if (t.node === 'SelectQuery' || t.node === 'SelectSetQuery') return '(subquery)';
  return String(t.node);
}

export function summarizePostHog(ast: PHNode): Summary {
  const s: Summary = { tables: [], selects: [], ctes: [] };
  phChildren(ast, (n) => {
    if (n.node === 'JoinExpr') s.tables.push(`${phTableName(n.table as PHNode)}|${(n.alias as string) ?? ''}`);
    if (n.node === 'SelectQuery') {
      const items = (n.select as PHNode[]) ?? [];
      s.selects.push(`${items.length}:${items.map((i) => (i.node === 'Alias' ? (i.alias as string) : '-')).join(',')}`);
    }
    if (n.node === 'CTE') s.ctes.push(n.name as string);
  });
  return sortSummary(s);
}

function ourTableName(t: Node): string {
  if (t.kind === 'TableRef') return t.parts.map((p) => p.name).join('.');
  if (t.kind === 'Call') return t.name.name;
  if (t.kind === 'Placeholder') return '{placeholder}';
  if (t.kind === 'Subquery') return '(subquery)';
  if (t.kind === 'Tag') return 'HogQLXTag';
  return t.kind;
}

export function summarizeOurs(query: SelectLike): Summary {
  const s: Summary = { tables: [], selects: [], ctes: [] };
  walk(query, (n) => {
    if (n.kind === 'JoinItem') {
      const name = n.pivot ? (n.pivot.op === 'PIVOT' ? 'PivotExpr' : 'UnpivotExpr') : ourTableName(n.table);
      s.tables.push(`${name}|${n.pivot ? '' : n.alias?.name ?? ''}`);
    }
    if (n.kind === 'SelectQuery') {
      s.selects.push(`${n.items.length}:${n.items.map((i) => (i.kind === 'Alias' ? i.alias.name : '-')).join(',')}`);
    }
    if (n.kind === 'Cte') s.ctes.push(n.name.name);
  });
  return sortSummary(s);
}

function sortSummary(s: Summary): Summary {
  return { tables: s.tables.sort(), selects: s.selects.sort(), ctes: s.ctes.sort() };
}

function compareLists(name: string, ours: string[], theirs: string[], out: string[]): void {
  if (ours.join('\n') !== theirs.join('\n')) out.push(`${name}: ours [${ours.join('; ')}] vs PostHog [${theirs.join('; ')}]`);
}

/** Runs both parsers on one input and compares. */
export async function compareOne(ph: PostHog, input: Input): Promise<Outcome> {
  const ours = parseStatement(input.text);
  let json: PHNode & { error?: boolean; message?: string };
  try {
    json = JSON.parse((await ph.get()).parseSelect(input.text));
  } catch (err) {
    ph.reset();
    return { id: input.id, text: input.text, accepted: false, diffs: [], ourProblems: ours.problems.length, posthogError: `crash: ${(err as Error).message}` };
  }
  if (json.error) {
    return { id: input.id, text: input.text, accepted: false, diffs: [], ourProblems: ours.problems.length, posthogError: json.message };
  }
  const diffs: string[] = [];
  const conv = new OffsetConverter(input.text);
  const stmts = parse(input.text).statements;
  const phRange = `${conv.toUtf16((json.start as { offset: number }).offset)}..${conv.toUtf16((json.end as { offset: number }).offset)}`;
  const ourRange = stmts.length === 1 ? `${stmts[0].range.start}..${stmts[0].range.end}` : `${stmts.length} statements`;
  if (phRange !== ourRange) diffs.push(`statement range: ours ${ourRange} vs PostHog ${phRange}`);
  const a = summarizeOurs(ours.query);
  const b = summarizePostHog(json);
  compareLists('tables', a.tables, b.tables, diffs);
  compareLists('select items', a.selects, b.selects, diffs);
  compareLists('CTEs', a.ctes, b.ctes, diffs);
  return { id: input.id, text: input.text, accepted: true, diffs, ourProblems: ours.problems.length };
}

export interface Report {
  outcomes: Outcome[];
  accepted: number;
  agreed: number;
  rejected: number;
  rejectedWithProblems: number;
  /** Accepted by PostHog but we reported syntax problems. */
  acceptedWithProblems: number;
}

/** Compares every input; `check`, called after each, may throw to stop (a CPU budget: cpuTime.ts). */
export async function runAll(ph: PostHog, inputs: Input[], check?: () => void): Promise<Report> {
  const outcomes: Outcome[] = [];
  for (const input of inputs) {
    outcomes.push(await compareOne(ph, input));
    check?.();
  }
  const accepted = outcomes.filter((o) => o.accepted);
  const rejected = outcomes.filter((o) => !o.accepted);
  return {
    outcomes,
    accepted: accepted.length,
    agreed: accepted.filter((o) => o.diffs.length === 0).length,
    rejected: rejected.length,
    rejectedWithProblems: rejected.filter((o) => o.ourProblems > 0).length,
    acceptedWithProblems: accepted.filter((o) => o.ourProblems > 0).length,
  };
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 160).replace(/\|/g, '\\|');
}

/** Markdown report of one or more named runs. */
export function renderReport(runs: { name: string; report: Report }[]): string {
  const lines = ['# Differential report: our HogQL parser vs @posthog/hogql-parser 1.3.87', ''];
  lines.push('Generated by `node --import tsx scripts/bench/parser-differential.ts`. Compared on every input PostHog accepts: statement range (UTF-16), table references (name + alias), select-item count + aliases per SELECT, CTE names.', '');
  lines.push('| run | inputs | PostHog accepts | agree | agreement | we report problems on accepted | PostHog rejects | we report ≥1 problem |', '|---|---|---|---|---|---|---|---|');
  for (const { name, report: r } of runs) {
    lines.push(`| ${name} | ${r.outcomes.length} | ${r.accepted} | ${r.agreed} | ${pct(r.agreed, r.accepted)} | ${r.acceptedWithProblems} | ${r.rejected} | ${r.rejectedWithProblems} (${pct(r.rejectedWithProblems, r.rejected)}) |`);
  }
  for (const { name, report: r } of runs) {
    lines.push('', `## ${name}: disagreements on accepted inputs`, '');
    const bad = r.outcomes.filter((o) => o.accepted && o.diffs.length > 0);
    if (bad.length === 0) lines.push('None.');
    for (const o of bad) lines.push(`- \`${o.id}\` \`${oneLine(o.text)}\`: ${o.diffs.map(oneLine).join('; ')}`);
    lines.push('', `## ${name}: accepted by PostHog, but we report syntax problems`, '');
    const noisy = r.outcomes.filter((o) => o.accepted && o.ourProblems > 0);
    if (noisy.length === 0) lines.push('None.');
    for (const o of noisy) lines.push(`- \`${o.id}\` \`${oneLine(o.text)}\``);
    lines.push('', `## ${name}: rejected by PostHog, we stay silent`, '');
    const silent = r.outcomes.filter((o) => !o.accepted && o.ourProblems === 0);
    if (silent.length === 0) lines.push('None.');
    for (const o of silent) lines.push(`- \`${o.id}\` \`${oneLine(o.text)}\` — PostHog: ${oneLine(o.posthogError ?? '')}`);
  }
  return lines.join('\n') + '\n';
}
