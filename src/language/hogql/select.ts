/**
 * SELECT statements: set operations, WITH/CTEs, the select list and the clause
 * loop. Clauses are accepted in any order for error tolerance; an out-of-order
 * clause is reported but still parsed so completion keeps working.
 */
import type { Cte, Expr, SelectLike, SelectQuery, SelectSet } from './ast';
import { parseFrom, parseGroupBy, parseLimit, parseSettings, parseWindows, parseArrayJoin } from './clauses';
import { parseExpr, parseOrderList } from './expressions';
import { endsOperand } from './keywordNames';
import type { ParserState } from './parserCore';
import { MAX_DEPTH } from './parserCore';
import { parseTag } from './tags';

/** Set operators by their words (one object each: the clause loop asks at every clause). */
const SET_OP = {
  UNION: { op: 'UNION', width: 1 }, UNION_ALL: { op: 'UNION ALL', width: 2 }, UNION_DISTINCT: { op: 'UNION DISTINCT', width: 2 },
  EXCEPT: { op: 'EXCEPT', width: 1 }, INTERSECT: { op: 'INTERSECT', width: 1 }, INTERSECT_DISTINCT: { op: 'INTERSECT DISTINCT', width: 2 },
} as const;

/** True when the tokens from `k` start a select: `SELECT`, `WITH`, or `(`s followed by one. */
export function startsSelect(p: ParserState, k = 0): boolean {
  while (p.isOp('(', k)) k++;
  return p.isKw('SELECT', k) || (p.isKw('WITH', k) && !p.isKw('FILL', k + 1) && !p.isKw('TIES', k + 1));
}

function setOperator(p: ParserState): { readonly op: string; readonly width: number } | null {
  const kw = p.peek().keyword;
  if (kw === 'UNION') {
    const next = p.peek(1).keyword;
    return next === 'ALL' ? SET_OP.UNION_ALL : next === 'DISTINCT' ? SET_OP.UNION_DISTINCT : SET_OP.UNION;
  }
  if (kw === 'INTERSECT') return p.isKw('DISTINCT', 1) ? SET_OP.INTERSECT_DISTINCT : SET_OP.INTERSECT;
  return kw === 'EXCEPT' ? SET_OP.EXCEPT : null;
}

/** `select (UNION ALL|UNION DISTINCT|INTERSECT|EXCEPT select)*`. */
export function parseSelectSet(p: ParserState): SelectLike {
  if (p.depth >= MAX_DEPTH) return p.errorNode('Query is nested too deeply');
  p.depth++;
  try {
    const first = parseSelectOperand(p);
    const selects: SelectLike[] = [first];
    const operators: SelectSet['operators'] = [];
    for (let op = setOperator(p); op; op = setOperator(p)) {
      const start = p.peek().start;
      for (let k = 0; k < op.width; k++) p.next();
      operators.push({ op: op.op, start, end: p.prevEnd() });
      selects.push(parseSelectOperand(p));
    }
    if (selects.length === 1) return first;
    return { kind: 'SelectSet', ctes: [], selects, operators, start: first.start, end: selects[selects.length - 1].end };
  } finally {
    p.depth--;
  }
}

function parseSelectOperand(p: ParserState): SelectLike {
  const t = p.peek();
  if (p.isOp('(') && startsSelect(p, 1)) {
    p.next();
    const query = parseSelectSet(p);
    const close = p.expectOp(')', ' to close the subquery');
    return { kind: 'ParenSelect', query, closed: !!close, start: t.start, end: p.prevEnd() };
  }
  if (p.isOp('{')) {
    const ph = parseExpr(p, 0, false);
    if (ph.kind === 'Placeholder') return ph;
    return { kind: 'Error', message: 'Expected a select query', start: ph.start, end: ph.end };
  }
  if (p.isOp('<') && p.isAnyIdent(1)) return parseTag(p);
  return parseSelectQuery(p);
}

