import assert from 'node:assert/strict';
import { parseHogQL } from '../../src/hogql/parse';
import { translate } from '../../src/hogql/translate';

async function sql(query: string, timezone = 'UTC'): Promise<{ clickhouse: string; executable: string; values: string[] }> {
  return translate(await parseHogQL(query), 7, timezone);
}

describe('HogQL → ClickHouse translation (printed SQL)', function () {
  this.timeout(30_000);

  it('adds the team guard and hidden field aliases', async () => {
    const t = await sql('SELECT event FROM events');
    assert.equal(t.clickhouse, 'SELECT `events`.`event` AS `event` FROM `events` WHERE equals(`events`.`team_id`, 7)');
  });

  it('prepends the team guard to an existing WHERE (and flattens AND)', async () => {
    const t = await sql("SELECT 1 FROM events e WHERE e.event = 'a' AND e.distinct_id = 'b'");
    assert.match(t.clickhouse, /WHERE and\(equals\(`e`\.`team_id`, 7\), equals\(`e`\.`event`, %\(hogql_val_0\)s\), equals\(`e`\.`distinct_id`, %\(hogql_val_1\)s\)\)$/);
    assert.deepEqual(t.values, ['a', 'b']);
    assert.match(t.executable, /equals\(`e`\.`event`, 'a'\)/);
  });

  it('puts the guard of a LEFT JOINed table into its ON clause', async () => {
    const t = await sql('SELECT 1 FROM numbers(3) n LEFT JOIN events e ON e.distinct_id = toString(n.number)');
    assert.match(t.clickhouse, /LEFT JOIN `events` AS `e` ON and\(equals\(`e`\.`team_id`, 7\), equals\(`e`\.`distinct_id`, toString\(`n`\.`number`\)\)\)$/);
  });

  it('reads properties the way PostHog prints them, with NULL-aware comparisons', async () => {
    const t = await sql("SELECT properties.$browser FROM events WHERE properties.$browser != 'x'");
    const prop = "replaceRegexpAll(nullIf(nullIf(JSONExtractRaw(`events`.`properties`, %(hogql_val_0)s), ''), 'null'), '^\"|\"$', '')";
    assert.ok(t.clickhouse.startsWith(`SELECT ${prop} AS \`$browser\``));
    assert.match(t.clickhouse, /ifNull\(notEquals\(replaceRegexpAll.*, %\(hogql_val_2\)s\), 1\)\)$/);
    const eqNull = await sql('SELECT 1 FROM events WHERE properties.a = NULL');
    assert.match(eqNull.clickhouse, /isNull\(replaceRegexpAll/);
  });

  it('folds constant comparisons like PostHog', async () => {
    assert.equal((await sql('SELECT 1 = 1, 1 < NULL')).clickhouse, 'SELECT 1, 0');
  });

  it('shows table datetimes in the project timezone and appends it to tz-aware functions', async () => {
    const t = await sql('SELECT timestamp, now(), toDateTime(distinct_id) FROM events', 'Europe/Berlin');
    assert.match(t.clickhouse, /^SELECT toTimeZone\(`events`\.`timestamp`, %\(hogql_val_0\)s\) AS `timestamp`, now64\(6, %\(hogql_val_1\)s\) AS `now\(\)`, parseDateTime64BestEffortOrNull\(`events`\.`distinct_id`, 6, %\(hogql_val_2\)s\)/);
    assert.deepEqual(t.values, ['Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin']);
  });

  it('expands CTEs and aliases calls by their HogQL text', async () => {
    const t = await sql('WITH x AS (SELECT event FROM events) SELECT count() FROM x');
    assert.equal(t.clickhouse, 'SELECT count() AS `count()` FROM (SELECT `events`.`event` AS `event` FROM `events` WHERE equals(`events`.`team_id`, 7)) AS `x`');
  });

  it('quotes every identifier, including hostile ones', async () => {
    const t = await sql('SELECT 1 AS `a``b` FROM events AS `e x`');
    assert.equal(t.clickhouse, 'SELECT 1 AS `a\\`b` FROM `events` AS `e x` WHERE equals(`e x`.`team_id`, 7)');
  });

  it('prints lag() as lagInFrame with the default frame', async () => {
    const t = await sql('SELECT lag(number) OVER (ORDER BY number) FROM numbers(3)');
    assert.match(t.clickhouse, /lagInFrame\(toNullable\(`numbers`\.`number`\)\) OVER \(ORDER BY `numbers`\.`number` ASC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING\)/);
  });
});
