/**
 * Pratt parser for HogQL column expressions. Precedence follows PostHog's
 * HogQLParser.g4 `columnExpr` (tightest first): postfix access/calls/`::`,
 * unary minus, `* / %`, `+ - ||`, comparisons (incl. IN, LIKE, regex ops, and
 * BETWEEN here, as in ClickHouse), IS [NOT] NULL, `??`, NOT, AND, OR, `? :`, AS.
 */
import type { Expr, OrderExpr, WindowSpec, WindowFrameBound } from './ast';
import type { ParserState } from './parserCore';
import { MAX_DEPTH } from './parserCore';
import { parsePrimary, parseTypeName } from './primary';

export const BP = {
  ternary: 2, or: 3, and: 4, not: 5, nullish: 6, isNull: 7, compare: 8, additive: 9, multiplicative: 10, unary: 11, postfix: 12,
} as const;

const COMPARE_OPS = new Set(['=', '==', '!=', '<>', '<', '<=', '>', '>=', '~', '~*', '=~', '=~*', '!~', '!~*']);
const ADDITIVE_OPS = new Set(['+', '-', '||']);
const MULTIPLICATIVE_OPS = new Set(['*', '/', '%']);

type Infix = { readonly bp: number; readonly kind: 'binary' | 'ternary' | 'between' | 'isNull' | 'postfix'; readonly op: string; readonly width: number };

const infix = (bp: number, kind: Infix['kind'], op: string, width = 1): Infix => ({ bp, kind, op, width });

/**
 * One Infix per operator, made once: the expression loop asks at every operand (and again at each
 * binding level), so a fresh object per question was garbage.
 */
const OP_INFIX = new Map<string, Infix>([
  ...[...MULTIPLICATIVE_OPS].map((op) => [op, infix(BP.multiplicative, 'binary', op)] as const),
  ...[...ADDITIVE_OPS].map((op) => [op, infix(BP.additive, 'binary', op)] as const),
  ...[...COMPARE_OPS].map((op) => [op, infix(BP.compare, 'binary', op)] as const),
  ['??', infix(BP.nullish, 'binary', '??')],
  ['?', infix(BP.ternary, 'ternary', '?')],
  // `(`: HogQLParser.g4 `columnExpr LPAREN columnExprList? RPAREN` (ColumnExprCall): any expression, `(1,) (1,)`, `'a' (1)`
  ...['[', '.', '?.', '::', '('].map((op) => [op, infix(BP.postfix, 'postfix', op)] as const),
]);

const KW_INFIX = {
  AND: infix(BP.and, 'binary', 'AND'), OR: infix(BP.or, 'binary', 'OR'), IS: infix(BP.isNull, 'isNull', 'IS'),
  LIKE: infix(BP.compare, 'binary', 'LIKE'), ILIKE: infix(BP.compare, 'binary', 'ILIKE'), BETWEEN: infix(BP.compare, 'between', 'BETWEEN'),
  IN: infix(BP.compare, 'binary', 'IN'), IN_COHORT: infix(BP.compare, 'binary', 'IN COHORT', 2),
  NOT_IN: infix(BP.compare, 'binary', 'NOT IN', 2), NOT_IN_COHORT: infix(BP.compare, 'binary', 'NOT IN COHORT', 3),
  NOT_LIKE: infix(BP.compare, 'binary', 'NOT LIKE', 2), NOT_ILIKE: infix(BP.compare, 'binary', 'NOT ILIKE', 2),
  NOT_BETWEEN: infix(BP.compare, 'between', 'NOT BETWEEN', 2),
};

