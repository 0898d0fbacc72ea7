/** Users (`@me`), organizations (`@current`), projects. */
import { Paginator, ListOptions } from '../paginate';
import type { Transport } from '../transport';
import type { CallOptions } from '../types';
import { Id, segment } from './base';

export interface TeamBasic {
  id: number;
  uuid?: string;
  name: string;
  api_token?: string;
  organization?: string;
  timezone?: string;
  [extra: string]: unknown;
}

export interface OrganizationBasic {
  id: string;
  name: string;
  slug?: string;
  membership_level?: number | null;
  [extra: string]: unknown;
}

export interface User {
  uuid: string;
  email: string;
  first_name?: string;
  last_name?: string;
  distinct_id?: string;
  is_staff?: boolean;
  team: TeamBasic | null;
  organization: OrganizationBasic | null;
  organizations: OrganizationBasic[];
  [extra: string]: unknown;
}

export interface Organization extends OrganizationBasic {
  created_at?: string;
  teams?: TeamBasic[];
  projects?: { id: number; name: string; [extra: string]: unknown }[];
}

export interface Project extends TeamBasic {
  is_demo?: boolean;
  ingested_event?: boolean;
  completed_snippet_onboarding?: boolean;
}

export class Users {
  constructor(private readonly t: Transport) {}
  /** The key's owner; also tells which project is current (`team`). */
  async me(opts: CallOptions = {}): Promise<User> {
    return (await this.t.request<User>({ method: 'GET', path: '/api/users/@me/', ...opts })).data;
  }
}

export class Organizations {
  constructor(private readonly t: Transport) {}
  async current(opts: CallOptions = {}): Promise<Organization> {
    return (await this.t.request<Organization>({ method: 'GET', path: '/api/organizations/@current/', ...opts })).data;
  }
}

export class Projects {
  constructor(private readonly t: Transport) {}
  list(opts: ListOptions = {}): Paginator<Project> {
    return new Paginator<Project>(this.t, { path: '/api/projects/', style: 'drf' }, opts);
  }
  async get(projectId: Id, opts: CallOptions = {}): Promise<Project> {
    const path = `/api/projects/${segment(projectId)}/`;
    return (await this.t.request<Project>({ method: 'GET', path, ...opts })).data;
  }
}
