import * as assert from 'node:assert/strict';
import type { FeatureFlag } from '../../../src/api/resources/flags';
import { SeenFlagIds } from '../../../src/codeIntel/seenFlags';
import { daysUnchanged, staleReason } from '../../../src/codeIntel/stale';

const flag = (active: boolean, groups: FeatureFlag['filters']['groups'], variants?: [string, number][], updated?: string): FeatureFlag =>
  ({ id: 1, key: 'k', active, updated_at: updated, filters: { groups, multivariate: variants ? { variants: variants.map(([key, rollout_percentage]) => ({ key, rollout_percentage })) } : null } }) as unknown as FeatureFlag;

const NOW = Date.parse('2026-12-06T12:00:00Z');
const daysAgo = (d: number): string => new Date(NOW - d * 86_400_000).toISOString();

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

  it('calls an inactive flag stale only once unchanged for the configured days (its last change, else its creation)', () => {
    const off = (updated?: string) => flag(false, [{ rollout_percentage: 50 }], undefined, updated);
    assert.equal(staleReason(off(daysAgo(31)), { inactiveDays: 30, now: NOW }), 'inactive');
    assert.equal(staleReason(off(daysAgo(30)), { inactiveDays: 30, now: NOW }), 'inactive');
    assert.equal(staleReason(off(daysAgo(29.5)), { inactiveDays: 30, now: NOW }), undefined);
    assert.equal(staleReason(off(daysAgo(1)), { inactiveDays: 0, now: NOW }), 'inactive');
    const created = { ...off(), created_at: daysAgo(3) } as FeatureFlag;
    assert.equal(daysUnchanged(created, NOW), 3);
    assert.equal(staleReason(created, { inactiveDays: 30, now: NOW }), undefined);
    assert.equal(daysUnchanged(off(), NOW), Infinity, 'no date: as old as can be');
    assert.equal(staleReason(off('not a date'), { inactiveDays: 30, now: NOW }), 'inactive');
    // the age rule is for inactive flags only: a rolled-out flag changed today is stale
    assert.equal(staleReason(flag(true, [{ rollout_percentage: 100 }], undefined, daysAgo(0)), { inactiveDays: 30, now: NOW }), 'rolledOut');
  });

  it('tells a deleted flag from one never created', () => {
    assert.equal(staleReason(undefined, { wasDeleted: true }), 'deleted');
    assert.equal(staleReason(undefined, { wasDeleted: false }), 'missing');
  });
});

describe('codeIntel seen flag ids', () => {
  const memento = () => {
    const data = new Map<string, unknown>();
    let writes = 0;
    return {
      writes: () => writes,
      get: <T>(k: string): T | undefined => data.get(k) as T | undefined,
      update: async (k: string, v: unknown) => {
        writes++;
        data.set(k, JSON.parse(JSON.stringify(v)));
      },
      keys: () => [...data.keys()],
    };
  };
  const f = (key: string, id: number) => ({ key, id }) as FeatureFlag;

  it('remembers ids per project, keeps keys no longer listed, and writes only on a change', async () => {
    const m = memento();
    const seen = new SeenFlagIds(m as never);
    await seen.remember('c1|1', [f('a', 1), f('b', 2)]);
    await seen.remember('c1|2', [f('a', 9)]);
    assert.equal(seen.idOf('c1|1', 'a'), 1);
    assert.equal(seen.idOf('c1|2', 'a'), 9);
    assert.equal(seen.idOf('c1|1', 'zzz'), undefined);
    const writes = m.writes();
    await seen.remember('c1|1', [f('a', 1)]);
    assert.equal(m.writes(), writes, 'nothing new: no write');
    assert.equal(seen.idOf('c1|1', 'b'), 2, 'a key missing from a later list stays known (it may have been deleted)');
    await seen.remember('c1|1', [f('b', 7)]);
    assert.equal(seen.idOf('c1|1', 'b'), 7, 'a key re-created gets its new id');
  });
});
