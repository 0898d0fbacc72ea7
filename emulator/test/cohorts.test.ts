/** Static cohorts created from person uuids (`_create_static_person_ids`), as PostHog does it. */
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../src/index';
import { call, startTestEmulator, stopTestEmulator } from './support/harness';

describe('static cohorts from person ids', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  before(async () => (emu = await startTestEmulator()));
  after(() => stopTestEmulator(emu));

  it('inserts the persons that exist, synchronously, and lists them as members', async () => {
    const persons = await call(emu, 'GET', '/api/projects/1/persons/?limit=3');
    const ids = (persons.json.results as { uuid: string }[]).map((p) => p.uuid);
    assert.equal(ids.length, 3);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const created = await call(emu, 'POST', '/api/projects/1/cohorts/', { body: { name: 'From a query', is_static: true, _create_static_person_ids: [...ids, unknown, 'not-a-uuid'] } });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.is_static, true);
    assert.equal(created.json.is_calculating, false);
    assert.equal(created.json.count, 3);
    assert.equal(created.json.name, 'From a query');
    assert.equal('_team_id' in created.json, false);
    const members = await call(emu, 'GET', `/api/projects/1/cohorts/${created.json.id}/persons/`);
    assert.deepEqual((members.json.results as { uuid: string }[]).map((p) => p.uuid).sort(), [...ids].sort());
    const detail = await call(emu, 'GET', `/api/projects/1/cohorts/${created.json.id}/`);
    assert.equal(detail.json.count, 3);
  });

  it('an empty list makes an empty static cohort; no source at all is a 400', async () => {
    const empty = await call(emu, 'POST', '/api/projects/1/cohorts/', { body: { name: 'Empty', is_static: true, _create_static_person_ids: [] } });
    assert.equal(empty.status, 201, empty.text);
    assert.equal(empty.json.count, 0);
    const none = await call(emu, 'POST', '/api/projects/1/cohorts/', { body: { name: 'Nothing', is_static: true } });
    assert.equal(none.status, 400);
    assert.equal(none.json.detail, 'Invalid source for static cohort. Requires criteria, a csv, feature flag, existing cohort or query.');
    const notList = await call(emu, 'POST', '/api/projects/1/cohorts/', { body: { name: 'x', is_static: true, _create_static_person_ids: 'abc' } });
    assert.equal(notList.status, 400);
    assert.equal(notList.json.attr, '_create_static_person_ids');
  });
});
