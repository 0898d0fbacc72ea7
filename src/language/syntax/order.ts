/**
 * Which statements of a document PostHog's parser checks first (issue #21). One worker answers one
 * statement at a time, and a fresh worker's first parse is its slowest (~80–150 ms, PostHog's DFA
 * built from nothing): the statement at the cursor goes first, then those on screen, then the rest,
 * each group in document order, so what the user looks at gets its verdict first. Pure.
 */
import type { Range } from '../hogql/text';

/** Where the user looks: the cursor and the visible ranges of an editor showing the document (offsets). */
export interface Focus {
  cursor?: number;
  visible: readonly Range[];
}

const touches = (r: Range, at: number): boolean => r.start <= at && at <= r.end;
const overlaps = (a: Range, b: Range): boolean => a.start <= b.end && b.start <= a.end;

/** The indexes of `ranges` (statements in document order) in the order they are checked. */
export function checkOrder(ranges: readonly Range[], focus: Focus | undefined): number[] {
  const rank = (r: Range): number => {
    if (!focus) return 2;
    if (focus.cursor !== undefined && touches(r, focus.cursor)) return 0;
    return focus.visible.some((v) => overlaps(r, v)) ? 1 : 2;
  };
  const ranks = ranges.map(rank);
  // a stable sort keeps document order within a rank
  return ranges.map((_, i) => i).sort((a, b) => ranks[a] - ranks[b]);
}
