/**
 * Why a flag used in code is stale: fully rolled out (active, reaching everyone, no variants left
 * to choose), inactive, or not in PostHog (deleted, or never created). Pure: no `vscode`.
 */
import type { FeatureFlag } from '../api/resources/flags';
import { rolloutOf, variantsOf } from './status';

export type StaleReason = 'rolledOut' | 'inactive' | 'missing';

export const STALE_REASONS: readonly { reason: StaleReason; label: string; hint: string }[] = [
  { reason: 'rolledOut', label: 'Fully rolled out', hint: 'served to everyone: the check can go, keeping the enabled branch' },
  { reason: 'inactive', label: 'Inactive', hint: 'served to no one: the check can go, keeping the disabled branch' },
  { reason: 'missing', label: 'Not in PostHog', hint: 'deleted (or never created): every check is false' },
];

export function staleReason(flag: FeatureFlag | undefined): StaleReason | undefined {
  if (!flag) return 'missing';
  if (!flag.active) return 'inactive';
  const variants = variantsOf(flag);
  const oneVariant = variants.length === 0 || variants.some((v) => v.rollout >= 100);
  return rolloutOf(flag) === 100 && oneVariant ? 'rolledOut' : undefined;
}
