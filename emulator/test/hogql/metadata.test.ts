import assert from 'node:assert/strict';
import { runHogQLAutocomplete, runHogQLMetadata } from '../../src/hogql';

const ctx = { teamId: 1, timezone: 'UTC', propertyNames: { event: ['$browser', '$os'], person: ['email'] } };

describe('HogQLMetadata and HogQLAutocomplete', function () {
  this.timeout(30_000);

  it('a valid query is valid and lists its tables', async () => {
    const res = await runHogQLMetadata({ language: 'hogQL', query: 'select event from events e join persons p on e.person_id = p.id' }, ctx);
    assert.equal(res.isValid, true);
    assert.deepEqual(res.errors, []);
    assert.deepEqual(res.table_names.sort(), ['events', 'persons']);
  });

  it('reports resolution errors with code-point offsets, also after an emoji', async () => {
    const plain = await runHogQLMetadata({ language: 'hogQL', query: 'select nope from events' }, ctx);
    assert.equal(plain.isValid, false);
    assert.deepEqual(plain.errors, [{ message: 'Unable to resolve field: nope', start: 7, end: 11 }]);
    const emoji = await runHogQLMetadata({ language: 'hogQL', query: "select '😀', nope from events" }, ctx);
    // '😀' is one code point (two UTF-16 units): `nope` starts at code point 12, JS index 13.
    assert.deepEqual(emoji.errors, [{ message: 'Unable to resolve field: nope', start: 12, end: 16 }]);
  });

  it('reports syntax errors after an emoji at code-point offsets', async () => {
    const res = await runHogQLMetadata({ language: 'hogQL', query: "select '😀' from" }, ctx);
    assert.equal(res.isValid, false);
    assert.equal(res.errors[0].start, 15);
    assert.equal(res.errors[0].end, 15);
  });

  it('validates expressions against events', async () => {
    assert.equal((await runHogQLMetadata({ language: 'hogQLExpr', query: 'properties.$browser' }, ctx)).isValid, true);
    const bad = await runHogQLMetadata({ language: 'hogQLExpr', query: 'lower(nope)' }, ctx);
    assert.deepEqual(bad.errors, [{ message: 'Unable to resolve field: nope', start: 6, end: 10 }]);
  });

  it('suggests tables after FROM, fields and functions elsewhere, properties after properties.', async () => {
    const tables = await runHogQLAutocomplete({ language: 'hogQL', query: 'select * from ', startPosition: 14, endPosition: 14 }, ctx);
    assert.ok(tables.suggestions.some((s) => s.label === 'events' && s.kind === 'Folder'));
    const fields = await runHogQLAutocomplete({ language: 'hogQL', query: 'select ev from events', startPosition: 9, endPosition: 9 }, ctx);
    assert.ok(fields.suggestions.some((s) => s.label === 'event'));
    assert.ok(fields.suggestions.every((s) => s.label.toLowerCase().startsWith('ev')));
    const props = await runHogQLAutocomplete({ language: 'hogQL', query: 'select properties.$b from events', startPosition: 20, endPosition: 20 }, ctx);
    assert.deepEqual(props.suggestions.map((s) => s.label), ['$browser']);
  });
});
