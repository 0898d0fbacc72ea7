// Which statement of its document a run is (src/query/statementRef.ts), for the results tabs:
// a whole statement has its index, a selection of part of one has none (-1), and the document's
// statements are listed normalised (for "an edited statement replaces its tab").
import * as assert from 'node:assert/strict';
import { statementRef } from '../../../src/query/statementRef';
import { queryTarget } from '../../../src/query/target';

const DOC = 'SELECT 1 AS a;\n\nSELECT  2\n  AS b;\n';

const at = (cursor: number, selection = { start: 0, end: 0 }) => {
  const r = queryTarget(DOC, selection, cursor);
  assert.ok(r.ok);
  return statementRef('file:///q.hogql', DOC, r.target);
};

describe('statementRef: a run as a statement of its document', () => {
  it('a whole statement: its index, and every statement normalised', () => {
    assert.deepEqual(at(2), { doc: 'file:///q.hogql', index: 0, text: 'SELECT 1 AS a', statements: ['SELECT 1 AS a', 'SELECT 2 AS b'] });
    assert.equal(at(DOC.indexOf('AS b')).index, 1);
  });

  it('a selection of part of a statement is no statement of the document', () => {
    const start = DOC.indexOf('1 AS a');
    assert.equal(at(start, { start, end: start + 6 }).index, -1);
  });
});
