/** Seeded insights: Trends (`InsightVizNode`) and SQL (`DataVisualizationNode` + `HogQLQuery`). */
import type { Rec } from '../../state/store';
import { ago, shortId, type SeedContext } from './common';

export function trendsQuery(series: Record<string, unknown>[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'InsightVizNode',
    source: { kind: 'TrendsQuery', series, interval: 'day', dateRange: { date_from: '-7d' }, trendsFilter: { display: 'ActionsLineGraph' }, ...extra },
  };
}

export function sqlQuery(query: string): Record<string, unknown> {
  return { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query }, display: 'ActionsTable' };
}

const ev = (event: string, extra: Record<string, unknown> = {}) => ({ kind: 'EventsNode', event, name: event, math: 'total', ...extra });

export function makeInsight(c: SeedContext, id: number, name: string | null, query: Record<string, unknown>, opts: { saved?: boolean; favorited?: boolean; description?: string; derived?: string; tags?: string[]; daysAgo: number }): Rec {
  const created = ago(c, opts.daysAgo);
  return {
    id,
    _team_id: c.teamId,
    short_id: shortId(c),
    name,
    derived_name: opts.derived ?? null,
    description: opts.description ?? '',
    query,
    favorited: opts.favorited ?? false,
    saved: opts.saved ?? true,
    deleted: false,
    tags: opts.tags ?? [],
    dashboards: [] as number[],
    dashboard_tiles: [] as { id: number; dashboard_id: number }[],
    created_by: c.user,
    created_at: created,
    updated_at: created,
    last_modified_at: created,
    last_modified_by: c.user,
    last_refresh: null,
    order: null,
    is_sample: false,
    effective_privilege_level: 37,
    user_access_level: 'editor',
    timezone: 'UTC',
  };
}

export function seedInsights(c: SeedContext, firstId: number): Rec[] {
  let id = firstId;
  const specs: [string | null, Record<string, unknown>, Parameters<typeof makeInsight>[4]][] = [
    ['Daily pageviews', trendsQuery([ev('$pageview')]), { favorited: true, daysAgo: 90, tags: ['web'] }],
    ['Weekly active users', trendsQuery([ev('$pageview', { math: 'dau' })], { interval: 'week', dateRange: { date_from: '-30d' } }), { favorited: true, daysAgo: 80 }],
    ['Sign-ups', trendsQuery([ev('user signed up')], { dateRange: { date_from: '-30d' } }), { daysAgo: 60, description: 'Completed sign-ups per day' }],
    ['Revenue per day', trendsQuery([ev('purchase', { math: 'sum', math_property: 'price' })], { dateRange: { date_from: '-14d' } }), { daysAgo: 45, tags: ['revenue'] }],
    ['Pageviews by browser', trendsQuery([ev('$pageview')], { breakdownFilter: { breakdown: '$browser', breakdown_type: 'event' } }), { daysAgo: 40 }],
    ['Top pages (SQL)', sqlQuery("SELECT properties.$pathname AS path, count() AS views\nFROM events\nWHERE event = '$pageview' AND timestamp > now() - INTERVAL 7 DAY\nGROUP BY path\nORDER BY views DESC\nLIMIT 20"), { favorited: true, daysAgo: 30, tags: ['sql'] }],
    ['Revenue by country (SQL)', sqlQuery("SELECT properties.$geoip_country_code AS country, round(sum(toFloat(properties.price)), 2) AS revenue\nFROM events\nWHERE event = 'purchase'\nGROUP BY country\nORDER BY revenue DESC"), { daysAgo: 25, tags: ['sql', 'revenue'] }],
    ['Plans of active users (SQL)', sqlQuery("SELECT person.properties.plan AS plan, count(DISTINCT person_id) AS users\nFROM events\nWHERE timestamp > now() - INTERVAL 30 DAY\nGROUP BY plan\nORDER BY users DESC"), { daysAgo: 20 }],
    ['Add-to-cart <b>funnel</b> & "drop-off"', trendsQuery([ev('added to cart'), ev('purchase')]), { daysAgo: 15, description: 'Name with <html> characters on purpose' }],
    [null, trendsQuery([ev('$autocapture')]), { saved: false, derived: '$autocapture count', daysAgo: 3 }],
    ['Daily sessions (SQL)', sqlQuery("SELECT toStartOfDay(timestamp) AS day, count(DISTINCT $session_id) AS sessions\nFROM events\nGROUP BY day\nORDER BY day"), { daysAgo: 10 }],
    ['Screen views (mobile)', trendsQuery([ev('$screen')], { breakdownFilter: { breakdown: '$os', breakdown_type: 'event' } }), { saved: true, daysAgo: 8 }],
  ];
  const list = c.teamIndex === 0 ? specs : specs.slice(0, 6);
  return list.map(([name, q, o]) => makeInsight(c, id++, name, q, o));
}
