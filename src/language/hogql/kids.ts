/**
 * The direct children of each node kind, read by plain property reads in a switch: what the range
 * repair (ranges.ts) and the tree walks (visit.ts) need on every node, without enumerating every
 * property of every node (`for…in` over ~40 object shapes) or reading them by computed keys.
 * `CHILD_KEYS` lists each kind's child properties once and is checked by the compiler: each kind
 * must name every property whose type is not a primitive, `true` when it can hold a node, `false`
 * when it cannot (clause marks, operator positions); test/unit/language/ranges.test.ts checks the
 * switch against that table and against the generic walk.
 */
import type { Node, SelectQuery } from './ast';

type Primitive = string | number | boolean;
type KindOf<K extends Node['kind']> = Extract<Node, { kind: K }>;
/** Properties of `N` that can hold an object (a node, an array, a helper record). */
type ObjectKeys<N> = { [P in keyof N]-?: [NonNullable<N[P]>] extends [Primitive] ? never : P }[keyof N];

export const CHILD_KEYS: { [K in Node['kind']]: Record<ObjectKeys<KindOf<K>>, boolean> } = {
  Block: { statements: true },
  Ident: {},
  Error: {},
  Constant: {},
  Field: { parts: true },
  Asterisk: { table: true },
  Placeholder: { expr: true },
  Call: { name: true, params: true, args: true, commas: false, over: true, filter: true },
  ExprCall: { callee: true, args: true },
  Binary: { left: true, right: true },
  Unary: { expr: true },
  Between: { expr: true, low: true, high: true },
  IsNull: { expr: true },
  Ternary: { cond: true, then: true, otherwise: true },
  Case: { subject: true, whens: true, otherwise: true },
  TypeName: {},
  Cast: { expr: true, type: true },
  Interval: { value: true, unit: true },
  Extract: { unit: true, expr: true },
  Alias: { expr: true, alias: true },
  Array: { items: true },
  Tuple: { items: true },
  Dict: { entries: true },
  ArrayAccess: { array: true, index: true },
  ArraySlice: { array: true, from: true, to: true },
  TupleAccess: { tuple: true },
  Member: { object: true, name: true },
  Lambda: { params: true, body: true },
  Subquery: { query: true },
  TemplateString: { parts: true },
  Tag: { name: true, attributes: true, children: true },
  FrameBound: {},
  WindowSpec: { base: true, partitionBy: true, orderBy: true, frame: true },
  OrderExpr: { expr: true },
  Cte: { name: true, expr: true },
  JoinItem: { table: true, alias: true, sample: true, constraint: true, pivot: true },
  TableRef: { parts: true },
  ArrayJoin: { exprs: true },
  Limit: { limit: true, offset: true, by: true },
  SelectQuery: {
    ctes: true, items: true, from: true, arrayJoin: true, prewhere: true, where: true, groupBy: true, having: true,
    qualify: true, windows: true, orderBy: true, limits: true, offset: true, settings: true, clauses: false,
  },
  SelectSet: { ctes: true, selects: true, operators: false },
  ParenSelect: { query: true },
};

function pushAll(items: readonly Node[], out: Node[]): void {
  for (let i = 0; i < items.length; i++) out.push(items[i]);
}

function pushSome(node: Node | null | undefined, out: Node[]): void {
  if (node) out.push(node);
}

