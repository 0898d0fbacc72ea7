/** Capture: token checks, plain-text errors, and captured events becoming queryable. */
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { RunningEmulator } from '../src/index';
import { call, startTestEmulator, stopTestEmulator } from './support/harness';

describe('capture', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  before(async () => (emu = await startTestEmulator()));
  after(() => stopTestEmulator(emu));

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => call(emu, 'POST', path, { key: null, raw: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
  const count = async (event: string, teamPath = '/api/projects/1/query/') => {
    const r = await call(emu, 'POST', teamPath, { body: { query: { kind: 'HogQLQuery', query: 'select count() from events where event = {e}', values: { e: event } }, refresh: 'force_blocking' } });
    assert.equal(r.status, 200, r.text);
    return Number(r.json.results[0][0]);
  };

  it('refuses missing, unknown and personal tokens with plain-text 401', async () => {
    const none = await post('/i/v0/e/', { event: 'x', distinct_id: 'd' });
    assert.equal(none.status, 401);
    assert.equal(none.text, 'No API key provided');
    assert.match(none.headers.get('content-type') ?? '', /text\/plain/);
    for (const k of ['phc_unknown', emu.personalKey]) {
      const bad = await post('/i/v0/e/', { api_key: k, event: 'x', distinct_id: 'd' });
      assert.equal(bad.status, 401);
      assert.equal(bad.text, 'API key is not valid');
    }
  });

  it('answers 400 plain text for bad JSON and empty batches', async () => {
    const bad = await post('/e/', '{not json');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /^Failed to decode request/);
    const empty = await post('/batch/', { api_key: emu.projects[0].apiToken, batch: [] });
    assert.equal(empty.status, 400);
    assert.equal(empty.text, 'Request holds no event');
  });

  it('inserts single and batch events that become queryable and appear in definitions', async () => {
    const token = emu.projects[0].apiToken;
    assert.equal(await count('emulator test event'), 0);
    const one = await post('/i/v0/e/', { api_key: token, event: 'emulator test event', distinct_id: 'capture-user-1', properties: { plan_price: 12.5, $session_id: 's-1' } });
    assert.equal(one.status, 200);
    assert.deepEqual(JSON.parse(one.text), { status: 'Ok' });
    const batch = await post('/batch/', { api_key: token, batch: [
      { event: 'emulator test event', distinct_id: 'capture-user-1', properties: {}, timestamp: '2025-05-30T10:00:00Z' },
      { event: 'emulator test event', properties: { distinct_id: 'capture-user-2', $set: { email: 'new@user.dev' } } },
    ] });
    assert.equal(batch.status, 200);
    assert.equal((await post('/capture/', { token, event: 'emulator test event', distinct_id: 'capture-user-3' })).status, 200);
    assert.equal(await count('emulator test event'), 4);
    const defs = await call(emu, 'GET', '/api/projects/1/event_definitions/?search=emulator%20test');
    assert.equal(defs.json.count, 1);
    assert.equal(defs.json.results[0].name, 'emulator test event');
    const props = await call(emu, 'GET', '/api/projects/1/property_definitions/?type=event&search=plan_price');
    assert.equal(props.json.results[0].property_type, 'Numeric');
    const person = await call(emu, 'GET', '/api/projects/1/persons/?distinct_id=capture-user-2');
    assert.equal(person.json.results[0].properties.email, 'new@user.dev');
    // The second project's token writes to the second project only.
    await post('/i/v0/e/', { api_key: emu.projects[1].apiToken, event: 'only in project 2', distinct_id: 'p2' });
    assert.equal(await count('only in project 2'), 0);
    assert.equal(await count('only in project 2', '/api/projects/2/query/'), 1);
  });

  it('accepts a gzip-encoded body', async () => {
    const body = gzipSync(Buffer.from(JSON.stringify({ api_key: emu.projects[0].apiToken, event: 'gzip event', distinct_id: 'gz' })));
    const r = await fetch(`${emu.url}/i/v0/e/`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' } });
    assert.equal(r.status, 200, await r.text());
    assert.equal(await count('gzip event'), 1);
  });
});
