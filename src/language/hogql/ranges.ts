/**
 * Range repair after error recovery (`normalizeRanges`), with each node kind's child properties
 * listed once (`CHILD_KEYS`) rather than found by enumerating every property of every node: this
 * runs on the whole tree of every statement that has a problem, and the generic walk (visit.ts)
 * was most of its time (issue #15's mutant sources). The table is checked by the compiler: each
 * kind must name every property whose type is not a primitive, `true` when it can hold a node,
 * `false` when it cannot (clause marks, operator positions).
 */
import type { Node } from './ast';
import { collectChildren, collectNodes } from './visit';

type Primitive = string | number | boolean;
type KindOf<K extends Node['kind']> = Extract<Node, { kind: K }>;
/** Properties of `N` that can hold an object (a node, an array, a helper record). */
type ObjectKeys<N> = { [P in keyof N]-?: [NonNullable<N[P]>] extends [Primitive] ? never : P }[keyof N];

const CHILD_KEYS: { [K in Node['kind']]: Record<ObjectKeys<KindOf<K>>, boolean> } = {
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

/** Per kind, the properties that can hold a node. */
const NODE_KEYS = new Map<string, readonly string[]>(
  Object.entries(CHILD_KEYS).map(([kind, keys]) => [kind, Object.keys(keys).filter((k) => (keys as Record<string, boolean>)[k])]),
);

/** Appends the direct children of `node` to `out` (the same nodes as visit.ts's `collectChildren`). */
export function collectKids(node: Node, out: Node[]): void {
  const keys = NODE_KEYS.get(node.kind);
  if (keys === undefined) {
    collectChildren(node, out);
    return;
  }
  const record = node as unknown as Record<string, unknown>;
  for (let k = 0; k < keys.length; k++) {
    const v = record[keys[k]];
    if (typeof v !== 'object' || v === null) continue;
    collectNodes(v, out);
  }
}

/**
 * Makes every node range well-formed after error recovery: `start <= end`, and each
 * parent covers its children (recovery can leave a zero-width error node just past
 * its parent's last consumed token).
 */
export function normalizeRanges(root: Node): void {
  // breadth-first, each node's children collected once; then children before parents (reverse order)
  const nodes: Node[] = [root];
  const firstKid: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    firstKid.push(nodes.length);
    collectKids(nodes[i], nodes);
  }
  firstKid.push(nodes.length);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    if (n.end < n.start) n.end = n.start;
    for (let k = firstKid[i]; k < firstKid[i + 1]; k++) {
      const kid = nodes[k];
      if (kid.start < n.start) n.start = kid.start;
      if (kid.end > n.end) n.end = kid.end;
    }
  }
}
