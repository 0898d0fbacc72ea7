/**
 * Data warehouse saved queries ("views"), as products/data_warehouse/backend/api/saved_query.py
 * serves them: create (201) and upsert by name (200), the minimal list, retrieve with
 * `latest_history_id`, the optimistic lock on PATCH, name and query validation, soft delete.
 */
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../src/index';
import { call, startTestEmulator, stopTestEmulator } from './support/harness';

describe('warehouse saved queries (views)', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  before(async () => (emu = await startTestEmulator()));
  after(() => stopTestEmulator(emu));
  const base = '/api/projects/1/warehouse_saved_queries/';
  const post = (body: unknown) => call(emu, 'POST', base, { body });
  const hogql = (query: string) => ({ kind: 'HogQLQuery', query });

  it('creates a view (201) with its columns and a history id, lists it without its query, retrieves it whole', async () => {
    const created = await post({ name: 'daily_events', query: hogql('SELECT event, count() AS n FROM events GROUP BY event') });
    assert.equal(created.status, 201, created.text);
    const v = created.json;
    assert.match(v.id, /^[0-9a-f-]{36}$/);
    assert.deepEqual(v.query, hogql('SELECT event, count() AS n FROM events GROUP BY event'));
    assert.deepEqual(v.columns.map((c: { name: string; type: string }) => [c.name, c.type]), [['event', 'string'], ['n', 'integer']]);
    assert.equal(typeof v.latest_history_id, 'string');
    assert.deepEqual([v.status, v.origin, v.is_materialized, v.deleted], [null, 'data_warehouse', false, false]);

    const list = await call(emu, 'GET', `${base}?search=daily`);
    assert.equal(list.status, 200);
    assert.deepEqual(Object.keys(list.json).sort(), ['count', 'next', 'previous', 'results']);
    const row = list.json.results.find((r: { id: string }) => r.id === v.id);
    assert.ok(row, 'listed');
    assert.equal('query' in row, false, 'the list serializer has no query');
    assert.equal('latest_history_id' in row, false);

    const got = await call(emu, 'GET', `${base}${v.id}/`);
    assert.deepEqual([got.status, got.json.query.query, got.json.latest_history_id], [200, v.query.query, v.latest_history_id]);
  });

  it('POST with an existing name updates that view (200), as an upsert', async () => {
    const first = (await post({ name: 'upserted', query: hogql('SELECT 1 AS a') })).json;
    const again = await post({ name: 'upserted', query: hogql('SELECT 2 AS b'), edited_history_id: first.latest_history_id });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.json.id, first.id);
    assert.equal(again.json.query.query, 'SELECT 2 AS b');
    assert.equal(again.json.status, 'Modified');
  });

  it("refuses a PATCH of the query without the latest history id: 'The query was modified by someone else.'", async () => {
    const v = (await post({ name: 'locked', query: hogql('SELECT 1 AS a') })).json;
    const ok = await call(emu, 'PATCH', `${base}${v.id}/`, { body: { query: hogql('SELECT 2 AS a'), edited_history_id: v.latest_history_id } });
    assert.equal(ok.status, 200, ok.text);
    assert.notEqual(ok.json.latest_history_id, v.latest_history_id, 'a new activity');
    const stale = await call(emu, 'PATCH', `${base}${v.id}/`, { body: { query: hogql('SELECT 3 AS a'), edited_history_id: v.latest_history_id } });
    assert.equal(stale.status, 400);
    assert.deepEqual(stale.json, { type: 'validation_error', code: 'invalid_input', detail: 'The query was modified by someone else.', attr: null });
    const missing = await call(emu, 'PATCH', `${base}${v.id}/`, { body: { query: hogql('SELECT 3 AS a') } });
    assert.equal(missing.status, 400);
  });

  it('validates names like PostHog: characters, length, PostHog tables, existing tables', async () => {
    const bad = await post({ name: '1st view', query: hogql('SELECT 1') });
    assert.deepEqual([bad.status, bad.json.attr, bad.json.detail], [400, 'name', "1st view is not a valid view name. View names can only contain letters, numbers, '_', '.', or '$' "]);
    const table = await post({ name: 'events', query: hogql('SELECT 1') });
    assert.deepEqual([table.status, table.json.detail], [400, 'events is not a valid view name. View names cannot overlap with PostHog table names.']);
    const long = await post({ name: 'x'.repeat(129), query: hogql('SELECT 1') });
    assert.deepEqual([long.status, long.json.code], [400, 'max_length']);
    const none = await post({ query: hogql('SELECT 1') });
    assert.deepEqual([none.status, none.json.code, none.json.attr], [400, 'required', 'name']);
  });

  it('refuses placeholders and invalid queries', async () => {
    const variable = await post({ name: 'with_var', query: hogql('SELECT {variables.x}') });
    assert.deepEqual([variable.status, variable.json.attr, variable.json.detail], [400, 'query', 'Variables like {variables.x} are not allowed in views']);
    const filters = await post({ name: 'with_filters', query: hogql('SELECT 1 FROM events WHERE {filters}') });
    assert.equal(filters.json.detail, 'Filters and placeholder expressions are not allowed in views');
    const invalid = await post({ name: 'bad_field', query: hogql('SELECT no_such_field FROM events') });
    assert.equal(invalid.status, 400);
    assert.match(invalid.json.detail, /^Invalid query: /);
  });

  it('soft-deletes (204): the view is gone from list and retrieve', async () => {
    const v = (await post({ name: 'doomed', query: hogql('SELECT 1 AS a') })).json;
    assert.equal((await call(emu, 'DELETE', `${base}${v.id}/`)).status, 204);
    assert.equal((await call(emu, 'GET', `${base}${v.id}/`)).status, 404);
    assert.equal((await call(emu, 'GET', base)).json.results.some((r: { id: string }) => r.id === v.id), false);
    assert.equal((await post({ name: 'doomed', query: hogql('SELECT 1 AS a') })).status, 201, 'the name is free again');
  });

  it('is a table in HogQL: queried by its name, joined, and known to metadata (views of views too)', async () => {
    await post({ name: 'pageviews_by_day', query: hogql("SELECT toDate(timestamp) AS day, count() AS n FROM events WHERE event = '$pageview' GROUP BY day") });
    await post({ name: 'busy_days', query: hogql('SELECT day, n FROM pageviews_by_day WHERE n > 0') });
    const run = (query: string) => call(emu, 'POST', '/api/projects/1/query/', { body: { query: { kind: 'HogQLQuery', query } } });
    const direct = await run("SELECT count() AS days, sum(n) AS total FROM (SELECT toDate(timestamp) AS day, count() AS n FROM events WHERE event = '$pageview' GROUP BY day)");
    const byName = await run('SELECT count() AS days, sum(v.n) AS total FROM pageviews_by_day AS v');
    assert.equal(byName.status, 200, byName.text);
    assert.deepEqual(byName.json.results, direct.json.results);
    assert.ok(Number(direct.json.results[0][0]) > 0, 'the dataset has pageviews');
    const nested = await run('SELECT count() FROM busy_days');
    assert.deepEqual(nested.json.results, [[direct.json.results[0][0]]]);
    const meta = await call(emu, 'POST', '/api/projects/1/query/', { body: { query: { kind: 'HogQLMetadata', language: 'hogQL', query: 'SELECT day FROM busy_days' } } });
    assert.deepEqual([meta.json.isValid, meta.json.errors], [true, []]);
    const other = await call(emu, 'POST', '/api/projects/2/query/', { body: { query: { kind: 'HogQLQuery', query: 'SELECT 1 FROM busy_days' } } });
    assert.equal(other.status, 400, "another project's view is not a table there");
  });
});

