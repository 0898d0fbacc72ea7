/**
 * The HogQL tables the emulator serves, over the physical tables agreed with the engine half
 * (events, persons, person_distinct_ids; DDL in emulator/src/engine/schema.ts).
 * Field lists follow PostHog's posthog/hogql/database/schema/{events,persons,person_distinct_ids,
 * sessions_v2,numbers}.py (via the team's hogql-vocabulary.json notes).
 *
 * Choices (documented in README-hogql.md):
 * - Persons on events: `person.properties.x` reads `events.person_properties`, `person.id` and
 *   `person_id` read `events.person_id`, `person.created_at` reads `events.person_created_at`
 *   (PostHog's "person_id_override_properties_on_events" mode, minus overrides).
 * - `persons` and `person_distinct_ids` keep the newest `version` per id (argMax), drop
 *   `is_deleted` rows, like PostHog's persons/pdi tables over raw_persons.
 * - `sessions` is derived from events grouped by `$session_id` (PostHog reads raw_sessions).
 */
import { unsupported } from './errors';
import { EVENTS_GROUP_ASTERISK, EVENTS_GROUP_FIELDS, GROUPS } from './groupsSchema';

export type ValueKind = 'string' | 'integer' | 'float' | 'boolean' | 'datetime' | 'date' | 'uuid' | 'array' | 'unknown';

export type FieldDef =
  | { kind: 'column'; column: string; type: ValueKind; nullable: boolean }
  /** `owner`: whose property definitions type its properties (event or person). */
  | { kind: 'json'; column: string; owner?: 'event' | 'person' }
  | { kind: 'virtual'; fields: Record<string, FieldDef> }
  /** A lazy join (LEFT unless `join` says INNER, as PostHog's `events.pdi`). */
  | { kind: 'lazy'; table: string; from: string; to: string; join?: 'INNER'; groupIndex?: number }
  | { kind: 'unsupported' };

export interface TableDef {
  name: string;
  /** Physical table name, or null when the table is a derived subquery (`subquery`). */
  physical: string | null;
  /** ClickHouse SELECT text for derived tables; the team filter is inside (and a lazy join's group index). */
  subquery?: (teamId: number, groupIndex?: number) => string;
  fields: Record<string, FieldDef>;
  /** Fields `*` expands to, in order. */
  asterisk: string[];
  /** Table function (numbers): takes arguments, no team filter. */
  tableFunction?: { min: number; max: number };
}

const col = (column: string, type: ValueKind, nullable = false): FieldDef => ({ kind: 'column', column, type, nullable });

const EVENTS_UNSUPPORTED = [
  '$session_id_uuid', 'person_mode', 'goe_0', 'goe_1', 'goe_2', 'goe_3', 'goe_4',
  'elements_chain_href', 'elements_chain_texts', 'elements_chain_ids', 'elements_chain_elements',
  'event_issue_id', 'exception_issue_override', 'issue_id',
];

const PERSON_ON_EVENTS: FieldDef = {
  kind: 'virtual',
  fields: {
    id: col('person_id', 'uuid'),
    created_at: col('person_created_at', 'datetime'),
    properties: { kind: 'json', column: 'person_properties', owner: 'person' },
  },
};

const EVENTS: TableDef = {
  name: 'events',
  physical: 'events',
  fields: {
    uuid: col('uuid', 'uuid'),
    event: col('event', 'string'),
    properties: { kind: 'json', column: 'properties', owner: 'event' },
    timestamp: col('timestamp', 'datetime'),
    distinct_id: col('distinct_id', 'string'),
    elements_chain: col('elements_chain', 'string'),
    created_at: col('created_at', 'datetime'),
    $session_id: col('$session_id', 'string'),
    $window_id: col('$window_id', 'string'),
    person_id: col('person_id', 'uuid'),
    person: PERSON_ON_EVENTS,
    poe: PERSON_ON_EVENTS,
    session: { kind: 'lazy', table: 'sessions', from: '$session_id', to: 'session_id' },
    // join_with_person_distinct_ids_table: INNER JOIN on distinct_id.
    pdi: { kind: 'lazy', table: 'person_distinct_ids', from: 'distinct_id', to: 'distinct_id', join: 'INNER' },
    ...EVENTS_GROUP_FIELDS,
    ...Object.fromEntries(EVENTS_UNSUPPORTED.map((name) => [name, { kind: 'unsupported' } as FieldDef])),
  },
  asterisk: ['uuid', 'event', 'properties', 'timestamp', 'distinct_id', 'elements_chain', 'created_at', '$session_id', '$window_id', ...EVENTS_GROUP_ASTERISK],
};

