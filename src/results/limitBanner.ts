/**
 * The auto-LIMIT banner of a result (issue #17): PostHog adds `LIMIT 100` to a HogQL query that has
 * none and never returns more than 50,000 rows (`DEFAULT_RETURNED_ROWS` / `MAX_SELECT_RETURNED_ROWS`
 * in posthog/hogql/constants.py; PostHog #19903, #28528), silently. The banner says which of these
 * shaped the result, in words, with the action that gets more. Pure; both sides import it.
 */
import { POSTHOG_MAX_ROWS } from './limits';

/** `50000` → `50,000` (as format.ts's formatCount, which imports the protocol: no cycle). */
const formatCount = (n: number): string => n.toLocaleString('en-US');

/** Rows PostHog returns for a query without a LIMIT (`DEFAULT_RETURNED_ROWS`). */
export const POSTHOG_DEFAULT_ROWS = 100;

/** Where the statement's LIMIT is (src/language/hogql/limitShape.ts reads it with our parser). */
export interface LimitShapeInfo {
  outerLimit: boolean;
  unionArmLimit: boolean;
}

export type LimitBannerKind = 'default' | 'cap' | 'noLimit' | 'unionArm';
export type LimitAction = 'loadMore' | 'raiseLimit';

export interface LimitBanner {
  kind: LimitBannerKind;
  text: string;
  actions: LimitAction[];
}

const UNION_HINT = 'The LIMIT applies to the last SELECT of the UNION only. To limit the whole result, wrap it: SELECT * FROM (…) LIMIT n.';

/** The banner for a result of `rows` rows (`hasMore`: PostHog says more exist), or none. */
export function limitBanner(shape: LimitShapeInfo, rows: number, hasMore: boolean): LimitBanner | undefined {
  if (rows >= POSTHOG_MAX_ROWS) {
    return { kind: 'cap', text: `Stopped at PostHog's cap of ${formatCount(POSTHOG_MAX_ROWS)} rows per query; there may be more. Aggregate, filter, or export the full result.`, actions: [] };
  }
  if (shape.outerLimit) return undefined;
  const union = shape.unionArmLimit ? ` ${UNION_HINT}` : '';
  if (hasMore || rows === POSTHOG_DEFAULT_ROWS) {
    return {
      kind: shape.unionArmLimit ? 'unionArm' : 'default',
      text: `No LIMIT in the query: PostHog stopped at its default of ${formatCount(POSTHOG_DEFAULT_ROWS)} rows${hasMore ? ', and there are more' : '; there may be more'}.${union}`,
      actions: hasMore ? ['loadMore', 'raiseLimit'] : ['raiseLimit'],
    };
  }
  if (shape.unionArmLimit) return { kind: 'unionArm', text: UNION_HINT.trim(), actions: [] };
  return { kind: 'noLimit', text: `No LIMIT in the query: PostHog applies a default of ${formatCount(POSTHOG_DEFAULT_ROWS)} rows; all ${formatCount(rows)} fit.`, actions: [] };
}

/** `query` re-run with an explicit `LIMIT n` on the whole result (the user's file is not edited). */
export function limitedQuery(query: string, n = POSTHOG_MAX_ROWS): string {
  const body = query.trim().replace(/;\s*$/, '');
  return `SELECT * FROM (\n${body}\n)\nLIMIT ${n}`;
}

/** Validates a banner that crossed the webview boundary. */
export function parseLimitBanner(v: unknown): LimitBanner | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const b = v as Record<string, unknown>;
  const kinds: readonly unknown[] = ['default', 'cap', 'noLimit', 'unionArm'];
  if (!kinds.includes(b.kind) || typeof b.text !== 'string' || !Array.isArray(b.actions)) return undefined;
  if (!b.actions.every((a) => a === 'loadMore' || a === 'raiseLimit')) return undefined;
  return { kind: b.kind as LimitBannerKind, text: b.text, actions: [...(b.actions as LimitAction[])] };
}