function keywordInfix(p: ParserState): Infix | null {
  switch (p.peek().keyword) {
    case 'AND': return KW_INFIX.AND;
    case 'OR': return KW_INFIX.OR;
    case 'IS': return KW_INFIX.IS;
    case 'LIKE': return KW_INFIX.LIKE;
    case 'ILIKE': return KW_INFIX.ILIKE;
    case 'BETWEEN': return KW_INFIX.BETWEEN;
    case 'IN': return p.isKw('COHORT', 1) ? KW_INFIX.IN_COHORT : KW_INFIX.IN;
    case 'NOT': {
      const next = p.peek(1).keyword;
      if (next === 'IN') return p.isKw('COHORT', 2) ? KW_INFIX.NOT_IN_COHORT : KW_INFIX.NOT_IN;
      if (next === 'LIKE') return KW_INFIX.NOT_LIKE;
      if (next === 'ILIKE') return KW_INFIX.NOT_ILIKE;
      if (next === 'BETWEEN') return KW_INFIX.NOT_BETWEEN;
      return null;
    }
    default: return null;
  }
}

function infixAt(p: ParserState): Infix | null {
  const t = p.peek();
  if (t.kind === 'ident') return keywordInfix(p);
  if (t.kind !== 'op') return null;
  return OP_INFIX.get(t.text) ?? null;
}

/**
 * Parses an expression whose operators bind tighter than `minBp`.
 * With `allowAlias`, a trailing `AS name` at the outermost level becomes an Alias.
 */
export function parseExpr(p: ParserState, minBp = 0, allowAlias = true): Expr {
  if (p.depth >= MAX_DEPTH) return tooDeep(p);
  p.depth++;
  try {
    let left = parsePrimary(p);
    for (;;) {
      const info = infixAt(p);
      if (!info || info.bp <= minBp) break;
      const before = p.i;
      left = applyInfix(p, left, info);
      if (p.i === before) break;
    }
    // `columnExpr AS identifier` is left-recursive in the grammar: `1 AS a AS b`
    while (allowAlias && minBp === 0 && p.isKw('AS') && !p.isOp('(', 1)) left = parseAsAlias(p, left);
    return left;
  } finally {
    p.depth--;
  }
}

function tooDeep(p: ParserState): Expr {
  const start = p.peek().start;
  p.error('Expression is nested too deeply', start, start, 'too-deep');
  let depth = 0;
  while (!p.atEnd()) {
    const t = p.peek();
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    if (t.text === ')' || t.text === ']' || t.text === '}') {
      if (depth === 0) break;
      depth--;
    }
    p.next();
  }
  return { kind: 'Error', message: 'Expression is nested too deeply', start, end: p.prevEnd() };
}

function parseAsAlias(p: ParserState, expr: Expr): Expr {
  p.next();
  const t = p.peek();
  if (t.kind === 'string') {
    p.next();
    const alias = { kind: 'Ident' as const, name: t.value ?? '', quoted: true, start: t.start, end: t.end };
    return { kind: 'Alias', expr, alias, bare: false, start: expr.start, end: t.end };
  }
  const alias = p.expectIdent('an alias after `AS`');
  p.checkAlias(alias);
  return { kind: 'Alias', expr, alias, bare: false, start: expr.start, end: Math.max(alias.end, p.prevEnd()) };
}

function applyInfix(p: ParserState, left: Expr, info: Infix): Expr {
  switch (info.kind) {
    case 'postfix': return parsePostfix(p, left);
    case 'isNull': {
      p.next();
      const negated = !!p.eatKw('NOT');
      p.expectKw('NULL', ' after `IS`');
      return { kind: 'IsNull', expr: left, negated, start: left.start, end: p.prevEnd() };
    }
    case 'between': {
      for (let k = 0; k < info.width; k++) p.next();
      const low = parseExpr(p, BP.compare, false);
      p.expectKw('AND', ' in BETWEEN');
      const high = parseExpr(p, BP.compare, false);
      return { kind: 'Between', expr: left, low, high, negated: info.op === 'NOT BETWEEN', start: left.start, end: high.end };
    }
    case 'ternary': {
      p.next();
      const then = parseExpr(p, 0, false);
      p.expectOp(':', ' in `? :`');
      const otherwise = parseExpr(p, BP.ternary - 1, false);
      return { kind: 'Ternary', cond: left, then, otherwise, start: left.start, end: otherwise.end };
    }
    default: {
      for (let k = 0; k < info.width; k++) p.next();
      const right = parseExpr(p, info.bp, false);
      return { kind: 'Binary', op: info.op, left, right, start: left.start, end: Math.max(right.end, p.prevEnd()) };
    }
  }
}

