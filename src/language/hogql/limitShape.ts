/**
 * Where a statement's LIMIT is, for the results panel's auto-LIMIT banner (src/results/limitBanner.ts):
 * whether the outer SELECT has one (PostHog adds `LIMIT 100` when it has not), and whether it is a
 * set operation (`UNION ALL` …) whose only LIMIT is its last arm's, which limits that arm, not the
 * whole result. Pure; our parser.
 */
import type { SelectLike } from './ast';
import { parseStatement } from './parse';

export interface LimitShape {
  /** The outer query has a `LIMIT` of its own (not `LIMIT n BY`). */
  outerLimit: boolean;
  /** A set operation whose last arm carries a LIMIT (it applies to that arm only). */
  unionArmLimit: boolean;
}

function unwrap(q: SelectLike): SelectLike {
  return q.kind === 'ParenSelect' ? unwrap(q.query) : q;
}

const hasLimit = (q: SelectLike): boolean => q.kind === 'SelectQuery' && q.limits.some((l) => l.by === null);

export function limitShape(text: string): LimitShape {
  const q = unwrap(parseStatement(text).query);
  if (q.kind === 'SelectQuery') return { outerLimit: hasLimit(q), unionArmLimit: false };
  if (q.kind === 'SelectSet') {
    // HogQL's grammar gives a trailing LIMIT to the last arm; a parenthesised last arm keeps its own
    const last = q.selects[q.selects.length - 1];
    const armLimit = last !== undefined && last.kind === 'SelectQuery' && hasLimit(last);
    return { outerLimit: false, unionArmLimit: armLimit };
  }
  // a placeholder or a statement we cannot read: say nothing rather than something wrong
  return { outerLimit: true, unionArmLimit: false };
}