function emptySelect(start: number): SelectQuery {
  return {
    kind: 'SelectQuery', ctes: [], distinct: false, items: [], from: [], arrayJoin: null, prewhere: null,
    where: null, groupBy: null, groupByMode: null, having: null, qualify: null, windows: [], orderBy: null,
    limits: [], offset: null, settings: [], clauses: [], start, end: start,
  };
}

export function parseSelectQuery(p: ParserState): SelectQuery {
  const q = emptySelect(p.peek().start);
  if (p.isKw('WITH')) {
    const w = p.next();
    q.clauses.push({ name: 'WITH', start: w.start, end: w.end });
    q.ctes = parseCtes(p);
  }
  const select = p.eatKw('SELECT');
  if (!select) {
    p.errorAtCurrent('Expected `SELECT`', 'expected-select');
    if (!p.isClauseKeyword(p.peek())) p.skipToSync();
  } else {
    q.clauses.push({ name: 'SELECT', start: select.start, end: select.end });
    const distinctFrom = p.isKw('DISTINCT') && p.isKw('FROM', 1);
    const fromColumn = distinctFrom && distinctFromParses(p);
    if (p.isKw('DISTINCT') && (distinctFrom ? fromColumn : !distinctIsColumn(p))) {
      p.next();
      q.distinct = true;
    }
    if (p.isKw('TOP')) parseTop(p);
    q.items = parseSelectItems(p, fromColumn);
  }
  parseClauses(p, q);
  if (q.arrayJoin && q.from.length === 0) {
    p.error('Using ARRAY JOIN without a FROM clause is not permitted', q.arrayJoin.start, q.arrayJoin.end, 'array-join-from');
  }
  q.end = Math.max(q.start, p.prevEnd());
  return q;
}

/** `SELECT DISTINCT AS e`, `SELECT DISTINCT IS NULL`: with nothing to make distinct, `distinct` is the column. */
function distinctIsColumn(p: ParserState): boolean {
  return !p.isOp('*', 1) && endsOperand(p, 1);
}

/**
 * `SELECT DISTINCT FROM t …`: where the statement parses as DISTINCT and a column `from` (aliased
 * `t`), PostHog takes that reading (and refuses the alias: "Cannot use "from" before an implicit
 * alias"); only where it does not is `distinct` the column and `FROM t` the clause (probed on
 * @posthog/hogql-parser 1.3.87). Parses ahead and rewinds.
 */
function distinctFromParses(p: ParserState): boolean {
  const at = p.i;
  const problems = p.problems.length;
  p.next();
  const probe = emptySelect(p.peek().start);
  probe.items = parseSelectItems(p, true);
  parseClauses(p, probe);
  const found = p.problems.slice(problems);
  p.i = at;
  p.problems.length = problems;
  return found.length === 0 || (found.length === 1 && found[0].code === 'from-alias');
}

function parseTop(p: ParserState): void {
  const t = p.next();
  if (p.peek().kind === 'number') p.next();
  if (p.isKw('WITH') && p.isKw('TIES', 1)) p.i += 2;
  p.error('`TOP` is not supported in HogQL; use `LIMIT`', t.start, p.prevEnd(), 'unsupported');
}

/** `name AS (select …)` (subquery CTE) or `expr AS name` (column CTE), comma-separated. */
function parseCtes(p: ParserState): Cte[] {
  const ctes: Cte[] = [];
  p.eatKw('RECURSIVE');
  for (;;) {
    const start = p.peek().start;
    if (p.isAnyIdent() && p.isKw('AS', 1) && p.isOp('(', 2)) {
      const name = p.ident(p.next());
      p.next();
      const open = p.peek().start;
      p.next();
      const query = p.startsSelect(p) ? parseSelectSet(p) : p.errorNode('Expected a subquery');
      const close = p.expectOp(')', ' to close the CTE');
      const expr: Expr = { kind: 'Subquery', query, closed: !!close, start: open, end: p.prevEnd() };
      ctes.push({ kind: 'Cte', name, cteKind: 'subquery', expr, start, end: p.prevEnd() });
    } else {
      const expr = parseExpr(p, 0, false);
      p.expectKw('AS', ' in the WITH expression');
      const name = p.expectIdent('a name for the WITH expression');
      ctes.push({ kind: 'Cte', name, cteKind: 'column', expr, start, end: p.prevEnd() });
    }
    if (!p.eatOp(',') || p.isKw('SELECT')) break;
  }
  return ctes;
}

