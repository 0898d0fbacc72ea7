/**
 * Lambdas PostHog's grammar takes besides `(a, b) -> body`: a bare parameter list with an optional
 * trailing comma (`a, b -> a + b`, `a, -> a`; HogQLParser.g4 `columnLambdaExpr`) and a Hog block
 * as the body (`x -> { print(x); return x * 2 }`, `block: LBRACE declaration* RBRACE`).
 */
import type { Block, Expr, Ident, Lambda } from './ast';
import { parseExpr } from './expressions';
import type { ParserState } from './parserCore';

/**
 * At a name followed by `,`: the offset of the `->` that ends a bare parameter list
 * `a, b, ->`, or 0. A failed scan is remembered so a long list of names is scanned once.
 */
export function bareLambdaAhead(p: ParserState): number {
  if (!p.isOp(',', 1) || p.i < p.noLambdaBefore) return 0;
  let k = 0;
  for (;;) {
    if (!p.isName(k)) break;
    k++;
    if (p.isOp('->', k)) return k;
    if (!p.isOp(',', k)) break;
    k++;
    if (p.isOp('->', k)) return k;
  }
  p.noLambdaBefore = p.i + k;
  return 0;
}

/**
 * Parses a lambda whose `->` is at offset `arrowAt` from the cursor: the names before it are the
 * parameters (`a, b, -> body`, or `(a, b) -> body` with the parentheses skipped).
 */
export function parseBareLambda(p: ParserState, arrowAt: number): Lambda {
  const start = p.peek().start;
  const params: Ident[] = [];
  for (let k = 0; k < arrowAt; k++) {
    const t = p.next();
    if (t.kind === 'ident' || t.kind === 'quotedIdent') params.push(p.ident(t));
  }
  p.next();
  const body = parseLambdaBody(p);
  return { kind: 'Lambda', params, body, start, end: body.end };
}

/** A lambda's body: an expression, or a block where `{…}` is neither a placeholder nor a dictionary. */
export function parseLambdaBody(p: ParserState): Expr {
  if (!p.isOp('{')) return parseExpr(p, 0, false);
  const at = p.i;
  const problems = p.problems.length;
  const expr = parseExpr(p, 0, false);
  if (p.problems.length === problems) return expr;
  p.i = at;
  p.problems.length = problems;
  return parseBlock(p);
}

const STATEMENT_WORDS = new Set(['RETURN', 'THROW']);

/** `{ declaration* }`: `let x := e`, `return e`, `throw e`, `a := e`, expressions, `;`, nested blocks. */
function parseBlock(p: ParserState): Block {
  const start = p.next().start;
  const statements: Expr[] = [];
  while (!p.atEnd() && !p.isOp('}')) {
    const before = p.i;
    if (p.eatOp(';')) continue;
    if (p.isOp('{')) statements.push(parseBlock(p));
    else statements.push(parseBlockStatement(p));
    if (p.i === before) p.next();
  }
  p.expectOp('}', ' to close the block');
  return { kind: 'Block', statements, start, end: p.prevEnd() };
}

function parseBlockStatement(p: ParserState): Expr {
  const kw = p.peek().keyword;
  if (kw === 'LET') {
    p.next();
    const name = p.expectIdent('a variable name after `let`');
    if (!p.eatOp(':=')) return name;
    return parseExpr(p, 0, false);
  }
  if (kw && STATEMENT_WORDS.has(kw)) {
    const t = p.next();
    if (p.isOp(';') || p.isOp('}')) return { kind: 'Ident', name: '', quoted: false, start: t.end, end: t.end };
  }
  const expr = parseExpr(p, 0, false);
  if (p.eatOp(':=')) return parseExpr(p, 0, false);
  return expr;
}
