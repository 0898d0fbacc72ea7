import * as assert from 'node:assert/strict';
import { json, TestServer } from './helpers/server';
import { makeClient } from './helpers/fixtures';
import { variableType } from '../../../src/api/resources/variables';

/** PostHog pages insight_variables by page number (page_size 500): limit/offset are ignored, `next` carries `?page=2`. */
describe('api: SQL variables', () => {
  let server: TestServer;
  beforeEach(async () => (server = await TestServer.start()));
  afterEach(() => server.close());

  const variable = (n: number, extra: Record<string, unknown> = {}) => ({
    id: `0191-${n}`,
    name: `Var ${n}`,
    type: 'String',
    default_value: `d${n}`,
    code_name: `var_${n}`,
    values: null,
    created_by: 1,
    created_at: '2026-11-01T00:00:00Z',
    ...extra,
  });

  it('lists every page by following the page-number next link, and keeps typed defaults', async () => {
    server.handler = (req, res) => {
      const page = new URL(req.url ?? '/', server.url).searchParams.get('page');
      if (page === '2') return json(res, 200, { count: 3, next: null, previous: `${server.url}/api/projects/7/insight_variables/`, results: [variable(3, { type: 'Number', default_value: 5 })] });
      return json(res, 200, {
        count: 3,
        next: `${server.url}/api/projects/7/insight_variables/?page=2`,
        previous: null,
        results: [variable(1, { type: 'List', values: ['a', 'b'], default_value: 'a' }), variable(2, { type: 'Date2' })],
      });
    };
    const { api } = makeClient(server.url);
    const all = await api.variables.list(7, { pageSize: 500 }).toArray();
    assert.deepEqual(all.map((x) => x.code_name), ['var_1', 'var_2', 'var_3']);
    assert.deepEqual(all[0].values, ['a', 'b']);
    assert.equal(all[2].default_value, 5);
    assert.deepEqual(all.map(variableType), ['List', 'String', 'Number']);
    assert.equal(server.requests[0].url.split('?')[0], '/api/projects/7/insight_variables/');
    assert.equal(server.requests[1].url, '/api/projects/7/insight_variables/?page=2');
  });

  it('drops a variable without a code name (it cannot be referenced)', async () => {
    server.handler = (_req, res) => json(res, 200, { count: 2, next: null, previous: null, results: [variable(1, { code_name: null }), variable(2)] });
    const { api, log } = makeClient(server.url);
    const all = await api.variables.list(7).toArray();
    assert.deepEqual(all.map((x) => x.code_name), ['var_2']);
    assert.ok(log.lines.some((l) => /SQL variable 0191-1/.test(l.message)), JSON.stringify(log.lines));
  });
});