const PERSONS: TableDef = {
  name: 'persons',
  physical: null,
  subquery: (teamId) =>
    'SELECT `p`.`id` AS `id`, `p`.`__properties` AS `properties`, `p`.`__created_at` AS `created_at`, ' +
    '`p`.`__is_identified` AS `is_identified` FROM (SELECT `id`, argMax(`properties`, `version`) AS `__properties`, ' +
    'argMax(`created_at`, `version`) AS `__created_at`, argMax(`is_identified`, `version`) AS `__is_identified`, ' +
    'argMax(`is_deleted`, `version`) AS `__is_deleted` FROM `persons` ' +
    `WHERE equals(\`team_id\`, ${teamId}) GROUP BY \`id\`) AS \`p\` WHERE equals(\`p\`.\`__is_deleted\`, 0)`,
  fields: {
    id: col('id', 'uuid'),
    created_at: col('created_at', 'datetime'),
    properties: { kind: 'json', column: 'properties', owner: 'person' },
    is_identified: col('is_identified', 'boolean'),
    /** posthog persons_pdi.py: LEFT JOIN person_distinct_ids ON persons.id = pdi.person_id. */
    pdi: { kind: 'lazy', table: 'person_distinct_ids', from: 'id', to: 'person_id' },
    revenue_analytics: { kind: 'unsupported' },
    $virt_initial_referring_domain_type: { kind: 'unsupported' },
    $virt_initial_channel_type: { kind: 'unsupported' },
    $virt_revenue: { kind: 'unsupported' },
    $virt_revenue_last_30_days: { kind: 'unsupported' },
  },
  asterisk: ['id', 'created_at', 'properties', 'is_identified'],
};

const PERSON_DISTINCT_IDS: TableDef = {
  name: 'person_distinct_ids',
  physical: null,
  subquery: (teamId) =>
    'SELECT `d`.`distinct_id` AS `distinct_id`, `d`.`__person_id` AS `person_id` FROM (SELECT `distinct_id`, ' +
    'argMax(`person_id`, `version`) AS `__person_id`, argMax(`is_deleted`, `version`) AS `__is_deleted` ' +
    `FROM \`person_distinct_ids\` WHERE equals(\`team_id\`, ${teamId}) GROUP BY \`distinct_id\`) AS \`d\` ` +
    'WHERE equals(`d`.`__is_deleted`, 0)',
  fields: {
    distinct_id: col('distinct_id', 'string'),
    person_id: col('person_id', 'uuid'),
    person: { kind: 'lazy', table: 'persons', from: 'person_id', to: 'id' },
    revenue_analytics: { kind: 'unsupported' },
  },
  asterisk: ['distinct_id', 'person_id'],
};

/** Session entry/exit properties: HogQL field → event property (argMin/argMax over non-null values). */
const ENTRY_PROPERTIES: Record<string, string> = {
  $entry_current_url: '$current_url',
  $entry_pathname: '$pathname',
  $entry_hostname: '$host',
  $entry_referring_domain: '$referring_domain',
  $entry_referrer: '$referrer',
  $entry_utm_source: 'utm_source',
  $entry_utm_campaign: 'utm_campaign',
  $entry_utm_medium: 'utm_medium',
  $entry_utm_term: 'utm_term',
  $entry_utm_content: 'utm_content',
  $entry_gclid: 'gclid',
  $entry_fbclid: 'fbclid',
};
const EXIT_PROPERTIES: Record<string, string> = {
  $end_current_url: '$current_url',
  $end_pathname: '$pathname',
  $end_hostname: '$host',
  $exit_current_url: '$current_url',
  $exit_pathname: '$pathname',
};

