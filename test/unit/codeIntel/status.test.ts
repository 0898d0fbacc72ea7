// How a flag's status reads inline and in the hover: inactive, full rollout, partial, conditions, variants.
import assert from 'node:assert/strict';
import type { FeatureFlag } from '../../../src/api/resources/flags';
import { flagDetails, flagStatus, isPersonalKey } from '../../../src/codeIntel/status';

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

  it('tells a personal key from a project key', () => {
    assert.equal(isPersonalKey('phx_abc'), true);
    assert.equal(isPersonalKey('phc_abc'), false);
  });
});
