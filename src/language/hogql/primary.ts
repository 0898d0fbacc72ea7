/**
 * Primary (prefix) expressions: literals, fields, calls, lambdas, parentheses,
 * arrays, placeholders, CASE/CAST/INTERVAL/EXTRACT, f-strings and HogQLX tags.
 */
import type { Call, Constant, Expr, Ident, TemplateString, TypeName } from './ast';
import { BP, parseExpr, parseExprList, parseParenList, parseWindowSpec } from './expressions';
import type { Token } from './lexer';
import { endsOperand, INTERVAL_UNITS, intervalIsName } from './keywordNames';
import { bareLambdaAhead, parseBareLambda, parseLambdaBody } from './lambda';
import type { ParserState } from './parserCore';
import { parseTag } from './tags';


export function parsePrimary(p: ParserState): Expr {
  const t = p.peek();
  switch (t.kind) {
    case 'number':
      p.next();
      return { kind: 'Constant', type: 'number', value: t.text, start: t.start, end: t.end };
    case 'string':
      p.next();
      return stringConstant(p, t);
    case 'templateStart':
      return parseTemplate(p);
    case 'quotedIdent':
      return parseIdentExpr(p);
    case 'ident':
      return parseWord(p);
    case 'op':
      return parseOpPrimary(p, t);
    default:
      return p.errorNode(t.kind === 'unknown' ? `Unexpected character \`${t.text}\`` : 'Expected an expression');
  }
}

export function stringConstant(p: ParserState, t: Token): Constant {
  if (t.unterminated) p.error('Unterminated string literal', t.start, t.end, 'unterminated-string');
  const c: Constant = { kind: 'Constant', type: 'string', value: t.value ?? '', start: t.start, end: t.end };
  if (t.unterminated) c.unterminated = true;
  return c;
}

function parseOpPrimary(p: ParserState, t: Token): Expr {
  switch (t.text) {
    case '(': return parseParen(p);
    case '[': {
      p.next();
      const { items } = parseExprList(p, ']');
      p.expectOp(']', ' to close the array');
      return { kind: 'Array', items, start: t.start, end: p.prevEnd() };
    }
    case '{': return parseBrace(p);
    case '*':
      p.next();
      return { kind: 'Asterisk', table: [], start: t.start, end: t.end };
    case '-': case '+': {
      p.next();
      // HogQLParser.g4: `+` only signs a number literal (numberLiteral); `-` also negates any expression
      if (t.text === '+' && !isNumberAhead(p)) p.errorAtCurrent('Expected a number after unary `+`');
      const expr = parseExpr(p, BP.unary, false);
      if (t.text === '+') return expr;
      return { kind: 'Unary', op: '-', expr, start: t.start, end: expr.end };
    }
    case '<':
      if (p.isAnyIdent(1) && p.peek(1).start === t.end) return parseTag(p);
      return p.errorNode('Expected an expression');
    default:
      return p.errorNode('Expected an expression');
  }
}

function isNumberAhead(p: ParserState): boolean {
  const t = p.peek();
  return t.kind === 'number' || t.keyword === 'INF' || t.keyword === 'INFINITY' || t.keyword === 'NAN';
}

function parseWord(p: ParserState): Expr {
  const t = p.peek();
  const kw = t.keyword;
  const special = kw ? parseKeywordForm(p, t, kw) : null;
  if (special) return special;
  // a keyword where an expression must start is a name (PostHog's `identifier` takes keywords)
  if (!p.identStartsExpr() && !p.isName()) return p.errorNode('Expected an expression');
  // (only a 4- or 5-letter word can be `true`/`false`: no lower-cased copy of every name)
  const lower = t.text.length === 4 || t.text.length === 5 ? t.text.toLowerCase() : '';
  if ((lower === 'true' || lower === 'false') && !p.isOp('.', 1) && !p.isOp('(', 1)) {
    p.next();
    return { kind: 'Constant', type: 'boolean', value: lower === 'true', start: t.start, end: t.end };
  }
  return parseIdentExpr(p);
}

