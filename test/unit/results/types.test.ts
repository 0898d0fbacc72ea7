import * as assert from 'node:assert/strict';
import { classifyType, isNestedKind, isNumericKind, splitArgs } from '../../../src/results/types';

describe('query/types: ClickHouse type classifier', () => {
  it('classifies every integer width, signed and unsigned', () => {
    for (const bits of [8, 16, 32, 64, 128, 256]) {
      assert.deepEqual(
        [classifyType(`Int${bits}`).kind, classifyType(`Int${bits}`).bits, classifyType(`Int${bits}`).unsigned],
        ['int', bits, false],
      );
      assert.deepEqual([classifyType(`UInt${bits}`).kind, classifyType(`UInt${bits}`).unsigned], ['int', true]);
    }
    assert.equal(classifyType('Int7').kind, 'unknown');
  });

  it('unwraps Nullable and LowCardinality in either order', () => {
    const a = classifyType('LowCardinality(Nullable(String))');
    assert.deepEqual([a.kind, a.nullable, a.lowCardinality, a.base], ['string', true, true, 'String']);
    const b = classifyType('Nullable(LowCardinality(String))');
    assert.deepEqual([b.kind, b.nullable, b.lowCardinality], ['string', true, true]);
    const c = classifyType(' Nullable( Float64 ) ');
    assert.deepEqual([c.kind, c.nullable, c.lowCardinality], ['float', true, false]);
    assert.equal(classifyType('UInt64').nullable, false);
  });

  it('reads DateTime64 precision and timezone, DateTime timezone, Date/Date32', () => {
    const t = classifyType("DateTime64(6, 'America/New_York')");
    assert.deepEqual([t.kind, t.fractionDigits, t.timezone], ['datetime', 6, 'America/New_York']);
    assert.equal(classifyType('DateTime64(3)').timezone, undefined);
    assert.equal(classifyType("DateTime('UTC')").timezone, 'UTC');
    assert.equal(classifyType('DateTime').kind, 'datetime');
    assert.equal(classifyType('Date').kind, 'date');
    assert.equal(classifyType('Nullable(Date32)').kind, 'date');
  });

  it('reads Decimal precision and scale in both spellings', () => {
    const d = classifyType('Decimal(38, 10)');
    assert.deepEqual([d.kind, d.precision, d.scale], ['decimal', 38, 10]);
    const d64 = classifyType('Decimal64(4)');
    assert.deepEqual([d64.kind, d64.precision, d64.scale], ['decimal', 18, 4]);
  });

  it('classifies floats, bool, UUID, structures and unknowns', () => {
    const kinds = ['Float32', 'Float64', 'Bool', 'UUID', 'Array(Nullable(String))', "Map(String, Tuple(a Int8, b String))", 'Tuple(String, UInt8)', 'JSON', "Enum8('a' = 1, 'b' = 2)", 'Nothing', 'Geo', '']
      .map((t) => classifyType(t).kind);
    assert.deepEqual(kinds, ['float', 'float', 'bool', 'uuid', 'array', 'map', 'tuple', 'json', 'string', 'nothing', 'unknown', 'unknown']);
    const arr = classifyType('Array(Nullable(Int64))');
    assert.deepEqual([arr.element?.kind, arr.element?.nullable], ['int', true]);
  });

  it('splits arguments at top-level commas only, respecting quotes and parentheses', () => {
    assert.deepEqual(splitArgs("6, 'Europe/Berlin'"), ['6', "'Europe/Berlin'"]);
    assert.deepEqual(splitArgs("String, Tuple(a, b), 'x,(y'"), ['String', 'Tuple(a, b)', "'x,(y'"]);
    assert.deepEqual(splitArgs(''), []);
  });

  it('groups kinds into numeric and nested', () => {
    assert.deepEqual(['int', 'float', 'decimal', 'string', 'date'].map((k) => isNumericKind(k as never)), [true, true, true, false, false]);
    assert.deepEqual(['array', 'map', 'tuple', 'json', 'string'].map((k) => isNestedKind(k as never)), [true, true, true, true, false]);
  });
});
