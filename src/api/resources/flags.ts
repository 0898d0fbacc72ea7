/** Feature flags: list (search/active/type), get, create, patch, soft delete (DELETE is 405). */
import * as v from 'valibot';
import type { ItemSpec } from '../schema/boundary';
import { anyList, boolOr, listOf, numberOr, reqListOf, numId, optBool, optNumber, optRecord, optText, reqText, textList } from '../schema/lenient';
import { optUser, WritableProjectResource } from './base';

/*
 * After PostHog's `FeatureFlagApi` (products/feature_flags/frontend/generated/api.schemas.ts):
 * `id: number`, `key: string` (max 400), `name?: string` (the description), `filters` a free
 * object whose `groups` are `{properties, rollout_percentage, variant}`.
 */
export const FlagGroupSchema = v.looseObject({
  properties: anyList('filters.groups[].properties'),
  rollout_percentage: optNumber('filters.groups[].rollout_percentage'),
  variant: optText('filters.groups[].variant'),
});
export type FlagGroup = v.InferOutput<typeof FlagGroupSchema>;

export const FlagVariantSchema = v.looseObject({
  key: reqText('filters.multivariate.variants[].key'),
  name: optText('filters.multivariate.variants[].name'),
  rollout_percentage: numberOr('filters.multivariate.variants[].rollout_percentage', 0),
});
export type FlagVariant = v.InferOutput<typeof FlagVariantSchema>;

export const FlagFiltersSchema = v.looseObject({
  groups: reqListOf('filters.groups', FlagGroupSchema),
  multivariate: v.optional(v.fallback(v.nullable(v.looseObject({ variants: listOf('filters.multivariate.variants', FlagVariantSchema) })), null)),
  payloads: optRecord('filters.payloads'),
  aggregation_group_type_index: optNumber('filters.aggregation_group_type_index'),
});
export type FlagFilters = v.InferOutput<typeof FlagFiltersSchema>;

export const FeatureFlagSchema = v.looseObject({
  id: numId,
  key: reqText('key'),
  /** Used as the description. */
  name: optText('name'),
  active: boolOr('active', false),
  deleted: optBool('deleted'),
  filters: v.optional(v.fallback(FlagFiltersSchema, { groups: [] }), { groups: [] }),
  ensure_experience_continuity: optBool('ensure_experience_continuity'),
  is_simple_flag: optBool('is_simple_flag'),
  rollout_percentage: optNumber('rollout_percentage'),
  created_by: optUser,
  created_at: optText('created_at'),
  updated_at: optText('updated_at'),
  tags: textList('tags'),
  status: optText('status'),
  experiment_set: listOf('experiment_set', v.number()),
  can_edit: optBool('can_edit'),
});
export type FeatureFlag = v.InferOutput<typeof FeatureFlagSchema>;
export const FEATURE_FLAG: ItemSpec<FeatureFlag> = { resource: 'feature flag', schema: FeatureFlagSchema };

export interface FeatureFlagListFilters {
  [key: string]: string | number | boolean | undefined;
  search?: string;
  active?: 'true' | 'false' | 'STALE';
  type?: 'boolean' | 'multivariant' | 'experiment';
  created_by_id?: number;
}

export interface FeatureFlagCreate {
  key: string;
  name?: string;
  active?: boolean;
  filters?: Partial<FlagFilters>;
  ensure_experience_continuity?: boolean;
  tags?: string[];
}

export type FeatureFlagUpdate = Partial<FeatureFlagCreate> & { deleted?: boolean };

export class FeatureFlags extends WritableProjectResource<FeatureFlag, FeatureFlagCreate, FeatureFlagUpdate, FeatureFlagListFilters> {
  protected readonly segment = 'feature_flags';
  protected readonly item = FEATURE_FLAG;
}
