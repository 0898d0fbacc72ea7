import * as assert from 'node:assert/strict';
import { MAX_POLL_MS, pollDelay, RunModes, SWITCH_AFTER_MS } from '../../../src/query/runMode';

describe('query/runMode: blocking or async, and the poll cadence (#21)', () => {
  it("polls at PostHog's web editor cadence (300 ms, × 1.25), capped at 1 s", () => {
    const delays = Array.from({ length: 10 }, (_, i) => pollDelay(i));
    assert.deepEqual(delays, [300, 375, 469, 586, 732, 916, 1_000, 1_000, 1_000, 1_000]);
    assert.equal(MAX_POLL_MS, 1_000);
    // 60 s of a long query: about one status poll a second, well within 240/minute
    let t = 0;
    let polls = 0;
    while (t < 60_000) t += pollDelay(polls++);
    assert.ok(polls <= 65 && polls >= 55, `${polls} polls a minute`);
  });

  it('a text runs blocking until a run of it took SWITCH_AFTER_MS or more; a quick run makes it blocking again', () => {
    const modes = new RunModes();
    const key = RunModes.key(1, { kind: 'HogQLQuery', query: 'SELECT 1' });
    assert.equal(modes.mode(key), 'blocking');
    modes.ran(key, SWITCH_AFTER_MS - 1);
    assert.equal(modes.mode(key), 'blocking');
    modes.ran(key, SWITCH_AFTER_MS);
    assert.equal(modes.mode(key), 'async');
    assert.equal(modes.mode(RunModes.key(2, { kind: 'HogQLQuery', query: 'SELECT 1' })), 'blocking', 'per project');
    assert.equal(modes.mode(RunModes.key(1, { kind: 'HogQLQuery', query: 'SELECT 1', values: { a: 1 } })), 'blocking', 'per whole node');
    modes.ran(key, 10);
    assert.equal(modes.mode(key), 'blocking');
  });

  it('remembers at most `max` long texts, forgetting the oldest', () => {
    const modes = new RunModes(3);
    const keys = [1, 2, 3, 4].map((i) => RunModes.key(1, { kind: 'HogQLQuery', query: `SELECT ${i}` }));
    for (const k of keys) modes.ran(k, SWITCH_AFTER_MS * 2);
    assert.deepEqual(keys.map((k) => modes.mode(k)), ['blocking', 'async', 'async', 'async']);
    modes.ran(keys[1]!, SWITCH_AFTER_MS); // ran long again: now the most recent
    modes.ran(RunModes.key(1, { kind: 'HogQLQuery', query: 'SELECT 5' }), SWITCH_AFTER_MS);
    assert.deepEqual(keys.map((k) => modes.mode(k)), ['blocking', 'async', 'blocking', 'async']);
  });
});
