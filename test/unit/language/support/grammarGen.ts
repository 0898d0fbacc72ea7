/**
 * Grammar-based fuzzing: random HogQL statements derived from a hand transcription of PostHog's
 * posthog/hogql/grammar/HogQLParser.g4 (PostHog/posthog commit 019d7b2cb068140e2074e314398c3dce7b87f870,
 * MIT), select part: `selectSetStmt`, `selectStmt` and its clauses, `joinExpr`, `columnExpr`,
 * `windowExpr`, `hogqlxTagElement`. Each alternative has a weight so statements stay realistic; past
 * a depth only the first (leaf) alternative is taken. `coverage` records every alternative reached.
 * Mutations (drop, duplicate or swap a token) turn valid statements into near-misses; PostHog's parser
 * decides which of them are valid.
 */
type Gen = (g: GrammarGen) => string;
type Rule = [weight: number, gen: Gen][];

const IDENTS = ['event', 'timestamp', 'distinct_id', 'properties', 'person_id', 'e', 'x', 'uuid', 'name'];
const TABLES = ['events', 'persons', 'sessions', 'groups', 'person_distinct_ids'];
const FUNCS = ['count', 'sum', 'avg', 'min', 'max', 'toDate', 'lower', 'concat', 'if', 'uniq', 'length'];
const INTERVALS = ['SECOND', 'MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'];
const COMPARE = ['=', '==', '!=', '<', '<=', '>', '>=', 'LIKE', 'NOT LIKE', 'ILIKE', 'IN', 'NOT IN', '~', '=~', '!~', '~*', '=~*', '!~*'];