function parsePostfix(p: ParserState, left: Expr): Expr {
  const op = p.next();
  if (op.text === '::') {
    const type = parseTypeName(p);
    return { kind: 'Cast', expr: left, type, syntax: '::', start: left.start, end: type.end };
  }
  if (op.text === '(') {
    p.i--;
    // ColumnExprCallSelect: `columnExpr LPAREN selectSetStmt RPAREN` (`select 1 (select 1)`)
    if (p.startsSelect(p, 1)) {
      const arg = parsePrimary(p);
      return { kind: 'ExprCall', callee: left, args: [arg], start: left.start, end: p.prevEnd() };
    }
    const { items } = parseParenList(p);
    return { kind: 'ExprCall', callee: left, args: items, start: left.start, end: p.prevEnd() };
  }
  const nullish = op.text === '?.';
  if (op.text === '[' || (nullish && p.isOp('['))) {
    if (nullish) p.next();
    return parseIndex(p, left, nullish);
  }
  const t = p.peek();
  if (t.kind === 'number') {
    p.next();
    return { kind: 'TupleAccess', tuple: left, index: Number(t.text), nullish, start: left.start, end: t.end };
  }
  const name = p.expectIdent('a name after `.`');
  return { kind: 'Member', object: left, name, nullish, start: left.start, end: Math.max(name.end, op.end) };
}

function parseIndex(p: ParserState, left: Expr, nullish: boolean): Expr {
  const from = p.isOp(':') ? null : parseExpr(p, 0, false);
  if (p.eatOp(':')) {
    const to = p.isOp(']') ? null : parseExpr(p, 0, false);
    p.expectOp(']');
    return { kind: 'ArraySlice', array: left, from, to, start: left.start, end: p.prevEnd() };
  }
  p.expectOp(']');
  const index = from ?? p.errorNode('Expected an index');
  return { kind: 'ArrayAccess', array: left, index, nullish, start: left.start, end: p.prevEnd() };
}

/** `( a, b, )` → items; expects the `(` at the cursor; trailing comma allowed. */
export function parseParenList(p: ParserState): { items: Expr[]; lparen: number; rparen: number | null; commas: number[] } {
  const open = p.expectOp('(');
  const lparen = open ? open.start : p.peek().start;
  const { items, commas } = parseExprList(p, ')');
  const close = p.expectOp(')');
  return { items, lparen, rparen: close ? close.start : null, commas };
}

/** Comma-separated expressions up to (not including) `closer`; trailing comma allowed. */
export function parseExprList(p: ParserState, closer: string | null, allowAlias = true): { items: Expr[]; commas: number[] } {
  const items: Expr[] = [];
  const commas: number[] = [];
  if (closer && p.isOp(closer)) return { items, commas };
  if (closer && p.isSync(p.peek()) && !p.isOp(',')) return { items, commas };
  for (;;) {
    const before = p.i;
    items.push(parseExpr(p, 0, allowAlias));
    const comma = p.eatOp(',');
    if (!comma) break;
    commas.push(comma.start);
    if ((closer && p.isOp(closer)) || p.atEnd() || p.isClauseKeyword(p.peek())) break;
    if (p.i === before) break;
  }
  return { items, commas };
}

