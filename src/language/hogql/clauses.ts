/**
 * Clause parsers for SELECT: FROM with joins, ARRAY JOIN, GROUP BY, WINDOW,
 * LIMIT (incl. `LIMIT m, n`, `LIMIT n BY …`, `WITH TIES`) and SETTINGS.
 * The clause keyword itself has been consumed by the caller unless noted.
 */
import type { ArrayJoin, Expr, Ident, JoinItem, LimitClause, SelectQuery, TableExpr, WindowSpec } from './ast';
import { BP, parseExpr, parseExprList, parseWindowSpec } from './expressions';
import { MAX_DEPTH, type ParserState } from './parserCore';
import { parseCall } from './primary';
import { parseTag } from './tags';

const JOIN_WORDS = new Set(['GLOBAL', 'ALL', 'ANY', 'ASOF', 'SEMI', 'ANTI', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'OUTER', 'CROSS', 'PASTE']);
/** Joins without `ON`/`USING`. */
const UNCONSTRAINED = new Set(['CROSS', 'PASTE']);

/** HogQLParser.g4 `joinOp` (plus CROSS, and ClickHouse's PASTE, which we take), words space-separated. */
const JOIN_OPS = new RegExp('^(|CROSS|PASTE|((ALL|ANY|ASOF) )?INNER|INNER( (ALL|ANY|ASOF))?|ALL|ANY|ASOF|ANTI|SEMI|ASOF (ANTI|SEMI)'
  + '|((SEMI|ALL|ANTI|ANY|ASOF) )?(LEFT|RIGHT)( OUTER)?|(LEFT|RIGHT)( OUTER)?( (SEMI|ALL|ANTI|ANY|ASOF))?|ASOF (ANTI|SEMI) (LEFT|RIGHT)( OUTER)?'
  + '|((ALL|ANY|ASOF) )?FULL( OUTER)?|FULL( OUTER)?( (ALL|ANY|ASOF))?)$');

/** JOIN_OPS's answer per spelling (a handful of spellings recur in every statement with joins). */
const joinOpVerdicts = new Map<string, boolean>();

function isJoinOp(words: string): boolean {
  let ok = joinOpVerdicts.get(words);
  if (ok === undefined) {
    ok = JOIN_OPS.test(words);
    if (joinOpVerdicts.size < 256) joinOpVerdicts.set(words, ok);
  }
  return ok;
}

function joinWord(p: ParserState, k: number): string {
  const t = p.peek(k);
  return t.keyword ?? (t.kind === 'ident' && t.text.length === 5 && t.text.toUpperCase() === 'PASTE' ? 'PASTE' : '');
}

/** Counts the join-type words before `JOIN` at the cursor; -1 if this is not a join. */
function joinWordsAhead(p: ParserState): number {
  let k = 0;
  while (JOIN_WORDS.has(joinWord(p, k)) && k < 4) {
    if (p.isKw('ARRAY', k + 1)) return -1;
    k++;
  }
  return p.isKw('JOIN', k) ? k : -1;
}

/** FROM list: `t [AS] a [FINAL] [SAMPLE …]` followed by joins or `, t2`; `(t JOIN u ON …)` is flattened. */
export function parseFrom(p: ParserState): JoinItem[] {
  const items: JoinItem[] = [];
  joinOperand(p, null, items);
  for (;;) {
    if (p.isOp(',')) {
      p.next();
      joinOperand(p, 'CROSS JOIN', items);
      continue;
    }
    const words = joinWordsAhead(p);
    if (words < 0) break;
    const typeWords: string[] = [];
    for (let k = 0; k < words; k++) {
      typeWords.push(joinWord(p, 0));
      p.next();
    }
    if (!isJoinOp(typeWords.join(' '))) p.error(`\`${typeWords.join(' ')} JOIN\` is not a join type`, p.peek(-words).start, p.prevEnd(), 'join-type');
    p.next();
    const joinType = [...typeWords, 'JOIN'].join(' ');
    const item = joinOperand(p, joinType, items);
    if (!typeWords.some((w) => UNCONSTRAINED.has(w))) parseConstraint(p, item);
  }
  return items;
}

/**
 * True at `(` that opens a parenthesised join (HogQLParser.g4 JoinExprParens), not a subquery or tag.
 * `((select …) …` and `({placeholder} …` are joins when a join operand's tail follows the inner group:
 * `((select 1) AS a JOIN e ON 1)`, `({t})` (both accepted by @posthog/hogql-parser 1.3.87).
 */
