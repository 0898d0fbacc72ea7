/** ClickHouse error → PostHog API error, after posthog/errors.py and posthog/api/query.py. */
import assert from 'node:assert/strict';
import { HogQLError, HogQLServerError, HogQLTimeoutError } from '../../src/hogql';
import { mapClickHouseError } from '../../src/hogql/chErrors';

const ch = (code: number, text: string) => `Code: ${code}. DB::Exception: ${text} (version 26.7.2.1 (official build))`;

describe('ClickHouse errors in PostHog shapes', () => {
  it('the per-query memory limit is a 513 clickhouse_memory_limit_exceeded with PostHog copy', () => {
    const e = mapClickHouseError(241, ch(241, 'Query memory limit exceeded: would use 9.54 GiB (attempt to allocate chunk of 4194304 bytes), maximum: 9.31 GiB.: While executing AggregatingTransform. (MEMORY_LIMIT_EXCEEDED)'));
    assert.ok(e instanceof HogQLServerError);
    assert.deepEqual([e.status, e.code], [513, 'clickhouse_memory_limit_exceeded']);
    assert.match(e.message, /^This query ran out of memory before it could finish/);
    const total = mapClickHouseError(241, ch(241, 'Memory limit (total) exceeded: would use 30 GiB. (MEMORY_LIMIT_EXCEEDED)'));
    assert.equal((total as HogQLServerError).status, 513);
    assert.match(total.message, /^We're under heavy load right now/);
  });

  it('timeout, capacity and estimated-time errors keep their PostHog statuses', () => {
    assert.ok(mapClickHouseError(159, ch(159, 'Timeout exceeded: elapsed 60.1 seconds, maximum: 60. (TIMEOUT_EXCEEDED)')) instanceof HogQLTimeoutError);
    const busy = mapClickHouseError(202, ch(202, 'Too many simultaneous queries. Maximum: 100. (TOO_MANY_SIMULTANEOUS_QUERIES)')) as HogQLServerError;
    assert.deepEqual([busy.status, busy.message], [503, "Queries are a little too busy right now. We're working to free up resources. Please try again later."]);
    const slow = mapClickHouseError(160, ch(160, 'Estimated query execution time (123.4 seconds) is too long. Maximum: 60. (TOO_SLOW)')) as HogQLServerError;
    assert.deepEqual([slow.status, slow.message], [512, 'Estimated query execution time (123.4 seconds) is too long. Try reducing its scope by changing the time range.']);
  });

  it('internal errors (illegal PREWHERE, unknown identifier, unknown codes) are a generic 500 without engine text', () => {
    for (const [code, text] of [
      [182, 'Illegal PREWHERE: table `default`.`events` (1b5e6f0c-7b1a-4a61-9a33-2d1b8e8d1f00) does not support PREWHERE. (ILLEGAL_PREWHERE)'],
      [47, 'Unknown expression identifier `__table1.foo` in scope SELECT __table1.foo FROM default.events AS __table1. (UNKNOWN_IDENTIFIER)'],
      [9999, 'Something new. (NEW_THING)'],
    ] as const) {
      const e = mapClickHouseError(code, ch(code, text)) as HogQLServerError;
      assert.ok(e instanceof HogQLServerError, String(code));
      assert.deepEqual([e.status, e.code, e.message], [500, 'error', 'ClickHouse error while executing query.']);
    }
  });

  it('user-safe codes are 400s named after the code, with fixed copy where PostHog has it', () => {
    const args = mapClickHouseError(42, ch(42, "Number of arguments for function toStartOfDay doesn't match: passed 3, should be 1 or 2: In scope SELECT toStartOfDay(`e`.`timestamp`, 'UTC', 1) FROM events AS e. (NUMBER_OF_ARGUMENTS_DOESNT_MATCH)"));
    assert.ok(args instanceof HogQLError);
    assert.equal(args.code, 'number_of_arguments_doesnt_match');
    assert.equal(args.message, "Number of arguments for function toStartOfDay doesn't match: passed 3, should be 1 or 2");
    const conv = mapClickHouseError(70, ch(70, "Cannot convert 'abc' to UInt8. (CANNOT_CONVERT_TYPE)")) as HogQLError;
    assert.deepEqual([conv.code, conv.message], ['cannot_convert_type', 'Cannot convert one type to another in the query. Check the types in your comparisons and IN clauses.']);
    const bytes = mapClickHouseError(307, ch(307, 'Limit for rows or bytes to read exceeded, max bytes: 1.00 GiB. (TOO_MANY_BYTES)')) as HogQLError;
    assert.equal(bytes.code, 'too_many_bytes');
  });

  it('strips table UUIDs and engine-internal names that survive in an exposed message', () => {
    const e = mapClickHouseError(60, ch(60, 'Table default.`1b5e6f0c-7b1a-4a61-9a33-2d1b8e8d1f00` does not exist. (UNKNOWN_TABLE)')) as HogQLError;
    assert.equal(e.code, 'unknown_table');
    assert.doesNotMatch(e.message, /1b5e6f0c/);
  });
});
