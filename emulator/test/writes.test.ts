/** Writes (flags, annotations, insights) and that they survive a restart on the same data dir. */
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../src/index';
import { call, startTestEmulator, stopTestEmulator } from './support/harness';

describe('writes and persistence', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  before(async () => (emu = await startTestEmulator()));
  after(() => stopTestEmulator(emu));

  it('creates, patches and soft-deletes a feature flag; keys are validated and unique', async () => {
    const created = await call(emu, 'POST', '/api/projects/1/feature_flags/', { body: { key: 'my-new-flag', name: 'My <new> flag', filters: { groups: [{ properties: [], rollout_percentage: 40 }] } } });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.key, 'my-new-flag');
    assert.equal(created.json.active, true);
    assert.equal(created.json.rollout_percentage, 40);
    const dup = await call(emu, 'POST', '/api/projects/1/feature_flags/', { body: { key: 'my-new-flag' } });
    assert.equal(dup.status, 400);
    assert.deepEqual(dup.json, { type: 'validation_error', code: 'unique', detail: 'There is already a feature flag with this key.', attr: 'key' });
    const bad = await call(emu, 'POST', '/api/projects/1/feature_flags/', { body: { key: 'has space' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.attr, 'key');
    const missing = await call(emu, 'POST', '/api/projects/1/feature_flags/', { body: { name: 'x' } });
    assert.deepEqual(missing.json, { type: 'validation_error', code: 'required', detail: 'This field is required.', attr: 'key' });
    const variants = await call(emu, 'POST', '/api/projects/1/feature_flags/', { body: { key: 'mv-bad', filters: { groups: [{ rollout_percentage: 100 }], multivariate: { variants: [{ key: 'a', rollout_percentage: 60 }, { key: 'b', rollout_percentage: 60 }] } } } });
    assert.equal(variants.status, 400);
    assert.equal(variants.json.attr, 'filters');
    const off = await call(emu, 'PATCH', `/api/projects/1/feature_flags/${created.json.id}/`, { body: { active: false } });
    assert.equal(off.json.active, false);
    const typeErr = await call(emu, 'PATCH', `/api/projects/1/feature_flags/${created.json.id}/`, { body: { active: 'nope' } });
    assert.equal(typeErr.status, 400);
    const filters = await call(emu, 'PATCH', `/api/projects/1/feature_flags/${created.json.id}/`, { body: { filters: { groups: [{ properties: [], rollout_percentage: 75 }] } } });
    assert.equal(filters.json.rollout_percentage, 75);
    const del = await call(emu, 'PATCH', `/api/projects/1/feature_flags/${created.json.id}/`, { body: { deleted: true } });
    assert.equal(del.json.deleted, true);
    const list = await call(emu, 'GET', '/api/projects/1/feature_flags/?search=my-new-flag');
    assert.equal(list.json.count, 0);
    const again = await call(emu, 'POST', '/api/projects/1/feature_flags/', { body: { key: 'my-new-flag', name: 'reused key after soft delete' } });
    assert.equal(again.status, 201);
  });

  it('creates annotations with scope validation', async () => {
    const ok = await call(emu, 'POST', '/api/projects/1/annotations/', { body: { content: 'Deployed v9', date_marker: '2025-05-01T12:00:00Z', scope: 'project' } });
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.json.content, 'Deployed v9');
    assert.equal(ok.json.scope, 'project');
    assert.equal(ok.json.date_marker, '2025-05-01T12:00:00.000Z');
    const badScope = await call(emu, 'POST', '/api/projects/1/annotations/', { body: { content: 'x', scope: 'galaxy' } });
    assert.equal(badScope.status, 400);
    assert.equal(badScope.json.attr, 'scope');
    const needsItem = await call(emu, 'POST', '/api/projects/1/annotations/', { body: { content: 'x', scope: 'dashboard_item' } });
    assert.equal(needsItem.status, 400);
    const listed = await call(emu, 'GET', '/api/projects/1/annotations/?search=Deployed%20v9');
    assert.equal(listed.json.count, 1);
  });

  it('patches and soft-deletes insights', async () => {
    const created = await call(emu, 'POST', '/api/projects/1/insights/', { body: { name: 'Mine', query: { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query: 'select 1' } }, saved: true } });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.json.short_id.length, 8);
    const renamed = await call(emu, 'PATCH', `/api/projects/1/insights/${created.json.id}/`, { body: { name: 'Renamed', favorited: true } });
    assert.equal(renamed.json.name, 'Renamed');
    assert.equal(renamed.json.favorited, true);
    const gone = await call(emu, 'PATCH', `/api/projects/1/insights/${created.json.id}/`, { body: { deleted: true } });
    assert.equal(gone.json.deleted, true);
    assert.equal((await call(emu, 'GET', '/api/projects/1/insights/?search=Renamed')).json.count, 0);
  });

  it('keeps every write after a restart on the same data dir (and reuses the loaded data)', async () => {
    const before = {
      flags: (await call(emu, 'GET', '/api/projects/1/feature_flags/?limit=1000')).json,
      annotations: (await call(emu, 'GET', '/api/projects/1/annotations/?limit=1000')).json,
      insight: (await call(emu, 'GET', '/api/projects/1/insights/?limit=1000&basic=true')).json,
    };
    await stopTestEmulator(emu, true);
    emu = await startTestEmulator({ dataDir: emu.dataDir });
    assert.equal(emu.reusedData, true);
    assert.deepEqual((await call(emu, 'GET', '/api/projects/1/feature_flags/?limit=1000')).json.results.map((f: { key: string; active: boolean }) => [f.key, f.active]), before.flags.results.map((f: { key: string; active: boolean }) => [f.key, f.active]));
    assert.equal((await call(emu, 'GET', '/api/projects/1/annotations/?search=Deployed%20v9')).json.count, 1);
    assert.deepEqual((await call(emu, 'GET', '/api/projects/1/insights/?limit=1000&basic=true')).json.results.map((i: { id: number }) => i.id), before.insight.results.map((i: { id: number }) => i.id));
    assert.equal((await call(emu, 'GET', '/api/projects/1/annotations/?limit=1000')).json.count, before.annotations.count);
  });
});