export const RULES: Record<string, Rule> = {
  selectSetStmt: [[8, (g) => g.r('selectStmt')], [1, (g) => `${g.r('selectStmt')} UNION ALL ${g.r('selectStmt')}`],
    [1, (g) => `${g.r('selectStmt')} INTERSECT (${g.r('selectStmt')})`], [1, (g) => `(${g.r('selectStmt')}) UNION ALL {sub}`]],
  selectStmt: [[1, (g) => ['SELECT', g.opt(0.1, 'DISTINCT'), g.r('columnExprList'), g.opt(0.8, () => `FROM ${g.r('joinExpr')}`),
    g.opt(0.05, () => `${g.pick(['', 'LEFT ', 'INNER '])}ARRAY JOIN ${g.r('columnExpr')} AS arr`), g.opt(0.05, () => `PREWHERE ${g.r('columnExpr')}`),
    g.opt(0.4, () => `WHERE ${g.r('columnExpr')}`), g.opt(0.25, () => `GROUP BY ${g.r('groupBy')}`), g.opt(0.1, () => `HAVING ${g.r('columnExpr')}`),
    g.opt(0.05, () => `WINDOW w AS (${g.r('windowExpr')})`), g.opt(0.3, () => `ORDER BY ${g.r('orderExprList')}`),
    g.opt(0.3, () => g.r('limit'))].filter(Boolean).join(' ')],
    [0.2, (g) => `WITH ${g.r('withExpr')} ${g.r('selectStmt')}`]],
  withExpr: [[1, (g) => `${g.ident()} AS (${g.r('selectStmt')})`], [1, (g) => `${g.r('columnExpr')} AS ${g.ident()}`]],
  groupBy: [[6, (g) => g.r('columnExprList')], [1, (g) => `${g.pick(['CUBE', 'ROLLUP'])}(${g.r('columnExprList')})`],
    [1, (g) => `${g.r('columnExprList')} WITH ${g.pick(['CUBE', 'ROLLUP', 'TOTALS'])}`]],
  limit: [[4, (g) => `LIMIT ${g.num()}`], [1, (g) => `LIMIT ${g.num()}, ${g.num()}`], [1, (g) => `LIMIT ${g.num()} WITH TIES`],
    [1, (g) => `LIMIT ${g.num()} OFFSET ${g.num()}`], [1, (g) => `LIMIT ${g.num()} BY ${g.r('columnExprList')}`], [0.5, (g) => `OFFSET ${g.num()}`]],
  joinExpr: [[5, (g) => g.r('tableExpr')], [2, (g) => `${g.r('tableExpr')} ${g.r('joinOp')}JOIN ${g.r('tableExpr')} ${g.r('joinConstraint')}`],
    [1, (g) => `${g.r('tableExpr')} CROSS JOIN ${g.r('tableExpr')}`], [1, (g) => `${g.r('tableExpr')}, ${g.r('tableExpr')}`],
    [0.3, (g) => `(${g.r('tableExpr')} JOIN ${g.r('tableExpr')} ON 1)`]],
  joinOp: [[3, () => ''], [2, (g) => g.pick(['INNER ', 'LEFT ', 'RIGHT ', 'FULL ', 'LEFT OUTER ', 'ANY LEFT ', 'LEFT ANY ', 'ASOF LEFT ', 'LEFT SEMI ', 'FULL OUTER ALL '])]],
  joinConstraint: [[3, (g) => `ON ${g.r('columnExpr')}`], [1, (g) => `USING (${g.ident()})`], [1, (g) => `USING ${g.ident()}`]],
  tableExpr: [[6, (g) => g.pick(TABLES) + g.opt(0.3, () => ` AS ${g.ident()}`)], [1, (g) => `numbers(${g.num()})`],
    [1, (g) => `(${g.r('selectStmt')})${g.opt(0.5, () => ` ${g.ident()}`)}`], [0.5, () => '{table}'],
    [0.3, () => `<HogQLQuery query='select 1' />`], [0.5, (g) => `${g.pick(TABLES)} FINAL`], [0.5, (g) => `${g.pick(TABLES)} SAMPLE 1/${g.num()}`],
    [0.3, (g) => `${g.pick(TABLES)} PIVOT (count() FOR ${g.ident()} IN ('a', 'b'))`]],
  columnExprList: [[4, (g) => g.r('columnItem')], [3, (g) => `${g.r('columnItem')}, ${g.r('columnItem')}`],
    [1, (g) => `${g.r('columnItem')}, ${g.r('columnItem')}, ${g.r('columnItem')}`]],
  columnItem: [[5, (g) => g.r('columnExpr')], [1, (g) => `${g.r('columnExpr')} AS ${g.ident()}`], [0.5, (g) => `${g.r('columnExpr')} ${g.ident()}`], [0.5, () => '*']],
  columnExpr: [[6, (g) => g.r('columnIdentifier')], [4, (g) => g.r('literal')],
    [2, (g) => `${g.pick(FUNCS)}(${g.opt(0.7, () => g.r('columnExpr'))})`], [1, (g) => `${g.r('columnExpr')} ${g.pick(['+', '-', '*', '/', '%', '||'])} ${g.r('columnExpr')}`],
    [1, (g) => `${g.r('columnExpr')} ${g.pick(COMPARE)} ${g.r('columnExpr')}`], [1, (g) => `${g.r('columnExpr')} ${g.pick(['AND', 'OR'])} ${g.r('columnExpr')}`],
    [0.5, (g) => `NOT ${g.r('columnExpr')}`], [0.5, (g) => `-${g.r('columnExpr')}`], [0.5, (g) => `${g.r('columnExpr')} IS ${g.opt(0.5, 'NOT ')}NULL`],
    [0.5, (g) => `${g.r('columnExpr')} ?? ${g.r('columnExpr')}`], [0.5, (g) => `${g.r('columnExpr')} ${g.opt(0.3, 'NOT ')}BETWEEN ${g.num()} AND ${g.num()}`],
    [0.5, (g) => `${g.r('columnExpr')} ? ${g.r('columnExpr')} : ${g.r('columnExpr')}`], [0.5, (g) => `(${g.r('columnExpr')})`],
    [0.5, (g) => `(${g.r('columnExpr')}, ${g.r('columnExpr')})`], [0.5, (g) => `[${g.opt(0.8, () => g.r('columnExpr'))}]`],
    [0.3, (g) => `{'k': ${g.r('columnExpr')}}`], [0.5, (g) => `${g.r('columnIdentifier')}[${g.r('columnExpr')}]`], [0.3, (g) => `${g.ident()}.1`],
    [0.3, (g) => `${g.ident()}?.${g.ident()}`], [0.5, (g) => `CASE WHEN ${g.r('columnExpr')} THEN ${g.r('columnExpr')} ELSE ${g.r('columnExpr')} END`],
    [0.5, (g) => `CAST(${g.r('columnExpr')} AS ${g.pick(['String', 'Int64', 'Nullable(String)'])})`], [0.5, (g) => `INTERVAL ${g.num()} ${g.pick(INTERVALS)}`],
    [0.3, (g) => `TRIM(${g.pick(['LEADING', 'TRAILING', 'BOTH'])} 'x' FROM ${g.r('columnExpr')})`], [0.5, (g) => `x -> ${g.r('columnExpr')}`],
    [0.3, (g) => `quantile(0.5)(${g.r('columnExpr')})`], [0.3, (g) => `${g.pick(FUNCS)}(${g.ident()}) OVER (${g.r('windowExpr')})`],
    [0.2, () => `count() OVER w`], [0.3, (g) => `(${g.r('selectStmt')})`], [0.3, () => `f'a {event}'`], [0.2, () => `<a href='x'>{event}</a>`],
    [0.3, (g) => `${g.r('columnExpr')} IN COHORT ${g.num()}`], [0.2, (g) => `${g.ident()}::String`]],
  columnIdentifier: [[6, (g) => g.ident()], [2, (g) => `${g.ident()}.${g.ident()}`], [1, (g) => `properties.$${g.ident()}`], [0.5, () => '{placeholder}'],
    [0.5, (g) => `${g.pick(TABLES)}.${g.ident()}`]],
  literal: [[3, (g) => g.num()], [3, () => `'str'`], [1, () => 'NULL'], [1, () => 'true'], [0.5, () => '1.5'], [1, () => '-inf'], [0.3, () => '0x1F'], [0.3, () => '1e3']],
  orderExprList: [[3, (g) => g.r('orderExpr')], [1, (g) => `${g.r('orderExpr')}, ${g.r('orderExpr')}`]],
  orderExpr: [[1, (g) => `${g.r('columnExpr')}${g.opt(0.5, () => ` ${g.pick(['ASC', 'DESC', 'ASCENDING', 'DESCENDING'])}`)}${g.opt(0.1, () => ` NULLS ${g.pick(['FIRST', 'LAST'])}`)}`]],
  windowExpr: [[1, () => ''], [2, (g) => `PARTITION BY ${g.ident()}`], [2, (g) => `ORDER BY ${g.r('orderExprList')}`],
    [3, (g) => `PARTITION BY ${g.ident()} ORDER BY ${g.ident()} ${g.pick(['ROWS', 'RANGE'])} ${g.r('frame')}`]],
  frame: [[1, () => 'UNBOUNDED PRECEDING'], [3, (g) => `BETWEEN ${g.r('bound')} AND ${g.r('bound')}`]],
  bound: [[1, () => 'CURRENT ROW'], [1, () => 'UNBOUNDED PRECEDING'], [1, () => 'UNBOUNDED FOLLOWING'], [1, (g) => `${g.num()} PRECEDING`], [1, (g) => `${g.num()} FOLLOWING`]],
};