function prop(name: string): string {
  return `replaceRegexpAll(nullIf(nullIf(JSONExtractRaw(\`properties\`, '${name.replace(/'/g, "\\'")}'), ''), 'null'), '^"|"$', '')`;
}

function sessionsSubquery(teamId: number): string {
  const inner: string[] = [
    '`$session_id` AS `__id`',
    'argMax(`distinct_id`, `timestamp`) AS `__distinct_id`',
    'min(`timestamp`) AS `__start`',
    'max(`timestamp`) AS `__end`',
    "countIf(equals(`event`, '$pageview')) AS `__pageviews`",
    "countIf(equals(`event`, '$autocapture')) AS `__autocaptures`",
    "countIf(equals(`event`, '$screen')) AS `__screens`",
    `uniqIf(${prop('$current_url')}, isNotNull(${prop('$current_url')})) AS \`__uniq_urls\``,
  ];
  const outer: string[] = [
    '`s`.`__id` AS `id`',
    '`s`.`__id` AS `session_id`',
    '`s`.`__distinct_id` AS `distinct_id`',
    '`s`.`__start` AS `$start_timestamp`',
    '`s`.`__end` AS `$end_timestamp`',
    "dateDiff('second', `s`.`__start`, `s`.`__end`) AS `$session_duration`",
    "dateDiff('second', `s`.`__start`, `s`.`__end`) AS `duration`",
    '`s`.`__pageviews` AS `$pageview_count`',
    '`s`.`__autocaptures` AS `$autocapture_count`',
    '`s`.`__screens` AS `$screen_count`',
    '`s`.`__uniq_urls` AS `$num_uniq_urls`',
  ];
  let i = 0;
  for (const [fieldName, property] of Object.entries(ENTRY_PROPERTIES)) {
    inner.push(`argMinIf(${prop(property)}, \`timestamp\`, isNotNull(${prop(property)})) AS \`__e${i}\``);
    outer.push(`\`s\`.\`__e${i++}\` AS \`${fieldName}\``);
  }
  for (const [fieldName, property] of Object.entries(EXIT_PROPERTIES)) {
    inner.push(`argMaxIf(${prop(property)}, \`timestamp\`, isNotNull(${prop(property)})) AS \`__e${i}\``);
    outer.push(`\`s\`.\`__e${i++}\` AS \`${fieldName}\``);
  }
  return (
    `SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM \`events\` ` +
    `WHERE and(equals(\`team_id\`, ${teamId}), notEquals(\`$session_id\`, '')) GROUP BY \`$session_id\`) AS \`s\``
  );
}

const SESSIONS: TableDef = {
  name: 'sessions',
  physical: null,
  subquery: sessionsSubquery,
  fields: {
    id: col('id', 'string'),
    session_id: col('session_id', 'string'),
    distinct_id: col('distinct_id', 'string'),
    $start_timestamp: col('$start_timestamp', 'datetime'),
    $end_timestamp: col('$end_timestamp', 'datetime'),
    $session_duration: col('$session_duration', 'integer'),
    duration: col('duration', 'integer'),
    $pageview_count: col('$pageview_count', 'integer'),
    $autocapture_count: col('$autocapture_count', 'integer'),
    $screen_count: col('$screen_count', 'integer'),
    $num_uniq_urls: col('$num_uniq_urls', 'integer'),
    ...Object.fromEntries(
      [...Object.keys(ENTRY_PROPERTIES), ...Object.keys(EXIT_PROPERTIES)].map((name) => [name, col(name, 'string', true)]),
    ),
    ...Object.fromEntries(
      ['session_id_v7', 'max_inserted_at', '$urls', '$entry_gad_source', '$entry_gclsrc', '$entry_dclid', '$entry_gbraid',
        '$entry_wbraid', '$entry_msclkid', '$entry_twclid', '$entry_li_fat_id', '$entry_mc_cid', '$entry_igshid',
        '$entry_ttclid', '$entry__kx', '$entry_irclid', '$channel_type', '$is_bounce', '$last_external_click_url',
        '$page_screen_autocapture_count_up_to', '$vitals_lcp'].map((name) => [name, { kind: 'unsupported' } as FieldDef]),
    ),
  },
  asterisk: ['session_id', 'distinct_id', '$start_timestamp', '$end_timestamp', '$session_duration', '$entry_current_url',
    '$entry_pathname', '$end_current_url', '$end_pathname', '$pageview_count', '$autocapture_count', '$screen_count'],
};

