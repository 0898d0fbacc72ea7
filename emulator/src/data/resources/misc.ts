/** Seeded dashboards, experiments, surveys, actions, annotations and cohort objects. */
import type { CohortRow } from '../types';
import type { Rec } from '../../state/store';
import { ago, iso, DAY, type SeedContext } from './common';

export function seedDashboards(c: SeedContext, firstId: number, insights: Rec[]): Rec[] {
  const groups: [string, string, number[], boolean][] = [
    ['Product overview', 'Key product metrics', [0, 1, 2, 4], true],
    ['Revenue', 'Money in <b>bold</b> & "quotes"', [3, 6], false],
    ['Web analytics (SQL)', 'SQL insights', [5, 7, 10], false],
  ];
  let tileId = firstId * 100;
  return groups.map(([name, description, idx, pinned], i) => {
    const ins = idx.map((n) => insights[n]).filter((x): x is Rec => x !== undefined);
    const id = firstId + i;
    const tiles: { id: number; insight_id: number }[] = [];
    for (const insight of ins) {
      tileId++;
      (insight.dashboards as number[]).push(id);
      (insight.dashboard_tiles as { id: number; dashboard_id: number }[]).push({ id: tileId, dashboard_id: id });
      tiles.push({ id: tileId, insight_id: insight.id as number });
    }
    return {
      id,
      _team_id: c.teamId,
      _tiles: tiles,
      name,
      description,
      pinned,
      created_at: ago(c, 100 - i * 10),
      created_by: c.user,
      last_accessed_at: ago(c, 1),
      is_shared: false,
      deleted: false,
      creation_mode: 'default',
      tags: [],
      restriction_level: 21,
      effective_restriction_level: 21,
      effective_privilege_level: 37,
      user_access_level: 'editor',
      access_control_version: 'v2',
      last_refresh: null,
      filters: {},
      variables: {},
      breakdown_colors: [],
      data_color_theme_id: null,
      tiles_count: ins.length,
    } satisfies Rec;
  });
}

export function seedExperiments(c: SeedContext, firstId: number, flags: Rec[]): Rec[] {
  const multi = flags.filter((f) => (f.filters as { multivariate?: unknown }).multivariate);
  return multi.map((flag, i) => {
    const started = c.rng.chance(0.7) || i === 0;
    const id = firstId + i;
    (flag.experiment_set as number[]).push(id);
    const vs = ((flag.filters as { multivariate: { variants: { key: string; rollout_percentage: number }[] } }).multivariate.variants);
    return {
      id,
      _team_id: c.teamId,
      name: `${flag.name as string} (experiment)`,
      description: `Does ${flag.key as string} move the needle?`,
      start_date: started ? ago(c, 14 + i) : null,
      end_date: i === 1 ? ago(c, 2) : null,
      feature_flag_key: flag.key,
      feature_flag: { id: flag.id, team_id: c.teamId, name: flag.name, key: flag.key, active: flag.active, deleted: false, filters: flag.filters },
      holdout: null,
      exposure_cohort: null,
      parameters: { feature_flag_variants: vs.map((v) => ({ key: v.key, rollout_percentage: v.rollout_percentage })), minimum_detectable_effect: 5 },
      secondary_metrics: [],
      metrics: [{ kind: 'ExperimentMetric', metric_type: 'mean', name: 'Purchases', source: { kind: 'EventsNode', event: 'purchase' } }],
      metrics_secondary: [],
      archived: false,
      deleted: false,
      type: 'product',
      conclusion: null,
      created_at: ago(c, 20 + i),
      created_by: c.user,
      updated_at: ago(c, 1),
    };
  });
}

