// Where a statement's LIMIT is, read with our parser, for the auto-LIMIT banner (issue #17).
import assert from 'node:assert/strict';
import { limitShape } from '../../../src/language/hogql/limitShape';

describe('limitShape', () => {
  const table: [string, boolean, boolean][] = [
    ['SELECT event FROM events', false, false],
    ['SELECT event FROM events;', false, false],
    ['SELECT event FROM events LIMIT 10', true, false],
    ['SELECT event FROM events LIMIT 10 OFFSET 5', true, false],
    ['SELECT event FROM events LIMIT 1 BY event', false, false],
    ['SELECT event FROM events LIMIT 1 BY event LIMIT 20', true, false],
    ['(SELECT 1 LIMIT 3)', true, false],
    ['SELECT * FROM (SELECT 1 FROM events LIMIT 5)', false, false],
    ['SELECT 1 UNION ALL SELECT 2 LIMIT 5', false, true],
    ['SELECT 1 LIMIT 1 UNION ALL SELECT 2', false, false],
    ['SELECT 1 UNION ALL (SELECT 2 LIMIT 5)', false, false],
    ['SELECT * FROM (SELECT 1 UNION ALL SELECT 2 LIMIT 5) LIMIT 3', true, false],
    ['WITH a AS (SELECT 1) SELECT * FROM a', false, false],
    ['SELECT event FROM events WHERE {filters}', false, false],
  ];
  for (const [q, outerLimit, unionArmLimit] of table) {
    it(q, () => assert.deepEqual(limitShape(q), { outerLimit, unionArmLimit }));
  }
});
