/**
 * Why a flag used in code is stale: fully rolled out (active, reaching everyone, no variants left
 * to choose), inactive for a long time (no change for `inactiveDays`), deleted in PostHog, or not
 * in PostHog at all (never created, or deleted before this workspace saw it). Pure: no `vscode`.
 */
import type { FeatureFlag } from '../api/resources/flags';
import { rolloutOf, variantsOf } from './status';

export type StaleReason = 'rolledOut' | 'inactive' | 'deleted' | 'missing';

export const STALE_REASONS: readonly { reason: StaleReason; label: string; hint: string }[] = [
  { reason: 'rolledOut', label: 'Fully rolled out', hint: 'served to everyone: the check can go, keeping the enabled branch' },
  { reason: 'inactive', label: 'Inactive', hint: 'served to no one, unchanged for a long time (hogql.codeIntel.staleInactiveDays): the check can go, keeping the disabled branch' },
  { reason: 'deleted', label: 'Deleted in PostHog', hint: 'deleted in PostHog but still checked in code: every check is false' },
  { reason: 'missing', label: 'Not in PostHog', hint: 'never created in this project (or deleted before this workspace first saw it): every check is false' },
];

export interface StaleOptions {
  /** An inactive flag is stale once unchanged for this many days (0: at once). */
  inactiveDays?: number;
  now?: number;
  /** For a flag missing from the project's list: whether PostHog still has it, deleted. */
  wasDeleted?: boolean;
}

const DAY_MS = 86_400_000;

/** Days since the flag's last change (`updated_at`, else `created_at`); Infinity when neither is known. */
export function daysUnchanged(flag: FeatureFlag, now = Date.now()): number {
  const at = Date.parse(flag.updated_at ?? flag.created_at ?? '');
  return Number.isFinite(at) ? (now - at) / DAY_MS : Infinity;
}

export function staleReason(flag: FeatureFlag | undefined, opts: StaleOptions = {}): StaleReason | undefined {
  if (!flag) return opts.wasDeleted ? 'deleted' : 'missing';
  if (!flag.active) return daysUnchanged(flag, opts.now) >= (opts.inactiveDays ?? 0) ? 'inactive' : undefined;
  const variants = variantsOf(flag);
  const oneVariant = variants.length === 0 || variants.some((v) => v.rollout >= 100);
  return rolloutOf(flag) === 100 && oneVariant ? 'rolledOut' : undefined;
}
