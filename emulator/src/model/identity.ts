/**
 * The organization, its projects (teams), the user and the API keys. Keys and tokens are
 * derived from the seed so a demo keeps working across restarts; override them with a keys file.
 */
import { Rng } from '../data/prng';

export interface ApiKey {
  key: string;
  label: string;
  /** `*`, or `<object>:read|write`; write implies read (posthog-api.md section 2). */
  scopes: string[];
  /** When set, the key only works for these project ids (PostHog `scoped_teams`). */
  scopedTeams?: number[];
}

export interface Project {
  id: number;
  uuid: string;
  name: string;
  apiToken: string;
  timezone: string;
  createdAt: string;
}

export interface Identity {
  organization: { id: string; name: string; slug: string; createdAt: string };
  projects: Project[];
  user: { id: number; uuid: string; distinctId: string; email: string; firstName: string; lastName: string };
  keys: ApiKey[];
}

export const PROJECT_NAMES = ['Hedgebox', 'Hedgebox Staging'];
/** The second sample project is not UTC, so day boundaries and offsets can be seen to follow it. */
export const PROJECT_TIMEZONES = ['UTC', 'America/Los_Angeles'];

export function defaultIdentity(seed: number, teamIds: number[], now: Date): Identity {
  const rng = new Rng(seed * 7919 + 17);
  const created = new Date(now.getTime() - 400 * 86_400_000).toISOString();
  return {
    organization: { id: rng.uuid4(), name: 'Hedgebox Inc.', slug: 'hedgebox-inc', createdAt: created },
    projects: teamIds.map((id, i) => ({
      id,
      uuid: rng.uuid4(),
      name: PROJECT_NAMES[i] ?? `Project ${id}`,
      apiToken: `phc_${rng.hex(43)}`,
      timezone: PROJECT_TIMEZONES[i] ?? 'UTC',
      createdAt: created,
    })),
    user: { id: 1, uuid: rng.uuid4(), distinctId: rng.hex(32), email: 'ada@hedgebox.net', firstName: 'Ada', lastName: 'Lovelace' },
    keys: [
      { key: `phx_${rng.hex(47)}`, label: 'all access', scopes: ['*'] },
      { key: `phx_${rng.hex(47)}`, label: 'read only', scopes: READ_ONLY_SCOPES },
      { key: `phx_${rng.hex(47)}`, label: 'query only', scopes: ['query:read'] },
    ],
  };
}

export const SCOPE_OBJECTS = [
  'query', 'insight', 'feature_flag', 'cohort', 'session_recording', 'person', 'dashboard', 'experiment', 'survey',
  'annotation', 'action', 'event_definition', 'property_definition', 'organization', 'project', 'user', 'activity_log',
  'group',
];

export const READ_ONLY_SCOPES = SCOPE_OBJECTS.map((o) => `${o}:read`);

export function hasScope(key: ApiKey, scope: string): boolean {
  if (key.scopes.includes('*') || key.scopes.includes(scope)) return true;
  const [obj, action] = scope.split(':');
  return action === 'read' && key.scopes.includes(`${obj}:write`);
}

/** Never log a key in full: `phx_…ab12`. */
export function keyHint(key: string | undefined): string | null {
  if (!key) return null;
  return `${key.slice(0, 4)}…${key.slice(-4)}`;
}
