import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseJsonLossless, stringifyLossless } from '../../../src/api/json';
import { RowStream } from '../../../src/api/rowStream';
import { split } from './helpers/chunks';

/** Feeds `chunks` to a flat RowStream: the rows handed out, the text it still holds, `end()`'s value or error. */
function flat(chunks: string[], firstBatch: number) {
  const handed: unknown[] = [];
  const s = new RowStream({ path: ['results'], flat: true, firstBatch, batch: 2, onFirst: (_h, rows) => handed.push(...rows), onRows: (rows) => handed.push(...rows) });
  for (const c of chunks) s.push(c);
  const held = s.text().length;
  try {
    return { handed, held, value: s.end() as Record<string, unknown>, streamed: s.streamed };
  } catch (e) {
    return { handed, held, error: e as Error, streamed: s.streamed };
  }
}


const cell = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }), fc.constantFrom(']', '"', '\\', '},{', 'é💥'));
const field = fc.dictionary(fc.string().filter((k) => k !== 'results' && k !== '__proto__'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
const response = fc
  .record({ before: field, after: field, rows: fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 12 }), space: fc.constantFrom(undefined, 1) })
  .map(({ before, after, rows, space }) => stringifyLossless({ ...before, results: rows, ...after }, space));

describe('api/rowStream flat: rows handed out are not kept, nor the text (full export, #17)', () => {
  it('for any response split anywhere: every row handed out or left in the value, exactly; nothing held once streamed (property)', () => {
    fc.assert(
      fc.property(response, fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 4 }), (text, cuts, firstBatch) => {
        const chunks = split(text, cuts);
        const r = flat(chunks, firstBatch);
        assert.equal(r.error, undefined);
        const expected = parseJsonLossless(text) as Record<string, unknown>;
        const rows = expected.results as unknown[];
        assert.equal(r.streamed, rows.length >= firstBatch);
        assert.deepEqual([...r.handed, ...(r.value!.results as unknown[])], rows);
        assert.deepEqual({ ...r.value, results: [] }, { ...expected, results: [] });
        // once rows are handed out, only the last chunk is kept (for an error's excerpt), not the text
        if (r.streamed) assert.equal(r.held, chunks[chunks.length - 1]!.length);
      }),
      { numRuns: 400 },
    );
  });

  it('a body broken anywhere is a SyntaxError, as the one-shot parse; the same message when no row was handed out (property)', () => {
    fc.assert(
      fc.property(response, fc.nat(), fc.constantFrom('', ',', ']', '[', '}', '{', '"', ':', 'x', '1'), fc.array(fc.nat(), { maxLength: 6 }), (text, at, ch, cuts) => {
        const i = at % (text.length + 1);
        const broken = text.slice(0, i) + ch + (ch === '' ? '' : text.slice(i + 1));
        let oneShot: Error | undefined;
        try {
          parseJsonLossless(broken);
        } catch (e) {
          oneShot = e as Error;
        }
        const r = flat(split(broken, cuts), 1);
        if (!oneShot) return assert.equal(r.error, undefined);
        assert.equal(r.error?.name, 'SyntaxError', broken);
        if (r.handed.length === 0) assert.equal(r.error.message, oneShot.message);
      }),
      { numRuns: 600 },
    );
  });

  it('a duplicated rows key after rows were handed out is an error (they cannot be taken back)', () => {
    const r = flat(['{"results":[[1],[2],[3]', '],"results":[[4]]}'], 1);
    assert.deepEqual(r.handed, [[1], [2], [3]]);
    assert.equal(r.error?.name, 'SyntaxError');
  });
});
