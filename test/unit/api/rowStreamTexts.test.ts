import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseJsonLossless, stringifyLossless } from '../../../src/api/json';
import { RowStream } from '../../../src/api/rowStream';
import { pushAndEnd, split } from './helpers/chunks';

/** Feeds `chunks` to a RowStream with `onRowTexts`: what it handed out, in order, and what `end()` gave (or threw). */
function stream(chunks: string[], firstBatch = 2, batch = 3) {
  const handed: { kind: 'rows' | 'texts'; rows: unknown[] }[] = [];
  const s = new RowStream({
    path: ['results'],
    firstBatch,
    batch,
    onFirst: (_h, rows) => handed.push({ kind: 'rows', rows }),
    onRows: (rows) => handed.push({ kind: 'rows', rows }),
    onRowTexts: (texts) => handed.push({ kind: 'texts', rows: texts }),
  });
  const { value, error } = pushAndEnd(s, chunks);
  return { value, error, handed, streamed: s.streamed };
}

/** Every row handed out, texts parsed (each must be valid JSON on its own). */
const rowsOf = (handed: { kind: string; rows: unknown[] }[]): unknown[] => handed.flatMap((h) => (h.kind === 'texts' ? h.rows.map((t) => parseJsonLossless(t as string)) : h.rows));

describe('api/rowStream onRowTexts: later batches of flat rows handed out as their text (issue #21)', () => {
  it('hands flat rows as their own text, also rows cut by a chunk end; nested rows parsed; the value keeps the rows handed parsed', () => {
    const text = '{"columns":["a","b"],"results":[[1,"x"],[2,"y"],[3.50, "z\\"]"],[4,18446744073709551617],[5,"t"],[6,[1,2]],[7,"v"],[8,"u"]],"types":[]}';
    for (const cuts of [[], [70, 71, 90], Array.from({ length: text.length }, (_, i) => i)]) {
      const r = stream(split(text, cuts));
      assert.equal(r.error, undefined);
      assert.deepEqual(
        r.handed.map((h) => h.kind),
        ['rows', 'texts', 'rows'],
        String(cuts.length),
      );
      // the body's own spelling, whatever the chunks
      assert.deepEqual(r.handed[1].rows, ['[3.50, "z\\"]"]', '[4,18446744073709551617]', '[5,"t"]']);
      assert.deepEqual(rowsOf(r.handed), (parseJsonLossless(text) as { results: unknown[] }).results);
      assert.ok(r.streamed);
      // (the texts' rows are not in the value: the caller has them)
      assert.deepEqual((r.value as { results: unknown[] }).results, [...(r.handed[0].rows), ...(r.handed[2].rows)]);
    }
  });

  it('never hands out as text a row that is not valid JSON: the body fails as the one-shot parse does', () => {
    for (const bad of ['[3,,1]', '[tru]', '[01]', '["a\tb"]', '["\\x"]', '[1,]', '[-]', '[1.]', '[.5]', '["\\u12"]']) {
      const text = `{"results":[[1],[2],${bad},[4]],"types":[]}`;
      for (const cuts of [[], [20, 21, 22, 23, 24, 25]]) {
        const r = stream(split(text, cuts), 2, 2);
        assert.equal(r.handed.filter((h) => h.kind === 'texts').length, 0, bad);
        let expected: Error | undefined;
        try {
          parseJsonLossless(text);
        } catch (e) {
          expected = e as Error;
        }
        assert.equal(r.error?.message, expected?.message, bad);
      }
    }
  });

  const cell = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }), fc.constantFrom(']', '[', '"', '\\', '},{', ',', 'é💥', -0, 1e300));
  const row = fc.oneof({ weight: 8, arbitrary: fc.array(cell, { maxLength: 4 }) }, { weight: 1, arbitrary: cell });
  const response = fc.record({ rows: fc.array(row, { maxLength: 14 }), space: fc.constantFrom(undefined, 1) }).map(({ rows, space }) => stringifyLossless({ columns: ['a'], results: rows, types: [] }, space));

  it('for any response split anywhere, the rows handed out (texts parsed) are the one-shot rows, each text valid JSON (property)', () => {
    fc.assert(
      fc.property(response, fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 3 }), (text, cuts, firstBatch) => {
        const r = stream(split(text, cuts), firstBatch, 2);
        assert.equal(r.error, undefined);
        const all = (parseJsonLossless(text) as { results: unknown[] }).results;
        assert.equal(r.streamed, all.length >= firstBatch);
        assert.deepEqual(rowsOf(r.handed), r.streamed ? all : []);
        for (const h of r.handed) if (h.kind === 'texts') for (const t of h.rows) assert.ok(Array.isArray(JSON.parse(t as string)), t as string);
      }),
      { numRuns: 500 },
    );
  });

  it('for any response cut short or with a char replaced, the error is the one-shot one, and no invalid text was handed out (property)', () => {
    fc.assert(
      fc.property(response, fc.nat(), fc.constantFrom('', ',', ']', '[', '}', '{', '"', ':', 'x', ' ', '1', '-', '.', 'e'), fc.array(fc.nat(), { maxLength: 6 }), (text, at, ch, cuts) => {
        const i = at % (text.length + 1);
        const broken = text.slice(0, i) + ch + (ch === '' ? '' : text.slice(i + 1));
        const r = stream(split(broken, cuts), 1, 2);
        for (const h of r.handed) if (h.kind === 'texts') for (const t of h.rows) JSON.parse(t as string);
        let expected: Error | undefined;
        try {
          parseJsonLossless(broken);
        } catch (e) {
          expected = e as Error;
        }
        if (expected) assert.equal(r.error?.message, expected.message);
        else assert.equal(r.error, undefined);
      }),
      { numRuns: 800 },
    );
  });
});
