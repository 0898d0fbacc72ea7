import * as assert from 'node:assert/strict';
import type { HogQLQueryNode } from '../../../src/api/resources/query';
import { inlineText, parseEventUsage, parsePropertyUsage, propertyUsageQuery, UsageCache, type UsageRunner } from '../../../src/language/usage';

/** A runner that answers `rows` and records each query it was asked. */
function fakeRunner(rows: unknown[][] | Error): { run: UsageRunner; asked: HogQLQueryNode[]; signals: AbortSignal[] } {
  const asked: HogQLQueryNode[] = [];
  const signals: AbortSignal[] = [];
  const run: UsageRunner = async (node, signal) => {
    asked.push(node);
    signals.push(signal);
    if (rows instanceof Error) throw rows;
    return rows;
  };
  return { run, asked, signals };
}

describe('hover usage: example values, last seen, event volumes (#20)', () => {
  it('asks for a property by value, never with the name in the query text', () => {
    const q = propertyUsageQuery('event', "it's $x");
    assert.deepEqual(q.values, { key: "it's $x" });
    assert.ok(!q.query.includes("it's"));
    assert.match(q.query, /^SELECT toString\(properties\[\{key\}\]\) AS value, max\(timestamp\) AS last_seen FROM events WHERE timestamp >= now\(\) - INTERVAL 30 DAY/);
    assert.match(propertyUsageQuery('person', 'email').query, /person\.properties\[\{key\}\]/);
  });

  it('reads examples and the latest last-seen from the rows, and event volumes', () => {
    const u = parsePropertyUsage([['Chrome', '2026-12-06T04:22:21Z'], ['Safari', '2026-12-05T01:00:00Z'], [42, '2026-12-01T00:00:00Z']]);
    assert.deepEqual(u, { examples: ['Chrome', 'Safari', '42'], lastSeen: '2026-12-06T04:22:21Z' });
    assert.deepEqual(parsePropertyUsage([]), { examples: [] });
    const e = parseEventUsage([['$pageview', 1791, '2026-12-06T04:22:21Z'], ['x', 'not a number', null]]);
    assert.deepEqual([...e], [['$pageview', { count: 1791, lastSeen: '2026-12-06T04:22:21Z' }]]);
  });

  it('runs one query per property and one for all events, shared by concurrent and later hovers', async () => {
    const cache = new UsageCache();
    const props = fakeRunner([['Chrome', '2026-12-06T04:22:21Z']]);
    const answers = await Promise.all([1, 2, 3].map(() => cache.property('p1', props.run, 'event', '$browser')));
    await cache.property('p1', props.run, 'event', '$browser');
    assert.equal(props.asked.length, 1);
    assert.deepEqual(answers[2], { ok: true, value: { examples: ['Chrome'], lastSeen: '2026-12-06T04:22:21Z' } });
    await cache.property('p1', props.run, 'person', '$browser');
    await cache.property('p2', props.run, 'event', '$browser');
    assert.equal(props.asked.length, 3, 'person vs event and another project are other keys');
    const events = fakeRunner([['a', 3, '2026-12-01T00:00:00Z'], ['b', 1, '2026-12-02T00:00:00Z']]);
    const first = await cache.events('p1', events.run);
    await cache.events('p1', events.run);
    assert.equal(events.asked.length, 1);
    assert.ok(first.ok && first.value.get('b')?.count === 1);
  });

  it('keeps a failure for the same time (no query per hover), asks again after ten minutes, clear() aborts and forgets', async () => {
    let now = 0;
    const cache = new UsageCache(() => now);
    const failing = fakeRunner(new Error('Missing scope query:read'));
    assert.deepEqual(await cache.property('p', failing.run, 'event', 'x'), { ok: false, error: 'Missing scope query:read' });
    await cache.property('p', failing.run, 'event', 'x');
    assert.equal(failing.asked.length, 1);
    now = 10 * 60_000;
    await cache.property('p', failing.run, 'event', 'x');
    assert.equal(failing.asked.length, 2);
    cache.clear();
    assert.ok(failing.signals[1]!.aborted, 'the query of the old session is aborted');
    await cache.property('p', failing.run, 'event', 'x');
    assert.equal(failing.asked.length, 3);
    assert.ok(!failing.signals[2]!.aborted);
  });
});

describe('hover usage: untrusted values in Markdown', () => {
  it('escapes inline Markdown and HTML but leaves dates and emails readable', () => {
    assert.equal(inlineText('a.b-c@x.com 2026-12-06T04:22:21.631Z'), 'a.b-c@x.com 2026-12-06T04:22:21.631Z');
    assert.equal(inlineText('[x](javascript:1) <img> `c` *b*\nnext'), '\\[x\\]\\(javascript:1\\) \\<img\\> \\`c\\` \\*b\\* next');
  });
});
