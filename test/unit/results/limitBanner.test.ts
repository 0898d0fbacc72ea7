// The auto-LIMIT banner (issue #17): which case a result is in, from its row count, `hasMore` and
// where its statement's LIMIT is (the shape comes from our parser: test/unit/language/limitShape.test.ts).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { limitBanner, limitedQuery, parseLimitBanner, POSTHOG_DEFAULT_ROWS } from '../../../src/results/limitBanner';
import { parseResult } from '../../../src/results/protocol';
import { POSTHOG_MAX_ROWS } from '../../../src/results/limits';
import { limitShape } from '../../../src/language/hogql/limitShape';

const none = { outerLimit: false, unionArmLimit: false };
const explicit = { outerLimit: true, unionArmLimit: false };
const unionArm = { outerLimit: false, unionArmLimit: true };

describe('limit banner', () => {
  const table: [string, Parameters<typeof limitBanner>, string | undefined, string[]][] = [
    ['no LIMIT, stopped at the default 100 with more', [none, 100, true], 'default', ['loadMore', 'raiseLimit']],
    ['no LIMIT, exactly 100 rows and PostHog says no more', [none, 100, false], 'default', ['raiseLimit']],
    ['no LIMIT, fewer rows than the default', [none, 42, false], 'noLimit', []],
    ['explicit LIMIT 10', [explicit, 10, false], undefined, []],
    ['explicit LIMIT with more pages', [explicit, 1000, true], undefined, []],
    ['explicit LIMIT at the 50,000 cap', [explicit, POSTHOG_MAX_ROWS, true], 'cap', []],
    ['no LIMIT at the cap (Load more reached it)', [none, POSTHOG_MAX_ROWS, false], 'cap', []],
    ['UNION with a last-arm LIMIT, few rows', [unionArm, 7, false], 'unionArm', []],
    ['UNION with a last-arm LIMIT, stopped at 100', [unionArm, 100, true], 'unionArm', ['loadMore', 'raiseLimit']],
  ];
  for (const [name, args, kind, actions] of table) {
    it(name, () => {
      const b = limitBanner(...args);
      assert.equal(b?.kind, kind);
      if (b) assert.deepEqual(b.actions, actions);
    });
  }

  it('says the numbers in words', () => {
    assert.match(limitBanner(none, 100, true)!.text, /No LIMIT in the query: PostHog stopped at its default of 100 rows/);
    assert.match(limitBanner(explicit, 50_000, false)!.text, /cap of 50,000 rows/);
    assert.match(limitBanner(unionArm, 3, false)!.text, /applies to the last SELECT of the UNION only/);
  });

  it('never shows for an explicit LIMIT under the cap; always at the cap (property)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 60_000 }), fc.boolean(), (outerLimit, unionArmLimit, rows, hasMore) => {
        const b = limitBanner({ outerLimit, unionArmLimit }, rows, hasMore);
        if (rows >= POSTHOG_MAX_ROWS) return b?.kind === 'cap';
        if (outerLimit) return b === undefined;
        // without a LIMIT there is always a banner, and one offering more rows whenever PostHog has more
        return b !== undefined && (!hasMore || (b.actions.includes('raiseLimit') && b.actions.includes('loadMore'))) && (rows !== POSTHOG_DEFAULT_ROWS || b.actions.includes('raiseLimit'));
      }),
    );
  });

  it('re-runs with an explicit LIMIT around the whole statement, which our parser then sees', () => {
    for (const q of ['SELECT event FROM events;', 'SELECT 1 UNION ALL SELECT 2 LIMIT 5 -- two', 'SELECT 1\n']) {
      const limited = limitedQuery(q);
      assert.match(limited, /\nLIMIT 50000$/);
      assert.deepEqual(limitShape(limited), { outerLimit: true, unionArmLimit: false });
    }
  });

  it('crosses the protocol validated', () => {
    const banner = limitBanner(none, 100, true)!;
    const base = { queryId: 'q', columns: [], rows: [], hasMore: true, elapsedMs: 1 };
    assert.deepEqual(parseResult({ ...base, limitBanner: banner })?.limitBanner, banner);
    assert.equal(parseResult({ ...base, limitBanner: { kind: 'x', text: 't', actions: [] } }), undefined);
    assert.equal(parseLimitBanner({ kind: 'cap', text: 't', actions: ['deleteAll'] }), undefined);
  });
});
