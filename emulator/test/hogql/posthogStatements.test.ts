/**
 * PostHog's own executable test statements (posthog/hogql/test/test_query.py) against the local
 * PostHog: at least 90 % must run; every other one must be refused with a clear "… is not
 * supported by the PostHog emulator" naming the construct (never an engine error).
 */
import assert from 'node:assert/strict';
import { RawNumber } from '../../src/hogql';
import { run, testEngine } from './support/fixture';
import { POSTHOG_STATEMENTS } from './posthog/statements';

const UNSUPPORTED = / is not supported by the PostHog emulator$/;

describe("PostHog's test_query.py statements on the local PostHog", function () {
  this.timeout(300_000);

  it('runs at least 90 % of them and names the construct for the rest', async () => {
    const refused = new Map<string, string[]>();
    const failed: string[] = [];
    let ran = 0;
    for (const s of POSTHOG_STATEMENTS) {
      try {
        await run(s.query, { values: s.values, filters: s.filters });
        ran++;
      } catch (err) {
        const message = (err as Error).message;
        if (UNSUPPORTED.test(message)) refused.set(message, [...(refused.get(message) ?? []), s.test]);
        else failed.push(`${s.test}: ${s.query}\n    → ${message}`);
      }
    }
    const total = POSTHOG_STATEMENTS.length;
    const tests = new Set(POSTHOG_STATEMENTS.map((s) => s.test));
    const testsRefused = new Set([...refused.values()].flat());
    console.log(`      ${ran} of ${total} statements run (${((100 * ran) / total).toFixed(1)} %); ${tests.size - testsRefused.size} of ${tests.size} tests run every statement`);
    for (const [message, names] of refused) console.log(`      not supported: ${message} (${[...new Set(names)].join(', ')})`);
    assert.deepEqual(failed, []);
    assert.ok(ran / total >= 0.9, `${ran}/${total}`);
  });

  it('answers the statements PostHog refuses with its messages (test_property_access_with_arrays_zero_index_error, test_events_table_error_if_function, test_numbers_table)', async () => {
    const message = async (query: string) => run(query).then(() => 'ran', (e: Error) => e.message);
    assert.equal(await message('SELECT properties.something[0] FROM events'), 'SQL indexes start from one, not from zero. E.g: array[1]');
    assert.equal(await message('SELECT properties.something.0 FROM events'), 'SQL indexes start from one, not from zero. E.g: array.1');
    assert.equal(await message('SELECT * from events(1, 4)'), "Table 'events' does not accept arguments");
    assert.equal(await message('SELECT number from numbers'), "Table function 'numbers' requires arguments");
    assert.equal(await message('SELECT number from numbers()'), "Table function 'numbers' requires at least 1 argument");
    assert.equal(await message('SELECT number from numbers(1,2,3)'), "Table function 'numbers' requires at most 2 arguments");
  });

  it('spot-checks results against SQL written directly for chdb', async () => {
    const cell = (v: unknown) => Number(v instanceof RawNumber ? v.digits : v);
    const direct = (sql: string) => JSON.parse(testEngine().raw(sql)).data.map((r: unknown[]) => r.map(cell));
    const hogql = async (q: string) => (await run(q)).results.map((r) => r.map(cell));
    assert.deepEqual(await hogql('SELECT number + number + 1 from numbers(2 + 2)'), direct('SELECT number + number + 1 FROM numbers(4)'));
    assert.deepEqual(
      await hogql("SELECT toDate(timestamp) AS d, count() FROM events GROUP BY d ORDER BY d").then((rows) => rows.map((r) => r[1])),
      direct('SELECT toDate(timestamp) AS d, count() FROM events WHERE team_id = 1 GROUP BY d ORDER BY d').map((r: number[]) => r[1]),
    );
    assert.deepEqual(
      await hogql('SELECT count() FROM events e INNER JOIN persons p ON e.person_id = p.id'),
      direct('SELECT count() FROM events e INNER JOIN (SELECT id FROM persons WHERE team_id = 1 GROUP BY id HAVING argMax(is_deleted, version) = 0) p ON e.person_id = p.id WHERE e.team_id = 1'),
    );
  });
});
