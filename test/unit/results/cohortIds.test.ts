import * as assert from 'node:assert/strict';
import { batches, columnIds } from '../../../src/results/cohortIds';

describe('results/cohortIds', () => {
  it('collects distinct ids of the right shape in first-seen order and counts the rest', () => {
    const A = '0190f2a4-7b1c-7d3e-9a2b-1c2d3e4f5a6b';
    const B = '0190f2a4-7b1c-7d3e-9a2b-1c2d3e4f5a6c';
    const rows = [[A], [B.toUpperCase()], [A], [null], ['nope'], [''], [7]];
    assert.deepEqual(columnIds(rows, 0, 'person'), { ids: [A, B], rows: 7, skipped: 4 });
    assert.deepEqual(columnIds([['u1'], ['u2'], ['u1'], [null]], 0, 'distinctId'), { ids: ['u1', 'u2'], rows: 4, skipped: 1 });
    assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  });
});
