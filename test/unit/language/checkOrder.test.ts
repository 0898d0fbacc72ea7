// Issue #21: PostHog's parser checks the statement at the cursor first, then those on screen.
import * as assert from 'node:assert/strict';
import { checkOrder } from '../../../src/language/syntax/order';

describe('language: which statements PostHog\'s parser checks first', () => {
  // four statements of 10 characters with a gap of 2
  const ranges = [0, 12, 24, 36].map((start) => ({ start, end: start + 10 }));

  it('keeps document order without an editor', () => {
    assert.deepEqual(checkOrder(ranges, undefined), [0, 1, 2, 3]);
  });

  it('puts the statement at the cursor first, then the visible ones, each in document order', () => {
    assert.deepEqual(checkOrder(ranges, { cursor: 40, visible: [{ start: 23, end: 47 }] }), [3, 2, 0, 1]);
    assert.deepEqual(checkOrder(ranges, { cursor: 5, visible: [{ start: 0, end: 47 }] }), [0, 1, 2, 3]);
    assert.deepEqual(checkOrder(ranges, { visible: [{ start: 35, end: 47 }] }), [3, 0, 1, 2]);
  });

  it('counts a cursor right after a statement as in it (typing at its end), and two visible ranges', () => {
    assert.deepEqual(checkOrder(ranges, { cursor: 22, visible: [{ start: 0, end: 5 }, { start: 40, end: 41 }] }), [1, 0, 3, 2]);
  });
});
