import * as assert from 'node:assert/strict';
import { completionContext, signatureAt, type CompletionContext } from '../../../src/language/hogql/completion';

/** `|` marks the cursor. */
function ctx(withCursor: string): CompletionContext {
  const offset = withCursor.indexOf('|');
  return completionContext(withCursor.replace('|', ''), offset);
}

describe('completion context', () => {
  it('offers tables after FROM / JOIN / a comma in FROM, with the replacement range', () => {
    const c = ctx('SELECT * FROM ev|ents');
    assert.equal(c.kind, 'table');
    if (c.kind !== 'table') return;
    assert.deepEqual(c.range, { start: 14, end: 20 });
    assert.equal(c.prefix, 'ev');
    assert.equal(ctx('SELECT * FROM events e LEFT JOIN |').kind, 'table');
    assert.equal(ctx('SELECT * FROM events, |').kind, 'table');
  });

  it('lists visible CTE names in table context', () => {
    const c = ctx('WITH top AS (SELECT 1) SELECT * FROM |');
    assert.ok(c.kind === 'table' && c.ctes.includes('top'));
  });

  it('offers columns of tables in scope, resolving aliases, CTEs and subqueries', () => {
    const c = ctx('SELECT | FROM events e JOIN persons p ON p.id = e.person_id');
    assert.equal(c.kind, 'column');
    if (c.kind !== 'column') return;
    assert.deepEqual(c.tables.map((t) => [t.alias, t.tableName]), [['e', 'events'], ['p', 'persons']]);
    const cte = ctx('WITH t AS (SELECT event AS ev, count() c FROM events GROUP BY ev) SELECT | FROM t');
    assert.ok(cte.kind === 'column');
    if (cte.kind === 'column') assert.deepEqual(cte.tables[0].columns, ['ev', 'c']);
    const sub = ctx('SELECT x.| FROM (SELECT event, 1 AS one FROM events) x');
    assert.ok(sub.kind === 'field' && sub.table.columns?.join() === 'event,one');
  });

  it('works in the incomplete `select count( from events where |`', () => {
    const c = ctx('select count( from events where |');
    assert.ok(c.kind === 'column');
    if (c.kind === 'column') assert.deepEqual(c.tables.map((t) => t.tableName), ['events']);
  });

  it('includes select aliases in column context', () => {
    const c = ctx('SELECT count() AS total FROM events ORDER BY |');
    assert.ok(c.kind === 'column' && c.aliases.includes('total'));
  });

  it('offers fields of a table after `alias.` and of the joined table after a lazy join', () => {
    const c = ctx('SELECT e.| FROM events e');
    assert.ok(c.kind === 'field' && c.table.tableName === 'events');
    const lazy = ctx('SELECT session.| FROM events');
    assert.ok(lazy.kind === 'field' && lazy.table.tableName === 'sessions');
    const trav = ctx('SELECT person.| FROM events');
    assert.ok(trav.kind === 'field' && trav.table.tableName === 'persons');
  });

  it('offers event properties after properties. and inside properties[\'', () => {
    const c = ctx('SELECT properties.$br| FROM events');
    assert.equal(c.kind, 'eventProperty');
    if (c.kind !== 'eventProperty') return;
    assert.equal(c.prefix, '$br');
    assert.deepEqual(c.range, { start: 18, end: 21 });
    const q = ctx("SELECT properties['$cu|rrent'] FROM events");
    assert.ok(q.kind === 'eventProperty' && q.quoted && q.prefix === '$cu');
    if (q.kind === 'eventProperty') assert.deepEqual(q.range, { start: 19, end: 27 });
  });

  it('offers person properties after person.properties. on events and properties. on persons', () => {
    assert.equal(ctx('SELECT person.properties.| FROM events').kind, 'personProperty');
    assert.equal(ctx('SELECT p.properties.em| FROM persons p').kind, 'personProperty');
    assert.equal(ctx("SELECT 1 FROM events WHERE person.properties['|']").kind, 'personProperty');
  });

  it('offers event names inside event = \'…\' and event IN (\'…\', \'…', () => {
    const c = ctx("SELECT 1 FROM events WHERE event = '$pa|'");
    assert.ok(c.kind === 'eventName' && c.prefix === '$pa');
    assert.equal(ctx("SELECT 1 FROM events WHERE e.event IN ('a', '|").kind, 'eventName');
    assert.equal(ctx("SELECT 1 FROM events WHERE event NOT IN ('|')").kind, 'eventName');
    assert.equal(ctx("SELECT 1 FROM events WHERE distinct_id = '|'").kind, 'none');
  });

  it('reports function argument position inside calls', () => {
    const c = ctx('SELECT toDateTime(timestamp, |) FROM events');
    assert.ok(c.kind === 'column' && c.call?.name === 'toDateTime' && c.call.argIndex === 1);
    const nested = signatureAt('SELECT if(a, lower(b, c), |', 'SELECT if(a, lower(b, c), '.length);
    assert.equal(nested?.name, 'if');
    assert.equal(nested?.argIndex, 2);
    const param = signatureAt('SELECT quantile(0.5)(|)', 'SELECT quantile(0.5)('.length);
    assert.equal(param?.name, 'quantile');
    assert.equal(signatureAt('SELECT a IN (|', 'SELECT a IN ('.length), undefined);
  });

  it('offers keywords at the start and after complete operands', () => {
    const s = ctx('sel|');
    assert.ok(s.kind === 'keyword' && s.keywords.includes('SELECT'));
    const after = ctx('SELECT * FROM events |');
    assert.ok(after.kind === 'keyword' && after.keywords.includes('WHERE') && after.keywords.includes('LEFT JOIN'));
  });

  it('is silent inside comments, plain strings and numbers, and when naming a CTE', () => {
    assert.deepEqual(ctx('SELECT 1 -- com|ment'), { kind: 'none', reason: 'comment' });
    assert.deepEqual(ctx('SELECT /* a | */ 1'), { kind: 'none', reason: 'comment' });
    assert.deepEqual(ctx("SELECT 'str|ing'"), { kind: 'none', reason: 'string' });
    assert.deepEqual(ctx('SELECT 12|34'), { kind: 'none', reason: 'number' });
    assert.deepEqual(ctx('WITH to| AS (SELECT 1) SELECT 2').kind, 'keyword');
    assert.deepEqual(ctx('WITH top AS |'), { kind: 'none', reason: 'alias' });
  });

  it('picks the statement under the cursor in multi-statement files', () => {
    const c = ctx('SELECT 1 FROM persons;\nSELECT | FROM sessions');
    assert.ok(c.kind === 'column' && c.tables[0].tableName === 'sessions');
  });

  it('uses the inner scope inside a subquery', () => {
    const c = ctx('SELECT * FROM events WHERE person_id IN (SELECT | FROM persons)');
    assert.ok(c.kind === 'column' && c.tables.map((t) => t.tableName).join() === 'persons');
  });
});
