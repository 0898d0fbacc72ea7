import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseJsonLossless } from '../../../src/api/json';
import { scanQueryResponse } from '../../../src/api/rowScan';

const scan = (text: string) => {
  const s = scanQueryResponse(text);
  return { fields: s.fields, rowCount: s.rowCount, rows: [...s.rows()] };
};

describe('api/rowScan: a query response read row by row', () => {
  it('reads the fields and the rows of a response, integers beyond 2^53 exact', () => {
    const text = '{"columns":["a","b"],"results":[[1,"x"],[18446744073709551615, "]},\\"["] ,[null,{"k":[1,2]}]],"types":[["a","UInt64"]],"hasMore":false}';
    const r = scan(text);
    assert.deepEqual(r.fields, { columns: ['a', 'b'], types: [['a', 'UInt64']], hasMore: false });
    assert.equal(r.rowCount, 3);
    assert.deepEqual(r.rows, [[1, 'x'], [18446744073709551615n, ']},"['], [null, { k: [1, 2] }]]);
  });

  it('handles empty objects, empty results, whitespace and bare literals before a closing brace', () => {
    assert.deepEqual(scan(' { } '), { fields: {}, rowCount: 0, rows: [] });
    assert.deepEqual(scan('{ "results" : [ ] , "n" : 5 }'), { fields: { n: 5 }, rowCount: 0, rows: [] });
    assert.deepEqual(scan('{"results":[1, true ,null],"x":-1.5e3}'), { fields: { x: -1500 }, rowCount: 3, rows: [1, true, null] });
  });

  it('rejects malformed text', () => {
    for (const bad of ['', '[1]', '{"a":1', '{"results":[[1],}', '{"a":"x}', '{"a":1} x']) assert.throws(() => scan(bad), SyntaxError, bad);
  });

  it('reads any response as JSON.parse does (property)', () => {
    const row = fc.array(fc.jsonValue(), { maxLength: 5 });
    fc.assert(
      fc.property(fc.dictionary(fc.string().filter((k) => k !== 'results' && k !== '__proto__'), fc.jsonValue(), { maxKeys: 4 }), fc.array(row, { maxLength: 8 }), fc.nat(5), (fields, rows, at) => {
        const entries = Object.entries(fields).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
        entries.splice(Math.min(at, entries.length), 0, `"results":${JSON.stringify(rows, null, at % 2 ? 1 : undefined)}`);
        const text = `{${entries.join(at % 3 ? ',' : ' ,\n ')}}`;
        const r = scan(text);
        const { results, ...rest } = parseJsonLossless(text) as { results: unknown[] };
        assert.deepEqual(r.rows, results);
        assert.deepEqual(r.fields, rest);
      }),
    );
  });
});
