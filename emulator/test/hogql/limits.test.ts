import assert from 'node:assert/strict';
import { RawNumber, serializeResponse } from '../../src/hogql';
import { run, testEngine } from './support/fixture';

describe('HogQL LIMIT, hasMore and number precision', function () {
  this.timeout(60_000);

  it('applies LIMIT 100 by default and reports hasMore (HogQLHasMorePaginator: LIMIT 101 OFFSET 0, one row trimmed)', async () => {
    const res = await run('SELECT number FROM numbers(1000)');
    assert.equal(res.results.length, 100);
    assert.equal(res.hasMore, true);
    assert.equal(res.limit, 100);
    assert.equal(res.offset, 0);
    assert.match(res.clickhouse, /LIMIT 101 OFFSET 0$/);
    const exact = await run('SELECT number FROM numbers(100)');
    assert.deepEqual([exact.results.length, exact.hasMore, exact.limit, exact.offset], [100, false, 100, 0]);
  });

  it('drops an OFFSET without a LIMIT, as the paginator sets OFFSET 0', async () => {
    const res = await run('SELECT number FROM numbers(1000) ORDER BY number OFFSET 10');
    assert.equal(Number((res.results[0][0] as RawNumber).digits ?? res.results[0][0]), 0);
    assert.deepEqual([res.results.length, res.hasMore, res.limit, res.offset], [100, true, 100, 0]);
  });

  it('runs an explicit LIMIT as written: no extra row, hasMore/limit/offset null (issue #15: LIMIT 5 said hasMore)', async () => {
    const five = await run('SELECT number FROM numbers(10) ORDER BY number LIMIT 5');
    assert.equal(five.results.length, 5);
    assert.deepEqual([five.hasMore, five.limit, five.offset], [null, null, null]);
    assert.match(five.clickhouse, /LIMIT 5$/);
    const res = await run('SELECT number FROM numbers(10) ORDER BY number LIMIT 3 OFFSET 4');
    assert.deepEqual(res.results.map((r) => Number((r[0] as RawNumber).digits)), [4, 5, 6]);
    assert.deepEqual([res.hasMore, res.limit, res.offset], [null, null, null]);
    assert.match(res.clickhouse, /LIMIT 3 OFFSET 4$/);
    const exact = await run('SELECT number FROM numbers(3) LIMIT 3');
    assert.deepEqual([exact.results.length, exact.hasMore], [3, null]);
    assert.match(serializeResponse(exact), /"hasMore":null,.*"limit":null,.*"offset":null,/);
  });

  it('caps an explicit LIMIT at 50000', async () => {
    const res = await run('SELECT number FROM numbers(60000) LIMIT 1000000');
    assert.equal(res.results.length, 50000);
    assert.match(res.clickhouse, /LIMIT 50000$/);
    assert.deepEqual([res.hasMore, res.limit], [null, null]);
  });

  it('gives every SELECT of a union LIMIT 100, and does not paginate it', async () => {
    const res = await run('SELECT number FROM numbers(500) UNION ALL SELECT number FROM numbers(500)');
    assert.equal(res.results.length, 200);
    assert.deepEqual([res.hasMore, res.limit, res.offset], [null, null, null]);
  });

  it('keeps 64-bit integers beyond 2^53 exact through serialisation', async () => {
    const res = await run('SELECT 9007199254740993, 18446744073709551615, -9223372036854775808, 9223372036854775807 * 4');
    const text = serializeResponse(res);
    assert.match(text, /"results":\[\[9007199254740993,18446744073709551615,-9223372036854775808,18446744073709551612\]\]/);
    assert.deepEqual(res.types.map((t) => t[1]), ['UInt64', 'UInt64', 'Int64', 'UInt64']);
  });

  it('serialises datetimes as ISO 8601 in the project timezone', async () => {
    const utc = await run("SELECT toDateTime('2024-06-01 12:00:00'), toDate('2024-06-01')");
    assert.deepEqual(utc.results, [['2024-06-01T12:00:00Z', '2024-06-01']]);
    const la = await run("SELECT toDateTime('2024-06-01 12:00:00')", { timezone: 'America/Los_Angeles' });
    assert.deepEqual(la.results, [['2024-06-01T12:00:00-07:00']]);
  });
  it('prints LIMIT n WITH TIES with an OFFSET in the order ClickHouse accepts (LIMIT n OFFSET m WITH TIES)', async () => {
    const res = await run('SELECT number FROM numbers(10) ORDER BY intDiv(number, 3) LIMIT 4 WITH TIES OFFSET 1');
    assert.match(res.clickhouse, /LIMIT 4 OFFSET 1 WITH TIES$/);
    assert.equal(res.hogql, 'SELECT number FROM numbers(10) ORDER BY intDiv(number, 3) ASC LIMIT 4 WITH TIES OFFSET 1');
    // chdb directly: LIMIT 4 OFFSET 1 WITH TIES over intDiv(number, 3) keeps the whole tie group (3, 4, 5).
    const direct = JSON.parse(testEngine().raw('SELECT number FROM numbers(10) ORDER BY intDiv(number, 3) LIMIT 4 OFFSET 1 WITH TIES')).data.map((r: unknown[]) => Number(r[0]));
    assert.deepEqual(direct, [1, 2, 3, 4, 5]);
    assert.deepEqual(res.results.map((r) => Number(r[0] instanceof RawNumber ? r[0].digits : r[0])), direct);
    assert.equal(res.hasMore, null);
    const inner = await run('SELECT count() FROM (SELECT number FROM numbers(10) ORDER BY intDiv(number, 3) LIMIT 1 WITH TIES OFFSET 3)');
    assert.equal(String(inner.results[0][0] instanceof RawNumber ? inner.results[0][0].digits : inner.results[0][0]), '3');
  });
});