/** Kinds with no child at all (the leaves) and the common expression kinds, by direct property reads. */
function exprKids(node: Node, out: Node[]): boolean {
  switch (node.kind) {
    case 'Ident': case 'Constant': case 'Error': case 'TypeName': case 'FrameBound': return true;
    case 'Field': case 'TableRef': pushAll(node.parts, out); return true;
    case 'Call':
      out.push(node.name);
      if (node.params) pushAll(node.params, out);
      pushAll(node.args, out);
      pushSome(node.over, out);
      pushSome(node.filter, out);
      return true;
    case 'Binary': out.push(node.left, node.right); return true;
    case 'Alias': out.push(node.expr, node.alias); return true;
    case 'Asterisk': pushAll(node.table, out); return true;
    case 'Placeholder': case 'Unary': case 'IsNull': case 'OrderExpr': out.push(node.expr); return true;
    case 'Between': out.push(node.expr, node.low, node.high); return true;
    case 'Array': case 'Tuple': pushAll(node.items, out); return true;
    case 'Member': out.push(node.object, node.name); return true;
    case 'ArrayAccess': out.push(node.array, node.index); return true;
    case 'Subquery': case 'ParenSelect': out.push(node.query); return true;
    case 'Cast': out.push(node.expr, node.type); return true;
    case 'Interval': out.push(node.value); pushSome(node.unit, out); return true;
    case 'Lambda': pushAll(node.params, out); out.push(node.body); return true;
    case 'TemplateString': pushAll(node.parts, out); return true;
    case 'Block': pushAll(node.statements, out); return true;
    case 'Cte': out.push(node.name, node.expr); return true;
    default: return false;
  }
}

/** The other kinds: clauses, helper records (CASE branches, dict entries, tag attributes, frames). */
function otherKids(node: Node, out: Node[]): boolean {
  switch (node.kind) {
    case 'SelectQuery': selectKids(node, out); return true;
    case 'SelectSet': pushAll(node.ctes, out); pushAll(node.selects, out); return true;
    case 'JoinItem':
      out.push(node.table);
      pushSome(node.alias, out);
      pushSome(node.sample, out);
      if (node.constraint) pushAll(node.constraint.exprs, out);
      if (node.pivot) pushAll(node.pivot.exprs, out);
      return true;
    case 'Limit': out.push(node.limit); pushSome(node.offset, out); if (node.by) pushAll(node.by, out); return true;
    case 'ArrayJoin': pushAll(node.exprs, out); return true;
    case 'ExprCall': out.push(node.callee); pushAll(node.args, out); return true;
    case 'Ternary': out.push(node.cond, node.then, node.otherwise); return true;
    case 'Case':
      pushSome(node.subject, out);
      for (const w of node.whens) out.push(w.when, w.then);
      pushSome(node.otherwise, out);
      return true;
    case 'Extract': out.push(node.unit, node.expr); return true;
    case 'Dict': for (const e of node.entries) out.push(e.key, e.value); return true;
    case 'ArraySlice': out.push(node.array); pushSome(node.from, out); pushSome(node.to, out); return true;
    case 'TupleAccess': out.push(node.tuple); return true;
    case 'Tag':
      out.push(node.name);
      for (const a of node.attributes) { out.push(a.name); pushSome(a.value, out); }
      pushAll(node.children, out);
      return true;
    case 'WindowSpec':
      pushSome(node.base, out);
      pushAll(node.partitionBy, out);
      pushAll(node.orderBy, out);
      if (node.frame) { out.push(node.frame.start); pushSome(node.frame.end, out); }
      return true;
    default: return false; // a kind added to ast.ts but not here
  }
}

function selectKids(q: SelectQuery, out: Node[]): void {
  pushAll(q.ctes, out);
  pushAll(q.items, out);
  pushAll(q.from, out);
  pushSome(q.arrayJoin, out);
  pushSome(q.prewhere, out);
  pushSome(q.where, out);
  if (q.groupBy) pushAll(q.groupBy, out);
  pushSome(q.having, out);
  pushSome(q.qualify, out);
  for (const w of q.windows) out.push(w.name, w.spec);
  if (q.orderBy) pushAll(q.orderBy, out);
  pushAll(q.limits, out);
  pushSome(q.offset, out);
  pushAll(q.settings, out);
}

/**
 * Appends the direct children of `node` to `out` (the same nodes as visit.ts's `collectChildren`,
 * not necessarily in property order); false, with nothing appended, for a kind not listed here.
 */
export function collectKids(node: Node, out: Node[]): boolean {
  return exprKids(node, out) || otherKids(node, out);
}
