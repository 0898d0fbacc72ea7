import * as assert from 'node:assert/strict';
import { chartKey, fromPostHog, sanitizeChartChoice, toPostHog, type ChartChoice } from '../../../src/results/chartSettings';

const node = (extra: Record<string, unknown>) => ({ kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query: 'select 1' }, ...extra });

describe('results/chartSettings', () => {
  it('maps each chart type to PostHog’s display and back', () => {
    const expected = { line: 'ActionsLineGraph', bar: 'ActionsBar', stackedBar: 'ActionsStackedBar', area: 'ActionsAreaGraph' } as const;
    for (const [type, display] of Object.entries(expected)) {
      const choice: ChartChoice = { type: type as ChartChoice['type'], x: 'day', series: [{ column: 'n', axis: 'left' }, { column: 'm', axis: 'right' }] };
      const out = toPostHog(choice);
      assert.equal(out.display, display);
      assert.deepEqual(out.chartSettings, {
        xAxis: { column: 'day' },
        yAxis: [
          { column: 'n', settings: { display: { yAxisPosition: 'left' } } },
          { column: 'm', settings: { display: { yAxisPosition: 'right' } } },
        ],
      });
      assert.deepEqual(fromPostHog(node(out)), choice, type);
    }
  });

  it('saves a scatter as a line graph (PostHog has no scatter display for SQL)', () => {
    const out = toPostHog({ type: 'scatter', x: 'a', series: [{ column: 'b', axis: 'left' }] });
    assert.equal(out.display, 'ActionsLineGraph');
    assert.equal(fromPostHog(node(out))?.type, 'line');
  });

  it('keeps what PostHog holds around the choice: formatting, goal lines, axis settings', () => {
    const previous = {
      xAxis: { column: 'old' },
      yAxis: [{ column: 'n', settings: { formatting: { prefix: '$', style: 'number' }, display: { color: 'red', yAxisPosition: 'left' } } }, { column: 'gone' }],
      goalLines: [{ label: 'goal', value: 10 }],
      rightYAxisSettings: { scale: 'logarithmic' },
      stackBars100: true,
    };
    const out = toPostHog({ type: 'bar', x: 'day', series: [{ column: 'n', axis: 'right' }] }, previous);
    assert.deepEqual(out.chartSettings, {
      xAxis: { column: 'day' },
      yAxis: [{ column: 'n', settings: { formatting: { prefix: '$', style: 'number' }, display: { color: 'red', yAxisPosition: 'right' } } }],
      goalLines: [{ label: 'goal', value: 10 }],
      rightYAxisSettings: { scale: 'logarithmic' },
    });
    // stacked bars keep the 100 % setting
    assert.equal(toPostHog({ type: 'stackedBar' }, previous).chartSettings.stackBars100, true);
    // an automatic choice (no x, no series) leaves PostHog's axes as they are
    assert.deepEqual(toPostHog({ type: 'line' }, previous).chartSettings.xAxis, { column: 'old' });
  });

  it('reads PostHog’s chart settings leniently', () => {
    assert.equal(fromPostHog(node({ display: 'ActionsTable' })), undefined);
    assert.equal(fromPostHog({ kind: 'InsightVizNode', display: 'ActionsBar' }), undefined);
    assert.equal(fromPostHog(null), undefined);
    assert.deepEqual(fromPostHog(node({ display: 'ActionsUnstackedBar' })), { type: 'bar' });
    assert.deepEqual(fromPostHog(node({ display: 'ActionsLineGraphCumulative' })), { type: 'line' });
    // axes named with a table display: the axes, drawn as a line
    assert.deepEqual(
      fromPostHog(node({ display: 'ActionsTable', chartSettings: { xAxis: { column: 'd' }, yAxis: [{ column: 'v' }, { column: 'v' }, { nope: 1 }, 'x', { column: 'w', settings: { display: { yAxisPosition: 'right' } } }] } })),
      { type: 'line', x: 'd', series: [{ column: 'v', axis: 'left' }, { column: 'w', axis: 'right' }] },
    );
  });

  it('sanitizes a choice from untrusted input', () => {
    assert.deepEqual(sanitizeChartChoice({ type: 'area', x: 'd', series: [{ column: 'a', axis: 'right' }, { column: 'a', axis: 'left' }], other: 1 }), { type: 'area', x: 'd', series: [{ column: 'a', axis: 'right' }] });
    assert.deepEqual(sanitizeChartChoice({ type: 'line' }), { type: 'line' });
    for (const bad of [null, 'line', { type: 'pie' }, { type: 'line', x: 3 }, { type: 'line', x: '' }, { type: 'line', series: [{ column: 'a', axis: 'top' }] }, { type: 'line', series: 'a' }, { type: 'bar', series: Array.from({ length: 9 }, (_, i) => ({ column: `c${i}`, axis: 'left' })) }]) {
      assert.equal(sanitizeChartChoice(bad), undefined, JSON.stringify(bad));
    }
  });

  it('keys a choice by document and statement, ignoring leading comments and whitespace', () => {
    const a = chartKey('file:///a.hogql', '-- posthog: insight abc on project 1 of x\nselect  1\n  from events;');
    assert.equal(a, chartKey('file:///a.hogql', 'select 1 from events'));
    assert.notEqual(a, chartKey('file:///b.hogql', 'select 1 from events'));
    assert.notEqual(a, chartKey('file:///a.hogql', 'select 2 from events'));
  });
});
