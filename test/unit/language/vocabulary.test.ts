import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { NameIndex, subsequenceScore } from '../../../src/language/hogql/filter';
import { closest, editDistance } from '../../../src/language/hogql/suggest';
import { getVocabulary } from '../../../src/language/hogql/vocabulary';
import { foldHash, keywordAt, KEYWORDS } from '../../../src/language/hogql/keywords';

describe('vocabulary', () => {
  const v = getVocabulary();
  it('loads the copied data with its source note', () => {
    assert.equal(v.keywords.length, 132);
    assert.equal(v.functions.length, 1167);
    assert.equal(v.tables.length, 33);
    assert.match(v.source.copiedFrom, /shared vocabulary/);
  });

  it('finds functions exactly, case-insensitively only when allowed, and combinators', () => {
    assert.equal(v.findFunction('toDateTime')?.name, 'toDateTime');
    assert.equal(v.findFunction('COUNT')?.name, 'count');
    assert.equal(v.findFunction('TODATETIME'), undefined);
    assert.equal(v.findFunctionAnyCase('TODATETIME')?.name, 'toDateTime');
    assert.equal(v.baseOf('sumIf')?.name, 'sum');
    assert.equal(v.findFunction('uniqIf')?.min, 2);
  });

  it('resolves fields, lazy joins, traversers, virtual tables and JSON paths', () => {
    const events = v.findTable('events')!;
    assert.equal(v.findField('events', 'event')?.type, 'string');
    assert.ok(!v.fieldsOf('events').some((f) => f.name === 'team_id'));
    assert.ok(v.fieldsOf('events', { includeHidden: true }).some((f) => f.name === 'team_id'));
    const person = v.resolvePath(events, ['person', 'properties', 'email']);
    assert.ok(person.kind === 'property' && person.table.name === 'persons' && person.rest.join() === 'email');
    const session = v.resolvePath(events, ['session']);
    assert.ok(session.kind === 'table' && session.table.name === 'sessions' && session.owner.name === 'events');
    assert.equal(v.resolvePath(events, ['poe', 'id']).kind, 'opaque');
    assert.equal(v.resolvePath(events, ['poe', 'nope']).kind, 'unknownField');
  });
});

describe('name filtering and suggestions', () => {
  it('edit distance with cutoff', () => {
    assert.equal(editDistance('evnts', 'events'), 1);
    assert.equal(editDistance('abc', 'xyz', 1), 2);
    assert.equal(closest('evnts', ['persons', 'events']), 'events');
    assert.equal(closest('zzzzzz', ['events']), undefined);
  });

  it('edit distance: the same as with fresh rows per call (before s12), over calls of any lengths in turn', () => {
    // editDistance reuses its two rows across calls (s12, issue #21): stale cells must never count.
    // The reference is the function as it was, fresh arrays per call.
    const fresh = (a: string, b: string, max = Infinity): number => {
      if (Math.abs(a.length - b.length) > max) return max + 1;
      let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (Math.min(...cur) > max) return max + 1;
        prev = cur;
      }
      return prev[b.length];
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'e'), maxLength: 80 });
    fc.assert(fc.property(fc.array(fc.tuple(word, word, fc.option(fc.nat(6), { nil: undefined })), { minLength: 1, maxLength: 6 }), (pairs) => {
      for (const [a, b, max] of pairs) assert.equal(editDistance(a, b, max), fresh(a, b, max), `${a} / ${b} / ${max}`);
    }), { numRuns: 300 });
  });

  it('filters by prefix first (ignoring case and a leading $), then by subsequence', () => {
    const idx = new NameIndex(['$browser', '$browser_version', 'Browser Type', '$current_url', 'signed_up', 'bro', '$os', 'abrowserx']);
    assert.deepEqual(idx.filter('$br').slice(0, 4), ['bro', '$browser', 'Browser Type', '$browser_version']);
    assert.deepEqual(idx.filter('bro', { fuzzy: false }), ['bro', '$browser', 'Browser Type', '$browser_version']);
    assert.ok(idx.filter('bro').includes('abrowserx'));
    assert.deepEqual(idx.filter('cur'), ['$current_url']);
    assert.deepEqual(idx.filter('sgu'), ['signed_up']);
    assert.equal(idx.filter('', { limit: 3 }).length, 3);
  });

  it('scores subsequences, preferring contiguous matches', () => {
    assert.equal(subsequenceScore('abc', 'ac') > subsequenceScore('abc', 'ab'), true);
    assert.equal(subsequenceScore('abc', 'ca'), -1);
  });
});

describe('keywords module', () => {
  it('lists exactly the vocabulary keywords (the lexer uses it instead of the whole vocabulary)', () => {
    assert.deepEqual([...KEYWORDS], [...getVocabulary().keywords]);
  });

  it('hashes any word to a non-negative 30-bit integer (a V8 small integer: the lexer is not deoptimized by a long word, s14) and still finds every keyword in any case', () => {
    const hash = (w: string): number => [...w].reduce((h, ch) => foldHash(h, ch.charCodeAt(0)), 0);
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z_$][A-Za-z0-9_$]{0,40}$/), (w) => {
      const h = hash(w);
      assert.ok(Number.isInteger(h) && h >= 0 && h < 2 ** 30, `${w}: ${h}`);
    }), { numRuns: 2000 });
    for (const kw of KEYWORDS) for (const w of [kw, kw.toLowerCase()]) assert.equal(keywordAt(w, 0, w.length, hash(w)), kw.toUpperCase(), w);
    assert.equal(keywordAt('selectx', 0, 7, hash('selectx')), undefined);
  });
});
