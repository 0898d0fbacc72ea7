/** Feature flags: list (search/active/type), get, create, patch, soft delete (DELETE is 405). */
import { UserBasic, WritableProjectResource } from './base';

export interface FlagGroup {
  properties: unknown[];
  rollout_percentage: number | null;
  variant?: string | null;
}

export interface FlagVariant {
  key: string;
  name?: string;
  rollout_percentage: number;
}

export interface FlagFilters {
  groups: FlagGroup[];
  multivariate?: { variants: FlagVariant[] } | null;
  payloads?: Record<string, unknown>;
  aggregation_group_type_index?: number | null;
}

export interface FeatureFlag {
  id: number;
  key: string;
  /** Used as the description. */
  name: string;
  active: boolean;
  deleted?: boolean;
  filters: FlagFilters;
  ensure_experience_continuity?: boolean;
  is_simple_flag?: boolean;
  rollout_percentage?: number | null;
  created_by?: UserBasic | null;
  created_at?: string;
  updated_at?: string;
  tags?: string[];
  status?: string;
  experiment_set?: number[];
  can_edit?: boolean;
  [extra: string]: unknown;
}

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
}