/** `expr [ASC|DESC] [NULLS FIRST|LAST] [COLLATE 'x'] [WITH FILL …]`, comma-separated. */
export function parseOrderList(p: ParserState): OrderExpr[] {
  const out: OrderExpr[] = [];
  for (;;) {
    const expr = parseExpr(p, 0, true);
    let direction: 'ASC' | 'DESC' = 'ASC';
    const kw = p.peek().keyword;
    if (kw === 'ASC' || kw === 'ASCENDING') p.next();
    else if (kw === 'DESC' || kw === 'DESCENDING') {
      p.next();
      direction = 'DESC';
    }
    let nulls: 'FIRST' | 'LAST' | null = null;
    if (p.eatKw('NULLS')) {
      if (p.eatKw('FIRST')) nulls = 'FIRST';
      else if (p.eatKw('LAST')) nulls = 'LAST';
      else p.errorAtCurrent('Expected `FIRST` or `LAST` after `NULLS`');
    }
    if (p.eatKw('COLLATE') && p.peek().kind === 'string') p.next();
    const withFill = parseWithFill(p);
    out.push({ kind: 'OrderExpr', expr, direction, nulls, withFill, start: expr.start, end: Math.max(expr.end, p.prevEnd()) });
    if (!p.eatOp(',')) break;
    if (p.atEnd() || p.isClauseKeyword(p.peek())) break;
  }
  return out;
}

function parseWithFill(p: ParserState): boolean {
  if (!(p.isKw('WITH') && p.peek(1).text.toUpperCase() === 'FILL')) return false;
  p.next();
  p.next();
  for (const kw of ['FROM', 'TO', 'STEP']) {
    if (p.eatKw(kw)) parseExpr(p, 0, false);
  }
  return true;
}

/** `( [base] [PARTITION BY …] [ORDER BY …] [ROWS|RANGE frame] )` after OVER or WINDOW w AS. */
export function parseWindowSpec(p: ParserState): WindowSpec {
  const start = p.peek().start;
  p.expectOp('(', ' to open the window');
  let base = null;
  if (p.isAnyIdent() && !['PARTITION', 'ORDER', 'ROWS', 'RANGE'].includes(p.peek().keyword ?? '')) base = p.ident(p.next());
  let partitionBy: Expr[] = [];
  let orderBy: OrderExpr[] = [];
  if (p.eatKw('PARTITION')) {
    p.expectKw('BY');
    partitionBy = parseExprList(p, ')').items;
    if (partitionBy.length === 0) p.errorAtCurrent('Expected an expression after `PARTITION BY`', 'expected-expression');
  }
  if (p.eatKw('ORDER')) {
    p.expectKw('BY');
    orderBy = parseOrderList(p);
  }
  let frame: WindowSpec['frame'] = null;
  if (p.isKw('ROWS') || p.isKw('RANGE')) {
    const method = p.next().keyword!;
    if (p.eatKw('BETWEEN')) {
      const s = parseFrameBound(p);
      p.expectKw('AND');
      frame = { method, start: s, end: parseFrameBound(p) };
    } else frame = { method, start: parseFrameBound(p), end: null };
  }
  p.expectOp(')', ' to close the window');
  return { kind: 'WindowSpec', base, partitionBy, orderBy, frame, start, end: p.prevEnd() };
}

function parseFrameBound(p: ParserState): WindowFrameBound {
  const start = p.peek().start;
  if (p.eatKw('CURRENT')) p.expectKw('ROW');
  else {
    // `UNBOUNDED` is a bound only right before PRECEDING/FOLLOWING; else it starts an expression (a name)
    const unbounded = p.isKw('UNBOUNDED') && (p.isKw('PRECEDING', 1) || p.isKw('FOLLOWING', 1));
    if (unbounded) p.next();
    else {
      if (p.isKw('PRECEDING') || p.isKw('FOLLOWING') || p.isOp(')')) p.errorAtCurrent('Expected a window frame bound');
      else parseExpr(p, 0, false);
    }
    if (!p.eatKw('PRECEDING') && !p.eatKw('FOLLOWING')) p.errorAtCurrent('Expected `PRECEDING` or `FOLLOWING`');
  }
  const end = Math.max(start, p.prevEnd());
  return { kind: 'FrameBound', text: p.text.slice(start, end), start, end };
}
