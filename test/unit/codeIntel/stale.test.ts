import * as assert from 'node:assert/strict';
import type { FeatureFlag } from '../../../src/api/resources/flags';
import { staleReason } from '../../../src/codeIntel/stale';

const flag = (active: boolean, groups: FeatureFlag['filters']['groups'], variants?: [string, number][]): FeatureFlag =>
  ({ id: 1, key: 'k', active, filters: { groups, multivariate: variants ? { variants: variants.map(([key, rollout_percentage]) => ({ key, rollout_percentage })) } : null } }) as unknown as FeatureFlag;

describe('codeIntel stale flags', () => {
  it('calls a flag stale when it is missing, inactive, or served to everyone with one outcome', () => {
    assert.equal(staleReason(undefined), 'missing');
    assert.equal(staleReason(flag(false, [{ rollout_percentage: 50 }])), 'inactive');
    assert.equal(staleReason(flag(true, [{ rollout_percentage: 100 }])), 'rolledOut');
    assert.equal(staleReason(flag(true, [{ rollout_percentage: null }])), 'rolledOut');
    assert.equal(staleReason(flag(true, [{ rollout_percentage: 100 }], [['test', 100], ['control', 0]])), 'rolledOut');
  });

  it('does not call a flag stale while it still chooses', () => {
    assert.equal(staleReason(flag(true, [{ rollout_percentage: 30 }])), undefined);
    assert.equal(staleReason(flag(true, [{ rollout_percentage: 100, properties: [{ key: 'plan' }] }])), undefined);
    assert.equal(staleReason(flag(true, [{ rollout_percentage: 100 }], [['control', 50], ['test', 50]])), undefined);
    assert.equal(staleReason(flag(true, [])), undefined);
  });
});
