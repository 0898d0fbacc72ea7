/**
 * Property typing from property definitions, after PostHog's PropertySwapper
 * (posthog/hogql/transforms/property_types.py): Numeric → toFloat, DateTime → toDateTime,
 * Boolean → toBool(transform(toString(x), ['true','false'], [1,0], NULL)); untyped stays a String.
 */
import assert from 'node:assert/strict';
import { parseHogQL } from '../../src/hogql/parse';
import { translate } from '../../src/hogql/translate';
import { RawNumber } from '../../src/hogql';
import { run } from './support/fixture';

const TYPES = {
  event: { $screen_width: 'Numeric', price: 'Numeric', is_test_user: 'Boolean', sent_at: 'DateTime', $browser: 'String' },
  person: { is_test_user: 'Boolean', $initial_screen_width: 'Numeric' },
} as const;

/** A cell as a number (64-bit counts arrive as RawNumber). */
const num = (cell: unknown): number => Number(cell instanceof RawNumber ? cell.digits : cell);

describe('HogQL property types (PostHog PropertySwapper)', function () {
  this.timeout(30_000);

  it('compares a Numeric event property with a number', async () => {
    const typed = await run('SELECT count() FROM events WHERE properties.$screen_width > 1000', { propertyTypes: TYPES });
    const count = num(typed.results[0][0]);
    assert.ok(count > 0, 'some events have a screen wider than 1000');
    const direct = await run("SELECT count() FROM events WHERE toFloat(properties.$screen_width) > 1000");
    assert.equal(count, num(direct.results[0][0]));
    assert.match(typed.clickhouse, /greater\(accurateCastOrNull\(replaceRegexpAll\(.*\), %\(hogql_val_1\)s\), 1000\)/);
  });

  it('sums and averages Numeric properties', async () => {
    const r = await run('SELECT sum(properties.price), avg(properties.$screen_width) FROM events', { propertyTypes: TYPES });
    assert.equal(typeof r.results[0][0], 'number');
    assert.ok((r.results[0][1] as number) > 100);
    assert.deepEqual(r.columns, ['sum(properties.price)', 'avg(properties.$screen_width)']);
  });

  it('types person properties on events and on persons as Boolean', async () => {
    const onEvents = await run('SELECT person.properties.is_test_user, count() FROM events GROUP BY 1 ORDER BY 1', { propertyTypes: TYPES });
    assert.deepEqual(onEvents.results.map((row) => row[0]), [false, null]);
    assert.match(onEvents.types[0][1], /Bool/);
    const persons = await run('SELECT count() FROM persons WHERE properties.is_test_user = false', { propertyTypes: TYPES });
    assert.ok(num(persons.results[0][0]) > 0);
  });

  it('compares a Boolean event property with true', async () => {
    const r = await run('SELECT count() FROM events WHERE properties.is_test_user = true', { propertyTypes: TYPES });
    assert.equal(num(r.results[0][0]), 0);
    assert.match(r.clickhouse, /toBool\(transform\(toString\(replaceRegexpAll/);
  });

  it('leaves the value a String inside toFloatOrZero / toIntOrZero (but not deeper)', async () => {
    const t = translate(await parseHogQL('SELECT toFloatOrZero(properties.$screen_width), toFloatOrZero(toString(properties.$screen_width)) FROM events'), 1, 'UTC', TYPES);
    const [first, second] = t.clickhouse.split(' AS ');
    assert.doesNotMatch(first, /accurateCastOrNull/);
    assert.match(second, /toString\(accurateCastOrNull/);
  });

  it('reads a DateTime property in the project timezone; untyped and nested paths stay Strings', async () => {
    const t = translate(await parseHogQL("SELECT properties.sent_at, properties.$browser, properties.a.b FROM events"), 1, 'Europe/Berlin', TYPES);
    assert.match(t.executable, /^SELECT parseDateTime64BestEffortOrNull\(replaceRegexpAll\(.*'sent_at'.*\), 6, 'Europe\/Berlin'\) AS `sent_at`, replaceRegexpAll/);
    assert.doesNotMatch(t.executable, /toBool|accurateCast/);
  });
});