/** The select list; items may have `AS alias` or a bare alias; a trailing comma is accepted. */
function parseSelectItems(p: ParserState, fromColumn = false): Expr[] {
  if (p.atEnd() || p.isOp(')') || p.isOp(';') || (p.isClauseKeyword(p.peek()) && !fromColumn && !keywordIsColumn(p, true))) {
    p.errorAtCurrent('Expected a column or expression after `SELECT`', 'expected-expression');
    return [];
  }
  const items: Expr[] = [];
  for (;;) {
    const before = p.i;
    const fromField = p.isKw('FROM');
    let item = parseExpr(p, 0, true);
    // HogQLParser.g4 `selectColumnExpr: columnExpr implicitAlias`, also after `AS name` (`1 AS a b`)
    if (p.isImplicitAlias() && !p.isOp('(', 1) && !p.isOp('.', 1)) {
      const alias = p.ident(p.next());
      p.checkAlias(alias);
      if (fromField && item.kind === 'Field' && item.parts.length === 1 && !item.parts[0].quoted) {
        p.error('Cannot use "from" before an implicit alias', item.start, alias.end, 'from-alias');
      }
      item = { kind: 'Alias', expr: item, alias, bare: true, start: item.start, end: alias.end };
    }
    items.push(item);
    if (!p.eatOp(',')) break;
    if (p.atEnd() || p.isOp(')') || p.isOp(';') || (p.isClauseKeyword(p.peek()) && !keywordIsColumn(p, false))) break;
    if (p.i === before) break;
  }
  return items;
}

/**
 * A clause keyword where a select item may start is a column name when no clause can start there
 * (PostHog reads `select from (select 1)`, `select where x`, `select q, from` so). At the list's
 * start a bare `from` before an alias stays the FROM clause (PostHog refuses that statement either
 * way), and after a comma only a keyword the statement ends after is a column (`select a, from t`
 * has a trailing comma).
 */
function keywordIsColumn(p: ParserState, first: boolean): boolean {
  if (!p.isName()) return false;
  const next = p.peek(1);
  const ends = next.kind === 'eof' || (next.kind === 'op' && (next.text === ')' || next.text === ';' || next.text === ','));
  if (!first) return ends;
  if (p.isKw('FROM')) return !p.isImplicitAlias(1) && !p.isName(1);
  return true;
}

type ClauseParser = (p: ParserState, q: SelectQuery) => void;

const CLAUSES: { name: string; order: number; test: (p: ParserState) => number; parse: ClauseParser }[] = [
  { name: 'FROM', order: 1, test: (p) => (p.isKw('FROM') ? 1 : 0), parse: (p, q) => { q.from = parseFrom(p); } },
  { name: 'ARRAY JOIN', order: 2, test: arrayJoinWidth, parse: (p, q) => { q.arrayJoin = parseArrayJoin(p); } },
  { name: 'PREWHERE', order: 3, test: (p) => (p.isKw('PREWHERE') ? 1 : 0), parse: (p, q) => { q.prewhere = parseExpr(p); } },
  { name: 'WHERE', order: 4, test: (p) => (p.isKw('WHERE') ? 1 : 0), parse: (p, q) => { q.where = parseExpr(p); } },
  { name: 'GROUP BY', order: 5, test: (p) => (p.isKw('GROUP') ? 1 : 0), parse: parseGroupBy },
  { name: 'HAVING', order: 6, test: (p) => (p.isKw('HAVING') ? 1 : 0), parse: (p, q) => { q.having = parseExpr(p); } },
  { name: 'WINDOW', order: 7, test: (p) => (p.isKw('WINDOW') ? 1 : 0), parse: (p, q) => { q.windows = parseWindows(p); } },
  { name: 'QUALIFY', order: 8, test: (p) => (p.isKw('QUALIFY') ? 1 : 0), parse: (p, q) => { q.qualify = parseExpr(p); } },
  { name: 'ORDER BY', order: 9, test: (p) => (p.isKw('ORDER') ? 1 : 0), parse: parseOrderBy },
  { name: 'LIMIT', order: 10, test: (p) => (p.isKw('LIMIT') ? 1 : 0), parse: (p, q) => { q.limits.push(parseLimit(p)); } },
  { name: 'OFFSET', order: 11, test: (p) => (p.isKw('OFFSET') ? 1 : 0), parse: (p, q) => { q.offset = parseExpr(p); } },
  { name: 'SETTINGS', order: 12, test: (p) => (p.isKw('SETTINGS') ? 1 : 0), parse: (p, q) => { q.settings = parseSettings(p); } },
];

