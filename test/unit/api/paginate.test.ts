import * as assert from 'node:assert/strict';
import { json, TestServer } from './helpers/server';
import { makeClient, PERSONAL_KEY } from './helpers/fixtures';
import type { FeatureFlag } from '../../../src/api/resources/flags';

function flags(from: number, n: number): Partial<FeatureFlag>[] {
  return Array.from({ length: n }, (_, i) => ({ id: from + i, key: `flag-${from + i}`, active: true }));
}

describe('api pagination', () => {
  let server: TestServer;
  let other: TestServer;
  beforeEach(async () => {
    server = await TestServer.start();
    other = await TestServer.start((_req, res) => json(res, 200, { count: 0, next: null, results: [{ id: 999 }] }));
  });
  afterEach(async () => {
    await server.close();
    await other.close();
  });

  /** A DRF list of `total` flags with absolute `next` links on `nextOrigin`. */
  function drfList(total: number, nextOrigin: () => string): void {
    server.handler = (req, res) => {
      const u = new URL(req.url!, server.url);
      const limit = Number(u.searchParams.get('limit'));
      const offset = Number(u.searchParams.get('offset'));
      const end = Math.min(total, offset + limit);
      const next = end < total ? `${nextOrigin()}/api/projects/1/feature_flags/?limit=${limit}&offset=${end}&search=a` : null;
      json(res, 200, { count: total, next, previous: null, results: flags(offset, end - offset) });
    };
  }

  it('follows absolute next links with for await, passing filters and the signal', async () => {
    drfList(7, () => server.url);
    const { api } = makeClient(server.url);
    const ac = new AbortController();
    const ids: number[] = [];
    for await (const f of api.flags.list(1, { signal: ac.signal, pageSize: 3, filters: { search: 'a', active: 'true' } })) ids.push(f.id);
    assert.deepEqual(ids, [0, 1, 2, 3, 4, 5, 6]);
    assert.deepEqual(server.requests.map((r) => r.url), [
      '/api/projects/1/feature_flags/?search=a&active=true&limit=3&offset=0',
      '/api/projects/1/feature_flags/?limit=3&offset=3&search=a',
      '/api/projects/1/feature_flags/?limit=3&offset=6&search=a',
    ]);
  });

  it('never requests a next link on another origin: stops and warns, the other server sees nothing', async () => {
    drfList(10, () => other.url);
    const { api, log } = makeClient(server.url);
    const all = await api.flags.list(1, { pageSize: 4 }).toArray();
    assert.deepEqual(all.map((f) => f.id), [0, 1, 2, 3]);
    assert.equal(other.requests.length, 0, 'the foreign origin received no request');
    assert.equal(server.requests.length, 1);
    assert.equal(log.warnings.length, 1);
    assert.match(log.warnings[0]!, new RegExp(`next-page link points to ${other.url.replace(/\./g, '\\.')}`));
    assert.ok(!log.text.includes(PERSONAL_KEY));
  });

  it('treats http vs https on the same host as another origin', async () => {
    drfList(10, () => server.url.replace('http://', 'https://'));
    const { api, log } = makeClient(server.url);
    const all = await api.flags.list(1, { pageSize: 5 }).toArray();
    assert.equal(all.length, 5);
    assert.equal(server.requests.length, 1);
    assert.equal(log.warnings.length, 1);
  });

  it('toArray({max}) stops fetching once it has enough', async () => {
    drfList(100, () => server.url);
    const { api } = makeClient(server.url);
    const some = await api.flags.list(1, { pageSize: 10 }).toArray({ max: 15 });
    assert.equal(some.length, 15);
    assert.equal(server.requests.length, 2);
  });

  it('page(offset, limit) fetches exactly one page and says whether there is more', async () => {
    drfList(25, () => server.url);
    const { api } = makeClient(server.url);
    const p = await api.flags.page(1, 20, 10, { filters: { type: 'boolean' } });
    assert.deepEqual(p.results.map((f) => f.id), [20, 21, 22, 23, 24]);
    assert.equal(p.count, 25);
    assert.equal(p.hasMore, false);
    assert.equal(p.nextOffset, 25);
    const first = await api.flags.list(1, { pageSize: 10 }).page(0);
    assert.equal(first.hasMore, true);
    assert.equal(first.nextOffset, 10);
    assert.deepEqual(server.requests.map((r) => r.url), ['/api/projects/1/feature_flags/?type=boolean&limit=10&offset=20', '/api/projects/1/feature_flags/?limit=10&offset=0']);
  });

  it('has_next lists (session recordings) page with offset += limit', async () => {
    const total = 5;
    server.handler = (req, res) => {
      const u = new URL(req.url!, server.url);
      const limit = Number(u.searchParams.get('limit'));
      const offset = Number(u.searchParams.get('offset'));
      const end = Math.min(total, offset + limit);
      json(res, 200, { results: Array.from({ length: end - offset }, (_, i) => ({ id: `s${offset + i}` })), has_next: end < total, version: 4 });
    };
    const { api } = makeClient(server.url);
    const ids: string[] = [];
    for await (const r of api.recordings.list(1, { pageSize: 2, filters: { date_from: '-7d' } })) ids.push(r.id);
    assert.deepEqual(ids, ['s0', 's1', 's2', 's3', 's4']);
    assert.deepEqual(server.requests.map((r) => new URL(r.url, server.url).searchParams.get('offset')), ['0', '2', '4']);
    assert.ok(server.requests.every((r) => r.url.includes('date_from=-7d')));
  });

  it('breaking out of for await stops paging', async () => {
    drfList(100, () => server.url);
    const { api } = makeClient(server.url);
    let n = 0;
    for await (const f of api.flags.list(1, { pageSize: 10 })) {
      if (++n === 12) break;
      void f;
    }
    assert.equal(server.requests.length, 2);
  });

  it('a cancelled signal stops the iteration with AbortError', async () => {
    drfList(100, () => server.url);
    const { api } = makeClient(server.url);
    const ac = new AbortController();
    const seen: number[] = [];
    await assert.rejects(
      (async () => {
        for await (const f of api.flags.list(1, { pageSize: 10, signal: ac.signal })) {
          seen.push(f.id);
          if (f.id === 5) ac.abort();
        }
      })(),
      { name: 'AbortError' },
    );
    assert.equal(seen.length, 10, 'the current page finishes, the next is not fetched');
    assert.equal(server.requests.length, 1);
  });
});
