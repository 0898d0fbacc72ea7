/** Users (`@me`), organizations (`@current`), projects. */
import { Paginator, ListOptions } from '../paginate';
import type { Transport } from '../transport';
import * as v from 'valibot';
import type { ItemSpec } from '../schema/boundary';
import { listOf, numId, optBool, optNumber, optText, reqListOf, reqText, strId } from '../schema/lenient';
import type { CallOptions } from '../types';
import { Id, requestOne, segment } from './base';

/*
 * After PostHog's `UserApi`, `OrganizationApi`, `TeamBasicApi`/`ProjectBackwardCompatApi`
 * (posthog/api/user.py, organization.py, team.py serializers as exposed by the OpenAPI schema).
 */
export const TeamBasicSchema = v.looseObject({
  id: numId,
  uuid: optText('uuid'),
  name: reqText('name', 'Untitled project'),
  api_token: optText('api_token'),
  organization: optText('organization'),
  timezone: optText('timezone'),
});
export type TeamBasic = v.InferOutput<typeof TeamBasicSchema>;

export const OrganizationBasicSchema = v.looseObject({
  id: strId,
  name: reqText('name', 'Untitled organization'),
  slug: optText('slug'),
  membership_level: optNumber('membership_level'),
});
export type OrganizationBasic = v.InferOutput<typeof OrganizationBasicSchema>;

const optObject = <S extends v.GenericSchema>(s: S) => v.optional(v.fallback(v.nullable(s), null));

export const UserSchema = v.looseObject({
  uuid: reqText('uuid'),
  email: reqText('email'),
  first_name: optText('first_name'),
  last_name: optText('last_name'),
  distinct_id: optText('distinct_id'),
  is_staff: optBool('is_staff'),
  team: v.pipe(optObject(TeamBasicSchema), v.transform((x) => x ?? null)),
  organization: v.pipe(optObject(OrganizationBasicSchema), v.transform((x) => x ?? null)),
  organizations: reqListOf('organizations', OrganizationBasicSchema),
});
export type User = v.InferOutput<typeof UserSchema>;

export const OrganizationSchema = v.looseObject({
  ...OrganizationBasicSchema.entries,
  created_at: optText('created_at'),
  teams: listOf('teams', TeamBasicSchema),
  projects: listOf('projects', v.looseObject({ id: numId, name: reqText('projects[].name', 'Untitled project') })),
});
export type Organization = v.InferOutput<typeof OrganizationSchema>;

export const ProjectSchema = v.looseObject({
  ...TeamBasicSchema.entries,
  is_demo: optBool('is_demo'),
  ingested_event: optBool('ingested_event'),
  completed_snippet_onboarding: optBool('completed_snippet_onboarding'),
});
export type Project = v.InferOutput<typeof ProjectSchema>;

const USER: ItemSpec<User> = { resource: 'user', schema: UserSchema };
const ORGANIZATION: ItemSpec<Organization> = { resource: 'organization', schema: OrganizationSchema };
const PROJECT: ItemSpec<Project> = { resource: 'project', schema: ProjectSchema };

export class Users {
  constructor(private readonly t: Transport) {}
  /** The key's owner; also tells which project is current (`team`). */
  async me(opts: CallOptions = {}): Promise<User> {
    return requestOne(this.t, USER, { method: 'GET', path: '/api/users/@me/', ...opts });
  }
}

export class Organizations {
  constructor(private readonly t: Transport) {}
  async current(opts: CallOptions = {}): Promise<Organization> {
    return requestOne(this.t, ORGANIZATION, { method: 'GET', path: '/api/organizations/@current/', ...opts });
  }
}

export class Projects {
  constructor(private readonly t: Transport) {}
  list(opts: ListOptions = {}): Paginator<Project> {
    return new Paginator<Project>(this.t, { path: '/api/projects/', item: PROJECT, style: 'drf' }, opts);
  }
  async get(projectId: Id, opts: CallOptions = {}): Promise<Project> {
    const path = `/api/projects/${segment(projectId)}/`;
    return requestOne(this.t, PROJECT, { method: 'GET', path, ...opts });
  }
}
