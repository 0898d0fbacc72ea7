/**
 * SQL variables: the insight_variables API (posthog/api/insight_variable.py) and `{variables.x}`
 * in HogQLQuery / HogQLMetadata (posthog/hogql/variables.py).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../src/index';
import { codeNameOf } from '../src/data/resources/variables';
import { call, key, startTestEmulator, stopTestEmulator } from './support/harness';

interface Variable {
  id: string;
  name: string;
  type: string;
  code_name: string;
  default_value: unknown;
  values: string[] | null;
}

describe('SQL variables', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let seeded: Variable[];
  before(async () => {
    emu = await startTestEmulator();
    seeded = (await call(emu, 'GET', '/api/projects/1/insight_variables/')).json.results;
  });
  after(() => stopTestEmulator(emu));

  const byCode = (code: string): Variable => {
    const v = seeded.find((x) => x.code_name === code);
    assert.ok(v, `seeded variable ${code}`);
    return v;
  };
  const run = (query: string, variables?: Record<string, unknown>, kind = 'HogQLQuery') =>
    call(emu, 'POST', '/api/projects/1/query/', { body: { query: { kind, ...(kind === 'HogQLMetadata' ? { language: 'hogQL' } : {}), query, ...(variables ? { variables } : {}) } } });
  const sent = (v: Variable, value?: unknown, extra: Record<string, unknown> = {}) => ({ [v.id]: { variableId: v.id, code_name: v.code_name, ...(value === undefined ? {} : { value }), ...extra } });

  describe('API', () => {
    it('lists the seeded variables, one per type, with PostHog fields, on projects and environments', async () => {
      assert.deepEqual(seeded.map((v) => v.type).sort(), ['Boolean', 'Date', 'List', 'Number', 'String']);
      const list = byCode('event_name');
      assert.deepEqual(Object.keys(list).sort(), ['code_name', 'created_at', 'created_by', 'default_value', 'id', 'is_multi', 'name', 'type', 'values', 'values_query', 'values_query_connection_id'].sort());
      assert.equal(list.default_value, '$pageview');
      assert.ok(list.values?.includes('$autocapture'));
      assert.equal(byCode('min_screen_width').values, null);
      assert.equal(typeof (list as unknown as { created_by: unknown }).created_by, 'number');
      const env = await call(emu, 'GET', '/api/environments/1/insight_variables/');
      assert.deepEqual(env.json.results, seeded);
      const one = await call(emu, 'GET', `/api/projects/1/insight_variables/${list.id}/`);
      assert.deepEqual(one.json, list);
      assert.equal((await call(emu, 'GET', '/api/projects/1/insight_variables/not-a-uuid/')).status, 404);
    });

    it('pages by page number (page size 500): limit/offset ignored, a page past the end is 404 "Invalid page."', async () => {
      const r = await call(emu, 'GET', '/api/projects/1/insight_variables/?limit=1&offset=3');
      assert.equal(r.json.results.length, seeded.length);
      assert.equal(r.json.next, null);
      const past = await call(emu, 'GET', '/api/projects/1/insight_variables/?page=2');
      assert.equal(past.status, 404);
      assert.deepEqual(past.json, { type: 'invalid_request', code: 'not_found', detail: 'Invalid page.', attr: null });
    });

    it('needs the insight_variable scope', async () => {
      const r = await call(emu, 'GET', '/api/projects/1/insight_variables/', { key: key(emu, 'query only') });
      assert.equal(r.status, 403);
      assert.equal(r.json.detail, "API key missing required scope 'insight_variable:read'");
    });

    it('creates with a computed code_name, coerces List values, refuses duplicates and nested values, patches and deletes', async () => {
      const created = await call(emu, 'POST', '/api/projects/1/insight_variables/', { body: { name: 'Plan Tier!', type: 'List', default_value: 3, values: ['free', 3, true, null] } });
      assert.equal(created.status, 201, created.text);
      assert.equal(created.json.code_name, 'plan_tier');
      assert.deepEqual(created.json.values, ['free', '3', 'true']);
      assert.equal(created.json.default_value, '3');
      const dup = await call(emu, 'POST', '/api/projects/1/insight_variables/', { body: { name: 'plan tier', type: 'String' } });
      assert.deepEqual(dup.json, { type: 'validation_error', code: 'invalid_input', detail: 'Variable with this code name already exists', attr: null });
      const nested = await call(emu, 'POST', '/api/projects/1/insight_variables/', { body: { name: 'Nested', type: 'List', values: ['a', { x: 1 }] } });
      assert.equal(nested.status, 400);
      assert.equal(nested.json.attr, 'values');
      assert.equal(nested.json.detail, 'List variable values must be strings or numbers (got an object at index 1). Enter each value as plain text or a number.');
      const badType = await call(emu, 'POST', '/api/projects/1/insight_variables/', { body: { name: 'X', type: 'Float' } });
      assert.deepEqual(badType.json, { type: 'validation_error', code: 'invalid_choice', detail: '"Float" is not a valid choice.', attr: 'type' });
      const renamed = await call(emu, 'PATCH', `/api/projects/1/insight_variables/${created.json.id}/`, { body: { name: 'Renamed' } });
      assert.equal(renamed.json.name, 'Renamed');
      assert.equal(renamed.json.code_name, 'plan_tier');
      const del = await call(emu, 'DELETE', `/api/projects/1/insight_variables/${created.json.id}/`);
      assert.equal(del.status, 204);
      assert.equal(del.text, '');
      assert.equal((await call(emu, 'GET', `/api/projects/1/insight_variables/${created.json.id}/`)).status, 404);
    });

    it('seeds the variables into a state file written before they existed, keeping its other objects', async () => {
      const other = await startTestEmulator();
      const dataDir = other.dataDir;
      await stopTestEmulator(other, true);
      const path = join(dataDir, 'state.json');
      const state = JSON.parse(readFileSync(path, 'utf8'));
      delete state.collections.insightVariables;
      state.collections.annotations = [];
      writeFileSync(path, JSON.stringify(state));
      const again = await startTestEmulator({ dataDir });
      try {
        const r = await call(again, 'GET', '/api/projects/1/insight_variables/');
        assert.deepEqual(r.json.results.map((v: Variable) => v.code_name), seeded.map((v) => v.code_name));
        assert.equal((await call(again, 'GET', '/api/projects/1/annotations/')).json.count, 0);
      } finally {
        await stopTestEmulator(again);
      }
    });

    it('code_name keeps letters, digits, spaces and underscores', () => {
      assert.equal(codeNameOf('Event Names'), 'event_names');
      assert.equal(codeNameOf('My_var 2 (beta)'), 'my_var_2_beta');
    });
  });

  describe('{variables.x} in queries', () => {
    it('inlines the sent value, or the stored default when none is sent, as a constant', async () => {
      const v = byCode('event_name');
      const q = 'select count() from events where event = {variables.event_name}';
      const direct = await call(emu, 'POST', '/api/projects/1/query/', { body: { query: { kind: 'HogQLQuery', query: "select count() from events where event = 'purchase'" } } });
      const withValue = await run(q, sent(v, 'purchase'));
      assert.equal(withValue.status, 200, withValue.text);
      assert.deepEqual(withValue.json.results, direct.json.results);
      const pageviews = await call(emu, 'POST', '/api/projects/1/query/', { body: { query: { kind: 'HogQLQuery', query: "select count() from events where event = '$pageview'" } } });
      const byDefault = await run(q, sent(v));
      assert.deepEqual(byDefault.json.results, pageviews.json.results);
      const injected = await run(q, sent(v, "x' or 1=1 --"));
      assert.deepEqual(injected.json.results, [[0]]);
    });

    it('types numbers and booleans as the web editor sends them; isNull gives NULL', async () => {
      const n = await run('select {variables.min_screen_width} + 1, {variables.only_mobile}', { ...sent(byCode('min_screen_width'), 99), ...sent(byCode('only_mobile'), true) });
      assert.deepEqual(n.json.results, [[100, true]]);
      const nul = await run('select {variables.browser} is null', sent(byCode('browser'), 'Chrome', { isNull: true }));
      assert.deepEqual(nul.json.results, [[1]]);
    });

    it('gives PostHog\'s errors: missing (with suggestions), does not exist, unresolved without variables', async () => {
      const v = byCode('event_name');
      const missing = await run('select {variables.event_nam}', sent(v, 'x'));
      assert.equal(missing.status, 400);
      assert.equal(missing.json.detail, 'Variable event_nam is missing from query. Did you mean: event_name?');
      const unknownId = { 'a-b': { variableId: '00000000-0000-4000-8000-000000000000', code_name: 'event_name', value: 'x' } };
      const notExist = await run('select {variables.event_name}', unknownId);
      assert.equal(notExist.json.detail, 'Variable event_name does not exist');
      const none = await run('select {variables.event_name}');
      assert.equal(none.json.detail, 'Unresolved placeholder: {variables.event_name}');
    });

    it('metadata resolves variables too, and reports an unknown one', async () => {
      const ok = await run('select {variables.event_name}', sent(byCode('event_name')), 'HogQLMetadata');
      assert.equal(ok.json.isValid, true, ok.text);
      const bad = await run('select {variables.nope}', undefined, 'HogQLMetadata');
      assert.equal(bad.json.isValid, false);
      assert.equal(bad.json.errors[0].message, 'Variable nope is missing from query');
    });
  });
});
