import * as assert from 'node:assert/strict';
import { json, TestServer } from './helpers/server';
import { makeClient, rejection } from './helpers/fixtures';
import { eventNames } from '../../../src/api/resources/catalog';
import { AbortError, ValidationError } from '../../../src/api/errors';
import { waitFor } from '../../support/waitFor';

describe('api resources', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });
  const req = (i = 0) => ({ ...server.requests[i]!, json: JSON.parse(server.requests[i]!.body || 'null') as Record<string, any> });

  describe('query', () => {
    it('run: posts a HogQLQuery with refresh=blocking and keeps 64-bit integers exact', async () => {
      server.handler = (_r, res) =>
        json(res, 200, '{"columns":["id","n"],"types":[["id","UInt64"],["n","Int64"]],"results":[[18446744073709551615,-9223372036854775807],[1,2]],"hasMore":false,"is_cached":false,"query_status":null}');
      const { api } = makeClient(server.url);
      const r = await api.query.run(2, { kind: 'HogQLQuery', query: 'select id, n from t where x = {v}', values: { v: 1 } }, { name: 'vscode-run', clientQueryId: 'cq1' });
      assert.deepEqual(r.results, [[18446744073709551615n, -9223372036854775807n], [1, 2]]);
      assert.deepEqual(r.columns, ['id', 'n']);
      const sent = req();
      assert.equal(sent.method, 'POST');
      assert.equal(sent.url, '/api/projects/2/query/');
      assert.equal(sent.headers['content-type'], 'application/json');
      assert.deepEqual(sent.json, {
        query: { kind: 'HogQLQuery', query: 'select id, n from t where x = {v}', values: { v: 1 } },
        refresh: 'blocking',
        client_query_id: 'cq1',
        name: 'vscode-run',
      });
    });

    it('runAsync → 202 with query_status; wait polls status (show_progress) until complete', async () => {
      const progress: number[] = [];
      server.handler = (r, res, _b, n) => {
        if (r.method === 'POST') return json(res, 202, { results: [], query_status: { id: 'q9', complete: false, error: false, error_message: null, results: null } });
        if (n < 4) return json(res, 202, { query_status: { id: 'q9', complete: false, error: false, error_message: null, results: null, query_progress: { rows_read: n * 10 } } });
        return json(res, 200, '{"query_status":{"id":"q9","complete":true,"error":false,"error_message":null,"results":{"columns":["c"],"results":[[12345678901234567891]]}}}');
      };
      const { api, clock } = makeClient(server.url);
      const started = await api.query.runAsync(2, 'select c from big');
      assert.equal(started.complete, false);
      assert.equal(started.queryId, 'q9');
      assert.equal(req().json.refresh, 'force_async');
      assert.match(req().json.client_query_id, /^[0-9a-f]{32}$/);
      const done = await api.query.wait(2, 'q9', { onProgress: (s) => progress.push(Number(s.query_progress?.rows_read ?? -1)) });
      assert.deepEqual(done.results, [[12345678901234567891n]]);
      assert.deepEqual(progress, [20, 30, -1]);
      assert.equal(server.requests[1]!.url, '/api/projects/2/query/q9/?show_progress=true');
      assert.equal(server.requests.length, 4);
      assert.deepEqual(clock.sleeps, [250, 375]);
    });

    it('run falls back to polling when a blocking run answers 202', async () => {
      server.handler = (r, res) =>
        r.method === 'POST'
          ? json(res, 202, { query_status: { id: 'q2', complete: false, error: false, error_message: null, results: null } })
          : json(res, 200, { query_status: { id: 'q2', complete: true, error: false, error_message: null, results: { results: [[1]] } } });
      const { api } = makeClient(server.url);
      const r = await api.query.run(2, 'select 1');
      assert.deepEqual(r.results, [[1]]);
    });

    it('a failed async query surfaces its error_message', async () => {
      server.handler = (r, res) =>
        r.method === 'POST'
          ? json(res, 202, { query_status: { id: 'q3', complete: false, error: false, error_message: null, results: null } })
          : json(res, 400, { query_status: { id: 'q3', complete: true, error: true, error_message: 'Unknown table `evnts`', results: null } });
      const { api } = makeClient(server.url);
      const err = await rejection(api.query.run(2, 'select 1 from evnts'));
      assert.ok(err instanceof ValidationError);
      assert.equal(err.userMessage, 'Unknown table `evnts`');
    });

    it('aborting a running query sends DELETE for its client_query_id', async () => {
      server.handler = (r, res) => {
        if (r.method === 'DELETE') json(res, 200, { message: 'Query cancelled' });
        // POST: never answers
      };
      const { api } = makeClient(server.url);
      const ac = new AbortController();
      const p = rejection(api.query.run(2, 'select sleep(100)', { signal: ac.signal, clientQueryId: 'my/id' }));
      await waitFor(() => server.requests.length === 1, 2000, 'query POST');
      ac.abort();
      assert.ok((await p) instanceof AbortError);
      await waitFor(() => server.requests.some((r) => r.method === 'DELETE'), 2000, 'cancel DELETE');
      assert.equal(server.requests.find((r) => r.method === 'DELETE')!.url, '/api/projects/2/query/my%2Fid/');
    });

    it('metadata and autocomplete post their node kinds', async () => {
      server.handler = (_r, res, body) => {
        const kind = JSON.parse(body).query.kind;
        if (kind === 'HogQLMetadata') json(res, 200, { isValid: false, errors: [{ message: 'Unknown field', start: 7, end: 10 }], warnings: [], notices: [], query: 'select foo' });
        else json(res, 200, { suggestions: [{ label: 'event', insertText: 'event', kind: 'Field' }], incomplete_list: false });
      };
      const { api } = makeClient(server.url);
      const md = await api.query.metadata(2, 'select foo', { filters: { dateRange: { date_from: '-7d' } } });
      assert.equal(md.isValid, false);
      assert.deepEqual(md.errors[0], { message: 'Unknown field', start: 7, end: 10 });
      assert.deepEqual(req(0).json, { query: { kind: 'HogQLMetadata', language: 'hogQL', query: 'select foo', filters: { dateRange: { date_from: '-7d' } } } });
      const ac = await api.query.autocomplete(2, 'select  from events', 7, 7);
      assert.equal(ac.suggestions[0]!.label, 'event');
      assert.deepEqual(req(1).json, { query: { kind: 'HogQLAutocomplete', language: 'hogQL', query: 'select  from events', startPosition: 7, endPosition: 7 } });
    });
  });

  describe('project resources', () => {
    beforeEach(() => {
      server.handler = (r, res, body) => {
        if (r.method === 'GET' && /\/\d+\/$|\/[^/]+\/$/.test(r.url!.split('?')[0]!) && !r.url!.includes('?')) return json(res, 200, { id: 5, name: 'one', unknown_new_field: { x: 1 } });
        if (r.method === 'GET') return json(res, 200, { count: 1, next: null, results: [{ id: 1, short_id: 'abcd1234', name: 'A' }] });
        return json(res, r.method === 'POST' ? 201 : 200, { id: 5, ...JSON.parse(body || '{}') });
      };
    });

    it('insights: list filters, getByShortId, create, update, soft delete', async () => {
      const { api } = makeClient(server.url);
      await api.insights.list(3, { filters: { saved: true, favorited: true, search: 'sign ups', basic: true } }).toArray();
      assert.equal(server.requests[0]!.url, '/api/projects/3/insights/?saved=true&favorited=true&search=sign%20ups&basic=true&limit=100&offset=0');
      const found = await api.insights.getByShortId(3, 'abcd1234');
      assert.equal(found?.short_id, 'abcd1234');
      assert.equal(server.requests[1]!.url, '/api/projects/3/insights/?short_id=abcd1234');
      const created = await api.insights.create(3, { name: 'X', query: { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query: 'select 1' } }, saved: true });
      assert.equal(created.id, 5);
      await api.insights.update(3, 5, { name: 'Y' });
      await api.insights.softDelete(3, 5);
      assert.deepEqual(server.requests.slice(2).map((r) => `${r.method} ${r.url} ${r.body}`), [
        'POST /api/projects/3/insights/ {"name":"X","query":{"kind":"DataVisualizationNode","source":{"kind":"HogQLQuery","query":"select 1"}},"saved":true}',
        'PATCH /api/projects/3/insights/5/ {"name":"Y"}',
        'PATCH /api/projects/3/insights/5/ {"deleted":true}',
      ]);
    });

    it('feature flags: list filters, get, create, patch active, soft delete (no DELETE)', async () => {
      const { api } = makeClient(server.url);
      await api.flags.page(3, 0, 50, { filters: { search: 'beta', active: 'STALE', type: 'multivariant' } });
      const f = await api.flags.get(3, 5);
      assert.equal(f.id, 5);
      assert.deepEqual((f as Record<string, unknown>).unknown_new_field, { x: 1 }, 'unknown fields are kept');
      await api.flags.create(3, { key: 'new-flag', name: 'New', filters: { groups: [{ properties: [], rollout_percentage: 50 }] } });
      await api.flags.update(3, 5, { active: false });
      await api.flags.softDelete(3, 5);
      assert.deepEqual(server.requests.map((r) => `${r.method} ${r.url}`), [
        'GET /api/projects/3/feature_flags/?search=beta&active=STALE&type=multivariant&limit=50&offset=0',
        'GET /api/projects/3/feature_flags/5/',
        'POST /api/projects/3/feature_flags/',
        'PATCH /api/projects/3/feature_flags/5/',
        'PATCH /api/projects/3/feature_flags/5/',
      ]);
      assert.equal(server.requests[4]!.body, '{"deleted":true}');
    });

    it('cohorts (+ persons), persons search, definitions, annotations and read-only resources hit their paths', async () => {
      const { api } = makeClient(server.url);
      await api.cohorts.persons(3, 7).toArray();
      await api.persons.list(3, { filters: { search: 'a@b.c' } }).toArray();
      await api.propertyDefinitions.page(3, 0, 20, { filters: { type: 'event', search: 'brow', event_names: eventNames(['$pageview']) } });
      await api.eventDefinitions.page(3, 0, 20, { filters: { search: 'sign' } });
      await api.annotations.create(3, { content: 'Deployed v1.2', date_marker: '2024-05-01T12:00:00Z', scope: 'project' });
      await api.annotations.list(3).toArray();
      await api.dashboards.get(3, 1);
      await api.experiments.get(3, 2);
      await api.surveys.get(3, 'a-uuid');
      await api.actions.get(3, 4);
      await api.cohorts.get(3, 7);
      await api.projects.list().toArray();
      assert.deepEqual(server.requests.map((r) => `${r.method} ${r.url}`), [
        'GET /api/projects/3/cohorts/7/persons/?limit=100&offset=0',
        'GET /api/projects/3/persons/?search=a%40b.c&limit=100&offset=0',
        'GET /api/projects/3/property_definitions/?type=event&search=brow&event_names=%5B%22%24pageview%22%5D&limit=20&offset=0',
        'GET /api/projects/3/event_definitions/?search=sign&limit=20&offset=0',
        'POST /api/projects/3/annotations/',
        'GET /api/projects/3/annotations/?limit=100&offset=0',
        'GET /api/projects/3/dashboards/1/',
        'GET /api/projects/3/experiments/2/',
        'GET /api/projects/3/surveys/a-uuid/',
        'GET /api/projects/3/actions/4/',
        'GET /api/projects/3/cohorts/7/',
        'GET /api/projects/?limit=100&offset=0',
      ]);
      assert.deepEqual(JSON.parse(server.requests[4]!.body), { content: 'Deployed v1.2', date_marker: '2024-05-01T12:00:00Z', scope: 'project' });
    });

    it('path segments go through encodeURIComponent', async () => {
      const { api } = makeClient(server.url);
      await api.recordings.get(3, '../../users/@me');
      await api.surveys.get('3/../4', 'a b?c#d');
      await api.actions.get(3, '..');
      await api.projects.get('.');
      assert.deepEqual(server.requests.map((r) => r.url), [
        '/api/projects/3/session_recordings/..%2F..%2Fusers%2F%40me/',
        '/api/projects/3%2F..%2F4/surveys/a%20b%3Fc%23d/',
        '/api/projects/3/actions/%2E%2E/',
        '/api/projects/%2E/',
      ]);
    });
  });
});
