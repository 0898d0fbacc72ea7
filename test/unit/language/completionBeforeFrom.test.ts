import * as assert from 'node:assert/strict';
import { completionItems } from '../../../src/language/completionItems';
import { completionContext, type CompletionContext } from '../../../src/language/hogql/completion';
import { NameIndex } from '../../../src/language/hogql/filter';

/** `|` marks the cursor. */
function ctx(withCursor: string): CompletionContext {
  const offset = withCursor.indexOf('|');
  return completionContext(withCursor.replace('|', ''), offset);
}

describe('completion before FROM (as if FROM events)', () => {
  it('offers event properties after `properties.` with no FROM yet, marked as implied', () => {
    const c = ctx('SELECT properties.$br|');
    assert.equal(c.kind, 'eventProperty');
    if (c.kind !== 'eventProperty') return;
    assert.equal(c.prefix, '$br');
    assert.equal(c.implicit, true);
    const items = completionItems(c, { eventProperties: new NameIndex(['$browser', '$current_url']) }).items;
    assert.deepEqual(items.map((i) => i.label), ['$browser']);
    assert.match(items[0].detail ?? '', /event property.*no FROM yet/);
  });

  it('offers person properties after `person.properties.` and inside `properties[\'` with no FROM', () => {
    const p = ctx('SELECT person.properties.em|');
    assert.ok(p.kind === 'personProperty' && p.implicit === true, JSON.stringify(p));
    const q = ctx("SELECT count() WHERE properties['$cu|");
    assert.ok(q.kind === 'eventProperty' && q.quoted && q.implicit === true, JSON.stringify(q));
  });

  it('offers the fields of events in the select list, WHERE and after `person.`, marked as implied', () => {
    const c = ctx('SELECT |');
    assert.ok(c.kind === 'column', JSON.stringify(c));
    if (c.kind !== 'column') return;
    assert.deepEqual(c.tables.map((t) => [t.tableName, t.implicit]), [['events', true]]);
    const items = completionItems(c, {}).items;
    const event = items.find((i) => i.label === 'event');
    assert.ok(event, 'the `event` field is offered');
    assert.match(event.detail ?? '', /events, no FROM yet/);
    assert.ok(items.some((i) => i.label === 'count' && i.kind === 'function'), 'functions are still offered');
    assert.equal(ctx('SELECT event, tim|').kind, 'column');
    const trav = ctx('SELECT person.|');
    assert.ok(trav.kind === 'field' && trav.table.tableName === 'persons');
  });

  it('refines as soon as a FROM is typed', () => {
    const persons = ctx('SELECT properties.em| FROM persons');
    assert.ok(persons.kind === 'personProperty' && !persons.implicit, JSON.stringify(persons));
    const events = ctx('SELECT properties.$br| FROM events');
    assert.ok(events.kind === 'eventProperty' && !events.implicit);
    const sessions = ctx('SELECT | FROM sessions');
    assert.ok(sessions.kind === 'column' && sessions.tables.map((t) => t.tableName).join() === 'sessions');
  });

  it('offers tables first inside an unfinished FROM', () => {
    const c = ctx('SELECT properties.$browser FROM |');
    assert.equal(c.kind, 'table');
    const items = completionItems(c, {}).items;
    assert.equal(items[0].label, 'events');
  });

  it('keeps event names inside `WHERE event = \'` with no FROM', () => {
    assert.equal(ctx("SELECT count() WHERE event = '$pa|").kind, 'eventName');
  });
});

describe('completion after AS', () => {
  it('offers a name derived from the expression for a select alias', () => {
    const c = ctx('SELECT properties.$browser AS |');
    assert.ok(c.kind === 'alias', JSON.stringify(c));
    if (c.kind !== 'alias') return;
    assert.deepEqual(c.names, ['browser']);
    const n = ctx('SELECT count() AS |');
    assert.ok(n.kind === 'alias' && n.names.includes('count'));
    const items = completionItems(n, {}).items;
    assert.ok(items.some((i) => i.label === 'count'));
  });

  it('offers a short alias for a table', () => {
    const c = ctx('SELECT 1 FROM events AS |');
    assert.ok(c.kind === 'alias' && c.names.includes('e'), JSON.stringify(c));
  });

  it('offers ClickHouse types inside CAST(x AS …)', () => {
    const c = ctx('SELECT CAST(event AS Str|');
    assert.ok(c.kind === 'type', JSON.stringify(c));
    if (c.kind !== 'type') return;
    const labels = completionItems(c, {}).items.map((i) => i.label);
    assert.ok(labels.includes('String') && labels.includes('DateTime64') && labels.includes('Nullable'), labels.join());
  });
});
