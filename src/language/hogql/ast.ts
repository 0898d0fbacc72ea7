/**
 * Syntax tree of our own HogQL parser. Every node has exact UTF-16 `start`/`end`
 * offsets (half-open) into the text that was parsed. Incomplete input yields
 * `Error` nodes in place of what was missing.
 */

export interface NodeBase {
  start: number;
  end: number;
}

export interface Ident extends NodeBase {
  kind: 'Ident';
  name: string;
  quoted: boolean;
}

export interface ErrorNode extends NodeBase {
  kind: 'Error';
  message: string;
}

export interface Constant extends NodeBase {
  kind: 'Constant';
  type: 'number' | 'string' | 'boolean' | 'null';
  /** Numbers keep their source text (no precision loss); strings are unescaped. */
  value: string | boolean | null;
  unterminated?: boolean;
}

/** `a`, `t.col`, `properties.$browser`, `person.properties.email`. */
export interface Field extends NodeBase {
  kind: 'Field';
  parts: Ident[];
}

/** `*` or `t.*`. */
export interface Asterisk extends NodeBase {
  kind: 'Asterisk';
  table: Ident[];
}

export interface Placeholder extends NodeBase {
  kind: 'Placeholder';
  expr: Expr;
}

export interface Call extends NodeBase {
  kind: 'Call';
  name: Ident;
  /** `quantile(0.5)(x)`: params are `[0.5]`, args `[x]`. */
  params: Expr[] | null;
  args: Expr[];
  distinct: boolean;
  /** Offsets of the `(` and `)` around `args` (`rparen` null when missing). */
  lparen: number;
  rparen: number | null;
  /** Offsets of the top-level commas between args. */
  commas: number[];
  over: WindowSpec | Ident | null;
  /** `FILTER (WHERE …)` after the arguments. */
  filter?: Expr | null;
}

/** Calling an expression: `(x -> x)(1)`. */
export interface ExprCall extends NodeBase {
  kind: 'ExprCall';
  callee: Expr;
  args: Expr[];
}

export interface Binary extends NodeBase {
  kind: 'Binary';
  /** Uppercased for keyword operators: `AND`, `OR`, `IN`, `NOT IN`, `IN COHORT`, `LIKE`, … */
  op: string;
  left: Expr;
  right: Expr;
}

export interface Unary extends NodeBase {
  kind: 'Unary';
  op: '-' | 'NOT';
  expr: Expr;
}

export interface Between extends NodeBase {
  kind: 'Between';
  expr: Expr;
  low: Expr;
  high: Expr;
  negated: boolean;
}

export interface IsNull extends NodeBase {
  kind: 'IsNull';
  expr: Expr;
  negated: boolean;
}

export interface Ternary extends NodeBase {
  kind: 'Ternary';
  cond: Expr;
  then: Expr;
  otherwise: Expr;
}

export interface Case extends NodeBase {
  kind: 'Case';
  subject: Expr | null;
  whens: { when: Expr; then: Expr }[];
  otherwise: Expr | null;
}

export interface TypeName extends NodeBase {
  kind: 'TypeName';
  /** Source text of the type, e.g. `Nullable(String)`. */
  text: string;
}

export interface Cast extends NodeBase {
  kind: 'Cast';
  expr: Expr;
  type: TypeName;
  syntax: 'CAST' | '::';
}

export interface Interval extends NodeBase {
  kind: 'Interval';
  value: Expr;
  unit: Ident | null;
}

export interface Extract extends NodeBase {
  kind: 'Extract';
  unit: Ident;
  expr: Expr;
}

export interface Alias extends NodeBase {
  kind: 'Alias';
  expr: Expr;
  alias: Ident;
  /** True when written without AS (`count() c`). */
  bare: boolean;
}

export interface ArrayLit extends NodeBase {
  kind: 'Array';
  items: Expr[];
}

export interface Tuple extends NodeBase {
  kind: 'Tuple';
  items: Expr[];
}

export interface Dict extends NodeBase {
  kind: 'Dict';
  entries: { key: Expr; value: Expr }[];
}

/** `a[1]`, `properties['x']`, `a?.[1]`. */
export interface ArrayAccess extends NodeBase {
  kind: 'ArrayAccess';
  array: Expr;
  index: Expr;
  nullish: boolean;
}

/** `a[1:2]`. */
export interface ArraySlice extends NodeBase {
  kind: 'ArraySlice';
  array: Expr;
  from: Expr | null;
  to: Expr | null;
}

/** `a.1`, `a?.1`. */
export interface TupleAccess extends NodeBase {
  kind: 'TupleAccess';
  tuple: Expr;
  index: number;
  nullish: boolean;
}

/** `expr.name` / `expr?.name` where expr is not a plain field chain. */
export interface Member extends NodeBase {
  kind: 'Member';
  object: Expr;
  name: Ident;
  nullish: boolean;
}

export interface Lambda extends NodeBase {
  kind: 'Lambda';
  params: Ident[];
  body: Expr;
}

