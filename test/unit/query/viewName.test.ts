import * as assert from 'node:assert/strict';
import { viewNameProblem } from '../../../src/query/viewName';

describe('view names (as PostHog validates them)', () => {
  const tables = new Set(['events', 'persons']);

  it('accepts letters, digits, _, $ and . not first-digit names', () => {
    for (const name of ['daily_events', '_x', '$revenue', 'a1', 'schema.view', 'A'.repeat(128)]) assert.equal(viewNameProblem(name, tables), undefined, name);
  });

  it('refuses what PostHog refuses, saying why', () => {
    assert.match(viewNameProblem('', tables)!, /Enter a name/);
    assert.match(viewNameProblem('1st', tables)!, /letters, digits, '_', '\$' or '\.'/);
    assert.match(viewNameProblem('my view', tables)!, /letters, digits/);
    assert.match(viewNameProblem('naïve', tables)!, /letters, digits/);
    assert.match(viewNameProblem('a'.repeat(129), tables)!, /128 characters/);
    assert.match(viewNameProblem('events', tables)!, /PostHog table/);
  });
});
