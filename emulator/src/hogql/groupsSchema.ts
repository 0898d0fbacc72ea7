/**
 * PostHog's `groups` HogQL table and the group fields of `events`
 * (posthog/hogql/database/schema/groups.py and events.py):
 * - `groups`: index, team_id, key, created_at, updated_at (`_timestamp`), properties; a lazy
 *   table over the ClickHouse `groups` that keeps the newest `_timestamp` per (index, key), like
 *   its `argmax_select`. `team_id` is not in `*`.
 * - `events.$group_0`..`$group_4`: the group keys (String, never NULL; '' when none).
 * - `events.group_0`..`group_4`: lazy LEFT JOINs to the groups of that index on
 *   `$group_N = key` (`join_with_group_n_table`).
 * The `goe_N` sub-tables (group properties on events, a person-on-events mode) are not served.
 */
import type { FieldDef, TableDef } from './schema';

const GROUP_INDEXES = [0, 1, 2, 3, 4] as const;

function groupsSubquery(teamId: number, groupIndex?: number): string {
  let where = `equals(\`team_id\`, ${teamId})`;
  if (groupIndex !== undefined) where = `and(${where}, equals(\`group_type_index\`, ${groupIndex}))`;
  return (
    'SELECT `g`.`index` AS `index`, `g`.`key` AS `key`, `g`.`__created_at` AS `created_at`, ' +
    '`g`.`__updated_at` AS `updated_at`, `g`.`__properties` AS `properties`, ' +
    `toInt64(${teamId}) AS \`team_id\` FROM (SELECT \`group_type_index\` AS \`index\`, \`group_key\` AS \`key\`, ` +
    'argMax(`created_at`, `_timestamp`) AS `__created_at`, max(`_timestamp`) AS `__updated_at`, ' +
    'argMax(`group_properties`, `_timestamp`) AS `__properties` FROM `groups` ' +
    `WHERE ${where} GROUP BY \`group_type_index\`, \`group_key\`) AS \`g\``
  );
}

export const GROUPS: TableDef = {
  name: 'groups',
  physical: null,
  subquery: groupsSubquery,
  fields: {
    index: { kind: 'column', column: 'index', type: 'integer', nullable: false },
    team_id: { kind: 'column', column: 'team_id', type: 'integer', nullable: false },
    key: { kind: 'column', column: 'key', type: 'string', nullable: false },
    created_at: { kind: 'column', column: 'created_at', type: 'datetime', nullable: false },
    updated_at: { kind: 'column', column: 'updated_at', type: 'datetime', nullable: false },
    properties: { kind: 'json', column: 'properties' },
  },
  asterisk: ['index', 'key', 'created_at', 'updated_at', 'properties'],
};

/** `$group_N` columns and `group_N` lazy joins, for the events table. */
export const EVENTS_GROUP_FIELDS: Record<string, FieldDef> = Object.fromEntries(
  GROUP_INDEXES.flatMap((i) => [
    [`$group_${i}`, { kind: 'column', column: `$group_${i}`, type: 'string', nullable: false } as FieldDef],
    [`group_${i}`, { kind: 'lazy', table: 'groups', from: `$group_${i}`, to: 'key', groupIndex: i } as FieldDef],
  ]),
);

/** In PostHog's `SELECT * FROM events`, after `$window_id`. */
export const EVENTS_GROUP_ASTERISK = GROUP_INDEXES.map((i) => `$group_${i}`);