export interface Subquery extends NodeBase {
  kind: 'Subquery';
  query: SelectLike;
  /** False when the closing `)` is missing. */
  closed: boolean;
}

export interface TemplateString extends NodeBase {
  kind: 'TemplateString';
  parts: Expr[];
  unterminated: boolean;
}

export interface Tag extends NodeBase {
  kind: 'Tag';
  name: Ident;
  attributes: { name: Ident; value: Expr | null }[];
  children: Expr[];
}

/** A Hog code block as a lambda body, `x -> { let y := x; return y * 2 }` (HogQLParser.g4 `block`). */
export interface Block extends NodeBase {
  kind: 'Block';
  statements: Expr[];
}

export type Expr =
  | Block | Ident | ErrorNode | Constant | Field | Asterisk | Placeholder | Call | ExprCall | Binary | Unary
  | Between | IsNull | Ternary | Case | Cast | Interval | Extract | Alias | ArrayLit | Tuple | Dict
  | ArrayAccess | ArraySlice | TupleAccess | Member | Lambda | Subquery | TemplateString | Tag;

export interface WindowFrameBound extends NodeBase {
  kind: 'FrameBound';
  text: string;
}

export interface WindowSpec extends NodeBase {
  kind: 'WindowSpec';
  base: Ident | null;
  partitionBy: Expr[];
  orderBy: OrderExpr[];
  frame: { method: string; start: WindowFrameBound; end: WindowFrameBound | null } | null;
}

export interface OrderExpr extends NodeBase {
  kind: 'OrderExpr';
  expr: Expr;
  direction: 'ASC' | 'DESC';
  nulls: 'FIRST' | 'LAST' | null;
  withFill: boolean;
}

export interface Cte extends NodeBase {
  kind: 'Cte';
  name: Ident;
  /** `name AS (select …)` is 'subquery'; `expr AS name` is 'column'. */
  cteKind: 'subquery' | 'column';
  expr: Expr;
}

/** One table in FROM: the first has `joinType` null; `FROM a, b` gives `CROSS JOIN`. */
export interface JoinItem extends NodeBase {
  kind: 'JoinItem';
  joinType: string | null;
  table: TableExpr;
  alias: Ident | null;
  final: boolean;
  sample: Expr | null;
  constraint: { type: 'ON' | 'USING'; exprs: Expr[] } | null;
  /** `PIVOT (…)` / `UNPIVOT (…)` applied to the table: what PostHog reads as a PivotExpr/UnpivotExpr. */
  pivot?: { op: 'PIVOT' | 'UNPIVOT'; exprs: Expr[] } | null;
}

/** A table name (`events`, `db.t`), table function, subquery, placeholder or tag. */
export type TableExpr = TableRef | Call | Subquery | Placeholder | Tag | ErrorNode;

export interface TableRef extends NodeBase {
  kind: 'TableRef';
  parts: Ident[];
}

export interface ArrayJoin extends NodeBase {
  kind: 'ArrayJoin';
  op: string;
  exprs: Expr[];
}

export interface LimitClause extends NodeBase {
  kind: 'Limit';
  limit: Expr;
  offset: Expr | null;
  /** `LIMIT n BY a, b`. */
  by: Expr[] | null;
  withTies: boolean;
}

/** Where a clause keyword sits, for completion and outline. */
export interface ClauseMark {
  name: string;
  start: number;
  end: number;
}

export interface SelectQuery extends NodeBase {
  kind: 'SelectQuery';
  ctes: Cte[];
  distinct: boolean;
  items: Expr[];
  from: JoinItem[];
  arrayJoin: ArrayJoin | null;
  prewhere: Expr | null;
  where: Expr | null;
  groupBy: Expr[] | null;
  groupByMode: string | null;
  having: Expr | null;
  qualify: Expr | null;
  windows: { name: Ident; spec: WindowSpec }[];
  orderBy: OrderExpr[] | null;
  limits: LimitClause[];
  /** A standalone `OFFSET n` clause. */
  offset: Expr | null;
  settings: Expr[];
  clauses: ClauseMark[];
}

/** Set operations: `a UNION ALL b EXCEPT c`. */
export interface SelectSet extends NodeBase {
  kind: 'SelectSet';
  ctes: Cte[];
  selects: SelectLike[];
  operators: { op: string; start: number; end: number }[];
}

/** A parenthesised select inside a set operation or statement. */
export interface ParenSelect extends NodeBase {
  kind: 'ParenSelect';
  query: SelectLike;
  closed: boolean;
}

export type SelectLike = SelectQuery | SelectSet | ParenSelect | Placeholder | Tag | ErrorNode;

export type Node =
  | Expr | SelectLike | Cte | JoinItem | TableRef | ArrayJoin | LimitClause | OrderExpr | WindowSpec
  | WindowFrameBound | TypeName;

export interface Problem {
  message: string;
  start: number;
  end: number;
  severity: 'error' | 'warning';
  /** Stable id for code actions / filtering. */
  code: string;
  /** Replacement text for the range (a "did you mean" quick fix). */
  fix?: string;
}
