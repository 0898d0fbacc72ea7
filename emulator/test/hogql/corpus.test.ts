/**
 * Runs every corpus query for real (PostHog's parser → translation → chdb) over data from the
 * server half's generateDataset, and compares with answers computed in plain JS from the same rows.
 */
import assert from 'node:assert/strict';
import { generateDataset } from '../../src/data/generate';
import { runHogQLQuery } from '../../src/hogql';
import { CORPUS } from './corpus/queries';
import { buildModel, rowKey, TEAM, type Model } from './corpus/model';
import { normalizeRows } from './support/normalize';
import { TestEngine } from './support/testEngine';

describe('HogQL corpus on chdb (expected answers computed in JS)', function () {
  this.timeout(120_000);
  const now = new Date('2025-01-31T00:00:00Z');
  let engine: TestEngine;
  let model: Model;

  before(() => {
    const dataset = generateDataset({ seed: 7, events: 3000, days: 30, now, teamIds: [TEAM, 2] });
    engine = new TestEngine(dataset);
    model = buildModel(dataset, now);
  });
  after(() => engine.close());

  it('has at least 100 queries', () => assert.ok(CORPUS.length >= 100, `${CORPUS.length} queries`));

  CORPUS.forEach((entry, i) => {
    const label = `#${i} ${entry.tz ? `[${entry.tz}] ` : ''}${entry.q}`;
    it(label, async () => {
      const response = await runHogQLQuery(
        { query: entry.q, values: entry.values, filters: entry.filters, teamId: TEAM, timezone: entry.tz ?? 'UTC' },
        { engine, queryId: `corpus-${i}` },
      );
      const actual = normalizeRows(response.results);
      const expected = normalizeRows(entry.expect(model));
      if (entry.ordered === false) {
        assert.deepEqual([...actual].sort((a, b) => rowKey(a).localeCompare(rowKey(b))), [...expected].sort((a, b) => rowKey(a).localeCompare(rowKey(b))));
      } else {
        assert.deepEqual(actual, expected);
      }
    });
  });
});
