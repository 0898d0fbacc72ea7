/**
 * Range repair after error recovery (`normalizeRanges`). It runs on the whole tree of every
 * statement that has a problem (issue #15's mutant sources), so each node kind's children are read
 * by kids.ts's switch, not by enumerating properties (visit.ts's generic walk) nor by computed keys.
 */
import type { Node } from './ast';
import { collectKids } from './kids';
import { collectChildren } from './visit';

// reused between calls (the parser is synchronous); emptied after each so no tree stays reachable
const nodes: Node[] = [];
const firstKid: number[] = [];

/**
 * Makes every node range well-formed after error recovery: `start <= end`, and each
 * parent covers its children (recovery can leave a zero-width error node just past
 * its parent's last consumed token).
 */
export function normalizeRanges(root: Node): void {
  // breadth-first, each node's children collected once; then children before parents (reverse order)
  nodes.push(root);
  for (let i = 0; i < nodes.length; i++) {
    firstKid.push(nodes.length);
    if (!collectKids(nodes[i], nodes)) collectChildren(nodes[i], nodes);
  }
  firstKid.push(nodes.length);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    let start = n.start;
    let end = n.end < start ? start : n.end;
    for (let k = firstKid[i]; k < firstKid[i + 1]; k++) {
      const kid = nodes[k];
      if (kid.start < start) start = kid.start;
      if (kid.end > end) end = kid.end;
    }
    if (start !== n.start) n.start = start;
    if (end !== n.end) n.end = end;
  }
  nodes.length = 0;
  firstKid.length = 0;
}
