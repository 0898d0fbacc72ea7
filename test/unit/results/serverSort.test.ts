import * as assert from 'node:assert/strict';
import { loadedScopeNote, quotedIdentifier, serverSortedQuery } from '../../../src/results/serverSort';

describe('results/serverSort: sort all rows on the server', () => {
  it('wraps the query in an ORDER BY on the quoted column, a trailing ; and comment kept harmless', () => {
    assert.equal(serverSortedQuery('SELECT event, count() AS n FROM events GROUP BY event;\n', 'n', 'desc'), 'SELECT * FROM (\nSELECT event, count() AS n FROM events GROUP BY event\n)\nORDER BY `n` DESC');
    assert.equal(serverSortedQuery('SELECT 1 AS a -- one', 'a', 'asc'), 'SELECT * FROM (\nSELECT 1 AS a -- one\n)\nORDER BY `a` ASC');
  });

  it('escapes backticks and backslashes in the column name', () => {
    assert.equal(quotedIdentifier('we`ird\\name'), '`we\\`ird\\\\name`');
    assert.match(serverSortedQuery('SELECT 1', 'a`b', 'asc'), /ORDER BY `a\\`b` ASC$/);
  });

  it('says when sort or filter act on the loaded rows only', () => {
    assert.equal(loadedScopeNote(1000, true, false), 'Sorted the 1,000 loaded rows only; the result has more.');
    assert.equal(loadedScopeNote(65, false, true), 'Filtered the 65 loaded rows only; the result has more.');
    assert.equal(loadedScopeNote(1, true, true), 'Sorted and filtered the 1 loaded row only; the result has more.');
    assert.equal(loadedScopeNote(1000, false, false), '');
  });
});