function parenJoinAhead(p: ParserState): boolean {
  if (!p.isOp('(')) return false;
  const brace = p.isOp('{', 1);
  if (!brace && !p.startsSelect(p, 1)) return true;
  if (!brace && !p.isOp('(', 1)) return false;
  const after = pastGroup(p, 1);
  if (after < 0) return false;
  const at = p.i;
  p.i += after;
  try {
    return (brace && p.isOp(')')) || p.isOp(',') || joinWordsAhead(p) >= 0 || p.isKw('AS') || p.isBareAlias() || p.isKw('FINAL') || p.isKw('SAMPLE');
  } finally {
    p.i = at;
  }
}

/** Offset from the cursor just past the bracket group that opens at `k`; -1 if it is not closed. */
function pastGroup(p: ParserState, k: number): number {
  let depth = 0;
  for (let t = p.peek(k); t.kind !== 'eof'; t = p.peek(++k)) {
    if (t.kind !== 'op') continue;
    if (t.text === '(' || t.text === '{' || t.text === '[') depth++;
    else if ((t.text === ')' || t.text === '}' || t.text === ']') && --depth === 0) return k + 1;
  }
  return -1;
}

/** One join operand pushed onto `items` (a parenthesised join pushes all of its items); returns the first. */
function joinOperand(p: ParserState, joinType: string | null, items: JoinItem[]): JoinItem {
  if (!parenJoinAhead(p)) {
    const item = parseJoinItem(p, joinType);
    items.push(item);
    return item;
  }
  p.next();
  const inner = p.depth < MAX_DEPTH ? nested(p) : [];
  p.expectOp(')', ' to close the parenthesised join');
  if (inner.length === 0) {
    const item = parseJoinItem(p, joinType);
    items.push(item);
    return item;
  }
  inner[0].joinType = joinType;
  items.push(...inner);
  return inner[0];
}

function nested(p: ParserState): JoinItem[] {
  p.depth++;
  try {
    return parseFrom(p);
  } finally {
    p.depth--;
  }
}

function parseConstraint(p: ParserState, item: JoinItem): void {
  if (p.eatKw('ON')) {
    item.constraint = { type: 'ON', exprs: parseExprList(p, null).items };
  } else if (p.eatKw('USING')) {
    item.constraint = { type: 'USING', exprs: parseUsing(p) };
  } else return; // optional in PostHog's grammar (`joinConstraintClause?`); checks.ts warns about it

  item.end = p.prevEnd();
}

/** `USING (a, b)` or `USING a, b`; `USING (a) (b)` is a call on `(a)` (HogQLParser.g4 `USING columnExprList`). */
function parseUsing(p: ParserState): Expr[] {
  const at = p.i;
  if (!p.eatOp('(')) return parseExprList(p, null).items;
  const items = parseExprList(p, ')').items;
  if (p.expectOp(')') && !p.isOp('(')) return items;
  p.i = at;
  return parseExprList(p, null).items;
}

function parseJoinItem(p: ParserState, joinType: string | null): JoinItem {
  const start = p.peek().start;
  const table = parseTableExpr(p);
  const item: JoinItem = {
    kind: 'JoinItem', joinType, table, alias: null, final: false, sample: null, constraint: null, start, end: table.end,
  };
  item.alias = parseTableAlias(p);
  if (isTableModifier(p)) {
    item.pivot = parsePivot(p);
    if (!item.alias) item.alias = parseTableAlias(p);
  }
  if (p.eatKw('FINAL')) item.final = true;
  if (p.eatKw('SAMPLE')) {
    item.sample = parseExpr(p, BP.additive, false);
    if (p.eatKw('OFFSET')) parseExpr(p, BP.additive, false);
  }
  item.end = Math.max(item.end, p.prevEnd());
  return item;
}

/** `(alias | AS name) (columnAliases)?`, repeated: HogQLParser.g4 TableExprAlias is left-recursive (`t a AS b`); the last wins. */
function parseTableAlias(p: ParserState): Ident | null {
  let last: Ident | null = null;
  for (;;) {
    let alias: Ident;
    if (p.isKw('AS')) {
      p.next();
      alias = p.expectIdent('a table alias after `AS`');
    } else if (p.isBareAlias() && !isTableModifier(p) && !(joinWord(p, 0) === 'PASTE' && p.isKw('JOIN', 1))) {
      alias = p.ident(p.next());
    } else return last;
    p.checkAlias(alias);
    last = alias;
    if (p.isOp('(') && columnAliasesAhead(p)) {
      while (!p.isOp(')')) p.next();
      p.next();
    }
    if (!alias.name) return last;
  }
}