export function seedSurveys(c: SeedContext): Rec[] {
  const specs: [string, string, Record<string, unknown>[]][] = [
    ['NPS survey', 'popover', [{ type: 'rating', question: 'How likely are you to recommend Hedgebox to a friend?', scale: 10, display: 'number', lowerBoundLabel: 'Unlikely', upperBoundLabel: 'Very likely' }]],
    ['Why did you cancel?', 'api', [{ type: 'multiple_choice', question: 'What made you cancel?', choices: ['Too expensive', 'Missing features', 'Switched tool', 'Other'] }]],
    ['Feedback <b>widget</b>', 'widget', [{ type: 'open', question: 'Tell us what you think & what\'s "missing"' }]],
  ];
  return specs.map(([name, type, questions], i) => ({
    id: c.rng.uuid4(),
    _team_id: c.teamId,
    name,
    description: `${name} for ${c.teamIndex === 0 ? 'production' : 'staging'}`,
    type,
    questions,
    conditions: null,
    appearance: null,
    start_date: i === 2 ? null : ago(c, 30 - i * 5),
    end_date: i === 1 ? ago(c, 3) : null,
    archived: false,
    linked_flag: null,
    linked_flag_id: null,
    targeting_flag: null,
    responses_limit: null,
    created_at: ago(c, 40 - i),
    created_by: c.user,
  }));
}

export function seedActions(c: SeedContext, firstId: number): Rec[] {
  const specs: [string, string, Record<string, unknown>[]][] = [
    ['Signed up', 'User completed sign-up', [{ event: 'user signed up' }]],
    ['Clicked upload', 'Upload button clicks', [{ event: '$autocapture', text: 'Upload file', text_matching: 'exact' }]],
    ['Viewed pricing', 'Pricing pageviews', [{ event: '$pageview', url: '/pricing', url_matching: 'contains' }]],
    ['Purchased', 'Any purchase', [{ event: 'purchase' }]],
  ];
  return specs.map(([name, description, steps], i) => ({
    id: firstId + i,
    _team_id: c.teamId,
    name,
    description,
    tags: [],
    post_to_slack: false,
    slack_message_format: '',
    steps: steps.map((s) => ({ event: null, properties: [], selector: null, tag_name: null, text: null, text_matching: null, href: null, href_matching: null, url: null, url_matching: 'contains', ...s })),
    created_at: ago(c, 120 - i * 7),
    created_by: c.user,
    deleted: false,
    is_calculating: false,
    last_calculated_at: ago(c, 0),
    is_action: true,
    bytecode_error: null,
    pinned_at: null,
  }));
}

export function makeAnnotation(c: { teamId: number; user: unknown }, id: number, content: string, dateMarker: string, scope: string, createdAt: string, extra: Record<string, unknown> = {}): Rec {
  return {
    id,
    _team_id: c.teamId,
    content,
    date_marker: dateMarker,
    creation_type: 'USR',
    dashboard_item: null,
    dashboard_id: null,
    dashboard_name: null,
    insight_short_id: null,
    insight_name: null,
    insight_derived_name: null,
    created_by: c.user,
    created_at: createdAt,
    updated_at: createdAt,
    deleted: false,
    scope,
    ...extra,
  };
}

export function seedAnnotations(c: SeedContext, firstId: number): Rec[] {
  const specs: [string, number, string][] = [
    ['Deployed v2.3 (new uploader)', 2, 'project'],
    ['Marketing email: spring launch', 6, 'organization'],
    ['Outage: file previews degraded', 9, 'project'],
    ['Pricing page redesign shipped', 13, 'project'],
    ['Launched on <b>Hacker News</b> & "Product Hunt"', 18, 'organization'],
    ['Deployed v2.2', 22, 'project'],
    ['Started checkout-v2 rollout', 27, 'project'],
  ];
  return specs.map(([content, days, scope], i) => {
    const marker = iso(c.nowMs - days * DAY);
    return makeAnnotation(c, firstId + i, content, marker, scope, iso(c.nowMs - days * DAY + 3_600_000), { creation_type: i === 5 ? 'GIT' : 'USR' });
  });
}

export function seedCohorts(c: SeedContext, rows: { id: number; team_id: number; name: string; description: string; is_static: boolean; filters: CohortRow['filters']; count: number }[]): Rec[] {
  return rows
    .filter((r) => r.team_id === c.teamId)
    .map((r, i) => ({
      id: r.id,
      _team_id: c.teamId,
      name: r.name,
      description: r.description,
      groups: [],
      filters: r.filters ?? {},
      query: null,
      deleted: false,
      is_calculating: false,
      last_calculation: ago(c, 0),
      errors_calculating: 0,
      count: r.count,
      is_static: r.is_static,
      created_by: c.user,
      created_at: ago(c, 50 + i * 5),
      experiment_set: [],
      cohort_type: r.is_static ? 'static' : 'person_property',
    }));
}
