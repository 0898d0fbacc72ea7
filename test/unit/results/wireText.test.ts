import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseJsonLossless, stringifyLossless } from '../../../src/api/json';
import { toCell } from '../../../src/results/response';
import { WireRows, wireRowsText, wireText } from '../../../src/results/wireText';

/** What the panel got for these row texts before issue #21's change: lossless parse → cells → JSON text → JSON.parse. */
const viaCells = (texts: string[]): unknown => JSON.parse(JSON.stringify(texts.map((t) => toCell(parseJsonLossless(t)))));

describe('results/wireText: rows go to the panel as the body spells them (issue #21)', () => {
  it('keeps the body text, rewriting only the numbers whose cells are spelled otherwise', () => {
    assert.equal(wireRowsText(['[1.50,"a\\"b",2]', '[ 3 , null ]']), '[[1.50,"a\\"b",2],[ 3 , null ]]');
    assert.equal(wireText('[9007199254740993,9007199254740991,-9223372036854775808,1000000000000000]'), '["9007199254740993",9007199254740991,"-9223372036854775808",1000000000000000]');
    assert.equal(wireText('[-0,-0.0,-1e-400,-0.5,1e400,-1E+999,0.0,-10]'), '[0,0,0,-0.5,"Infinity","-Infinity",0.0,-10]');
    // digits and minus signs inside strings and keys are text
    assert.equal(wireText('[{"12345678901234567890":"-0 99999999999999999 \\\\"},"\\"1e999"]'), '[{"12345678901234567890":"-0 99999999999999999 \\\\"},"\\"1e999"]');
    assert.equal(wireText('[[18446744073709551615],{"k":[-0]}]'), '[["18446744073709551615"],{"k":[0]}]');
  });

  const spelledNumber = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
    fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String),
    fc.constantFrom('-0', '-0.0', '0.0', '1.50', '1E2', '-1e-400', '1e400', '-2E+999', '9007199254740992', '9007199254740993', '-9007199254740993', '1.0e-5', '9007199254740991', '-9007199254740991', '-9007199254740992', '1000000000000000', '9999999999999999', '-0e5'),
  );
  const value: fc.Arbitrary<string> = fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      spelledNumber,
      fc.string({ unit: 'binary' }).map((s) => JSON.stringify(s)),
      fc.constantFrom('true', 'false', 'null', '"\\u0000\\"\\\\-0 12345678901234567"', '"é💥"'),
      fc.array(tie('v'), { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`),
      fc.array(fc.tuple(fc.string(), tie('v')), { maxLength: 3 }).map((kvs) => `{${kvs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
    ),
  })).v as fc.Arbitrary<string>;
  const rowText = fc.tuple(fc.array(value, { maxLength: 5 }), fc.constantFrom('', ' ', '\n')).map(([cells, ws]) => `[${ws}${cells.join(`${ws},${ws}`)}${ws}]`);

  it('for any rows, JSON.parse of the wire text gives exactly the cells the panel got before (property)', () => {
    fc.assert(
      fc.property(fc.array(rowText, { maxLength: 6 }), (texts) => {
        assert.deepStrictEqual(JSON.parse(wireRowsText(texts)), viaCells(texts));
      }),
      { numRuns: 1500 },
    );
  });

  it('WireRows: the cells of the wire text, parsed on first use (once)', () => {
    const texts = ['[1,"é",18446744073709551615]', '[2.50,null,-0]'];
    const w = new WireRows(texts);
    assert.equal(w.count, 2);
    assert.equal(w.parsedYet, false);
    const rows = w.rows();
    assert.deepStrictEqual(rows, viaCells(texts));
    assert.equal(w.parsedYet, true);
    assert.equal(w.rows(), rows);
  });

  it('round-trips what the lossless stringifier writes (rows as PostHog sends them)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n })), { maxLength: 4 }), { maxLength: 5 }), (rows) => {
        const texts = rows.map((r) => stringifyLossless(r));
        assert.deepStrictEqual(JSON.parse(wireRowsText(texts)), viaCells(texts));
      }),
      { numRuns: 500 },
    );
  });
});