function parseKeywordForm(p: ParserState, t: Token, kw: string): Expr | null {
  const next = p.peek(1);
  switch (kw) {
    case 'NOT': {
      if (endsOperand(p, 1)) return null;
      p.next();
      const expr = parseExpr(p, BP.not, false);
      return { kind: 'Unary', op: 'NOT', expr, start: t.start, end: expr.end };
    }
    case 'NULL':
      p.next();
      return { kind: 'Constant', type: 'null', value: null, start: t.start, end: t.end };
    case 'INF': case 'INFINITY': case 'NAN':
      if (p.isOp('(', 1) || p.isOp('.', 1)) return null;
      p.next();
      return { kind: 'Constant', type: 'number', value: t.text, start: t.start, end: t.end };
    case 'CASE': return parseCase(p);
    case 'TRIM': return next.text === '(' && TRIM_SIDES.has(p.peek(2).keyword ?? '') ? parseTrim(p) : null;
    case 'CAST': return next.text === '(' ? parseCast(p) : null;
    case 'INTERVAL': return startsOperand(next) && !intervalIsName(p) ? parseInterval(p) : null;
    case 'EXTRACT':
      return next.text === '(' && INTERVAL_UNITS.has(p.peek(2).keyword ?? '') && p.isKw('FROM', 3) ? parseExtract(p) : null;
    case 'DATE': case 'TIMESTAMP':
      if (next.kind !== 'string') return null;
      p.next();
      p.next();
      p.error(`\`${kw} '…'\` literals are not supported by HogQL; use \`${kw === 'DATE' ? 'toDate' : 'toDateTime'}('…')\``, t.start, next.end, 'unsupported');
      return {
        kind: 'Cast', expr: stringConstant(p, next), syntax: 'CAST', start: t.start, end: next.end,
        type: { kind: 'TypeName', text: kw === 'DATE' ? 'Date' : 'DateTime', start: t.start, end: t.end },
      };
    default: return null;
  }
}

const TRIM_SIDES = new Set(['LEADING', 'TRAILING', 'BOTH']);

/** `TRIM(LEADING|TRAILING|BOTH string FROM expr)` (HogQLParser.g4 ColumnExprTrim) → `trimLeft(expr, string)` etc. */
function parseTrim(p: ParserState): Expr {
  const t = p.next();
  const open = p.next();
  const side = p.next().keyword!;
  const s = p.peek();
  let chars: Expr;
  if (s.kind === 'string') chars = stringConstant(p, p.next());
  else if (s.kind === 'templateStart') chars = parseTemplate(p);
  else chars = p.errorNode(`Expected a string after \`${side}\``);
  p.expectKw('FROM', ' in TRIM');
  const expr = parseExpr(p, 0, false);
  const close = p.expectOp(')', ' to close TRIM');
  const fn = side === 'LEADING' ? 'trimLeft' : side === 'TRAILING' ? 'trimRight' : 'trim';
  return {
    kind: 'Call', name: { kind: 'Ident', name: fn, quoted: false, start: t.start, end: t.end }, params: null, args: [expr, chars],
    distinct: false, lparen: open.start, rparen: close ? close.start : null, commas: [], over: null, start: t.start, end: p.prevEnd(),
  };
}

function startsOperand(t: Token): boolean {
  if (t.kind === 'number' || t.kind === 'string' || t.kind === 'quotedIdent' || t.kind === 'templateStart') return true;
  if (t.kind === 'op') return t.text === '(' || t.text === '-' || t.text === '{' || t.text === '[';
  return t.kind === 'ident' && !t.keyword;
}

/** Identifier-led expressions: lambda `x -> …`, call `f(…)`, field chain `a.b.c`, `t.*`. */
export function parseIdentExpr(p: ParserState): Expr {
  const arrowAt = bareLambdaAhead(p);
  if (arrowAt) return parseBareLambda(p, arrowAt);
  const first = p.next();
  if (p.isOp('->')) {
    p.next();
    const body = parseLambdaBody(p);
    const params = [p.ident(first)];
    return { kind: 'Lambda', params, body, start: first.start, end: body.end };
  }
  if (p.isOp('(') && first.kind === 'ident') return parseCall(p, p.ident(first));
  const parts: Ident[] = [p.ident(first)];
  while (p.isOp('.')) {
    const next = p.peek(1);
    // `properties. FROM events` (a clause keyword after a space): PostHog reads `properties.from AS events`
    // and accepts it; we report nothing either, but keep the FROM clause so completion after `.` works.
    if (next.kind === 'ident' && next.start > p.peek().end && p.isClauseKeyword(next)) {
      const dot = p.next();
      parts.push({ kind: 'Ident', name: '', quoted: false, start: dot.end, end: dot.end });
      break;
    }
    if (next.kind === 'ident' || next.kind === 'quotedIdent') {
      p.next();
      parts.push(p.ident(p.next()));
    } else if (next.text === '*' && next.kind === 'op') {
      p.next();
      p.next();
      return { kind: 'Asterisk', table: parts, start: first.start, end: p.prevEnd() };
    } else if (next.kind === 'number') break;
    else {
      const dot = p.next();
      p.errorAtCurrent('Expected a name after `.`', 'expected-identifier');
      parts.push({ kind: 'Ident', name: '', quoted: false, start: dot.end, end: dot.end });
      break;
    }
  }
  return { kind: 'Field', parts, start: first.start, end: p.prevEnd() };
}

