/**
 * Token cursor and error bookkeeping shared by the expression and select parsers.
 */
import type { ErrorNode, Ident, Problem, SelectLike } from './ast';
import type { Token } from './lexer';

/** Keywords that never start an expression (they end or structure one). */
const HARD_RESERVED = new Set([
  'SELECT', 'FROM', 'WHERE', 'PREWHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'UNION', 'EXCEPT',
  'INTERSECT', 'WINDOW', 'QUALIFY', 'JOIN', 'ON', 'USING', 'SETTINGS', 'THEN', 'ELSE', 'END', 'WHEN',
  'AS', 'BY', 'AND', 'OR', 'IN', 'IS', 'LIKE', 'ILIKE', 'BETWEEN', 'OVER', 'OFFSET', 'WITH',
]);

/** Keywords that start an expression only as a function name (`left(s, 2)`, `any(x)`). */
const SOFT_RESERVED = new Set([
  'LEFT', 'RIGHT', 'INNER', 'FULL', 'CROSS', 'ARRAY', 'ANY', 'ALL', 'SEMI', 'ANTI', 'ASOF', 'SAMPLE',
  'FINAL', 'ASC', 'DESC', 'ASCENDING', 'DESCENDING', 'NULLS', 'OUTER', 'GLOBAL', 'TOTALS', 'ROLLUP', 'CUBE',
]);

/** Keywords that may be used as a bare table alias (besides plain identifiers): HogQLParser.g4 `keywordForAlias`. */
const ALIAS_KEYWORDS = new Set(['DATE', 'FIRST', 'ID', 'KEY']);

/** Keywords that may be a bare column alias: HogQLParser.g4 `keywordForImplicitAlias` (our lexer's ASC is its ASCENDING). */
const IMPLICIT_ALIAS_KEYWORDS = new Set(['ASC', 'ASCENDING', 'COHORT', 'DATE', 'DESCENDING', 'FINAL', 'ID', 'RETURN', 'TOP', 'TOTALS']);

/**
 * Our keywords that PostHog never reads as a name: the literals, and words outside HogQLParser.g4's
 * `keyword` rule (`identifier: IDENTIFIER | interval | keyword`); every other keyword is a name
 * wherever the grammar finds no other reading (`select select`, `from from t`). Probed on
 * @posthog/hogql-parser 1.3.87 (`select a.<word>`).
 */
const NEVER_NAMES = new Set([
  'NULL', 'INF', 'INFINITY', 'NAN', 'CATCH', 'EXCEPT', 'FINALLY', 'FN', 'FUN', 'INTERSECT', 'LET', 'MATERIALIZED',
  'THROW', 'TRY', 'WHILE', 'WITHIN',
]);

/** Tokens at which error recovery stops skipping. */
const CLAUSE_KEYWORDS = new Set([
  'SELECT', 'FROM', 'WHERE', 'PREWHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'UNION', 'EXCEPT',
  'INTERSECT', 'WINDOW', 'QUALIFY', 'SETTINGS', 'JOIN', 'ON', 'USING', 'LEFT', 'RIGHT', 'INNER', 'FULL', 'CROSS',
  'ARRAY', 'WITH',
]);

/** Source: PostHog posthog/hogql/parser.py and the parser's error messages (checked against @posthog/hogql-parser 1.3.87). */
const RESERVED_ALIASES = new Set(['true', 'false', 'team_id']);
const LITERAL_WORDS = new Set(['null', 'inf', 'infinity', 'nan']);
const LONGEST_RESERVED_ALIAS = Math.max(...[...RESERVED_ALIASES, ...LITERAL_WORDS].map((w) => w.length));

export const MAX_DEPTH = 400;

export class ParserState {
  i = 0;
  depth = 0;
  /** Token index before which no bare lambda parameter list starts (see lambda.ts). */
  noLambdaBefore = 0;
  readonly problems: Problem[] = [];
  /**
   * Set by a problem reported at or after the end of the last consumed token (where recovery builds
   * zero-width nodes past their parent's end): only then can the tree need normalizeRanges. Problems on
   * consumed tokens (reserved alias, unsupported literal, join type, …) and unexpected tokens (skipped
   * inside the node being parsed, no node built for them) leave node ranges well-formed.
   */
  rangesDirty = false;
  /** Set by the select parser so expressions can parse subqueries without an import cycle. */
  parseSelectSet!: (p: ParserState) => SelectLike;
  /** True when the input looks like the start of a select (`SELECT`, `WITH`, or `(`… then one). */
  startsSelect!: (p: ParserState, k?: number) => boolean;

  constructor(readonly text: string, readonly tokens: readonly Token[]) {}

