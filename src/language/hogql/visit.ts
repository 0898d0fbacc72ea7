/**
 * Generic traversal of the syntax tree: children are found structurally (any
 * property holding an object with a `kind`, directly, in arrays, or inside small
 * helper records such as CASE branches), so new node kinds need no walker changes.
 */
import type { Node } from './ast';
import { collectKids } from './kids';

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string';
}

// (`for…in` rather than Object.entries/values: this runs for every node of every check, and the
// [key, value] arrays were a good part of the parser's garbage; primitives are skipped first: most
// properties are numbers, strings and booleans)
/** Appends the nodes held by `value` (a node, an array, a helper record) to `out`. */
export function collectNodes(value: object, out: Node[]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'object' && v !== null) collectNodes(v, out);
    }
  } else if (isNode(value)) {
    out.push(value);
  } else {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const v = record[key];
      if (typeof v === 'object' && v !== null) collectNodes(v, out);
    }
  }
}

/** Direct children of a node, in property order (not sorted); appended to `out`. */
export function collectChildren(node: Node, out: Node[]): Node[] {
  // a node's own `kind`, `start` and `end` are a string and numbers, never children
  const record = node as unknown as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (typeof value === 'object' && value !== null) collectNodes(value, out);
  }
  return out;
}

/** Sorts `kids` by start in place; false when two start at the same offset (their order is then the generic walk's to decide). */
function sortedWithoutTies(kids: Node[]): boolean {
  for (let i = 1; i < kids.length; i++) {
    if (kids[i - 1].start >= kids[i].start) {
      kids.sort((a, b) => a.start - b.start);
      for (let k = 1; k < kids.length; k++) if (kids[k - 1].start === kids[k].start) return false;
      return true;
    }
  }
  return true;
}

/**
 * Direct children of a node, in source order (ties in property order). Read per kind (kids.ts)
 * rather than by enumerating properties: every walk (checks, scopes, outline, hover) does this
 * for every node. Where two children start at the same offset, the generic walk decides their
 * order, so the result is always the same as the generic one's.
 */
export function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  childrenInto(node, out);
  return out;
}

/** `childrenOf` appended to `out`, which must be empty. */
function childrenInto(node: Node, out: Node[]): void {
  if (collectKids(node, out) && sortedWithoutTies(out)) return;
  while (out.length > 0) out.pop();
  collectChildren(node, out);
  for (let i = 1; i < out.length; i++) {
    if (out[i - 1].start > out[i].start) {
      out.sort((a, b) => a.start - b.start);
      break;
    }
  }
}

/**
 * Depth-first pre-order walk. Return `false` from `visit` to skip a node's children.
 */
export function walk(root: Node, visit: (node: Node, parent: Node | null) => boolean | void): void {
  // Two parallel stacks and one array for a node's children, all emptied by `pop` (which keeps an
  // array's storage; `length = 0` drops it): no record and no array per node. Every check walks
  // every node of every statement, and those were most of a first open's garbage (issue #21).
  const nodes: Node[] = [root];
  const parents: (Node | null)[] = [null];
  const kids: Node[] = [];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const parent = parents.pop() ?? null;
    if (visit(node, parent) === false) continue;
    childrenInto(node, kids);
    while (kids.length > 0) {
      nodes.push(kids.pop()!);
      parents.push(node);
    }
  }
}

/**
 * Nodes containing `offset` from `root` down to the innermost one. A node
 * contains the offset when `start <= offset <= end` (end inclusive, so a
 * cursor right after an identifier still finds it); zero-width nodes are skipped.
 */
export function pathAt(root: Node, offset: number): Node[] {
  const path: Node[] = [];
  let current: Node | undefined = root;
  while (current && current.start <= offset && offset <= current.end) {
    path.push(current);
    const kids: Node[] = childrenOf(current).filter((k) => k.end > k.start && k.start <= offset && offset <= k.end);
    current = kids.find((k: Node) => offset < k.end) ?? kids[kids.length - 1];
  }
  return path;
}
