// Pin-and-diff (issue #17, src/results/diff.ts): rows matched by key columns, added / removed /
// changed rows and cells, duplicate and NULL keys, 64-bit integers compared exactly.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffCounts, diffResults, guessKeys, usableKeys, type DiffSide } from '../../../src/results/diff';
import type { Cell, Column } from '../../../src/results/protocol';

const cols = (...names: string[]): Column[] => names.map((name) => ({ name, type: 'String' }));
const side = (columns: Column[], rows: Cell[][]): DiffSide => ({ columns, rows });

describe('results diff: pinned result vs the next run', () => {
  it('marks added, removed and changed rows and the changed cells', () => {
    const c = cols('id', 'v');
    const pin = side(c, [[0, 0], [1, 10], [2, 20], [3, 30], [4, 40]]);
    const next = side(c, [[1, 10], [2, -1], [3, 30], [4, 40], [5, 50], [6, 60]]);
    const d = diffResults(pin, next, ['id']);
    assert.deepEqual(d.added, [4, 5]);
    assert.deepEqual(d.removed, [0]);
    assert.deepEqual([...d.changed], [[1, [1]]]);
    assert.equal(diffCounts(d), '+2 −1 ~1');
    assert.equal(d.partner.get(0), 1);
  });

  it('guesses the first column as the key; keys the new result lacks fall back to it', () => {
    const c = cols('a', 'b');
    assert.deepEqual(guessKeys(c), ['a']);
    assert.deepEqual(guessKeys([]), []);
    assert.deepEqual(usableKeys(['gone'], c, c), ['a']);
    assert.deepEqual(usableKeys(['b'], c, c), ['b']);
    assert.deepEqual(usableKeys(['a'], c, cols('b')), []);
  });

  it('a key of two columns matches on both', () => {
    const c = cols('day', 'event', 'n');
    const pin = side(c, [['d1', 'a', 1], ['d1', 'b', 2]]);
    const next = side(c, [['d1', 'b', 2], ['d1', 'a', 5]]);
    const d = diffResults(pin, next, ['day', 'event']);
    assert.deepEqual([d.added, d.removed, [...d.changed]], [[], [], [[1, [2]]]]);
    // keyed on `day` only, the rows pair in order of appearance: both differ
    assert.equal(diffResults(pin, next, ['day']).changed.size, 2);
  });

  it('64-bit integers sent as exact strings are compared exactly', () => {
    const c = [{ name: 'id', type: 'UInt64' }, { name: 'n', type: 'UInt64' }];
    const pin = side(c, [['9007199254740993', '18446744073709551615']]);
    const next = side(c, [['9007199254740993', '18446744073709551614'], ['9007199254740992', 1]]);
    const d = diffResults(pin, next, ['id']);
    assert.deepEqual([d.added, d.removed, [...d.changed]], [[1], [], [[0, [1]]]]);
  });

  it('NULL keys match NULL keys; a number and its text are different keys', () => {
    const c = cols('k', 'v');
    const d = diffResults(side(c, [[null, 1], ['1', 2]]), side(c, [[null, 1], [1, 2]]), ['k']);
    assert.deepEqual([d.added, d.removed, d.changed.size], [[1], [1], 0]);
  });

  it('duplicate keys pair in order of appearance; the extra ones are added or removed', () => {
    const c = cols('k', 'v');
    const pin = side(c, [['x', 1], ['x', 2], ['y', 3]]);
    const next = side(c, [['x', 1], ['y', 3], ['x', 9], ['x', 4]]);
    const d = diffResults(pin, next, ['k']);
    assert.deepEqual([d.added, d.removed, [...d.changed]], [[3], [], [[2, [1]]]]);
    assert.deepEqual(diffResults(next, pin, ['k']).removed, [3]);
  });

  it('columns only one side has are reported, not compared', () => {
    const d = diffResults(side(cols('id', 'old'), [[1, 'a']]), side(cols('id', 'new'), [[1, 'b']]), ['id']);
    assert.deepEqual([d.addedColumns, d.removedColumns, d.changed.size], [['new'], ['old'], 0]);
  });

  // ---- properties ----
  const cell = fc.oneof(fc.constant(null), fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', '9007199254740993', '9007199254740992'), fc.boolean());
  const rows = fc.array(fc.tuple(cell, cell, cell).map((t) => [...t] as Cell[]), { maxLength: 30 });
  const C3 = cols('k', 'v', 'w');

  it('property: a result diffed with itself is empty', () => {
    fc.assert(
      fc.property(rows, fc.constantFrom(['k'], ['v'], ['k', 'w']), (r, keys) => {
        const d = diffResults(side(C3, r), side(C3, r), keys);
        return d.added.length === 0 && d.removed.length === 0 && d.changed.size === 0 && d.partner.size === r.length;
      }),
    );
  });

  it('property: the counts agree with the sizes of both results', () => {
    fc.assert(
      fc.property(rows, rows, fc.constantFrom(['k'], ['v', 'w']), (a, b, keys) => {
        const d = diffResults(side(C3, a), side(C3, b), keys);
        const matched = d.partner.size;
        const partners = new Set(d.partner.values());
        return (
          d.added.length + matched === b.length &&
          d.removed.length + matched === a.length &&
          partners.size === matched &&
          d.changed.size <= matched &&
          [...d.changed.keys()].every((i) => d.partner.has(i)) &&
          d.removed.every((j) => !partners.has(j))
        );
      }),
    );
  });

  it('property: deterministic, and swapping sides swaps added and removed', () => {
    fc.assert(
      fc.property(rows, rows, (a, b) => {
        const d1 = diffResults(side(C3, a), side(C3, b), ['k']);
        const d2 = diffResults(side(C3, a), side(C3, b), ['k']);
        const back = diffResults(side(C3, b), side(C3, a), ['k']);
        assert.deepEqual(d1, d2);
        return back.added.length === d1.removed.length && back.removed.length === d1.added.length && back.changed.size === d1.changed.size;
      }),
    );
  });
});
