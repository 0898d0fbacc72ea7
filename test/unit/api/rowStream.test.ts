import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseJsonLossless, stringifyLossless } from '../../../src/api/json';
import { RowStream, type RowStreamOptions } from '../../../src/api/rowStream';
import { pushAndEnd, split } from './helpers/chunks';

const STATUS_PATH = ['query_status', 'results', 'results'];

/** Feeds `chunks` to a RowStream; what it handed out and what `end()` gave (or threw). */
function stream(chunks: string[], opts: Partial<RowStreamOptions> = {}) {
  const handed: unknown[][] = [];
  let head: Record<string, unknown> | undefined;
  const s = new RowStream({
    path: ['results'],
    firstBatch: 2,
    batch: 3,
    ...opts,
    onFirst: (h, rows) => {
      head = h;
      handed.push(rows);
    },
    onRows: (rows) => handed.push(rows),
  });
  const { value, error } = pushAndEnd(s, chunks);
  return { value, error, handed, head, streamed: s.streamed };
}

const oneShot = (text: string): { value?: unknown; error?: Error } => {
  try {
    return { value: parseJsonLossless(text) };
  } catch (e) {
    return { error: e as Error };
  }
};

describe('api/rowStream: a query response parsed while it arrives', () => {
  it('hands out the first rows with the members before them, then batches; the value is the one-shot parse', () => {
    const text = '{"columns":["a","b"],"hasMore":false,"results":[[1,"x"],[18446744073709551615, "]},\\"["] ,[null,{"k":[1,2]}],[2,"y"],[-9223372036854775808,"z"]],"types":[["a","UInt64"],["b","String"]]}';
    for (const cuts of [[], [1, 30, 60, 61, 62, 100, 140], Array.from({ length: text.length }, (_, i) => i)]) {
      const r = stream(split(text, cuts));
      assert.equal(r.error, undefined);
      assert.deepEqual(r.value, parseJsonLossless(text));
      assert.equal(r.streamed, true);
      assert.deepEqual(r.head, { columns: ['a', 'b'], hasMore: false });
      assert.deepEqual(r.handed, [
        [[1, 'x'], [18446744073709551615n, ']},"[']],
        [[null, { k: [1, 2] }], [2, 'y'], [-9223372036854775808n, 'z']],
      ]);
    }
  });

  it('finds the rows of a finished async run inside its status', () => {
    const text = '{"query_status":{"id":"q","complete":true,"results":{"columns":["n"],"results":[[1],[2],[3]],"types":[["n","UInt64"]]},"end_time":"t"}}';
    const r = stream(split(text, [5, 50, 90]), { path: STATUS_PATH });
    assert.deepEqual(r.value, parseJsonLossless(text));
    assert.deepEqual(r.head, { query_status: { id: 'q', complete: true, results: { columns: ['n'] } } });
    assert.deepEqual(r.handed, [[[1], [2]], [[3]]]);
    // a running status has no rows: nothing is handed out
    const running = '{"query_status":{"id":"q","complete":false,"results":null}}';
    assert.deepEqual(stream([running], { path: STATUS_PATH }), { value: parseJsonLossless(running), error: undefined, handed: [], head: undefined, streamed: false });
  });

  it('hands nothing out for a result smaller than the first batch, and ignores rows elsewhere', () => {
    const small = stream(['{"columns":["a"],"results":[[1]]}']);
    assert.deepEqual(small.handed, []);
    assert.equal(small.streamed, false);
    assert.deepEqual(small.value, { columns: ['a'], results: [[1]] });
    const nested = stream(['{"x":{"results":[[1],[2],[3]]},"results":[]}']);
    assert.deepEqual(nested.handed, []);
    assert.deepEqual(nested.value, { x: { results: [[1], [2], [3]] }, results: [] });
  });

  it('a duplicated rows key: the value is the one-shot parse (the last one wins), marked as not streamed', () => {
    const text = '{"results":[[1],[2],[3]],"results":[[9]]}';
    const r = stream([text]);
    assert.deepEqual(r.value, { results: [[9]] });
    assert.equal(r.streamed, false);
  });

  it('malformed bodies throw what the one-shot parse throws', () => {
    const bad = ['', '{', '{"results":[[1],[2],[3]', '{"results":[[1],,[2]]}', '{"results":[[1],[2],[3],]}', '{"results":[[1] [2]]}', '{"results":[1 2]}', '{"results":[[1],[2],[3]]} x', '{"results":[[1],[2],[3]],}', '{"results":[}]}', '<html>'];
    for (const text of bad) {
      for (const cuts of [[], [3, 12, 15]]) {
        const r = stream(split(text, cuts));
        const o = oneShot(text);
        assert.ok(o.error, text);
        assert.equal(r.error?.message, o.error.message, text);
        assert.equal(r.error?.name, 'SyntaxError');
      }
    }
  });

  const cell = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }), fc.constantFrom(']', '[', '"', '\\', '},{', ',', 'é💥'));
  const row = fc.oneof({ weight: 5, arbitrary: fc.array(cell, { maxLength: 4 }) }, { weight: 1, arbitrary: cell });
  const field = fc.dictionary(fc.string().filter((k) => k !== 'results' && k !== 'query_status' && k !== '__proto__'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
  /** A response text: fields around the rows, in some layout; with the async status envelope or not. */
  const response = fc.record({ before: field, after: field, rows: fc.array(row, { maxLength: 12 }), status: fc.boolean(), space: fc.constantFrom(undefined, 1, 2) }).map(({ before, after, rows, status, space }) => {
    const inner = stringifyLossless({ ...before, results: rows, ...after }, space);
    return { text: status ? `{"query_status":{"id":"q","complete":true,"results":${inner}}}` : inner, path: status ? STATUS_PATH : ['results'] };
  });

  it('for any response split anywhere, the streamed value equals the one-shot parse (property)', () => {
    fc.assert(
      fc.property(response, fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 4 }), ({ text, path }, cuts, firstBatch) => {
        const r = stream(split(text, cuts), { path, firstBatch, batch: 2 });
        assert.equal(r.error, undefined);
        const expected = parseJsonLossless(text);
        assert.deepEqual(r.value, expected);
        let rows = expected as Record<string, unknown>;
        for (const k of path) rows = rows[k] as Record<string, unknown>;
        const all = rows as unknown as unknown[];
        assert.equal(r.streamed, all.length >= firstBatch);
        assert.deepEqual(r.handed.flat(), r.streamed ? all : []);
      }),
      { numRuns: 400 },
    );
  });

  it('for any response cut short or with a char replaced, the result or error is the one-shot one (property)', () => {
    fc.assert(
      fc.property(response, fc.nat(), fc.constantFrom('', ',', ']', '[', '}', '{', '"', ':', 'x', ' ', '1'), fc.array(fc.nat(), { maxLength: 6 }), ({ text, path }, at, ch, cuts) => {
        const i = at % (text.length + 1);
        const broken = text.slice(0, i) + ch + (ch === '' ? '' : text.slice(i + 1));
        const r = stream(split(broken, cuts), { path, firstBatch: 1, batch: 2 });
        const o = oneShot(broken);
        if (o.error) assert.equal(r.error?.message, o.error.message);
        else assert.deepEqual(r.value, o.value);
      }),
      { numRuns: 600 },
    );
  });
});