/** Clauses by their first keyword (ARRAY JOIN by ARRAY, LEFT and INNER): one lookup per clause instead of a scan. */
const CLAUSE_BY_KEYWORD = new Map(CLAUSES.flatMap((c) => (c.name === 'ARRAY JOIN' ? ['ARRAY', 'LEFT', 'INNER'] : [c.name.split(' ')[0]]).map((k) => [k, c] as const)));

function clauseAt(p: ParserState): (typeof CLAUSES)[number] | undefined {
  const kw = p.peek().keyword;
  const clause = kw === undefined ? undefined : CLAUSE_BY_KEYWORD.get(kw);
  return clause && clause.test(p) > 0 ? clause : undefined;
}

function arrayJoinWidth(p: ParserState): number {
  if (p.isKw('ARRAY') && p.isKw('JOIN', 1)) return 2;
  if ((p.isKw('LEFT') || p.isKw('INNER')) && p.isKw('ARRAY', 1) && p.isKw('JOIN', 2)) return 3;
  return 0;
}

function parseOrderBy(p: ParserState, q: SelectQuery): void {
  p.next();
  p.expectKw('BY', ' after `ORDER`');
  q.orderBy = parseOrderList(p);
}

function isStatementEnd(p: ParserState): boolean {
  return p.atEnd() || p.isOp(')') || p.isOp(';') || setOperator(p) !== null;
}

function parseClauses(p: ParserState, q: SelectQuery): void {
  let lastOrder = 0;
  let seen = 0; // one bit per clause, by its `order` (no Set allocated per query)
  while (!isStatementEnd(p)) {
    const clause = clauseAt(p);
    if (!clause) {
      reportUnexpected(p);
      continue;
    }
    const t = p.peek();
    const width = clause.test(p);
    const kwEnd = p.peek(width - 1).end;
    if (clause.order < lastOrder || ((seen & (1 << clause.order)) !== 0 && clause.name !== 'LIMIT')) {
      p.error(`\`${clause.name}\` is out of place here`, t.start, kwEnd, 'clause-order');
    }
    seen |= 1 << clause.order;
    lastOrder = Math.max(lastOrder, clause.order);
    q.clauses.push({ name: clause.name, start: t.start, end: kwEnd });
    if (clause.name !== 'GROUP BY' && clause.name !== 'ORDER BY' && clause.name !== 'LIMIT' && clause.name !== 'ARRAY JOIN') {
      p.next();
    }
    const before = p.i;
    clause.parse(p, q);
    if (p.i === before && !isStatementEnd(p)) reportUnexpected(p);
  }
}

function reportUnexpected(p: ParserState): void {
  const t = p.peek();
  p.error(t.kind === 'unknown' ? `Unexpected character \`${t.text}\`` : `Unexpected \`${t.text}\``, t.start, t.end, 'unexpected-token');
  if (!p.skipToSync()) p.next();
}
