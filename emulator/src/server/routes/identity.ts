/** `users/@me`, `organizations/@current`, `projects` (posthog-api.md section 1). */
import type { Project } from '../../model/identity';
import type { App } from '../app';
import { notFound } from '../errors';
import { paginate } from '../pagination';
import { json, type Route } from '../types';

export function projectBasic(app: App, p: Project): Record<string, unknown> {
  return {
    id: p.id,
    uuid: p.uuid,
    organization: app.identity.organization.id,
    api_token: p.apiToken,
    name: p.name,
    completed_snippet_onboarding: true,
    has_completed_onboarding_for: { product_analytics: true, session_replay: true, feature_flags: true },
    ingested_event: true,
    is_demo: false,
    timezone: p.timezone,
    access_control: false,
  };
}

export function projectFull(app: App, p: Project): Record<string, unknown> {
  return {
    ...projectBasic(app, p),
    created_at: p.createdAt,
    updated_at: p.createdAt,
    product_description: null,
    anonymize_ips: false,
    app_urls: [`https://${p.id === app.identity.projects[0]?.id ? 'hedgebox.net' : 'app2.hedgebox.net'}`],
    slack_incoming_webhook: null,
    test_account_filters: [{ key: 'email', type: 'person', value: '@hedgebox.net', operator: 'not_icontains' }],
    test_account_filters_default_checked: false,
    path_cleaning_filters: [],
    data_attributes: ['data-attr'],
    person_display_name_properties: ['email', 'name', 'username'],
    week_start_day: 0,
    primary_dashboard: null,
    live_events_columns: null,
    recording_domains: [],
    session_recording_opt_in: true,
    capture_console_log_opt_in: true,
    capture_performance_opt_in: true,
    autocapture_opt_out: false,
    effective_membership_level: 15,
    project_id: p.id,
    secret_api_token: null,
  };
}

function userBody(app: App): Record<string, unknown> {
  const { user, organization: org, projects } = app.identity;
  const team = projects[0];
  return {
    date_joined: org.createdAt,
    uuid: user.uuid,
    distinct_id: user.distinctId,
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email,
    pending_email: null,
    is_email_verified: true,
    notification_settings: {},
    anonymize_data: false,
    toolbar_mode: 'toolbar',
    has_password: true,
    is_staff: false,
    is_impersonated: false,
    is_2fa_enabled: false,
    has_social_auth: false,
    theme_mode: 'system',
    team: team ? { id: team.id, uuid: team.uuid, organization: org.id, project_id: team.id, api_token: team.apiToken, name: team.name, completed_snippet_onboarding: true, has_completed_onboarding_for: {}, ingested_event: true, is_demo: false, timezone: team.timezone, access_control: false } : null,
    organization: organizationBody(app),
    organizations: [{ id: org.id, name: org.name, slug: org.slug, logo_media_id: null, membership_level: 15, members_can_use_personal_api_keys: true }],
    events_column_config: { active: 'DEFAULT' },
    is_impersonated_until: null,
    role_at_organization: 'engineering',
  };
}

function organizationBody(app: App): Record<string, unknown> {
  const org = app.identity.organization;
  return {
    id: org.id,
    name: org.name,
    slug: org.slug,
    logo_media_id: null,
    created_at: org.createdAt,
    updated_at: org.createdAt,
    membership_level: 15,
    plugins_access_level: 9,
    teams: app.identity.projects.map((p) => projectBasic(app, p)),
    projects: app.identity.projects.map((p) => ({ id: p.id, name: p.name, organization_id: org.id })),
    available_product_features: [],
    is_member_join_email_enabled: true,
    customer_id: null,
    enforce_2fa: null,
    members_can_invite: true,
    members_can_use_personal_api_keys: true,
    allow_publicly_shared_resources: true,
    metadata: {},
    member_count: 1,
  };
}

export function identityRoutes(app: App): Route[] {
  return [
    { method: 'GET', pattern: '/api/users/@me/', auth: 'personal', scope: 'user:read', handler: () => json(200, userBody(app)) },
    { method: 'GET', pattern: '/api/organizations/@current/', auth: 'personal', scope: 'organization:read', handler: () => json(200, organizationBody(app)) },
    {
      method: 'GET',
      pattern: '/api/organizations/:oid/',
      auth: 'personal',
      scope: 'organization:read',
      handler: (ctx) => {
        if (ctx.params.oid !== app.identity.organization.id) throw notFound();
        return json(200, organizationBody(app));
      },
    },
    {
      method: 'GET',
      pattern: '/api/projects/',
      auth: 'personal',
      scope: 'project:read',
      handler: (ctx) => {
        const allowed = app.identity.projects.filter((p) => !ctx.key!.scopedTeams || ctx.key!.scopedTeams.includes(p.id));
        return json(200, paginate(ctx, allowed.map((p) => projectBasic(app, p))));
      },
    },
    { method: 'GET', pattern: '/api/projects/:pid/', auth: 'personal', scope: 'project:read', handler: (ctx) => json(200, projectFull(app, ctx.project!)) },
  ];
}
