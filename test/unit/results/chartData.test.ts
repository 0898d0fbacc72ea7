import * as assert from 'node:assert/strict';
import type { Cell } from '../../../src/results/protocol';
import { classifyType } from '../../../src/results/types';
import { chartData, niceTicks, seriesCandidates, stackTotals, timeTicks, toNumber, valueExtent } from '../../../webview-ui/results/chartData';

const cols = (...types: [string, string][]) => types.map(([name, type]) => ({ name, info: classifyType(type) }));

describe('results/chartData', () => {
  it('plots numeric columns against a time axis, sorted by time, NULLs as gaps', () => {
    const rows: Cell[][] = [['2026-01-03', '9007199254740993', 'x', 1.5], ['2026-01-01', 5, 'y', null], ['bad', 1, 'z', 2]];
    const d = chartData(cols(['day', 'Date'], ['n', 'UInt64'], ['s', 'String'], ['f', 'Nullable(Float64)']), rows);
    assert.ok(!('reason' in d));
    assert.equal(d.xKind, 'time');
    assert.deepEqual(Array.from(d.x), [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 3)]);
    assert.deepEqual(d.series.map((s) => s.name), ['n', 'f']);
    assert.deepEqual(Array.from(d.series[0].values), [5, 9007199254740992]);
    assert.ok(Number.isNaN(d.series[1].values[0]));
  });

  it('plots a trends insight against its date column, one series per label', () => {
    // The shape src/views/insightLogic.ts#resultTable gives a trends insight: series, date (text), value.
    const rows: Cell[][] = [
      ['$pageview', '2026-01-02', 7], ['$pageview', '2026-01-01', 5],
      ['signup', '2026-01-01', 1], ['signup', '2026-01-03', 2],
    ];
    const d = chartData(cols(['series', 'String'], ['date', 'String'], ['value', 'Float64']), rows);
    assert.ok(!('reason' in d));
    assert.deepEqual([d.xName, d.xKind], ['date', 'time']);
    assert.deepEqual(Array.from(d.x), [1, 2, 3].map((day) => Date.UTC(2026, 0, day)));
    assert.deepEqual(d.series.map((s) => [s.name, Array.from(s.values).map(String)]), [
      ['$pageview', ['5', '7', 'NaN']],
      ['signup', ['1', 'NaN', '2']],
    ]);
  });

  it('prefers a DateTime column over a first text column, and keeps one series per numeric column', () => {
    const rows: Cell[][] = [['b', '2026-01-02 10:00:00', 3, 30], ['a', '2026-01-01 10:00:00', 1, 10]];
    const d = chartData(cols(['label', 'String'], ['day', 'DateTime'], ['count', 'UInt64'], ['data', 'Float64']), rows);
    assert.ok(!('reason' in d));
    assert.deepEqual([d.xName, d.xKind, d.series.map((s) => s.name)], ['day', 'time', ['count', 'data']]);
    assert.deepEqual(Array.from(d.series[0].values), [1, 3]);
  });

  it('keeps the first column as x when no column holds dates', () => {
    const d = chartData(cols(['k', 'String'], ['note', 'String'], ['v', 'Int8']), [['a', 'not a date', 1]]);
    assert.ok(!('reason' in d));
    assert.deepEqual([d.xName, d.xKind], ['k', 'category']);
  });

  it('uses categories in row order for text x, capped', () => {
    const rows: Cell[][] = [['b', 2], ['a', 1], [null, 3]];
    const d = chartData(cols(['k', 'String'], ['v', 'Int8']), rows, 2);
    assert.ok(!('reason' in d));
    assert.deepEqual([d.xKind, d.labels, d.dropped], ['category', ['b', 'a'], 1]);
  });

  it('explains why a result is not chartable', () => {
    assert.deepEqual(chartData(cols(['a', 'String'], ['b', 'String']), [['x', 'y']]), { reason: 'No numeric columns to plot against “a”.' });
    assert.match((chartData(cols(['a', 'String']), [['x']]) as { reason: string }).reason, /at least two columns/);
    assert.deepEqual(chartData(cols(['a', 'String'], ['n', 'Int8']), []), { reason: 'No rows to chart.' });
    assert.match((chartData(cols(['t', 'DateTime'], ['n', 'Int8']), [['never', 1]]) as { reason: string }).reason, /no usable dates/);
  });

  it('makes round ticks and extents', () => {
    assert.deepEqual(niceTicks(0, 100, 5), [0, 20, 40, 60, 80, 100]);
    assert.deepEqual(niceTicks(-1, 1, 4), [-1, -0.5, 0, 0.5, 1]);
    assert.deepEqual(valueExtent([{ name: 'a', values: Float64Array.from([3, Number.NaN, 7]) }]), [0, 7]);
    assert.deepEqual([toNumber('12'), toNumber(true), toNumber(null)].map(String), ['12', '1', 'NaN']);
  });

  it('puts time ticks on zone-local midnights for day steps', () => {
    const hour = 3_600_000;
    const { ticks, step } = timeTicks(Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 10), 4, () => -5 * hour);
    assert.equal(step, 7 * 86_400_000);
    assert.ok(ticks.length >= 1);
    for (const t of ticks) assert.equal((t - 5 * hour) % 86_400_000, 0, new Date(t).toISOString());
  });

  it('plots the chosen series against the chosen x column, on the chosen axes', () => {
    const columns = cols(['day', 'Date'], ['n', 'UInt64'], ['m', 'Float64'], ['k', 'Int32']);
    const rows: Cell[][] = [['2026-01-02', 1, 10, 3], ['2026-01-01', 2, 20, 1]];
    const d = chartData(columns, rows, 1000, { type: 'bar', x: 'k', series: [{ column: 'm', axis: 'right' }, { column: 'n', axis: 'left' }, { column: 'gone', axis: 'left' }] });
    assert.ok(!('reason' in d));
    assert.equal(d.xName, 'k');
    assert.equal(d.xKind, 'number');
    assert.deepEqual(Array.from(d.x), [1, 3]);
    assert.deepEqual(d.series.map((s) => [s.name, s.axis ?? 'left', Array.from(s.values)]), [['m', 'right', [20, 10]], ['n', 'left', [2, 1]]]);
    // a chosen x that is no column of this result: picked automatically; no chosen series left: every numeric column
    const auto = chartData(columns, rows, 1000, { type: 'line', x: 'nope', series: [{ column: 'day', axis: 'left' }] });
    assert.ok(!('reason' in auto));
    assert.equal(auto.xName, 'day');
    assert.deepEqual(auto.series.map((s) => s.name), ['n', 'm', 'k']);
    // a text x chosen: categories in row order
    const cat = chartData(cols(['a', 'UInt8'], ['name', 'String']), [[1, 'x'], [2, 'y']], 1000, { type: 'bar', x: 'name' });
    assert.ok(!('reason' in cat));
    assert.deepEqual([cat.xKind, cat.labels], ['category', ['x', 'y']]);
    assert.deepEqual(seriesCandidates(columns), ['n', 'm', 'k']);
  });

  it('stacks positive values up and negative values down for the extent of stacked bars', () => {
    const series = [{ name: 'a', values: Float64Array.from([1, -2, Number.NaN]) }, { name: 'b', values: Float64Array.from([3, -1, 4]) }];
    const { pos, neg } = stackTotals(series);
    assert.deepEqual([Array.from(pos), Array.from(neg)], [[4, 0, 4], [0, -3, 0]]);
    assert.deepEqual(valueExtent(series, true), [-3, 4]);
    assert.deepEqual(valueExtent(series), [-2, 4]);
  });
});
