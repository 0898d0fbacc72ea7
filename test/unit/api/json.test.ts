import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseJsonLossless, stringifyLossless } from '../../../src/api/json';

/** Forces the hand-written parser (a 16-digit run anywhere in the text disables the fast path). */
const slow = (text: string): unknown => (parseJsonLossless(`[${text}, "0000000000000000"]`) as unknown[])[0];

function hasUnsafeInteger(v: unknown): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && !Number.isSafeInteger(v);
  if (Array.isArray(v)) return v.some(hasUnsafeInteger);
  if (v && typeof v === 'object') return Object.values(v).some(hasUnsafeInteger);
  return false;
}

describe('api json: lossless parsing', () => {
  it('integers beyond 2^53 become exact bigints; safe ones stay numbers', () => {
    const v = parseJsonLossless('{"results": [[18446744073709551615, -9223372036854775808, 9007199254740991, 9007199254740993, 12, 1.5, 1e21, 12345678901234567890.5]]}') as {
      results: unknown[][];
    };
    const row = v.results[0]!;
    assert.equal(row[0], 18446744073709551615n);
    assert.equal(row[1], -9223372036854775808n);
    assert.equal(row[2], 9007199254740991);
    assert.equal(row[3], 9007199254740993n);
    assert.equal(row[4], 12);
    assert.equal(row[5], 1.5);
    assert.equal(row[6], 1e21, 'exponent form is a float, as JSON.parse');
    assert.equal(typeof row[7], 'number', 'a fraction is a float, as JSON.parse');
  });

  it('takes the JSON.parse fast path when no 16-digit run exists, with identical results', () => {
    const text = '{"a": [1, 2.5, "x\\u00e9\\n", true, null, {"b": -0}], "c": 123456789012345}';
    assert.deepEqual(parseJsonLossless(text), JSON.parse(text));
  });

  it('takes the fast path for fractions of 16+ digits (Float64 columns: 1/3), yet keeps an unsafe integer beside them exact (#17)', () => {
    const bad = '[0.3333333333333333, 1234567890.1234567890123456, x]';
    // the fast path's error is JSON.parse's own (the hand-written parser words it differently)
    assert.throws(() => JSON.parse(bad));
    assert.throws(() => parseJsonLossless(bad), (e: Error) => assert.throws(() => JSON.parse(bad), { message: e.message }) === undefined);
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }), fc.constantFrom('', ' ', '\n'), (n, ws) => {
        const v = parseJsonLossless(`[0.3333333333333333,${ws}${n},${ws}1e-1234567890123456]`) as unknown[];
        assert.equal(v[1], n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n);
        assert.deepEqual(parseJsonLossless(`${n}`), v[1]);
      }),
      { numRuns: 300 },
    );
  });

  it('the slow parser matches JSON.parse on arbitrary JSON (property test)', () => {
    fc.assert(
      fc.property(fc.jsonValue().filter((v) => !hasUnsafeInteger(v)), (value) => {
        const text = JSON.stringify(value);
        assert.deepEqual(slow(text), JSON.parse(text));
      }),
      { numRuns: 400 },
    );
  });

  it('the slow parser keeps every unsafe integer exact (property test)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }), (n) => {
        const out = slow(`{"v": ${n}}`) as { v: unknown };
        if (n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)) assert.equal(out.v, Number(n));
        else assert.equal(out.v, n);
      }),
      { numRuns: 400 },
    );
  });

  it('rejects what JSON.parse rejects, with a SyntaxError', () => {
    const bad = ['', '{', '[1,]', '{"a":1,}', '01', '1.', '-', '.5', '"\\x"', '"a\nb"', 'tru', '[1] x', "{'a':1}", '"\\u12g4"', 'NaN', '{"a" 1}'];
    for (const b of bad) {
      assert.throws(() => JSON.parse(b), SyntaxError, `JSON.parse accepts ${b}`);
      assert.throws(() => slow(b), SyntaxError, `lossless parser accepts ${JSON.stringify(b)}`);
    }
  });

  it('reports truncation as "Unexpected end of JSON input"', () => {
    assert.throws(() => parseJsonLossless('[12345678901234567890, [1, 2'), /Unexpected end of JSON input/);
  });

  it('keeps __proto__ as an own property, like JSON.parse', () => {
    const v = slow('{"__proto__": {"polluted": 1}, "a": 2}') as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(v), Object.prototype);
    assert.deepEqual(Object.keys(v), ['__proto__', 'a']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('stringifyLossless writes bigints back as bare integers (round trip)', () => {
    const text = '{"results":[[18446744073709551615,"x",1.5,-9223372036854775808]]}';
    assert.equal(stringifyLossless(parseJsonLossless(text)), text);
    assert.equal(stringifyLossless({ a: 1 }), '{"a":1}');
  });
});