  peek(k = 0): Token {
    const idx = Math.min(this.i + k, this.tokens.length - 1);
    return this.tokens[idx];
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  isAtEnd(k: number): boolean {
    return this.peek(k).kind === 'eof';
  }

  /** End offset of the last consumed token (or the start of the current one at the beginning). */
  prevEnd(): number {
    return this.i > 0 ? this.tokens[this.i - 1].end : this.peek().start;
  }

  isOp(text: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'op' && t.text === text;
  }

  isKw(kw: string, k = 0): boolean {
    return this.peek(k).keyword === kw;
  }

  eatOp(text: string): Token | null {
    return this.isOp(text) ? this.next() : null;
  }

  eatKw(kw: string): Token | null {
    return this.isKw(kw) ? this.next() : null;
  }

  /** Consumes `text` or records "Expected `text`" at the current token. */
  expectOp(text: string, context = ''): Token | null {
    const t = this.eatOp(text);
    if (!t) this.errorAtCurrent(`Expected \`${text}\`${context}`, 'expected-token');
    return t;
  }

  expectKw(kw: string, context = ''): Token | null {
    const t = this.eatKw(kw);
    if (!t) this.errorAtCurrent(`Expected \`${kw}\`${context}`, 'expected-token');
    return t;
  }

  error(message: string, start: number, end: number, code = 'syntax'): void {
    if (code !== 'unexpected-token' && start >= this.prevEnd()) this.rangesDirty = true;
    if (this.repeatsLastError(start)) return;
    this.problems.push({ message, start, end, severity: 'error', code });
  }

  /** True when an error at `start` would be dropped: the last problem is an error at the same offset. */
  private repeatsLastError(start: number): boolean {
    const last = this.problems[this.problems.length - 1];
    return last !== undefined && last.start === start && last.severity === 'error';
  }

  /** Error at the current token, mentioning what was found. */
  errorAtCurrent(message: string, code = 'syntax'): void {
    const t = this.peek();
    this.rangesDirty = true;
    // recovery often reports again where it already has: no message built only to be dropped
    if (this.repeatsLastError(t.start)) return;
    const found = t.kind === 'eof' ? 'end of input' : `\`${t.text.length > 30 ? t.text.slice(0, 30) + '…' : t.text}\``;
    this.error(`${message}, found ${found}`, t.start, t.end, code);
  }

  /**
   * An error node where an expression was expected. Consumes the current token
   * unless it is a recovery point (end, closing bracket, comma, clause keyword).
   */
  errorNode(message: string): ErrorNode {
    const t = this.peek();
    this.errorAtCurrent(message, 'expected-expression');
    if (this.isSync(t)) return { kind: 'Error', message, start: t.start, end: t.start };
    this.next();
    return { kind: 'Error', message, start: t.start, end: t.end };
  }

  isSync(t: Token): boolean {
    if (t.kind === 'eof') return true;
    if (t.kind === 'op') return t.text === ')' || t.text === ']' || t.text === '}' || t.text === ',' || t.text === ';';
    return t.kind === 'ident' && t.keyword !== undefined && CLAUSE_KEYWORDS.has(t.keyword);
  }

  isClauseKeyword(t: Token): boolean {
    return t.kind === 'ident' && t.keyword !== undefined && CLAUSE_KEYWORDS.has(t.keyword);
  }

  /** Can the token at `k` be used as an identifier where an expression starts? */
  identStartsExpr(k = 0): boolean {
    const t = this.peek(k);
    if (t.kind === 'quotedIdent') return true;
    if (t.kind !== 'ident') return false;
    if (!t.keyword) return true;
    if (HARD_RESERVED.has(t.keyword)) return false;
    if (SOFT_RESERVED.has(t.keyword)) return this.isOp('(', k + 1);
    return true;
  }

  /** Can the current token be a bare (AS-less) table alias? */
  isBareAlias(k = 0): boolean {
    const t = this.peek(k);
    if (t.kind === 'quotedIdent') return true;
    return t.kind === 'ident' && (!t.keyword || ALIAS_KEYWORDS.has(t.keyword));
  }

  /** Can the token at `k` be a select item's implicit (AS-less) alias? */
  isImplicitAlias(k = 0): boolean {
    const t = this.peek(k);
    if (t.kind === 'quotedIdent') return true;
    return t.kind === 'ident' && (!t.keyword || IMPLICIT_ALIAS_KEYWORDS.has(t.keyword));
  }

  /** Can the token at `k` be a name (PostHog's `identifier`: keywords included, literals not)? */
  isName(k = 0): boolean {
    const t = this.peek(k);
    if (t.kind === 'quotedIdent') return true;
    return t.kind === 'ident' && (!t.keyword || !NEVER_NAMES.has(t.keyword));
  }

  /** Any identifier-like token (keywords included): after `.`, in AS aliases, CTE names. */
  isAnyIdent(k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'ident' || t.kind === 'quotedIdent';
  }

  /**
   * Reports an alias PostHog refuses: `true`, `false`, `team_id` ("cannot be an alias or identifier, as
   * it's a reserved keyword") and the literals `null`, `inf`, `infinity`, `nan` (no viable alternative).
   */
  checkAlias(alias: Ident): void {
    if (alias.quoted || !alias.name || alias.name.length > LONGEST_RESERVED_ALIAS) return;
    const lower = alias.name.toLowerCase();
    if (RESERVED_ALIASES.has(lower)) {
      this.error(`"${alias.name}" cannot be an alias or identifier, as it's a reserved keyword`, alias.start, alias.end, 'reserved-alias');
    } else if (LITERAL_WORDS.has(lower)) this.error(`\`${alias.name}\` cannot be an alias`, alias.start, alias.end, 'reserved-alias');
  }

  ident(t: Token): Ident {
    return { kind: 'Ident', name: t.value ?? t.text, quoted: t.kind === 'quotedIdent', start: t.start, end: t.end };
  }

  /** Consumes an identifier (keywords allowed) or records an error and returns an empty one. */
  expectIdent(what: string): Ident {
    if (this.isAnyIdent()) return this.ident(this.next());
    this.errorAtCurrent(`Expected ${what}`, 'expected-identifier');
    const at = this.peek().start;
    return { kind: 'Ident', name: '', quoted: false, start: at, end: at };
  }

  /** Skips tokens up to a recovery point at bracket depth 0; returns whether anything was skipped. */
  skipToSync(stopAtComma = false): boolean {
    const from = this.i;
    let depth = 0;
    while (!this.atEnd()) {
      const t = this.peek();
      if (t.kind === 'op' && (t.text === '(' || t.text === '[' || t.text === '{')) depth++;
      else if (t.kind === 'op' && (t.text === ')' || t.text === ']' || t.text === '}')) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (this.isClauseKeyword(t) || t.text === ';' || (stopAtComma && t.text === ','))) break;
      this.next();
    }
    return this.i > from;
  }
}
