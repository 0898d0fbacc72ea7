import * as assert from 'node:assert/strict';
import { dateProblem, numberProblem, startingValue, typedValue, valueText, variableNames, variablesPayload, type RunVariable } from '../../../src/query/variables';

const KNOWN: RunVariable[] = [
  { id: 'u-1', code_name: 'event_name', name: 'Event Name', type: 'List', default_value: '$pageview', values: ['$pageview', 'purchase'] },
  { id: 'u-2', code_name: 'min_width', name: 'Min Width', type: 'Number', default_value: 1400 },
];

describe('query: SQL variables', () => {
  it('finds the {variables.x} names of a query, unique, outside strings and comments', () => {
    const q = "SELECT {variables.a}, '{variables.no}' FROM events WHERE {variables.b} > {variables.a} -- {variables.c}\n AND {filters} AND {n}";
    assert.deepEqual(variableNames(q), ['a', 'b']);
  });

  it('types values as PostHog\'s web editor does: Number → number, Boolean → boolean, else text', () => {
    assert.equal(typedValue('Number', '42.5'), 42.5);
    assert.equal(typedValue('Boolean', 'true'), true);
    assert.equal(typedValue('Boolean', 'false'), false);
    assert.equal(typedValue('String', '42'), '42');
    assert.equal(typedValue('Date', '2026-01-31'), '2026-01-31');
  });

  it('validates numbers and dates as typed', () => {
    assert.equal(numberProblem('12'), undefined);
    assert.equal(numberProblem('-1e3'), undefined);
    assert.ok(numberProblem('12a'));
    assert.ok(numberProblem(' '));
    assert.equal(dateProblem('2026-01-31'), undefined);
    assert.equal(dateProblem('2026-01-31 14:05:09'), undefined);
    assert.ok(dateProblem('2026-02-30'));
    assert.ok(dateProblem('-7d'));
    assert.ok(dateProblem('2026-01-31 25:00'));
  });

  it('starts from the last value for the document, else the server default', () => {
    assert.equal(startingValue(KNOWN[1], undefined), 1400);
    assert.equal(startingValue(KNOWN[1], 7), 7);
    assert.equal(valueText(['a', 'b']), 'a, b');
    assert.equal(valueText(null), '');
  });

  it('builds HogQLQuery.variables keyed by id with {variableId, code_name, value}, leaving unknown names out', () => {
    const payload = variablesPayload(['event_name', 'min_width', 'nope'], KNOWN, { event_name: 'purchase' });
    assert.deepEqual(payload, {
      'u-1': { variableId: 'u-1', code_name: 'event_name', value: 'purchase' },
      'u-2': { variableId: 'u-2', code_name: 'min_width', value: 1400 },
    });
    assert.deepEqual(variablesPayload(['nope'], KNOWN, {}), {});
  });
});
