/**
 * ClickHouse DDL of the emulator's physical tables. Names and columns are a contract with the
 * HogQL half (`src/hogql/`), which translates HogQL's `events`, `persons`, `person_distinct_ids`,
 * `cohort_people` (and the derived `sessions`) onto these tables.
 * JSON-ish columns (`properties`, `person_properties`) hold JSON object text, as PostHog stores them.
 */

/**
 * PostHog's `$group_0`..`$group_4` columns, materialized from the `$group_N` properties that its
 * ingestion adds from `$groups` (posthog/models/event/sql.py); here a DEFAULT from the same
 * property, so rows inserted without them (capture, test fixtures) get them too.
 */
const GROUP_COLUMNS = [0, 1, 2, 3, 4]
  .map((i) => `\`$group_${i}\` String DEFAULT replaceRegexpAll(JSONExtractRaw(properties, '$group_${i}'), '^"|"$', '')`)
  .join(',\n  ');

export const EVENTS_DDL = `CREATE TABLE IF NOT EXISTS events (
  uuid UUID,
  team_id Int64,
  event String,
  distinct_id String,
  properties String,
  timestamp DateTime64(6, 'UTC'),
  created_at DateTime64(6, 'UTC'),
  person_id UUID,
  person_properties String,
  person_created_at DateTime64(6, 'UTC'),
  elements_chain String,
  \`$session_id\` String,
  \`$window_id\` String,
  ${GROUP_COLUMNS}
) ENGINE = MergeTree ORDER BY (team_id, toDate(timestamp), event, cityHash64(distinct_id), uuid)`;

export const PERSONS_DDL = `CREATE TABLE IF NOT EXISTS persons (
  id UUID,
  team_id Int64,
  properties String,
  created_at DateTime64(6, 'UTC'),
  is_identified UInt8,
  version Int64,
  is_deleted UInt8
) ENGINE = MergeTree ORDER BY (team_id, id)`;

export const PERSON_DISTINCT_IDS_DDL = `CREATE TABLE IF NOT EXISTS person_distinct_ids (
  team_id Int64,
  distinct_id String,
  person_id UUID,
  version Int64,
  is_deleted UInt8
) ENGINE = MergeTree ORDER BY (team_id, distinct_id)`;

export const COHORT_PEOPLE_DDL = `CREATE TABLE IF NOT EXISTS cohort_people (
  team_id Int64,
  cohort_id Int64,
  person_id UUID,
  version Int64
) ENGINE = MergeTree ORDER BY (team_id, cohort_id, person_id)`;

/** Members of static cohorts, PostHog's `person_static_cohort` (HogQL `static_cohort_people`). */
export const PERSON_STATIC_COHORT_DDL = `CREATE TABLE IF NOT EXISTS person_static_cohort (
  id UUID DEFAULT generateUUIDv4(),
  person_id UUID,
  cohort_id Int64,
  team_id Int64,
  _timestamp DateTime DEFAULT now(),
  _offset UInt64 DEFAULT 0
) ENGINE = MergeTree ORDER BY (team_id, cohort_id, person_id, id)`;

/** PostHog's ClickHouse `groups` (posthog/models/group/sql.py): newest `_timestamp` per key wins. */
export const GROUPS_DDL = `CREATE TABLE IF NOT EXISTS groups (
  group_type_index UInt8,
  group_key String,
  created_at DateTime64(3, 'UTC'),
  team_id Int64,
  group_properties String,
  _timestamp DateTime('UTC'),
  _offset UInt64
) ENGINE = ReplacingMergeTree(_timestamp) ORDER BY (team_id, group_type_index, group_key)`;

export const TABLE_NAMES = ['events', 'persons', 'person_distinct_ids', 'cohort_people', 'person_static_cohort', 'groups'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** All DDL, in creation order. */
export const ALL_DDL: readonly string[] = [EVENTS_DDL, PERSONS_DDL, PERSON_DISTINCT_IDS_DDL, COHORT_PEOPLE_DDL, PERSON_STATIC_COHORT_DDL, GROUPS_DDL];

/** Bump when the DDL or the generator changes shape, so old data dirs get rebuilt. */
export const SCHEMA_VERSION = 4;