/** `name(args)`, `name(params)(args)`, `name(DISTINCT …)`, `… OVER (…)` / `OVER w`. */
export function parseCall(p: ParserState, name: Ident): Call {
  let first = parseArgs(p);
  let params: Expr[] | null = null;
  if (p.isOp('(')) {
    params = first.items;
    first = parseArgs(p);
  }
  const call: Call = {
    kind: 'Call', name, params, args: first.items, distinct: first.distinct, lparen: first.lparen,
    rparen: first.rparen, commas: first.commas, over: null, start: name.start, end: p.prevEnd(),
  };
  if (p.isKw('FILTER') && p.isOp('(', 1) && p.isKw('WHERE', 2)) {
    p.i += 3;
    call.filter = parseExpr(p, 0, false);
    p.expectOp(')', ' to close FILTER');
    call.end = p.prevEnd();
  }
  if (p.isKw('OVER')) {
    p.next();
    call.over = p.isOp('(') ? parseWindowSpec(p) : p.expectIdent('a window name after `OVER`');
    call.end = p.prevEnd();
  }
  return call;
}

function parseArgs(p: ParserState): ReturnType<typeof parseParenList> & { distinct: boolean } {
  const open = p.next();
  const distinct = !!p.eatKw('DISTINCT');
  if (p.startsSelect(p)) {
    const query = p.parseSelectSet(p);
    const close = p.expectOp(')');
    const sub: Expr = { kind: 'Subquery', query, closed: !!close, start: query.start, end: query.end };
    return { items: [sub], lparen: open.start, rparen: close ? close.start : null, commas: [], distinct };
  }
  const { items, commas } = parseExprList(p, ')');
  const close = p.expectOp(')', ' to close the argument list');
  return { items, lparen: open.start, rparen: close ? close.start : null, commas, distinct };
}

function lambdaParamsAhead(p: ParserState): number {
  let k = 1;
  if (p.isOp(')', k)) return p.isOp('->', k + 1) ? k + 1 : 0;
  for (;;) {
    if (!p.isAnyIdent(k)) return 0;
    k++;
    if (p.isOp(',', k)) k++;
    if (p.isOp(')', k)) return p.isOp('->', k + 1) ? k + 1 : 0;
    if (p.peek(k).kind === 'eof' || !p.isAnyIdent(k)) return 0;
  }
}

function parseParen(p: ParserState): Expr {
  const open = p.peek();
  if (p.startsSelect(p, 1)) {
    p.next();
    const query = p.parseSelectSet(p);
    const close = p.expectOp(')', ' to close the subquery');
    return { kind: 'Subquery', query, closed: !!close, start: open.start, end: p.prevEnd() };
  }
  const arrow = lambdaParamsAhead(p);
  if (arrow) return parseBareLambda(p, arrow);
  p.next();
  const { items, commas } = parseExprList(p, ')');
  p.expectOp(')');
  if (items.length === 1 && commas.length === 0) return items[0];
  return { kind: 'Tuple', items, start: open.start, end: p.prevEnd() };
}

function parseBrace(p: ParserState): Expr {
  const open = p.next();
  if (p.eatOp('}')) return { kind: 'Dict', entries: [], start: open.start, end: p.prevEnd() };
  const first = parseExpr(p, 0, false);
  if (!p.isOp(':')) {
    p.expectOp('}', ' to close the placeholder');
    return { kind: 'Placeholder', expr: first, start: open.start, end: p.prevEnd() };
  }
  const entries = [];
  let key = first;
  for (;;) {
    p.expectOp(':');
    entries.push({ key, value: parseExpr(p, 0, false) });
    if (!p.eatOp(',') || p.isOp('}')) break;
    key = parseExpr(p, 0, false);
  }
  p.expectOp('}', ' to close the dictionary');
  return { kind: 'Dict', entries, start: open.start, end: p.prevEnd() };
}

