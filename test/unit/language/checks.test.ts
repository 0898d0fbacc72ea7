import * as assert from 'node:assert/strict';
import type { JoinItem, SelectQuery } from '../../../src/language/hogql/ast';
import { diagnose } from '../../../src/language/hogql/checks';
import { resolveChain, type Scope, type ScopeTable } from '../../../src/language/hogql/scopes';
import { LocalChecker } from '../../../src/language/syntax/statements';

function warnings(src: string, knownTables?: string[]): [string, string][] {
  return diagnose(src, { knownTables }).filter((p) => p.severity === 'warning').map((p) => [src.slice(p.start, p.end), p.message]);
}

describe('semantic checks (warnings)', () => {
  it('carries each "did you mean" as a fix (the quick fix replacement)', () => {
    const fixes = (src: string) => diagnose(src).filter((p) => p.severity === 'warning').map((p) => [src.slice(p.start, p.end), p.fix]);
    assert.deepEqual(fixes('SELECT 1 FROM evnts'), [['evnts', 'events']]);
    assert.deepEqual(fixes('SELECT countt(), TODATE(timestamp), evnt FROM events'), [['countt', 'count'], ['TODATE', 'toDate'], ['evnt', 'event']]);
    assert.deepEqual(fixes('SELECT zzzzqqq FROM events'), [['zzzzqqq', undefined]]);
  });

  it('flags unknown tables with a suggestion', () => {
    assert.deepEqual(warnings('SELECT 1 FROM evnts'), [['evnts', 'Unknown table `evnts`. Did you mean `events`?']]);
    assert.deepEqual(warnings('SELECT 1 FROM my_warehouse_table', ['my_warehouse_table']), []);
  });

  it("warns on an unknown table only as a likely typo: any other name may be one of the project's views", () => {
    // not signed in: a view's name is no typo of a PostHog table, so no warning
    assert.deepEqual(warnings('SELECT 1 FROM daily_signups_view'), []);
    assert.deepEqual(warnings('SELECT 1 FROM a JOIN b ON a.x = b.x'), []);
    // signed in: the project's views are tables, and a typo of one is told
    assert.deepEqual(warnings('SELECT 1 FROM daily_signups_view', ['daily_signups_view']), []);
    assert.deepEqual(warnings('SELECT 1 FROM daily_signup_view', ['daily_signups_view']), [['daily_signup_view', 'Unknown table `daily_signup_view`. Did you mean `daily_signups_view`?']]);
    // a view whose name is close to a PostHog table's is not taken for its typo once known
    assert.deepEqual(warnings('SELECT 1 FROM event', ['event']), []);
    assert.deepEqual(warnings('SELECT 1 FROM event'), [['event', 'Unknown table `event`. Did you mean `events`?']]);
  });

  it("the local checker's cache follows the project's views", () => {
    const checker = new LocalChecker();
    const text = 'SELECT 1 FROM event';
    const builtIn = 'SELECT evnt FROM events';
    assert.equal(checker.check(text).warnings.length, 1);
    assert.equal(checker.check(builtIn).warnings.length, 1);
    // only what names a table outside PostHog's vocabulary is checked again
    assert.deepEqual([...checker.setKnownTables(['event'])], [text]);
    assert.deepEqual(checker.check(text).warnings, []);
    assert.deepEqual([...checker.setKnownTables(['event'])], [], 'unchanged');
    checker.setKnownTables([]);
    assert.equal(checker.check(text).warnings.length, 1);
  });

  it('does not flag CTE names or table functions from the vocabulary', () => {
    assert.deepEqual(warnings('WITH t AS (SELECT 1 AS x) SELECT x FROM t'), []);
    assert.deepEqual(warnings('SELECT number FROM numbers(10)'), []);
  });

  it('flags unknown fields of known tables, qualified or not, incl. through traversers', () => {
    assert.deepEqual(warnings('SELECT evnt FROM events'), [['evnt', 'Unknown field `evnt` on `events`. Did you mean `event`?']]);
    assert.deepEqual(warnings('SELECT e.evnt FROM events e'), [['evnt', 'Unknown field `evnt` on `events`. Did you mean `event`?']]);
    assert.deepEqual(warnings('SELECT person.nope FROM events'), [['nope', 'Unknown field `nope` on `persons`.']]);
    assert.deepEqual(warnings('SELECT session.$entry_current_url, session.nah FROM events'), [['nah', 'Unknown field `nah` on `sessions`.']]);
  });

  it('does not flag properties, aliases, CTE/subquery columns, lambda args or placeholders', () => {
    const ok = [
      'SELECT properties.$anything, properties.a.b.c, person.properties.email FROM events',
      "SELECT properties['$x'] FROM events",
      'SELECT count() AS c FROM events ORDER BY c',
      'SELECT x FROM events ARRAY JOIN elements_chain_texts AS x',
      'WITH 5 AS five SELECT five FROM events',
      'SELECT s.c FROM (SELECT count() AS c FROM events) s',
      'SELECT arrayMap(y -> y + 1, [1]) FROM events',
      'SELECT {variables.whatever} FROM events',
      'SELECT a FROM unknown_table',
      'SELECT e.event FROM events e WHERE e.person_id IN (SELECT id FROM persons WHERE id = e.person_id)',
    ];
    for (const src of ok) assert.deepEqual(warnings(src).filter(([, m]) => !m.startsWith('Unknown table')), [], src);
  });

  it('flags unknown functions, with case and typo hints', () => {
    assert.deepEqual(warnings('SELECT countt() FROM events'), [['countt', 'Unknown function `countt`. Did you mean `count`?']]);
    assert.deepEqual(warnings('SELECT TODATE(timestamp) FROM events'), [['TODATE', 'Unknown function `TODATE`. Did you mean `toDate`? Function names are case-sensitive.']]);
  });

  it('accepts case-insensitive functions, combinators and parametric aggregates', () => {
    assert.deepEqual(warnings('SELECT COUNT(), Sum(1), countIf(event = \'x\'), sumIf(1, true), uniqIf(event, true), argMax(event, timestamp), avgArrayOrNull([1]), quantile(0.5)(timestamp) FROM events'), []);
  });

  it('flags wrong argument counts and parameter counts', () => {
    assert.deepEqual(warnings('SELECT toDateTime(1, 2, 3), sumIf(1), quantile(0.5, 0.9)(timestamp) FROM events'), [
      ['toDateTime(1, 2, 3)', '`toDateTime` takes 1 to 2 arguments, got 3.'],
      ['sumIf(1)', '`sumIf` takes 2 arguments, got 1.'],
      ['quantile', '`quantile` takes 1 parameter, got 2.'],
    ]);
  });

  it('skips arity checks for functions with unknown arity', () => {
    assert.deepEqual(warnings("SELECT isIPv4String('1', '2', '3', '4') FROM events"), []);
  });

  it('reports only warnings from the vocabulary, never errors, on valid syntax', () => {
    const all = diagnose('SELECT evnt, countt(1,2,3) FROM evnts');
    assert.ok(all.length > 0 && all.every((p) => p.severity === 'warning'));
  });

  it('gives no vocabulary warning on a statement with a syntax problem (issue #15: a mis-parse became "Unknown table")', () => {
    const text = 'SELECT evnt FROM evnts WHERE';
    assert.deepEqual(warnings(text), []);
    assert.ok(diagnose(text).some((p) => p.severity === 'error'));
    assert.deepEqual(new LocalChecker().check(text).warnings, []);
    // the next statement, clean, is still checked
    assert.deepEqual(warnings(`${text};\nSELECT 1 FROM evnts`).map(([t]) => t), ['evnts']);
  });
});

describe('name resolution: a table named by its last dotted part', () => {
  it('matches a table by its whole name or the part after its last dot, like split(".").pop()', () => {
    // scopes.ts's matchesTable compares without splitting the name (s12, issue #21: no array per field)
    const names = ['events', 'db.events', 'a.b.events', '.events', 'events.', 'db.event', 'xevents', 'db.xevents', 'a.b', '', '.'];
    const wanted = ['events', 'b', 'a.b', '', 'event'];
    for (const name of names) {
      const table: ScopeTable = { alias: null, name, kind: 'unknown', table: null, columns: ['c'], item: undefined as unknown as JoinItem };
      const scope: Scope = { select: undefined as unknown as SelectQuery, parent: null, tables: [table], ctes: new Map(), aliases: new Map() };
      for (const w of wanted) {
        const expected = name === w || name.split('.').pop() === w;
        assert.equal(resolveChain(scope, [w]).kind === 'table', expected, `table \`${name}\`, name \`${w}\``);
      }
    }
  });
});