/** PostHog's `cohort_people` (person_id, cohort_id) over the physical table, newest version per member. */
const COHORT_PEOPLE: TableDef = {
  name: 'cohort_people',
  physical: null,
  subquery: (teamId) =>
    'SELECT `c`.`person_id` AS `person_id`, `c`.`cohort_id` AS `cohort_id` FROM (SELECT `person_id`, `cohort_id` FROM `cohort_people` ' +
    `WHERE equals(\`team_id\`, ${teamId}) GROUP BY \`person_id\`, \`cohort_id\`) AS \`c\``,
  fields: {
    person_id: col('person_id', 'uuid'),
    cohort_id: col('cohort_id', 'integer'),
    person: { kind: 'lazy', table: 'persons', from: 'person_id', to: 'id' },
  },
  asterisk: ['person_id', 'cohort_id'],
};

/**
 * PostHog's `static_cohort_people` (static_cohort_people.py): person_id, cohort_id, team_id and a
 * `person` join, over the physical `person_static_cohort` (its `_timestamp`/`_offset` not exposed).
 */
const STATIC_COHORT_PEOPLE: TableDef = {
  name: 'static_cohort_people',
  physical: null,
  subquery: (teamId) =>
    'SELECT `s`.`person_id` AS `person_id`, `s`.`cohort_id` AS `cohort_id`, `s`.`team_id` AS `team_id` ' +
    `FROM \`person_static_cohort\` AS \`s\` WHERE equals(\`s\`.\`team_id\`, ${teamId})`,
  fields: {
    person_id: col('person_id', 'uuid'),
    cohort_id: col('cohort_id', 'integer'),
    team_id: col('team_id', 'integer'),
    person: { kind: 'lazy', table: 'persons', from: 'person_id', to: 'id' },
  },
  asterisk: ['person_id', 'cohort_id', 'team_id'],
};

const NUMBERS: TableDef = {
  name: 'numbers',
  physical: 'numbers',
  fields: { number: col('number', 'integer') },
  asterisk: ['number'],
  tableFunction: { min: 1, max: 2 },
};

export const TABLES: Record<string, TableDef> = {
  events: EVENTS,
  persons: PERSONS,
  person_distinct_ids: PERSON_DISTINCT_IDS,
  sessions: SESSIONS,
  cohort_people: COHORT_PEOPLE,
  static_cohort_people: STATIC_COHORT_PEOPLE,
  groups: GROUPS,
  numbers: NUMBERS,
};

/** PostHog tables the emulator knows of but does not serve (refused with a clear error). */
export const KNOWN_UNSERVED_TABLES = new Set([
  'session_replay_events', 'person_distinct_id_overrides',
  'error_tracking_issue_fingerprint_overrides', 'log_entries', 'console_logs_log_entries', 'batch_export_log_entries',
  'app_metrics', 'query_log', 'logs', 'heatmaps', 'exchange_rate', 'document_embeddings', 'pg_embeddings',
  'persons_revenue_analytics', 'groups_revenue_analytics', 'raw_persons', 'raw_groups', 'raw_person_distinct_ids',
  'raw_person_distinct_id_overrides', 'raw_sessions', 'raw_session_replay_events', 'raw_cohort_people',
  'raw_error_tracking_issue_fingerprint_overrides', 'raw_query_log', 'raw_document_embeddings',
]);

export function unservedTableError(name: string, where?: { start?: number; end?: number }) {
  return unsupported(`The table \`${name}\``, where);
}

/** Own-property lookup (field and table names are user text: never reach Object.prototype). */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
