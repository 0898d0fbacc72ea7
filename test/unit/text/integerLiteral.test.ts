// One rule for "is this JSON integer literal a safe JS integer" (src/text/integerLiteral.ts), used
// by the lossless JSON reader (src/api/json.ts) and the wire text (src/results/wireText.ts), checked
// against BigInt arithmetic.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isSafeIntegerLiteral } from '../../../src/text/integerLiteral';

const MAX = BigInt(Number.MAX_SAFE_INTEGER); // 2^53 − 1
/** The oracle: the literal's exact value is within ±(2^53 − 1). */
const safeByBigInt = (s: string): boolean => (BigInt(s) < 0n ? -BigInt(s) : BigInt(s)) <= MAX;
/** Whether `Number` of the literal is its exact value (`BigInt(Number(s)) === BigInt(s)`). */
const exact = (s: string): boolean => BigInt(Number(s)) === BigInt(s);

/** An integer literal: sign, leading zeros, then the digits of `v` (any up to 22 digits, or 14–17 digits). */
const digitsOf = fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 21n }), fc.bigInt({ min: 10n ** 13n, max: 2n ** 54n }));
const literal = fc.tuple(fc.boolean(), fc.nat({ max: 3 }), digitsOf).map(([neg, zeros, v]) => `${neg ? '-' : ''}${'0'.repeat(zeros)}${v}`);
/** Values around the edges: 2^53 ± 2, 10^15…10^16 ± 1, 19–20 digits (Int64 / UInt64), 2^63, 2^64. */
const edges = fc.tuple(fc.boolean(), fc.constantFrom(2n ** 53n, 10n ** 15n, 10n ** 16n, 2n ** 63n, 2n ** 64n, 10n ** 18n, 10n ** 19n), fc.integer({ min: -2, max: 2 })).map(([neg, base, d]) => `${neg ? '-' : ''}${base + BigInt(d)}`);

describe('text/integerLiteral: whether a JSON integer literal is a safe integer', () => {
  it('agrees with BigInt on any integer literal, signs and leading zeros included (property)', () => {
    fc.assert(
      fc.property(fc.oneof(literal, edges), (s) => {
        const safe = isSafeIntegerLiteral(s);
        assert.equal(safe, safeByBigInt(s), s);
        assert.equal(safe, Number.isSafeInteger(Number(s)), s);
        if (safe) assert.ok(exact(s), `${s}: a safe literal reads exactly`);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the literal between start and end of a longer text (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(literal, edges), fc.string(), (before, s, after) => {
        assert.equal(isSafeIntegerLiteral(before + s + after, before.length, before.length + s.length), safeByBigInt(s));
      }),
    );
  });

  it('the edges: ±(2^53 − 1) safe; 2^53 and −2^63 exactly representable, yet not safe; -0 and 0 safe', () => {
    for (const s of ['9007199254740991', '-9007199254740991', '0', '-0', '00', '-000', '0009007199254740991', '999999999999999', '1000000000000000']) assert.equal(isSafeIntegerLiteral(s), true, s);
    for (const s of ['9007199254740992', '-9007199254740992', '9007199254740993', '-9223372036854775808', '18446744073709551615', '9999999999999999', '10000000000000000']) assert.equal(isSafeIntegerLiteral(s), false, s);
    assert.ok(exact('9007199254740992') && exact('-9223372036854775808'), 'representable, but their neighbours are not: kept exact as bigints');
  });
});
