// How a flag's status reads inline and in the hover: inactive, full rollout, partial, conditions, variants.
import assert from 'node:assert/strict';
import type { FeatureFlag } from '../../../src/api/resources/flags';
import { experimentState, flagDetails, flagStatus, isPersonalKey, linkedExperiments } from '../../../src/codeIntel/status';

const flag = (over: Partial<FeatureFlag>): FeatureFlag => ({ id: 1, key: 'k', active: true, filters: { groups: [] }, tags: [], experiment_set: [], ...over }) as FeatureFlag;

describe('codeIntel flag status', () => {
  it('reads missing, inactive, 100%, partial rollout and property conditions', () => {
    assert.equal(flagStatus(undefined).text, 'not in PostHog');
    assert.equal(flagStatus(flag({ active: false })).text, 'inactive');
    assert.equal(flagStatus(flag({ filters: { groups: [{ properties: [], rollout_percentage: null as unknown as undefined }] } })).text, 'enabled · 100%');
    assert.equal(flagStatus(flag({ filters: { groups: [{ properties: [], rollout_percentage: 30 }] } })).text, 'rollout 30%');
    assert.equal(flagStatus(flag({ filters: { groups: [{ properties: [{}], rollout_percentage: 50 }] } })).text, 'rollout 1 condition');
  });

  it('lists variants and linked experiments', () => {
    const f = flag({
      filters: { groups: [{ properties: [], rollout_percentage: 100 }], multivariate: { variants: [{ key: 'control', rollout_percentage: 50 }, { key: 'test', rollout_percentage: 50 }] } },
      experiment_set: [7],
    });
    assert.equal(flagStatus(f).text, 'enabled · 100% · control 50% / test 50%');
    assert.ok(flagDetails(f).includes('Variants: control (50%), test (50%)'));
    assert.ok(flagDetails(f).includes('Linked to experiment #7'));
  });

  it('reads a linked experiment as draft, running or complete, after the rest of the status', () => {
    assert.equal(experimentState({ id: 1, start_date: null, end_date: null }), 'draft');
    assert.equal(experimentState({ id: 1, start_date: '2026-11-01T00:00:00Z', end_date: null }), 'running');
    assert.equal(experimentState({ id: 1, start_date: '2026-11-01T00:00:00Z', end_date: '2026-11-20T00:00:00Z' }), 'complete');
    const f = flag({ filters: { groups: [{ properties: [], rollout_percentage: 100 }], multivariate: { variants: [{ key: 'control', rollout_percentage: 50 }, { key: 'test', rollout_percentage: 50 }] } }, experiment_set: [7, 8, 9] });
    const byId = new Map([
      [7, { id: 7, start_date: '2026-11-01', end_date: null }],
      [8, { id: 8, start_date: null, end_date: null, archived: true }],
      [9, { id: 9, start_date: '2026-10-01', end_date: '2026-10-20' }],
    ]);
    assert.deepEqual(linkedExperiments(f, byId).map((e) => e.id), [7, 9]);
    assert.equal(flagStatus(f, [byId.get(7)!]).text, 'enabled · 100% · control 50% / test 50% · experiment running');
    assert.equal(flagStatus(f, linkedExperiments(f, byId)).text, 'enabled · 100% · control 50% / test 50% · experiments running / complete');
    assert.equal(flagStatus(flag({ active: false }), [{ id: 3 }]).text, 'inactive · experiment draft');
    assert.equal(flagStatus(f).text, 'enabled · 100% · control 50% / test 50%');
    assert.equal(flagStatus(undefined, [{ id: 3 }]).text, 'not in PostHog');
  });

  it('hovers a linked experiment with its name and state, naming only the ids it cannot show', () => {
    const f = flag({ filters: { groups: [{ properties: [], rollout_percentage: 100 }] }, experiment_set: [7, 8, 9, 10] });
    const lines = flagDetails(f, [
      { id: 7, name: 'Checkout test', start_date: '2026-11-01T09:00:00Z', end_date: null },
      { id: 9, name: 'Old pricing', start_date: '2026-10-01T00:00:00Z', end_date: '2026-10-20T12:00:00Z' },
      { id: 10, name: null, start_date: null },
    ]);
    assert.equal(lines[0], 'Status: enabled · 100% · experiments running / complete / draft');
    assert.ok(lines.includes('Experiment "Checkout test" #7: running since 2026-11-01'), lines.join('\n'));
    assert.ok(lines.includes('Experiment "Old pricing" #9: complete, ended 2026-10-20'), lines.join('\n'));
    assert.ok(lines.includes('Experiment #10: draft (not started)'), lines.join('\n'));
    assert.equal(lines.at(-1), 'Linked to experiment #8');
  });

  it('tells a personal key from a project key', () => {
    assert.equal(isPersonalKey('phx_abc'), true);
    assert.equal(isPersonalKey('phc_abc'), false);
  });
});
