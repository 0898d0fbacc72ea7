/**
 * Groups (issue #15): PostHog's `groups` HogQL table, events' `$group_0..4` columns and
 * `group_0..4` lazy joins (posthog/hogql/database/schema/{groups,events}.py), and the group type
 * mapping at `GET /api/projects/:pid/groups_types/` (posthog/api/group.py GroupsTypesViewSet).
 */
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../src/index';
import { call, key, startTestEmulator, stopTestEmulator, TEST_NOW } from './support/harness';

describe('groups', function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  before(async () => (emu = await startTestEmulator({ now: TEST_NOW })));
  after(() => stopTestEmulator(emu));

  const query = async (q: string, project = 1) => {
    const r = await call(emu, 'POST', `/api/projects/${project}/query/`, { body: { query: { kind: 'HogQLQuery', query: q }, refresh: 'force_blocking' } });
    assert.equal(r.status, 200, r.text);
    return r.json as { columns: string[]; types: [string, string][]; results: unknown[][]; clickhouse: string };
  };

  it('serves the group type mapping as a bare array with PostHog fields, under the group scope', async () => {
    const r = await call(emu, 'GET', '/api/projects/1/groups_types/');
    assert.equal(r.status, 200, r.text);
    assert.ok(Array.isArray(r.json));
    assert.deepEqual(r.json.map((t: Record<string, unknown>) => Object.keys(t)), r.json.map(() => ['group_type', 'group_type_index', 'name_singular', 'name_plural', 'detail_dashboard', 'default_columns', 'created_at']));
    assert.deepEqual(r.json.map((t: { group_type: string; group_type_index: number }) => [t.group_type_index, t.group_type]), [[0, 'company'], [1, 'workspace']]);
    const denied = await call(emu, 'GET', '/api/projects/1/groups_types/', { key: key(emu, 'query only') });
    assert.equal(denied.status, 403);
    assert.equal(denied.json.detail, "API key missing required scope 'group:read'");
    assert.equal((await call(emu, 'GET', '/api/projects/1/groups_types/', { key: key(emu, 'read only') })).status, 200);
  });

  it('serves the groups table: index, key, created_at, updated_at, properties in *, team_id on request', async () => {
    const r = await query('SELECT * FROM groups ORDER BY index, key');
    assert.deepEqual(r.columns, ['index', 'key', 'created_at', 'updated_at', 'properties']);
    assert.deepEqual(r.types.map((t) => t[1]), ['UInt8', 'String', "DateTime64(3, 'UTC')", "DateTime('UTC')", 'String']);
    const companies = r.results.filter((row) => row[0] === 0);
    const workspaces = r.results.filter((row) => row[0] === 1);
    assert.ok(companies.length >= 3 && workspaces.length >= companies.length, `${companies.length} companies, ${workspaces.length} workspaces`);
    const props = JSON.parse(String(companies[0][4]));
    assert.equal(typeof props.name, 'string');
    assert.equal(props.domain, companies[0][1]);
    for (const w of workspaces) assert.ok(companies.some((c) => String(w[1]).startsWith(`${String(c[1])}/`)), String(w[1]));
    const [[teamId, n]] = (await query('SELECT team_id, count() FROM groups GROUP BY team_id')).results;
    assert.equal(Number(teamId), 1);
    assert.equal(Number(n), r.results.length);
    const [[company]] = (await query("SELECT properties.name FROM groups WHERE index = 0 AND key = 'acme.com'")).results;
    assert.equal(company, 'Acme Corp');
  });

  it('gives events $group_0..4 keys (never NULL) that match their $groups properties', async () => {
    const r = await query(
      "SELECT countIf($group_0 != ''), countIf($group_0 != properties.$groups.company), countIf($group_1 != '' AND $group_1 != properties.$group_1), " +
        "countIf($group_0 = '' AND $group_1 != ''), countIf($group_2 != '' OR $group_3 != '' OR $group_4 != ''), count() FROM events",
    );
    assert.deepEqual(r.types.slice(0, 1).map((t) => t[1]), ['UInt64']);
    const [withGroup, mismatch, mismatch1, orphan, higher, all] = r.results[0].map(Number);
    assert.ok(withGroup > 0 && withGroup < all, `${withGroup} of ${all} events have a company`);
    assert.equal(mismatch, all - withGroup, 'events without a company have no $groups (NULL compares unequal), the others match');
    assert.equal(mismatch1, 0);
    assert.equal(orphan, 0);
    assert.equal(higher, 0);
    const types = (await query('SELECT $group_0, $group_4 FROM events LIMIT 1')).types.map((t) => t[1]);
    assert.deepEqual(types, ['String', 'String']);
  });

  it('joins events to their groups through group_0..group_4 (LEFT JOIN on $group_N = key, index N)', async () => {
    const r = await query(
      "SELECT group_0.properties.name, group_0.key, $group_0, group_1.index, group_1.properties.company FROM events WHERE $group_0 = 'acme.com' LIMIT 20",
    );
    assert.match(r.clickhouse, /LEFT JOIN \(SELECT .*equals\(`group_type_index`, 0\).*\) AS `events__group_0` ON equals\(`events`\.`\$group_0`, `events__group_0`\.`key`\)/);
    assert.ok(r.results.length > 0);
    for (const [name, k, raw, index, company] of r.results) {
      assert.deepEqual([name, k, index, company], ['Acme Corp', raw, 1, 'acme.com']);
    }
    const [[unmatched]] = (await query("SELECT countIf(group_0.key != $group_0) FROM events WHERE $group_0 != ''")).results;
    assert.equal(Number(unmatched), 0);
    // LEFT JOIN: events without a group keep their row.
    const [[total]] = (await query('SELECT count() FROM events')).results;
    const [[viaJoin]] = (await query('SELECT count() FROM events WHERE group_2.index = group_2.index OR true')).results;
    assert.equal(Number(viaJoin), Number(total));
  });

  it('puts $group_0..$group_4 in SELECT * FROM events, after $window_id, like PostHog', async () => {
    const r = await query('SELECT * FROM events LIMIT 1');
    assert.deepEqual(r.columns.slice(8), ['$window_id', '$group_0', '$group_1', '$group_2', '$group_3', '$group_4']);
  });
});
