/**
 * The parser's JSON AST (shapes per shared notes hogql-parser.md), loosely typed: every node has
 * a `node` kind and optional `start`/`end` positions whose `offset` counts code points.
 */

export interface Pos {
  line: number;
  column: number;
  offset: number;
}

export interface Node {
  node: string;
  start?: Pos;
  end?: Pos;
  // The parser's nodes carry kind-specific keys; the translator reads them by kind.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [key: string]: any;
}

/** A parse failure as the parser returns it. */
export interface ParseFailure {
  error: true;
  type: 'SyntaxError' | 'ParsingError' | 'NotImplementedError' | string;
  message: string;
  start?: Pos;
  end?: Pos;
}

export function isParseFailure(value: unknown): value is ParseFailure {
  return typeof value === 'object' && value !== null && (value as { error?: unknown }).error === true;
}

/** Code-point span of a node, for error positions. */
export function span(node: Node | null | undefined): { start?: number; end?: number } {
  if (!node || !node.start || !node.end) return {};
  return { start: node.start.offset, end: node.end.offset };
}

/** Integers beyond 2^53 arrive from the parser worker as `{ $bigint: "<digits>" }`. */
export function isBigIntMarker(value: unknown): value is { $bigint: string } {
  return typeof value === 'object' && value !== null && typeof (value as { $bigint?: unknown }).$bigint === 'string';
}

/** Datetime constants made by `{filters}`: `{ $datetime: "YYYY-MM-DD HH:MM:SS.ffffff" }` in UTC. */
export function isDatetimeMarker(value: unknown): value is { $datetime: string } {
  return typeof value === 'object' && value !== null && typeof (value as { $datetime?: unknown }).$datetime === 'string';
}

export function constant(value: unknown): Node {
  return { node: 'Constant', value };
}

export function field(...chain: string[]): Node {
  return { node: 'Field', chain };
}

export function call(name: string, args: Node[]): Node {
  return { node: 'Call', name, args, distinct: false };
}

export function compare(op: string, left: Node, right: Node): Node {
  return { node: 'CompareOperation', op, left, right };
}