/** `(a, b)` after a table alias: names separated by commas, then `)`. */
function columnAliasesAhead(p: ParserState): boolean {
  for (let k = 1; ; k += 2) {
    if (!p.isName(k)) return false;
    if (p.isOp(')', k + 1)) return true;
    if (!p.isOp(',', k + 1)) return false;
  }
}

function isTableModifier(p: ParserState): boolean {
  return (p.isKw('PIVOT') || p.isKw('UNPIVOT')) && (p.isOp('(', 1) || p.isKw('INCLUDE', 1) || p.isKw('EXCLUDE', 1));
}

/**
 * `PIVOT (agg [AS a], … FOR col | (cols) IN (v [AS a], …) [GROUP BY …])` and
 * `UNPIVOT [INCLUDE|EXCLUDE NULLS] (value | (values) FOR name IN (col [AS a], …))`, both accepted by
 * @posthog/hogql-parser 1.3.87 after a table (probed; the forms are DuckDB's).
 */
function parsePivot(p: ParserState): { op: 'PIVOT' | 'UNPIVOT'; exprs: Expr[] } {
  const op = p.next().keyword as 'PIVOT' | 'UNPIVOT';
  if (op === 'UNPIVOT' && (p.eatKw('INCLUDE') || p.eatKw('EXCLUDE'))) p.expectKw('NULLS');
  const exprs: Expr[] = [];
  p.expectOp('(', ` after \`${op}\``);
  exprs.push(...parseExprList(p, null).items);
  p.expectKw('FOR', ` in \`${op}\``);
  exprs.push(parseExpr(p, BP.compare, false));
  p.expectKw('IN', ` in \`${op}\``);
  p.expectOp('(');
  if (p.startsSelect(p)) p.errorAtCurrent(`\`${op}\` takes a list of values here, not a subquery`);
  exprs.push(...parseExprList(p, ')').items);
  p.expectOp(')');
  if (op === 'PIVOT' && p.isKw('GROUP') && p.isKw('BY', 1)) {
    p.i += 2;
    exprs.push(...parseExprList(p, ')').items);
  }
  p.expectOp(')', ` to close \`${op}\``);
  return { op, exprs };
}

/** A table name (dotted), table function `numbers(10)`, subquery, placeholder or tag. */
export function parseTableExpr(p: ParserState): TableExpr {
  const t = p.peek();
  if (p.isOp('(')) {
    if (p.startsSelect(p, 1)) {
      p.next();
      const query = p.parseSelectSet(p);
      const close = p.expectOp(')', ' to close the subquery');
      return { kind: 'Subquery', query, closed: !!close, start: t.start, end: p.prevEnd() };
    }
    return p.errorNode('Parenthesised joins are not supported; expected a subquery');
  }
  if (p.isOp('{')) {
    const e = parseExpr(p, 0, false);
    return e.kind === 'Placeholder' ? e : { kind: 'Error', message: 'Expected a table', start: e.start, end: e.end };
  }
  if (p.isOp('<') && p.isAnyIdent(1)) return parseTag(p);
  // any name, keywords included: PostHog reads `from from events` as the table `from` aliased `events`
  if (!p.isName()) return p.errorNode('Expected a table name');
  const parts: Ident[] = [p.ident(p.next())];
  if (p.isOp('(') && parts[0].quoted === false) {
    // a table function's arguments are expressions (`tableArgList`), never a bare subquery
    if (p.startsSelect(p, 1)) p.error('A table function takes expressions, not a subquery', t.start, p.peek().end, 'table-function-subquery');
    return parseCall(p, parts[0]);
  }
  while (p.isOp('.')) {
    const dot = p.next();
    if (p.isAnyIdent()) parts.push(p.ident(p.next()));
    else {
      p.errorAtCurrent('Expected a table name after `.`', 'expected-identifier');
      parts.push({ kind: 'Ident', name: '', quoted: false, start: dot.end, end: dot.end });
      break;
    }
  }
  return { kind: 'TableRef', parts, start: t.start, end: p.prevEnd() };
}

