import * as assert from 'node:assert/strict';
import { MAX_OUTPUT_HEIGHT, MIN_OUTPUT_HEIGHT, omittedNote, outputHeight, parseOutput, summary, toPayload } from '../../../webview-ui/notebook/output';

const base = { at: '2026-12-06T10:00:00.000Z', project: { name: 'Demo', id: 2, host: 'https://x' }, rowCount: 2, columns: [{ name: 'a', type: 'String' }, { name: 'n', type: 'Int64' }], rows: [['x', 1], ['y', 2]] };

describe('notebook renderer: a stored output as the grid\'s result', () => {
  it('gives the grid the output\'s columns and rows, keyed by the output id', () => {
    const t = parseOutput(base);
    assert.ok(t);
    const p = toPayload(t, 'out-1');
    assert.equal(p.queryId, 'out-1');
    assert.deepEqual(p.columns, base.columns);
    assert.deepEqual(p.rows, base.rows);
    assert.equal(p.hasMore, false);
    assert.equal(p.totalRows, undefined, 'nothing is streamed in later');
  });

  it('makes every row as long as the columns (a hand-edited file)', () => {
    const t = parseOutput({ ...base, rows: [['x'], ['y', 2, 'extra'], 'not a row', null] });
    assert.deepEqual(t?.rows, [['x', null], ['y', 2]]);
  });

  it('drops malformed columns and refuses what is not a result', () => {
    assert.deepEqual(parseOutput({ ...base, columns: [{ name: 'a', type: 'String' }, { name: 3 }, 'b'] })?.columns, [{ name: 'a', type: 'String' }]);
    assert.equal(parseOutput(null), undefined);
    assert.equal(parseOutput([]), undefined);
    assert.equal(parseOutput({ rows: [] }), undefined);
  });

  it('sums up project, rows, time and duration; an error says so', () => {
    const when = (iso: string): string => `at ${iso.slice(11, 16)}`;
    assert.equal(summary(parseOutput({ ...base, elapsedMs: 1234 })!, when), 'Demo · 2 rows · at 10:00 · 1.23 s');
    assert.equal(summary(parseOutput({ ...base, rowCount: 1, hasMore: true })!, when), 'Demo · 1+ row · at 10:00');
    assert.equal(summary(parseOutput({ ...base, project: { id: 7 }, error: 'boom' })!, when), 'project 7 · error · at 10:00');
  });

  it('says how many rows the notebook did not keep', () => {
    assert.equal(omittedNote(parseOutput(base)!), '');
    assert.equal(omittedNote(parseOutput({ ...base, rowCount: 1002, rowsOmitted: 1000 })!), '1,000 more rows were not kept in the notebook: run the cell again to see them.');
    assert.equal(omittedNote(parseOutput({ ...base, rowCount: 3 })!), '1 more row was not kept in the notebook: run the cell again to see it.');
  });

  it('sizes the output to its rows between a floor and a fixed cap', () => {
    assert.equal(outputHeight(1), MIN_OUTPUT_HEIGHT);
    assert.equal(outputHeight(100_000), MAX_OUTPUT_HEIGHT);
    assert.ok(outputHeight(8) > MIN_OUTPUT_HEIGHT && outputHeight(8) < MAX_OUTPUT_HEIGHT);
    for (let n = 0; n < 50; n++) assert.ok(outputHeight(n + 1) >= outputHeight(n));
  });
});
