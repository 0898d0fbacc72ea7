/** Seeded feature flags: realistic ones (simple, multivariate, with conditions) plus many generated. */
import type { Rec } from '../../state/store';
import { ago, type SeedContext } from './common';

export interface FlagInput {
  key: string;
  name: string;
  active: boolean;
  filters: Record<string, unknown>;
  ensure_experience_continuity?: boolean;
  tags?: string[];
}

export function isSimpleFlag(filters: Record<string, unknown>): boolean {
  const groups = (filters.groups as { properties?: unknown[] }[] | undefined) ?? [];
  return groups.length === 1 && (groups[0].properties ?? []).length === 0 && !filters.multivariate && (filters.aggregation_group_type_index ?? null) === null;
}

export function makeFlag(c: SeedContext, id: number, f: FlagInput, createdAt: string): Rec {
  const filters = { groups: [], multivariate: null, payloads: {}, aggregation_group_type_index: null, ...f.filters };
  const simple = isSimpleFlag(filters);
  return {
    id,
    _team_id: c.teamId,
    team_id: c.teamId,
    name: f.name,
    key: f.key,
    filters,
    deleted: false,
    active: f.active,
    created_by: c.user,
    created_at: createdAt,
    updated_at: createdAt,
    version: 1,
    last_modified_by: c.user,
    is_simple_flag: simple,
    rollout_percentage: simple ? ((filters.groups as { rollout_percentage?: number | null }[])[0].rollout_percentage ?? null) : null,
    ensure_experience_continuity: f.ensure_experience_continuity ?? false,
    experiment_set: [],
    surveys: [],
    features: [],
    rollback_conditions: null,
    performed_rollback: null,
    can_edit: true,
    tags: f.tags ?? [],
    evaluation_tags: [],
    usage_dashboard: null,
    analytics_dashboards: [],
    has_enriched_analytics: false,
    user_access_level: 'editor',
    creation_context: 'feature_flags',
    is_remote_configuration: false,
    has_encrypted_payloads: false,
    status: 'ACTIVE',
    evaluation_runtime: 'all',
  };
}

const rollout = (pct: number | null, properties: unknown[] = []) => ({ groups: [{ properties, rollout_percentage: pct, variant: null }] });
const personProp = (key: string, value: unknown, operator = 'exact') => ({ key, type: 'person', value, operator });
const variants = (...vs: [string, number][]) => ({ variants: vs.map(([key, pct]) => ({ key, name: key, rollout_percentage: pct })) });

const CURATED: FlagInput[] = [
  { key: 'new-onboarding', name: 'New onboarding flow', active: true, filters: rollout(50) },
  { key: 'checkout-v2', name: 'Checkout <b>v2</b> & "beta"', active: true, filters: rollout(25), tags: ['checkout'] },
  { key: 'dark-mode', name: 'Dark mode', active: true, filters: rollout(100) },
  { key: 'file-previews', name: 'Inline file previews', active: false, filters: rollout(0) },
  { key: 'enterprise-sso', name: 'SSO for enterprise', active: true, filters: rollout(100, [personProp('plan', ['enterprise'])]) },
  { key: 'pricing-page-test', name: 'Pricing page experiment', active: true, filters: { ...rollout(100), multivariate: variants(['control', 50], ['test', 50]) }, ensure_experience_continuity: true },
  { key: 'signup-button-color', name: 'Sign-up button colour', active: true, filters: { ...rollout(100), multivariate: variants(['control', 34], ['green', 33], ['orange', 33]) } },
  { key: 'beta-sharing', name: 'Beta: link sharing', active: true, filters: rollout(100, [personProp('email', '@hedgebox.net', 'icontains')]), tags: ['beta'] },
  { key: 'storage-upsell', name: 'Storage upsell banner', active: true, filters: rollout(10) },
  { key: 'legacy-uploader', name: 'Legacy uploader (kill switch)', active: false, filters: rollout(100) },
  { key: 'mobile-redesign', name: 'Mobile redesign', active: true, filters: rollout(30, [personProp('$initial_device_type', ['Mobile'])]) },
  { key: 'onboarding-checklist-test', name: 'Onboarding checklist experiment', active: true, filters: { ...rollout(100), multivariate: variants(['control', 50], ['checklist', 50]) } },
  { key: 'upload-cta-copy', name: 'Upload CTA copy test', active: false, filters: { ...rollout(100), multivariate: variants(['control', 50], ['drop-files', 25], ['start-now', 25]) } },
  { key: 'ai-search', name: 'AI search <script>alert("x")</script>', active: false, filters: rollout(5) },
];

const AREAS = ['billing', 'files', 'sharing', 'search', 'admin', 'mobile', 'onboarding', 'notifications', 'editor', 'api'];
const FEATURES = ['rollout', 'killswitch', 'experiment', 'beta', 'limits', 'ui-refresh', 'cache', 'v3', 'banner', 'perf', 'audit', 'export'];

export function seedFlags(c: SeedContext, firstId: number, generated: number, extra: number): Rec[] {
  const out: Rec[] = [];
  let id = firstId;
  const curated = c.teamIndex === 0 ? CURATED : CURATED.slice(0, 6);
  for (const f of curated) out.push(makeFlag(c, id++, f, ago(c, 5 + c.rng.int(0, 200))));
  for (let i = 0; i < generated; i++) {
    const area = AREAS[i % AREAS.length];
    const feature = FEATURES[Math.floor(i / AREAS.length) % FEATURES.length];
    const suffix = i >= AREAS.length * FEATURES.length ? `-${i}` : '';
    const pct = c.rng.pick([0, 5, 10, 25, 50, 100]);
    const active = c.rng.chance(0.75);
    out.push(makeFlag(c, id++, { key: `${area}-${feature}${suffix}`, name: `${area[0].toUpperCase()}${area.slice(1)}: ${feature.replace('-', ' ')}`, active, filters: rollout(pct) }, ago(c, c.rng.int(1, 365))));
  }
  for (let i = 0; i < extra; i++) {
    out.push(makeFlag(c, id++, { key: `bench-flag-${String(i).padStart(5, '0')}`, name: `Benchmark flag ${i}`, active: i % 3 !== 0, filters: rollout(i % 101) }, ago(c, 1 + (i % 300))));
  }
  return out;
}
