/** The query endpoint: HogQL runs, cache, errors, async polling with progress, and real cancellation. */
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../src/index';
import { call, startTestEmulator, stopTestEmulator, waitFor } from './support/harness';

const LONG = 'SELECT sum(number) FROM numbers(1000000000000)';
const hogql = (query: string, extra: Record<string, unknown> = {}) => ({ query: { kind: 'HogQLQuery', query }, ...extra });

describe('query endpoint', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  before(async () => (emu = await startTestEmulator()));
  after(() => stopTestEmulator(emu));

  const admin = (path: string) => call(emu, 'GET', path, { key: emu.adminToken });

  it('runs a HogQLQuery and caches it for blocking; force_blocking recomputes', async () => {
    const body = hogql("select event, count() as c from events where event = {e} group by event", { refresh: 'blocking', query: { kind: 'HogQLQuery', query: 'select event, count() as c from events where event = {e} group by event', values: { e: '$pageview' } } });
    const first = await call(emu, 'POST', '/api/projects/1/query/', { body });
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(first.json.columns, ['event', 'c']);
    assert.equal(first.json.results[0][0], '$pageview');
    assert.equal(first.json.is_cached, false);
    assert.match(first.json.cache_key, /^cache_/);
    const second = await call(emu, 'POST', '/api/projects/1/query/', { body });
    assert.equal(second.json.is_cached, true);
    assert.equal(second.json.last_refresh, first.json.last_refresh);
    const forced = await call(emu, 'POST', '/api/projects/1/query/', { body: { ...body, refresh: 'force_blocking' } });
    assert.equal(forced.json.is_cached, false);
    const other = await call(emu, 'POST', '/api/projects/1/query/', { body: { ...body, query: { ...body.query, values: { e: 'purchase' } } } });
    assert.equal(other.json.is_cached, false);
    assert.equal(other.json.results[0][0], 'purchase');
  });

  it('answers HogQL errors with 400 validation_error and the HogQL code', async () => {
    const r = await call(emu, 'POST', '/api/projects/1/query/', { body: hogql('SELEC 1') });
    assert.equal(r.status, 400);
    assert.equal(r.json.type, 'validation_error');
    assert.equal(r.json.code, 'hogql_syntax_error');
    assert.equal(r.json.attr, null);
    const missing = await call(emu, 'POST', '/api/projects/1/query/', { body: {} });
    assert.deepEqual(missing.json, { type: 'validation_error', code: 'required', detail: 'This field is required.', attr: 'query' });
    const badJson = await call(emu, 'POST', '/api/projects/1/query/', { raw: '{nope', headers: { 'Content-Type': 'application/json' } });
    assert.equal(badJson.status, 400);
    assert.equal(badJson.json.code, 'parse_error');
  });

  it('answers HogQLMetadata and HogQLAutocomplete with 200', async () => {
    const m = await call(emu, 'POST', '/api/projects/1/query/', { body: { query: { kind: 'HogQLMetadata', language: 'hogQL', query: 'select 1' } } });
    assert.equal(m.status, 200, m.text);
    assert.equal(typeof m.json.isValid, 'boolean');
    assert.ok(Array.isArray(m.json.errors));
    const a = await call(emu, 'POST', '/api/projects/1/query/', { body: { query: { kind: 'HogQLAutocomplete', language: 'hogQL', query: 'select  from events', startPosition: 7, endPosition: 7 } } });
    assert.equal(a.status, 200, a.text);
    assert.ok(Array.isArray(a.json.suggestions));
  });

  it('runs async (202), polls to 200 with results in query_status', async () => {
    const start = await call(emu, 'POST', '/api/projects/1/query/', { body: hogql('select count() from events', { refresh: 'force_async', client_query_id: 'async-count-1' }) });
    assert.equal(start.status, 202, start.text);
    assert.equal(start.json.query_status.id, 'async-count-1');
    assert.equal(start.json.query_status.complete, false);
    const done = await waitFor(async () => {
      const r = await call(emu, 'GET', '/api/projects/1/query/async-count-1/');
      return r.status === 200 ? r : null;
    }, 20_000, 'async completion');
    assert.equal(done.json.query_status.complete, true);
    assert.equal(done.json.query_status.error, false);
    assert.equal(Number(done.json.query_status.results.results[0][0]), 5600, "team 1 holds 70% of the 8000 events");
    const legacy = await call(emu, 'POST', '/api/projects/1/query/', { body: hogql('select count() from events', { async: true }) });
    assert.equal(legacy.status, 200, 'legacy async:true hits the cache filled by the async run');
    assert.equal(legacy.json.is_cached, true);
    const unknown = await call(emu, 'GET', '/api/projects/1/query/nope/');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.detail, 'Query nope not found for team 1');
  });

  it('reports failed async queries with 400 and error_message', async () => {
    await call(emu, 'POST', '/api/projects/1/query/', { body: hogql('select nosuchcolumn from events', { refresh: 'force_async', client_query_id: 'async-bad' }) });
    const r = await waitFor(async () => {
      const x = await call(emu, 'GET', '/api/projects/1/query/async-bad/');
      return x.status !== 202 ? x : null;
    }, 20_000, 'failure');
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.query_status.error, true);
    assert.ok(r.json.query_status.error_message.length > 0);
  });

  it('shows progress while running and DELETE really stops the engine work', async () => {
    const start = await call(emu, 'POST', '/api/projects/1/query/', { body: hogql(LONG, { refresh: 'force_async', client_query_id: 'long-async' }) });
    assert.equal(start.status, 202, start.text);
    await waitFor(async () => (await admin('/_emulator/queries')).json.engineRunning.includes('long-async'), 20_000, 'engine running the query');
    const prog = await waitFor(async () => {
      const r = await call(emu, 'GET', '/api/projects/1/query/long-async/?show_progress=true');
      return r.status === 202 && r.json.query_status.query_progress?.rows_read > 0 ? r : null;
    }, 10_000, 'progress');
    assert.ok(prog.json.query_status.query_progress.estimated_rows_total > 0);
    // The server stays responsive while the query runs.
    const t0 = Date.now();
    assert.equal((await call(emu, 'GET', '/api/projects/1/feature_flags/?limit=1')).status, 200);
    assert.ok(Date.now() - t0 < 2000);
    const del = await call(emu, 'DELETE', '/api/projects/1/query/long-async/');
    assert.equal(del.status, 200);
    assert.deepEqual(del.json, { message: 'Cancelled query on clickhouse' });
    const q = await waitFor(async () => {
      const r = await admin('/_emulator/queries');
      const info = r.json.queries.find((x: { queryId: string }) => x.queryId === 'long-async');
      return info?.state === 'cancelled' && !r.json.engineRunning.includes('long-async') ? info : null;
    }, 10_000, 'engine confirms the query stopped');
    assert.equal(q.engineStopped, true);
    assert.equal((await call(emu, 'GET', '/api/projects/1/query/long-async/')).status, 404);
  });

  it('cancels a blocking query by its client_query_id from another request', async () => {
    const running = call(emu, 'POST', '/api/projects/1/query/', { body: hogql(LONG, { refresh: 'force_blocking', client_query_id: 'long-sync' }) });
    await waitFor(async () => (await admin('/_emulator/queries')).json.engineRunning.includes('long-sync'), 20_000, 'engine running the query');
    const del = await call(emu, 'DELETE', '/api/projects/1/query/long-sync/');
    assert.equal(del.status, 200);
    const r = await running;
    assert.equal(r.status, 500);
    await waitFor(async () => !(await admin('/_emulator/queries')).json.engineRunning.includes('long-sync'), 10_000, 'engine stopped');
  });
  it('types properties from the project property definitions like PostHog (no NO_COMMON_TYPE)', async () => {
    const queries = [
      'SELECT count() FROM events WHERE properties.$screen_width > 1000',
      'SELECT sum(properties.price), avg(properties.$screen_width) FROM events',
      'SELECT person.properties.is_test_user, count() FROM events GROUP BY 1',
      'SELECT count() FROM events WHERE properties.is_test_user = true',
    ];
    for (const query of queries) {
      const r = await call(emu, 'POST', '/api/projects/1/query/', { body: hogql(query) });
      assert.equal(r.status, 200, `${query}: ${r.text}`);
    }
    const sums = await call(emu, 'POST', '/api/projects/1/query/', { body: hogql(queries[1]) });
    assert.equal(typeof sums.json.results[0][0], 'number');
    assert.ok(sums.json.results[0][1] > 300);
    const m = await call(emu, 'POST', '/api/projects/1/query/', { body: { query: { kind: 'HogQLMetadata', language: 'hogQL', query: 'select properties.$screen_width from events' } } });
    assert.deepEqual(m.json.notices, [{ message: "Event property '$screen_width' is of type 'Float'.", start: 18, end: 31 }]);
  });
  it('answers engine errors in PostHog shapes: 400 with the ClickHouse code name and no engine internals', async () => {
    const r = await call(emu, 'POST', '/api/projects/1/query/', { body: hogql('SELECT count() FROM events WHERE properties.$browser > 1000') });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.type, 'validation_error');
    assert.equal(r.json.code, 'no_common_type');
    assert.equal(r.json.detail, 'There is no supertype for types String, UInt16 because some of them are String/FixedString/Enum and some of them are not');
    assert.doesNotMatch(r.text, /DB::Exception|__table|JSONExtractRaw|MergeTree|While executing/);
  });
  it('the second sample project runs in a non-UTC timezone: toStartOfDay, date grouping and the reported timezone follow it', async () => {
    const project = await call(emu, 'GET', '/api/projects/2/');
    assert.equal(project.json.timezone, 'America/Los_Angeles');
    const q = 'SELECT toStartOfDay(timestamp) AS day, count() AS c FROM events GROUP BY day ORDER BY day';
    const r = await call(emu, 'POST', '/api/projects/2/query/', { body: hogql(q) });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.timezone, 'America/Los_Angeles');
    assert.ok(r.json.results.length > 3);
    for (const [day] of r.json.results) assert.match(day, /^\d{4}-\d{2}-\d{2}T00:00:00-0[78]:00$/);
    const dates = await call(emu, 'POST', '/api/projects/2/query/', { body: hogql('SELECT toDate(timestamp) AS d, count() FROM events GROUP BY d ORDER BY d') });
    // The same grouping by hand: local dates in Los Angeles from UTC timestamps.
    const utc = await call(emu, 'POST', '/api/projects/2/query/', { body: hogql("SELECT timestamp FROM events ORDER BY timestamp LIMIT 50000") });
    const byDay = new Map<string, number>();
    for (const [ts] of utc.json.results) {
      const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ts));
      byDay.set(local, (byDay.get(local) ?? 0) + 1);
    }
    assert.deepEqual(dates.json.results.map((row: unknown[]) => [row[0], Number(row[1])]), [...byDay.entries()]);
    assert.deepEqual(r.json.results.map((row: unknown[]) => Number(row[1])), [...byDay.values()]);
    const first = await call(emu, 'GET', '/api/projects/1/');
    assert.equal(first.json.timezone, 'UTC');
  });
  it('TrendsQuery buckets by day in the project timezone (project 2: America/Los_Angeles), like PostHog', async () => {
    const zone = 'America/Los_Angeles';
    const series = [{ kind: 'EventsNode', event: '$pageview', math: 'total' }];
    const r = await call(emu, 'POST', '/api/projects/2/query/', { body: { query: { kind: 'TrendsQuery', series, interval: 'day', dateRange: { date_from: '-14d' } } } });
    assert.equal(r.status, 200, r.text);
    const { days, data, labels } = r.json.results[0];
    const localDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
    assert.equal(days.at(-1), localDay(Date.now()));
    assert.equal(days[0], localDay(Date.now() - 14 * 86_400_000));
    assert.equal(days.length, 15);
    const byHand = await call(emu, 'POST', '/api/projects/2/query/', {
      body: hogql("SELECT toDate(timestamp) AS d, count() FROM events WHERE event = '$pageview' GROUP BY d ORDER BY d LIMIT 1000"),
    });
    const perDay = new Map<string, number>(byHand.json.results.map((row: unknown[]) => [row[0], Number(row[1])]));
    assert.deepEqual(data, days.map((d: string) => perDay.get(d) ?? 0));
    assert.ok(data.some((v: number) => v > 0));
    const [y, m, d] = days[0].split('-').map(Number);
    assert.equal(labels[0], `${d}-${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]}-${y}`);
  });

  it('IN COHORT by name and events.pdi run against the project cohorts', async () => {
    const cohorts = await call(emu, 'GET', '/api/projects/1/cohorts/');
    const paying = cohorts.json.results.find((c: { name: string }) => c.name === 'Paying customers');
    const byName = await call(emu, 'POST', '/api/projects/1/query/', { body: hogql("SELECT count(DISTINCT person_id) FROM events WHERE person_id IN COHORT 'Paying customers'") });
    assert.equal(byName.status, 200, byName.text);
    const byId = await call(emu, 'POST', '/api/projects/1/query/', { body: hogql(`SELECT count(DISTINCT person_id) FROM events WHERE person_id IN COHORT ${paying.id}`) });
    assert.equal(byId.json.results[0][0], byName.json.results[0][0]);
    assert.ok(byId.json.results[0][0] > 0);
    const people = await call(emu, 'GET', `/api/projects/1/cohorts/${paying.id}/persons/?limit=1`);
    assert.ok(byId.json.results[0][0] <= people.json.count);
    const pdi = await call(emu, 'POST', '/api/projects/1/query/', { body: hogql('SELECT count() FROM events WHERE pdi.person_id = person_id') });
    const all = await call(emu, 'POST', '/api/projects/1/query/', { body: hogql('SELECT count() FROM events') });
    assert.equal(pdi.json.results[0][0], all.json.results[0][0]);
  });
});
