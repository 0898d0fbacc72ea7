/**
 * Sample groups (PostHog group analytics): two group types per project, as its group type
 * mapping serves them (`GET /api/projects/:pid/groups_types/`, fields from posthog/models/
 * group_type_mapping.py GROUP_TYPE_MAPPING_SERIALIZER_FIELDS), and the groups themselves, rows of
 * PostHog's ClickHouse `groups` table (posthog/models/group/sql.py: group_type_index UInt8,
 * group_key, created_at, team_id, group_properties, _timestamp, _offset).
 *
 * Index 0 `company`: a person with a work email belongs to its company (key = the mail domain, as
 * `posthog.group('company', 'acme.com')`). Index 1 `workspace`: a Hedgebox workspace inside that
 * company (1–3 per company; which one from a hash of the person id, so no draw of the seeded
 * generator changes). Events of those persons carry `$groups` and `$group_0`/`$group_1` in their
 * properties and the `$group_0`/`$group_1` columns (PostHog's ingestion sets both).
 * Pure and deterministic: no clock, no I/O.
 */
import { createHash } from 'node:crypto';
import type { PersonRow } from './types';
import { COMPANIES, PLANS } from './vocab';

export interface GroupTypeRow {
  group_type: string;
  group_type_index: number;
  name_singular: string | null;
  name_plural: string | null;
  detail_dashboard: number | null;
  default_columns: string[] | null;
  created_at: string | null;
}

export interface GroupRow {
  team_id: number;
  group_type_index: number;
  group_key: string;
  created_at: string;
  group_properties: Record<string, unknown>;
}

/** A person's group keys by index ('' = none), as their events carry them. */
export interface PersonGroups {
  $group_0: string;
  $group_1: string;
}

export const GROUP_TYPES: readonly { type: string; index: number; singular: string; plural: string }[] = [
  { type: 'company', index: 0, singular: 'company', plural: 'companies' },
  { type: 'workspace', index: 1, singular: 'workspace', plural: 'workspaces' },
];

const INDUSTRIES = ['Software', 'Manufacturing', 'Retail', 'Media', 'Finance', 'Healthcare', 'Logistics', 'Energy', 'Education', 'Food'];
const WORKSPACE_NAMES = ['Engineering', 'Marketing', 'Design'];

/** The group type mapping of a project (its created_at: the dataset's start). */
export function groupTypes(startMs: number): GroupTypeRow[] {
  return GROUP_TYPES.map((t) => ({
    group_type: t.type,
    group_type_index: t.index,
    name_singular: t.singular,
    name_plural: t.plural,
    detail_dashboard: null,
    default_columns: null,
    created_at: new Date(startMs).toISOString(),
  }));
}

const hash = (s: string): number => createHash('sha1').update(s).digest().readUInt32BE(0);
const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function workspaceCount(domain: string): number {
  return 1 + (hash(`ws:${domain}`) % 3);
}

/** The groups a person's events carry: none for anonymous or free-mail persons. */
export function personGroups(person: PersonRow): PersonGroups {
  const company = person.properties.company;
  const email = person.properties.email;
  if (typeof company !== 'string' || typeof email !== 'string') return { $group_0: '', $group_1: '' };
  const domain = email.slice(email.indexOf('@') + 1);
  const n = 1 + (hash(person.id) % workspaceCount(domain));
  return { $group_0: domain, $group_1: `${domain}/${slug(WORKSPACE_NAMES[n - 1])}` };
}

/**
 * The groups of one team: every company and workspace at least one person belongs to, created
 * when its first member was.
 */
export function generateGroups(teamId: number, persons: readonly PersonRow[]): GroupRow[] {
  const first = new Map<string, { index: number; createdMs: number }>();
  for (const p of persons) {
    const g = personGroups(p);
    const ms = Date.parse(p.created_at);
    for (const [index, key] of [[0, g.$group_0], [1, g.$group_1]] as const) {
      if (!key) continue;
      const seen = first.get(`${index}:${key}`);
      if (!seen || ms < seen.createdMs) first.set(`${index}:${key}`, { index, createdMs: ms });
    }
  }
  const rows: GroupRow[] = [];
  for (const [id, { index, createdMs }] of [...first].sort(([a], [b]) => a.localeCompare(b))) {
    const key = id.slice(id.indexOf(':') + 1);
    rows.push({ team_id: teamId, group_type_index: index, group_key: key, created_at: new Date(createdMs).toISOString(), group_properties: groupProperties(index, key) });
  }
  return rows;
}

function groupProperties(index: number, key: string): Record<string, unknown> {
  const domain = key.split('/')[0];
  const company = COMPANIES.find(([, d]) => d === domain)?.[0] ?? domain;
  const h = hash(`props:${key}`);
  if (index === 0) {
    return {
      name: company,
      domain,
      industry: INDUSTRIES[h % INDUSTRIES.length],
      employee_count: 10 + (h % 4990),
      plan: PLANS[h % PLANS.length][0],
      is_paying: h % 3 !== 0,
    };
  }
  const team = key.slice(key.indexOf('/') + 1);
  return {
    name: `${company} ${team.charAt(0).toUpperCase()}${team.slice(1)}`,
    company: domain,
    file_count: h % 20_000,
    used_mb: Math.round((h % 500_000) / 10) / 10,
  };
}
