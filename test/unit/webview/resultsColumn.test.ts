// Where a new results panel opens (setting hogql.results.location): src/webview/resultsColumn.ts.
import * as assert from 'node:assert/strict';
import { ACTIVE_COLUMN, BESIDE_COLUMN, resultsColumn } from '../../../src/webview/resultsColumn';

describe('results panel column', () => {
  it('beside: beside the editor the first time, then in the group holding results', () => {
    assert.equal(resultsColumn('beside', { withResults: [] }), BESIDE_COLUMN);
    assert.equal(resultsColumn('beside', { withResults: [2] }), 2);
    assert.equal(resultsColumn('beside', { withResults: [2, 3], lastShown: 3 }), 2, 'the first results group, not the last shown');
  });

  it('active: the active editor group, always', () => {
    assert.equal(resultsColumn('active', { withResults: [2], lastShown: 2 }), ACTIVE_COLUMN);
  });

  it('reuseLast: the group of the panel shown last, else like beside', () => {
    assert.equal(resultsColumn('reuseLast', { withResults: [2, 3], lastShown: 3 }), 3);
    assert.equal(resultsColumn('reuseLast', { withResults: [2] }), 2);
    assert.equal(resultsColumn('reuseLast', { withResults: [] }), BESIDE_COLUMN);
    assert.equal(resultsColumn('reuseLast', { withResults: [], lastShown: ACTIVE_COLUMN }), BESIDE_COLUMN, 'not a real column');
  });
});
