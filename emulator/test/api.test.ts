/** REST API: auth, scopes, errors, every resource with pagination, writes that survive a restart. */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { RunningEmulator } from '../src/index';
import { call, key, startTestEmulator, stopTestEmulator } from './support/harness';

/** fetch() cannot set Host, so use node:http for the proxy-header case. */
function rawGet(emu: RunningEmulator, path: string, headers: Record<string, string>): Promise<{ next: string | null }> {
  return new Promise((resolve, reject) => {
    const req = request(emu.url + path, { headers: { ...headers, Authorization: `Bearer ${emu.personalKey}` } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end();
  });
}

const RESOURCES = ['insights', 'feature_flags', 'cohorts', 'persons', 'dashboards', 'experiments', 'surveys', 'actions', 'annotations', 'event_definitions', 'property_definitions'];

describe('REST API', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  before(async () => (emu = await startTestEmulator()));
  after(() => stopTestEmulator(emu));

  describe('auth and errors', () => {
    it('401 not_authenticated without credentials', async () => {
      const r = await call(emu, 'GET', '/api/projects/', { key: null });
      assert.equal(r.status, 401);
      assert.deepEqual(r.json, { type: 'authentication_error', code: 'not_authenticated', detail: 'Authentication credentials were not provided.', attr: null });
    });
    it('401 authentication_failed for an unknown key and for a phc_ project token', async () => {
      for (const k of ['phx_nope', emu.projects[0].apiToken]) {
        const r = await call(emu, 'GET', '/api/users/@me/', { key: k });
        assert.equal(r.status, 401);
        assert.equal(r.json.code, 'authentication_failed');
        assert.equal(r.json.detail, 'Personal API key found in request Authorization header is invalid.');
      }
    });
    it('403 with the missing scope named', async () => {
      const r = await call(emu, 'GET', '/api/projects/1/feature_flags/', { key: key(emu, 'query only') });
      assert.equal(r.status, 403);
      assert.deepEqual(r.json, { type: 'authentication_error', code: 'permission_denied', detail: "API key missing required scope 'feature_flag:read'", attr: null });
      const w = await call(emu, 'PATCH', '/api/projects/1/feature_flags/1/', { key: key(emu, 'read only'), body: { active: false } });
      assert.equal(w.status, 403);
      assert.equal(w.json.detail, "API key missing required scope 'feature_flag:write'");
      const q = await call(emu, 'POST', '/api/projects/1/query/', { key: key(emu, 'query only'), body: { query: { kind: 'HogQLQuery', query: 'select 1' } } });
      assert.equal(q.status, 200, q.text);
    });
    it('404 for unknown paths, projects and objects; 405 for unsupported methods', async () => {
      assert.deepEqual((await call(emu, 'GET', '/api/nothing/')).json, { type: 'invalid_request', code: 'not_found', detail: 'Not found.', attr: null });
      assert.equal((await call(emu, 'GET', '/api/projects/999/')).status, 404);
      assert.equal((await call(emu, 'GET', '/api/projects/1/feature_flags/999999/')).status, 404);
      const m = await call(emu, 'PUT', '/api/projects/1/annotations/');
      assert.equal(m.status, 405);
      assert.deepEqual(m.json, { type: 'invalid_request', code: 'method_not_allowed', detail: 'Method "PUT" not allowed.', attr: null });
      const del = await call(emu, 'DELETE', '/api/projects/1/feature_flags/1/');
      assert.equal(del.status, 405);
      assert.equal(del.text, '');
    });
    it('accepts paths without the trailing slash', async () => {
      assert.equal((await call(emu, 'GET', '/api/projects/1/feature_flags')).status, 200);
    });
  });

  describe('identity', () => {
    it('users/@me, organizations/@current, projects', async () => {
      const me = await call(emu, 'GET', '/api/users/@me/');
      assert.equal(me.json.team.id, 1);
      assert.equal(me.json.organization.name, 'Hedgebox Inc.');
      const org = await call(emu, 'GET', '/api/organizations/@current/');
      assert.equal(org.json.teams.length, 2);
      const projects = await call(emu, 'GET', '/api/projects/');
      assert.equal(projects.json.count, 2);
      assert.deepEqual(projects.json.results.map((p: { api_token: string }) => p.api_token), emu.projects.map((p) => p.apiToken));
      const p2 = await call(emu, 'GET', '/api/projects/2/');
      assert.equal(p2.json.name, 'Hedgebox Staging');
    });
  });

  describe('resources and pagination', () => {
    for (const res of RESOURCES) {
      it(`${res}: count, limit/offset and absolute next/previous URLs`, async () => {
        const all = await call(emu, 'GET', `/api/projects/1/${res}/?limit=1000`);
        assert.equal(all.status, 200, all.text);
        const count: number = all.json.count;
        assert.ok(count >= 3, `${res} has ${count}`);
        assert.equal(all.json.results.length, Math.min(count, 1000));
        const p1 = await call(emu, 'GET', `/api/projects/1/${res}/?limit=2`);
        assert.equal(p1.json.count, count);
        assert.equal(p1.json.previous, null);
        assert.equal(p1.json.next, `${emu.url}/api/projects/1/${res}/?limit=2&offset=2`);
        const p2 = await call(emu, 'GET', p1.json.next.slice(emu.url.length));
        assert.deepEqual(p2.json.results, all.json.results.slice(2, 4));
        assert.equal(p2.json.previous, `${emu.url}/api/projects/1/${res}/?limit=2`);
        const viaHost = await rawGet(emu, `/api/projects/1/${res}/?limit=2`, { Host: 'example.test:1234', 'X-Forwarded-Proto': 'https' });
        assert.equal(viaHost.next, `https://example.test:1234/api/projects/1/${res}/?limit=2&offset=2`);
      });
    }
    it('feature flags page by 100 by default and filter by search/active/type', async () => {
      const r = await call(emu, 'GET', '/api/projects/1/feature_flags/');
      assert.equal(r.json.results.length, 100);
      assert.ok(r.json.count > 100);
      const s = await call(emu, 'GET', '/api/projects/1/feature_flags/?search=checkout');
      assert.ok(s.json.results.some((f: { name: string }) => f.name === 'Checkout <b>v2</b> & "beta"'));
      const inactive = await call(emu, 'GET', '/api/projects/1/feature_flags/?active=false&limit=1000');
      assert.ok(inactive.json.count > 0 && inactive.json.results.every((f: { active: boolean }) => !f.active));
      const mv = await call(emu, 'GET', '/api/projects/1/feature_flags/?type=multivariant');
      assert.ok(mv.json.count >= 2 && mv.json.results.every((f: { filters: { multivariate: unknown } }) => f.filters.multivariate));
    });
    it('insights filter and compute SQL and trends results on refresh', async () => {
      const fav = await call(emu, 'GET', '/api/projects/1/insights/?favorited=true');
      assert.ok(fav.json.count >= 2 && fav.json.results.every((i: { favorited: boolean }) => i.favorited));
      const unsaved = await call(emu, 'GET', '/api/projects/1/insights/?saved=false');
      assert.ok(unsaved.json.results.every((i: { saved: boolean }) => !i.saved));
      const basic = await call(emu, 'GET', '/api/projects/1/insights/?basic=true&limit=1');
      assert.ok(!('result' in basic.json.results[0]));
      const sql = (await call(emu, 'GET', '/api/projects/1/insights/?search=top%20pages')).json.results[0];
      const byShort = await call(emu, 'GET', `/api/projects/1/insights/?short_id=${sql.short_id}`);
      assert.equal(byShort.json.results[0].id, sql.id);
      assert.equal(sql.result, null);
      const fresh = await call(emu, 'GET', `/api/projects/1/insights/${sql.id}/?refresh=blocking`);
      assert.equal(fresh.status, 200, fresh.text);
      assert.ok(Array.isArray(fresh.json.result) && fresh.json.result.length > 0);
      assert.deepEqual(fresh.json.columns, ['path', 'views']);
      const trends = (await call(emu, 'GET', '/api/projects/1/insights/?search=daily%20pageviews')).json.results[0];
      const t = await call(emu, 'GET', `/api/projects/1/insights/${trends.id}/?refresh=force_blocking`);
      assert.equal(t.json.result[0].label, '$pageview');
      assert.equal(t.json.result[0].data.length, t.json.result[0].days.length);
    });
    it('dashboards hold insight tiles; cohorts list their persons', async () => {
      const d = await call(emu, 'GET', '/api/projects/1/dashboards/1/');
      assert.ok(d.json.tiles.length > 0 && d.json.tiles[0].insight.id);
      const cohort = (await call(emu, 'GET', '/api/projects/1/cohorts/?search=paying')).json.results[0];
      const members = await call(emu, 'GET', `/api/projects/1/cohorts/${cohort.id}/persons/?limit=1000`);
      assert.equal(members.json.count, cohort.count);
      assert.ok(members.json.results.every((p: { properties: { plan: string } }) => ['pro', 'enterprise'].includes(p.properties.plan)));
    });
    it('persons search by email, name and distinct id', async () => {
      const one = (await call(emu, 'GET', '/api/projects/1/persons/?search=%40&limit=1')).json.results[0];
      const email = one.properties.email as string;
      assert.ok((await call(emu, 'GET', `/api/projects/1/persons/?search=${encodeURIComponent(email)}`)).json.results.some((p: { id: string }) => p.id === one.id));
      const did = one.distinct_ids[0];
      const byId = await call(emu, 'GET', `/api/projects/1/persons/?distinct_id=${encodeURIComponent(did)}`);
      assert.equal(byId.json.count, 1);
      assert.equal(byId.json.results[0].id, one.id);
      assert.equal((await call(emu, 'GET', `/api/projects/1/persons/${one.id}/`)).json.name, email);
    });
    it('session recordings: {results, has_next, version} with offset paging', async () => {
      const r = await call(emu, 'GET', '/api/projects/1/session_recordings/?limit=3&date_from=-3650d');
      assert.deepEqual(Object.keys(r.json).sort(), ['has_next', 'results', 'version']);
      assert.equal(r.json.results.length, 3);
      assert.equal(r.json.has_next, true);
      const next = await call(emu, 'GET', '/api/projects/1/session_recordings/?limit=3&offset=3&date_from=-3650d');
      assert.notEqual(next.json.results[0].id, r.json.results[0].id);
      const one = await call(emu, 'GET', `/api/projects/1/session_recordings/${r.json.results[0].id}/`);
      assert.equal(one.json.id, r.json.results[0].id);
      assert.equal((await call(emu, 'GET', '/api/projects/1/session_recordings/nope/')).json.detail, 'Recording not found');
    });
    it('property definitions: types, numerical filter, event_names', async () => {
      const r = await call(emu, 'GET', '/api/projects/1/property_definitions/?type=event&search=price');
      const price = r.json.results.find((p: { name: string }) => p.name === 'price');
      assert.equal(price.property_type, 'Numeric');
      assert.equal(price.is_numerical, true);
      const person = await call(emu, 'GET', '/api/projects/1/property_definitions/?type=person&search=email');
      assert.equal(person.json.results[0].property_type, 'String');
      const filtered = await call(emu, 'GET', `/api/projects/1/property_definitions/?type=event&event_names=${encodeURIComponent('["purchase"]')}&limit=1000`);
      const seen = filtered.json.results.filter((p: { is_seen_on_filtered_events: boolean }) => p.is_seen_on_filtered_events).map((p: { name: string }) => p.name);
      assert.ok(seen.includes('price') && !seen.includes('$el_text'));
    });
  });
});