/** `[LEFT|INNER] ARRAY JOIN list` (keywords not yet consumed). */
export function parseArrayJoin(p: ParserState): ArrayJoin {
  const start = p.peek().start;
  const words: string[] = [];
  while (!p.isKw('JOIN')) words.push(p.next().keyword!);
  p.next();
  const exprs = parseExprList(p, null).items;
  for (const e of exprs) {
    if ((e.kind !== 'Alias' && e.kind !== 'Error') || aliasInLambdaBody(p, e)) p.error('ARRAY JOIN arrays must have an alias', e.start, e.end, 'array-join-alias');
  }
  return { kind: 'ArrayJoin', op: [...words, 'JOIN'].join(' '), exprs, start, end: p.prevEnd() };
}

/**
 * `x -> y AS a` (also `-x -> y AS a`): PostHog's parser gives the alias to the lambda's body, so the
 * array itself has none; `(x -> y) AS a` keeps it (probed on @posthog/hogql-parser 1.3.87).
 */
function aliasInLambdaBody(p: ParserState, e: Expr): boolean {
  if (e.kind !== 'Alias') return false;
  let inner: Expr = e.expr;
  while (inner.kind === 'Unary') inner = inner.expr;
  return inner.kind === 'Lambda' && !p.text.slice(inner.end, e.alias.start).includes(')');
}

/** `GROUP BY list | ROLLUP(list) | CUBE(list)` then `WITH ROLLUP|CUBE|TOTALS` (GROUP not consumed). */
export function parseGroupBy(p: ParserState, q: SelectQuery): void {
  p.next();
  p.expectKw('BY', ' after `GROUP`');
  if ((p.isKw('ROLLUP') || p.isKw('CUBE')) && p.isOp('(', 1)) {
    q.groupByMode = p.next().keyword!;
    p.next();
    q.groupBy = parseExprList(p, ')').items;
    p.expectOp(')');
  } else q.groupBy = parseExprList(p, null).items;
  while (p.isKw('WITH') && ['ROLLUP', 'CUBE', 'TOTALS'].includes(p.peek(1).keyword ?? '')) {
    p.next();
    const mode = p.next().keyword!;
    if (mode !== 'TOTALS') q.groupByMode = mode;
  }
}

/** `WINDOW w AS (…), v AS (…)`. */
export function parseWindows(p: ParserState): { name: Ident; spec: WindowSpec }[] {
  const out: { name: Ident; spec: WindowSpec }[] = [];
  do {
    const name = p.expectIdent('a window name');
    p.expectKw('AS', ' in WINDOW');
    out.push({ name, spec: parseWindowSpec(p) });
  } while (p.eatOp(','));
  return out;
}

/**
 * `LIMIT n`, `LIMIT m, n` (ClickHouse order: m is the offset), `LIMIT n OFFSET m`,
 * `LIMIT n BY a, b`, `LIMIT n WITH TIES` (LIMIT not consumed).
 */
export function parseLimit(p: ParserState): LimitClause {
  const start = p.next().start;
  let limit: Expr = parseExpr(p, 0, false);
  let offset: Expr | null = null;
  if (p.eatOp(',')) {
    offset = limit;
    limit = parseExpr(p, 0, false);
  }
  let withTies = false;
  const ties = (): void => {
    if (p.isKw('WITH') && p.isKw('TIES', 1)) {
      p.i += 2;
      withTies = true;
    }
  };
  ties();
  // `LIMIT n OFFSET m WITH TIES` is refused by PostHog (WITH TIES goes before OFFSET)
  if (!offset && p.eatKw('OFFSET')) offset = parseExpr(p, 0, false);
  let by: Expr[] | null = null;
  if (p.eatKw('BY')) by = parseExprList(p, null).items;
  return { kind: 'Limit', limit, offset, by, withTies, start, end: p.prevEnd() };
}

/** `SETTINGS a = 1, b = 'x'`: parsed, but reported because HogQL rejects it. */
export function parseSettings(p: ParserState): Expr[] {
  const start = p.prevEnd();
  const items = parseExprList(p, null, false).items;
  p.error('`SETTINGS` is not supported in HogQL queries', start - 'SETTINGS'.length, p.prevEnd(), 'unsupported');
  return items;
}