export class GrammarGen {
  readonly coverage = new Set<string>();
  private depth = 0;
  private seed: number;

  constructor(seed: number, private readonly maxDepth = 5) {
    this.seed = seed >>> 0 || 1;
  }

  random(): number {
    // mulberry32: small, fast, reproducible from the seed
    let t = (this.seed = (this.seed + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.random() * xs.length)];
  }

  num(): string {
    return String(Math.floor(this.random() * 100));
  }

  ident(): string {
    return this.pick(IDENTS);
  }

  opt(p: number, v: string | (() => string)): string {
    return this.random() < p ? (typeof v === 'string' ? v : v()) : '';
  }

  /** Expands a rule: a weighted alternative, or past the depth limit the first (a leaf). */
  r(name: string): string {
    const alts = RULES[name];
    let index = 0;
    if (this.depth < this.maxDepth) {
      const total = alts.reduce((s, [w]) => s + w, 0);
      let x = this.random() * total;
      while (index < alts.length - 1 && (x -= alts[index][0]) >= 0) index++;
    }
    this.coverage.add(`${name}#${index}`);
    this.depth++;
    try {
      return alts[index][1](this);
    } finally {
      this.depth--;
    }
  }

  statement(): string {
    return this.r('selectSetStmt');
  }

  /** A near-miss: one token dropped, duplicated or swapped with its neighbour. */
  mutate(text: string): string {
    const tokens = text.split(' ');
    const i = Math.floor(this.random() * tokens.length);
    const how = this.random();
    if (how < 0.4) tokens.splice(i, 1);
    else if (how < 0.7) tokens.splice(i, 0, tokens[i]);
    else if (i + 1 < tokens.length) [tokens[i], tokens[i + 1]] = [tokens[i + 1], tokens[i]];
    return tokens.join(' ');
  }
}

/** Every alternative of every rule, as `rule#index`. */
export function allAlternatives(): string[] {
  return Object.entries(RULES).flatMap(([name, alts]) => alts.map((_, i) => `${name}#${i}`));
}

/** `count` statements from `seed`, then `mutations` near-misses of them (same generator). */
export function grammarSample(seed: number, count: number, mutations: number): { statements: string[]; mutants: string[]; coverage: Set<string> } {
  const g = new GrammarGen(seed);
  const statements = Array.from({ length: count }, () => g.statement());
  const mutants = Array.from({ length: mutations }, () => g.mutate(g.pick(statements)));
  return { statements, mutants, coverage: g.coverage };
}