function parseCase(p: ParserState): Expr {
  const start = p.next().start;
  // `case when when 1 then …`: the first `when` is the subject (a name)
  const subject = p.isKw('WHEN') && !p.isKw('WHEN', 1) ? null : parseCaseSubject(p);
  const whens: { when: Expr; then: Expr }[] = [];
  while (p.eatKw('WHEN')) {
    const when = parseExpr(p, 0, false);
    p.expectKw('THEN', ' in CASE');
    whens.push({ when, then: parseExpr(p, 0, false) });
  }
  if (whens.length === 0) p.errorAtCurrent('Expected `WHEN` in CASE');
  const otherwise = p.eatKw('ELSE') ? parseExpr(p, 0, false) : null;
  p.expectKw('END', ' to close CASE');
  return { kind: 'Case', subject, whens, otherwise, start, end: p.prevEnd() };
}

/** The subject of `CASE x WHEN …`; in `CASE CASE WHEN …` without a WHEN after the inner CASE, that `case` is a name. */
function parseCaseSubject(p: ParserState): Expr {
  const at = p.i;
  const problems = p.problems.length;
  const subject = parseExpr(p, 0, false);
  if (p.isKw('WHEN') || !p.tokens[at].keyword || p.tokens[at].keyword !== 'CASE') return subject;
  p.i = at;
  p.problems.length = problems;
  const t = p.next();
  return { kind: 'Field', parts: [p.ident(t)], start: t.start, end: t.end };
}

function parseCast(p: ParserState): Expr {
  const start = p.next().start;
  p.next();
  const expr = parseExpr(p, 0, false);
  p.expectKw('AS', ' in CAST');
  const type = parseTypeName(p);
  p.expectOp(')', ' to close CAST');
  return { kind: 'Cast', expr, type, syntax: 'CAST', start, end: p.prevEnd() };
}

/** A type such as `Int64`, `Nullable(String)` or `Array(Tuple(a String))`: kept as text. */
export function parseTypeName(p: ParserState): TypeName {
  const start = p.peek().start;
  if (!p.isAnyIdent()) {
    p.errorAtCurrent('Expected a type name', 'expected-identifier');
    return { kind: 'TypeName', text: '', start, end: start };
  }
  p.next();
  if (p.isOp('(')) {
    let depth = 0;
    do {
      const t = p.next();
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
    } while (depth > 0 && !p.atEnd());
    if (depth > 0) p.errorAtCurrent('Expected `)` to close the type');
  }
  const end = p.prevEnd();
  return { kind: 'TypeName', text: p.text.slice(start, end), start, end };
}

function parseInterval(p: ParserState): Expr {
  const start = p.next().start;
  if (p.peek().kind === 'string' && !INTERVAL_UNITS.has(p.peek(1).keyword ?? '')) {
    const value = stringConstant(p, p.next());
    return { kind: 'Interval', value, unit: null, start, end: value.end };
  }
  const value = parseExpr(p, BP.unary, false);
  const unitTok = p.peek();
  let unit: Ident | null = null;
  if (INTERVAL_UNITS.has(unitTok.keyword ?? '')) unit = p.ident(p.next());
  else p.errorAtCurrent('Expected an interval unit (SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR)');
  return { kind: 'Interval', value, unit, start, end: p.prevEnd() };
}

function parseExtract(p: ParserState): Expr {
  const start = p.next().start;
  p.next();
  const unit = p.ident(p.next());
  p.next();
  const expr = parseExpr(p, 0, false);
  p.expectOp(')', ' to close EXTRACT');
  return { kind: 'Extract', unit, expr, start, end: p.prevEnd() };
}

export function parseTemplate(p: ParserState): TemplateString {
  const open = p.next();
  const parts: Expr[] = [];
  for (;;) {
    const t = p.peek();
    if (t.kind === 'templateText') {
      p.next();
      parts.push({ kind: 'Constant', type: 'string', value: t.value ?? '', start: t.start, end: t.end });
    } else if (t.kind === 'op' && t.text === '{') {
      p.next();
      parts.push(parseExpr(p, 0, false));
      p.expectOp('}', ' in the f-string');
    } else break;
  }
  const close = p.peek().kind === 'templateEnd' ? p.next() : null;
  if (!close) p.error('Unterminated f-string', open.start, p.prevEnd(), 'unterminated-string');
  return { kind: 'TemplateString', parts, unterminated: !close, start: open.start, end: p.prevEnd() };
}
