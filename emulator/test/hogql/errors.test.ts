import assert from 'node:assert/strict';
import { HogQLError } from '../../src/hogql';
import { rejection, run } from './support/fixture';

describe('HogQL errors (PostHog-shaped messages and positions)', function () {
  this.timeout(30_000);

  it('syntax errors carry the parser message, code and code-point start', async () => {
    const err = await rejection('SELECT 1 FROM');
    assert.ok(err instanceof HogQLError);
    assert.equal(err.code, 'hogql_syntax_error');
    assert.equal(err.start, 13);
    assert.equal(err.end, 13);
    const bad = await rejection('SELEC 1');
    assert.match(bad.message, /^mismatched input 'SELEC' expecting/);
    assert.deepEqual([bad.start, bad.end], [0, 7]);
  });

  it('reserved aliases are refused as PostHog does', async () => {
    const err = await rejection('SELECT 1 AS team_id');
    assert.equal(err.code, 'hogql_syntax_error');
    assert.equal(err.message, `"team_id" cannot be an alias or identifier, as it's a reserved keyword`);
  });

  it('unknown table, field and function', async () => {
    const table = await rejection('SELECT 1 FROM evnts');
    assert.equal(table.message, 'Unknown table `evnts`.');
    assert.equal(table.code, 'hogql_query_error');
    assert.deepEqual([table.start, table.end], [14, 19]);
    const field = await rejection('SELECT evnt FROM events');
    assert.equal(field.message, 'Unable to resolve field: evnt');
    assert.deepEqual([field.start, field.end], [7, 11]);
    const fn = await rejection('SELECT coutn() FROM events');
    assert.equal(fn.message, "Unsupported function call 'coutn(...)'. Perhaps you meant 'count(...)'?");
    const none = await rejection('SELECT qqqqqqqq(1)');
    assert.equal(none.message, "Unsupported function call 'qqqqqqqq(...)'");
  });

  it('arity errors use validate_function_args wording', async () => {
    assert.equal((await rejection('SELECT lower()')).message, "Function 'lower' expects 1 argument, found 0");
    assert.equal((await rejection('SELECT count(1, 2, 3) FROM events')).message, "Aggregation 'count' expects at most 1 argument, found 3");
    assert.equal((await rejection('SELECT quantile(x) FROM (SELECT 1 AS x)')).message, "Aggregation 'quantile' requires parameters in addition to arguments");
    assert.equal((await rejection('SELECT sum(count()) FROM events')).message, "Aggregation 'count' cannot be nested inside another aggregation 'sum'.");
  });

  it('placeholders: unknown names are errors, values are bound, not spliced', async () => {
    const err = await rejection('SELECT {nope}', { values: { a: 1 } });
    assert.equal(err.message, 'Placeholder {nope} is not available in this context. You can use the following: a');
    const res = await run("SELECT {v}", { values: { v: "x' OR 1=1 --" } });
    assert.deepEqual(res.results, [["x' OR 1=1 --"]]);
    assert.match(res.clickhouse, /%\(hogql_val_0\)s/);
  });

  it('ClickHouse errors carry PostHog code names and no engine internals (posthog/errors.py)', async () => {
    const err = await rejection("SELECT [1] + 'a'");
    assert.equal(err.code, 'illegal_type_of_argument');
    assert.equal(err.message, 'Illegal types Array(UInt8) and String of arguments of function plus');
    const untyped = await rejection('SELECT count() FROM events WHERE properties.$screen_width > 1000');
    assert.equal(untyped.code, 'no_common_type');
    assert.equal(untyped.message, 'There is no supertype for types String, UInt16 because some of them are String/FixedString/Enum and some of them are not');
    const bool = await rejection("SELECT toBool('maybe')");
    assert.equal(bool.code, 'cannot_parse_bool');
    assert.equal(bool.message, 'Cannot parse a boolean. Check for values other than true, false, 1, or 0.');
    const ties = await rejection('SELECT number FROM numbers(10) LIMIT 1 WITH TIES');
    assert.equal(ties.code, 'with_ties_without_order_by');
    assert.equal(ties.message, 'Can not use WITH TIES without ORDER BY.');
    for (const e of [err, untyped, bool, ties]) assert.doesNotMatch(e.message, /DB::Exception|__table|JSONExtractRaw|In scope|While executing|\(version/);
  });
});
